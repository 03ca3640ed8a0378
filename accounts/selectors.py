"""Reads of users: who holds a role bound to a given council, district or agency."""

from django.db.models import QuerySet

from .models import Notification, User


def users_with_role(role: str, **target) -> QuerySet[User]:
    """Active users holding ``role`` bound to ``target`` (council=, district= or agency=)."""
    lookups = {f"role_assignments__{key}": value for key, value in target.items()}
    return User.objects.filter(is_active=True, role_assignments__role=role, **lookups).distinct().order_by("pk")


def notifications_for(*, user) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user).order_by("-created_at", "-pk")
