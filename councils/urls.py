from django.urls import path

from .views import councils as views

app_name = "councils"

urlpatterns = [
    path("", views.CouncilListView.as_view(), name="council_list"),
    path("<str:code>/", views.CouncilDetailView.as_view(), name="council_detail"),
    path("<str:code>/activities/new/", views.ActivityCreateView.as_view(), name="activity_create"),
]
