"""The reports API's routes; config/api_urls.py gathers every app's."""

from rest_framework.routers import SimpleRouter

from .opendata import VIEWSETS as OPEN_DATA_VIEWSETS
from .views import ReportViewSet

router = SimpleRouter()
router.register("reports", ReportViewSet, basename="report")

# The open data (read-only lists, no sign-in): /api/v1/open/<dataset>/
for slug, viewset in OPEN_DATA_VIEWSETS.items():
    router.register(f"open/{slug}", viewset, basename=f"open-{slug}")

urlpatterns = router.urls

# Monitoring indicators (reports.indicators.api).
from ..indicators.api import IndicatorValueViewSet, IndicatorViewSet  # noqa: E402

router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("indicator-values", IndicatorValueViewSet, basename="indicator-value")
urlpatterns = router.urls
