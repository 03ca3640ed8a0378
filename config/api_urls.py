from rest_framework.routers import DefaultRouter

from councils.api.views import ActivityViewSet, CouncilViewSet
from plans.api.views import AlignmentViewSet, LocalPlanProjectViewSet, PlanItemViewSet
from reports.api.views import ReportViewSet

router = DefaultRouter()
router.register("councils", CouncilViewSet, basename="council")
router.register("activities", ActivityViewSet, basename="activity")
router.register("plan-items", PlanItemViewSet, basename="plan-item")
router.register("alignments", AlignmentViewSet, basename="alignment")
router.register("local-plan-projects", LocalPlanProjectViewSet, basename="local-plan-project")
router.register("reports", ReportViewSet, basename="report")

urlpatterns = router.urls
