"""The councils API's routes; config/api_urls.py gathers every app's."""

from rest_framework.routers import SimpleRouter

from .views import (
    ActivityViewSet,
    AssessmentViewSet,
    CouncilViewSet,
    IndicatorSetViewSet,
    MemberViewSet,
    MentorshipViewSet,
    OrganizationViewSet,
    PersonViewSet,
)

router = SimpleRouter()
router.register("councils", CouncilViewSet, basename="council")
router.register("activities", ActivityViewSet, basename="activity")
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("members", MemberViewSet, basename="member")
router.register("people", PersonViewSet, basename="person")
router.register("indicator-sets", IndicatorSetViewSet, basename="indicator-set")
router.register("assessments", AssessmentViewSet, basename="assessment")
router.register("mentorships", MentorshipViewSet, basename="mentorship")

urlpatterns = router.urls
