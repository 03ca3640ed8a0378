"""The shape of a permission rule, shared by every app's ``permissions.py``.

A rule is a plain function answering True or False for a user and the object(s) it is
about, decorated with the Thai message a refusal shows. Every door asks the same
function: a view or service calls ``require(rule, user=..., council=...)``, which raises
``PermissionDenied`` (a 403) with that message; a template or a serializer asks the
boolean.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied


def rule(denied_message) -> Callable:
    """Attach the Thai refusal message to a rule function."""

    def decorate(func: Callable[..., bool]) -> Callable[..., bool]:
        func.denied_message = denied_message
        return func

    return decorate


def require(check: Callable[..., bool], /, **kwargs) -> None:
    """Raise PermissionDenied with the rule's own message unless it allows."""
    if not check(**kwargs):
        raise PermissionDenied(getattr(check, "denied_message", ""))
