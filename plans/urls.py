from django.urls import path

from .views import alignment, community

app_name = "plans"

urlpatterns = [
    path("review/<str:code>/", alignment.AlignmentReviewView.as_view(), name="alignment_review"),
    path("review/<str:code>/items/<int:item_id>/", alignment.AlignmentUpdateView.as_view(), name="alignment_update"),
    # Community plans: a council's, by its tambon code (helper A) ---------------------------
    path("council/<str:code>/", community.CommunityPlanListView.as_view(), name="community_plan_list"),
    path("council/<str:code>/new/", community.CommunityPlanCreateView.as_view(), name="community_plan_create"),
    path("council/<str:code>/<int:pk>/", community.CommunityPlanDetailView.as_view(), name="community_plan_detail"),
    path(
        "council/<str:code>/<int:pk>/edit/", community.CommunityPlanUpdateView.as_view(), name="community_plan_update"
    ),
    path("council/<str:code>/<int:pk>/copy/", community.CommunityPlanCopyView.as_view(), name="community_plan_copy"),
    path("council/<str:code>/<int:pk>/items/new/", community.PlanItemCreateView.as_view(), name="plan_item_create"),
    path(
        "council/<str:code>/<int:pk>/items/<int:item_id>/edit/",
        community.PlanItemUpdateView.as_view(),
        name="plan_item_update",
    ),
    path(
        "council/<str:code>/<int:pk>/items/<int:item_id>/delete/",
        community.PlanItemDeleteView.as_view(),
        name="plan_item_delete",
    ),
]
