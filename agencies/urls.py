from django.urls import path

from . import views

app_name = "agencies"

urlpatterns = [
    path("", views.AgencyListView.as_view(), name="agency_list"),
    path("agreements/<int:pk>/file/", views.AgreementFileView.as_view(), name="agreement_file"),
    path("<int:pk>/", views.AgencyDetailView.as_view(), name="agency_detail"),
    path("<int:pk>/missions/new/", views.MissionCreateView.as_view(), name="mission_create"),
    path("<int:pk>/missions/<int:mission_pk>/edit/", views.MissionUpdateView.as_view(), name="mission_update"),
    path("<int:pk>/missions/<int:mission_pk>/delete/", views.MissionDeleteView.as_view(), name="mission_delete"),
    path("<int:pk>/agreements/new/", views.AgreementCreateView.as_view(), name="agreement_create"),
    path("<int:pk>/agreements/<int:agreement_pk>/edit/", views.AgreementUpdateView.as_view(), name="agreement_update"),
    path(
        "<int:pk>/agreements/<int:agreement_pk>/delete/", views.AgreementDeleteView.as_view(), name="agreement_delete"
    ),
]
