"""The indicator pages' routes, part of the reports namespace (reports/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("indicators/", views.IndicatorListView.as_view(), name="indicator_list"),
    path("indicators/new/", views.IndicatorCreateView.as_view(), name="indicator_create"),
    path("indicators/<int:pk>/edit/", views.IndicatorUpdateView.as_view(), name="indicator_update"),
    path("indicators/<int:pk>/targets/", views.TargetSetView.as_view(), name="indicator_target"),
    path("indicators/queue/", views.QueueView.as_view(), name="indicator_queue"),
    path("indicators/area/<str:level>/<str:code>/", views.AreaView.as_view(), name="indicator_area"),
    path(
        "indicators/entry/<int:indicator_id>/<str:level>/<str:code>/<int:fiscal_year>/<int:quarter>/",
        views.ValueEntryView.as_view(),
        name="indicator_entry",
    ),
    path("indicators/values/<int:pk>/", views.ValueDetailView.as_view(), name="indicator_value"),
    path("indicators/values/<int:pk>/submit/", views.ValueSubmitView.as_view(), name="indicator_value_submit"),
    path("indicators/values/<int:pk>/approve/", views.ValueApproveView.as_view(), name="indicator_value_approve"),
    path("indicators/values/<int:pk>/return/", views.ValueReturnView.as_view(), name="indicator_value_return"),
    path("indicators/values/<int:pk>/evidence/", views.ValueEvidenceView.as_view(), name="indicator_evidence"),
]
