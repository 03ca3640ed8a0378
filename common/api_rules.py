"""The API's one permission class (its own module: DRF loads it while importing its views,
so it may import nothing that imports them)."""

from rest_framework.permissions import BasePermission


class RulePermission(BasePermission):
    """The API's door check, the counterpart of ``common.views.ScopedObjectMixin``.

    A viewset's queryset is already narrowed to the user's scope, so an object outside it
    answers 404. ``view.rules`` maps an action to the permission rule that must allow it
    (403 with the rule's own Thai message otherwise): a list or create action asks the rule
    with the user only; a detail action asks it with the object, passed as
    ``view.rule_kwargs(obj)`` (by default ``{view.rule_object_name: obj}``) when the view
    looks the object up (``get_object`` or ``check_object_permissions``)."""

    def _rule(self, view):
        return (getattr(view, "rules", None) or {}).get(getattr(view, "action", None))

    def _ask(self, rule, **kwargs) -> bool:
        if rule(**kwargs):
            return True
        self.message = getattr(rule, "denied_message", None) or self.message
        return False

    def has_permission(self, request, view):
        rule = self._rule(view)
        if rule is None or getattr(view, "detail", False):
            return True
        return self._ask(rule, user=request.user)

    def has_object_permission(self, request, view, obj):
        rule = self._rule(view)
        if rule is None or not getattr(view, "detail", False):
            return True
        if hasattr(view, "rule_kwargs"):
            kwargs = view.rule_kwargs(obj)
        else:
            kwargs = {view.rule_object_name: obj}
        return self._ask(rule, user=request.user, **kwargs)
