from django.urls import path

from . import views, views_public
from .indicators.urls import urlpatterns as indicator_urls

app_name = "reports"

urlpatterns = [
    path("", views.ReportListView.as_view(), name="report_list"),
    path("<int:pk>/", views.ReportDetailView.as_view(), name="report_detail"),
    path("<int:pk>/status/", views.ReportStatusView.as_view(), name="report_status"),
    path("<int:pk>/download/", views.ReportDownloadView.as_view(), name="report_download"),
    path("<int:pk>/download/xlsx/", views.ReportDownloadView.as_view(xlsx=True), name="report_download_xlsx"),
    path("<int:pk>/regenerate/", views.ReportRegenerateView.as_view(), name="report_regenerate"),
    path("<int:pk>/publish/", views.ReportPublishView.as_view(), name="report_publish"),
    path("public/", views.PublicReportListView.as_view(), name="public_list"),
    path("public/<int:pk>/", views.PublicReportDetailView.as_view(), name="public_detail"),
    path("public/<int:pk>/download/", views.PublicReportDownloadView.as_view(), name="public_download"),
    path(
        "public/<int:pk>/download/xlsx/",
        views.PublicReportDownloadView.as_view(xlsx=True),
        name="public_download_xlsx",
    ),
    path("public/dashboard/", views_public.PublicDashboardView.as_view(), name="public_dashboard"),
    path("public/charts/", views_public.PublicChartsView.as_view(), name="public_charts"),
    path("public/data/", views_public.OpenDataView.as_view(), name="open_data"),
    path("public/data/<slug:dataset>.<str:fmt>", views_public.OpenDataDownloadView.as_view(), name="open_data_download"),
    path("narratives/<int:fiscal_year>/", views.NarrativeView.as_view(), name="narrative"),
    path("narratives/<int:fiscal_year>/<str:scope>/<str:code>/", views.NarrativeView.as_view(), name="narrative_area"),
    *indicator_urls,
]
