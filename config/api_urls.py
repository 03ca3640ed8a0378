"""/api/v1/: every app's API routes, each app's from its own ``<app>/api/urls.py``.

On top of them, what DefaultRouter gave when all routes were registered here: the browsable
root listing each collection (``api-root``) and a format suffix on every route (``.json``).
"""

from importlib import import_module

from django.urls import include, path
from rest_framework.routers import DefaultRouter
from rest_framework.urlpatterns import format_suffix_patterns

APP_APIS = ("agencies.api.urls", "councils.api.urls", "plans.api.urls", "reports.api.urls")


def _api_root():
    collections = {
        prefix: f"{basename}-list"
        for module in APP_APIS
        for prefix, _viewset, basename in import_module(module).router.registry
    }
    return DefaultRouter.APIRootView.as_view(api_root_dict=collections)


urlpatterns = format_suffix_patterns(
    [path("", _api_root(), name="api-root"), *(path("", include(module)) for module in APP_APIS)]
)
