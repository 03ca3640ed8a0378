"""The unread notification count in the site's header."""

from django.utils.functional import SimpleLazyObject

from . import selectors


def notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: selectors.unread_count(user=user))}
