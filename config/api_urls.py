from rest_framework.routers import DefaultRouter

from councils.api.assessments import AssessmentViewSet, IndicatorSetViewSet, MentorshipViewSet
from councils.api.members import MemberViewSet, PersonViewSet
from councils.api.views import ActivityViewSet, CouncilViewSet, OrganizationViewSet
from plans.api.views import AlignmentViewSet, LocalPlanProjectViewSet, PlanItemViewSet
from reports.api.views import ReportViewSet

router = DefaultRouter()
router.register("councils", CouncilViewSet, basename="council")
router.register("activities", ActivityViewSet, basename="activity")
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("members", MemberViewSet, basename="member")
router.register("people", PersonViewSet, basename="person")
router.register("indicator-sets", IndicatorSetViewSet, basename="indicator-set")
router.register("assessments", AssessmentViewSet, basename="assessment")
router.register("mentorships", MentorshipViewSet, basename="mentorship")
router.register("plan-items", PlanItemViewSet, basename="plan-item")
router.register("alignments", AlignmentViewSet, basename="alignment")
router.register("local-plan-projects", LocalPlanProjectViewSet, basename="local-plan-project")
router.register("reports", ReportViewSet, basename="report")

urlpatterns = router.urls
