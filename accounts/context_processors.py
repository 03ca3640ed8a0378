from .scoping import scope_for


def roles(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"portal_scope": None}
    return {"portal_scope": scope_for(user)}
