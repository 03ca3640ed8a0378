"""The plans API's routes; config/api_urls.py gathers every app's."""

from rest_framework.routers import SimpleRouter

from .community import CommunityPlanViewSet, PlanItemViewSet
from .local_plans import LocalPlanAmendmentViewSet, LocalPlanProjectViewSet
from .proposals import ProposalViewSet
from .views import AlignmentViewSet

router = SimpleRouter()
router.register("community-plans", CommunityPlanViewSet, basename="community-plan")
router.register("plan-items", PlanItemViewSet, basename="plan-item")
router.register("alignments", AlignmentViewSet, basename="alignment")
router.register("local-plan-projects", LocalPlanProjectViewSet, basename="local-plan-project")
router.register("local-plan-amendments", LocalPlanAmendmentViewSet, basename="local-plan-amendment")
router.register("proposals", ProposalViewSet, basename="proposal")

urlpatterns = router.urls
