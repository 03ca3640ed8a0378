"""The unread notification count in the site's header: read from the signed-in user's own
row (kept by accounts.notifications), so no page pays a query for it."""


def notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": user.unread_notifications}
