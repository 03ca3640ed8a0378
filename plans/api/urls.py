"""The plans API's routes; config/api_urls.py gathers every app's."""

from rest_framework.routers import SimpleRouter

from .proposals import ProposalViewSet
from .views import AlignmentViewSet, LocalPlanProjectViewSet, PlanItemViewSet

router = SimpleRouter()
router.register("plan-items", PlanItemViewSet, basename="plan-item")
router.register("alignments", AlignmentViewSet, basename="alignment")
router.register("local-plan-projects", LocalPlanProjectViewSet, basename="local-plan-project")
router.register("proposals", ProposalViewSet, basename="proposal")

urlpatterns = router.urls
