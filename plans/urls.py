from django.urls import path

from .views import alignment

app_name = "plans"

urlpatterns = [
    path("review/<str:code>/", alignment.AlignmentReviewView.as_view(), name="alignment_review"),
    path("review/<str:code>/items/<int:item_id>/", alignment.AlignmentUpdateView.as_view(), name="alignment_update"),
    path("review/items/<int:item_id>/accept/", alignment.AlignmentAcceptView.as_view(), name="alignment_accept"),
]
