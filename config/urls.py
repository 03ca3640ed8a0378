from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from config import views as portal_views
from councils.views.media import activity_photo
from meetings.views.photos import meeting_photo

urlpatterns = [
    path("", portal_views.HomeView.as_view(), name="home"),
    path("about/", portal_views.AboutView.as_view(), name="about"),
    path("healthz/", portal_views.healthz, name="healthz"),
    path("accounts/", include("accounts.urls")),
    path("agencies/", include("agencies.urls")),
    path("councils/", include("councils.urls")),
    path("plans/", include("plans.urls")),
    path("meetings/", include("meetings.urls")),
    path("reports/", include("reports.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    re_path(r"^media/activities/(?P<path>.+)$", activity_photo, name="activity-photo"),
    re_path(r"^media/meetings/photos/(?P<path>.+)$", meeting_photo, name="meeting-photo"),
]

handler404 = "common.api.page_not_found"  # JSON for URLs under /api/, like the API's own 404s
# Thai 503 while the database or the media disk is down, Thai 500 otherwise (JSON under /api/)
handler500 = "common.errors.server_error"
