"""What the site's menu offers a signed-in user from coordination, asked of its rules."""

from . import permissions


def coordination_menu(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"has_agency_inbox": permissions.can_use_agency_inbox(user=user)}
