"""The agencies API's routes; config/api_urls.py gathers every app's."""

from rest_framework.routers import SimpleRouter

from .views import AgencyViewSet, AgreementViewSet, MissionViewSet

router = SimpleRouter()
router.register("agencies", AgencyViewSet, basename="agency")
router.register("missions", MissionViewSet, basename="mission")
router.register("agreements", AgreementViewSet, basename="agreement")

urlpatterns = router.urls
