"""{% load council_members %}{% if council|members_manageable_by:user %}…{% endif %}"""

from django import template

from .. import permissions

register = template.Library()


@register.filter
def members_manageable_by(council, user) -> bool:
    """May this user manage the council's members (no query when the council's areas are joined)."""
    if council is None or user is None or not user.is_authenticated:
        return False
    return permissions.can_manage_members(user=user, council=council)
