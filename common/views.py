"""The shared doors of the HTML side: one mixin for pages about a scoped object, one base
for forms whose work is done by a service.

A page about an object finds it through a selector already narrowed to the user's scope
(not found: 404), then asks the app's permission rule (refused: 403, with the rule's own
Thai message). A form page validates the form, calls the service, and puts a
ValidationError the service raises onto the form, next to the fields it names.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from .forms import add_service_errors
from .rules import require


class ScopedObjectMixin(LoginRequiredMixin):
    """Sign-in required. ``get_scoped_object()`` loads the page's object through a scoped
    selector (``DoesNotExist`` → 404 with ``not_found_message``); ``rule`` (a function of
    the app's ``permissions.py``) is asked with ``rule_kwargs()`` → 403 when it refuses.
    The object is ``self.scoped_object`` and, under ``scoped_object_name``, in the
    template context."""

    rule = None
    not_found_message = _("ไม่พบข้อมูลนี้")
    scoped_object_name: str | None = None

    def get_scoped_object(self):
        return None

    def rule_kwargs(self) -> dict:
        kwargs = {"user": self.request.user}
        if self.scoped_object_name:
            kwargs[self.scoped_object_name] = self.scoped_object
        return kwargs

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        try:
            self.scoped_object = self.get_scoped_object()
        except (ObjectDoesNotExist, ValueError):
            raise Http404(self.not_found_message) from None
        if self.scoped_object_name:
            setattr(self, self.scoped_object_name, self.scoped_object)
        for check in self.get_rules():
            require(check, **self.rule_kwargs())
        return super().dispatch(request, *args, **kwargs)

    def get_rules(self) -> list:
        """The rules that must all allow the page, asked in order."""
        return [type(self).rule] if type(self).rule is not None else []

    def get_context_data(self, **kwargs):
        if self.scoped_object_name:
            kwargs.setdefault(self.scoped_object_name, self.scoped_object)
        return super().get_context_data(**kwargs)


class ServiceFormView(FormView):
    """``run_service(form)`` does the work; a ValidationError it raises is shown on the form
    and nothing else happens. On success: ``success_message`` (formatted with
    ``success_message_args(result)``) and a redirect to ``get_success_url()``."""

    success_message = ""

    def run_service(self, form):
        raise NotImplementedError

    def success_message_args(self, result) -> dict:
        return {}

    def form_valid(self, form):
        try:
            self.result = self.run_service(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, str(self.success_message) % self.success_message_args(self.result))
        return redirect(self.get_success_url())
