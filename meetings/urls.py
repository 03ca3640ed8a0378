from django.urls import path

from .views import obstacles, suggestions

app_name = "meetings"

urlpatterns = [
    path("obstacles/", obstacles.ObstacleListView.as_view(), name="obstacle_list"),
    path("obstacles/new/<str:code>/", obstacles.ObstacleCreateView.as_view(), name="obstacle_create"),
    path("obstacles/<int:pk>/", obstacles.ObstacleDetailView.as_view(), name="obstacle_detail"),
    path("obstacles/<int:pk>/answer/", obstacles.ObstacleAnswerView.as_view(), name="obstacle_answer"),
    path("obstacles/<int:pk>/evidence/", obstacles.ObstacleEvidenceView.as_view(), name="obstacle_evidence"),
    path("obstacles/overdue/<str:code>/", obstacles.OverdueObstaclesView.as_view(), name="obstacle_overdue"),
    path("inbox/", obstacles.AgencyInboxView.as_view(), name="agency_inbox"),
    path("suggestions/<str:code>/", suggestions.PublicSuggestionsView.as_view(), name="suggestion_public"),
    path(
        "suggestions/<str:code>/moderation/",
        suggestions.SuggestionModerationView.as_view(),
        name="suggestion_moderation",
    ),
    path(
        "suggestions/<str:code>/moderation/<int:pk>/",
        suggestions.SuggestionModerateView.as_view(),
        name="suggestion_moderate",
    ),
]
