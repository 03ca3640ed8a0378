from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("review/<str:code>/", views.AlignmentReviewView.as_view(), name="alignment_review"),
    path("review/<str:code>/items/<int:item_id>/", views.AlignmentUpdateView.as_view(), name="alignment_update"),
]
