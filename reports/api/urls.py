"""The reports API's routes; config/api_urls.py gathers every app's."""

from rest_framework.routers import SimpleRouter

from .views import ReportViewSet

router = SimpleRouter()
router.register("reports", ReportViewSet, basename="report")

urlpatterns = router.urls

# Monitoring indicators (reports.indicators.api).
from ..indicators.api import IndicatorValueViewSet, IndicatorViewSet  # noqa: E402

router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("indicator-values", IndicatorValueViewSet, basename="indicator-value")
urlpatterns = router.urls
