"""What the site's menu offers a signed-in user, asked of councils' own rules."""

from . import permissions


def council_menu(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"can_import": permissions.can_import(user=user)}
