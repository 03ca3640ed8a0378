from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("notifications/", views.NotificationListView.as_view(), name="notification_list"),
    path("notifications/<int:pk>/open/", views.NotificationOpenView.as_view(), name="notification_open"),
    path("notifications/read-all/", views.NotificationReadAllView.as_view(), name="notification_read_all"),
    path("tokens/", views.ApiTokenListView.as_view(), name="api_token_list"),
    path("tokens/<int:pk>/revoke/", views.ApiTokenRevokeView.as_view(), name="api_token_revoke"),
    path("notifications/settings/", views.NotificationSettingsView.as_view(), name="notification_settings"),
]
