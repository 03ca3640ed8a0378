"""The reports API's routes; config/api_urls.py gathers every app's."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from .opendata import VIEWS as OPEN_DATA_VIEWS
from .views import ReportViewSet

router = SimpleRouter()
router.register("reports", ReportViewSet, basename="report")

# The open data (read-only, no sign-in): /api/v1/open/<dataset>/
urlpatterns = [
    *router.urls,
    *(path(f"open/{slug}/", view, name=f"open-{slug}") for slug, view in OPEN_DATA_VIEWS.items()),
]
