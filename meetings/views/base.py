"""Shared doors of the meetings pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from common.views import ScopedObjectMixin
from councils.selectors import district_in_scope
from councils.selectors.councils import council_for_edit

from .. import permissions, selectors


class DistrictMixin(ScopedObjectMixin):
    """The district in the URL, inside the user's scope (404 otherwise)."""

    scoped_object_name = "district"
    not_found_message = _("ไม่พบอำเภอนี้")

    def get_scoped_object(self):
        return district_in_scope(user=self.request.user, code=self.kwargs["code"])


class CouncilMixin(ScopedObjectMixin):
    scoped_object_name = "council"
    not_found_message = _("ไม่พบสภาองค์กรชุมชนตำบลนี้")

    def get_scoped_object(self):
        return council_for_edit(user=self.request.user, code=self.kwargs["code"])


class MeetingMixin(ScopedObjectMixin):
    """A meeting inside the user's scope (404 otherwise); changing it: its keepers (403)."""

    scoped_object_name = "meeting"
    not_found_message = _("ไม่พบการประชุมนี้")
    rule = permissions.can_manage_meeting

    def get_scoped_object(self):
        return selectors.meeting_in_scope(user=self.request.user, pk=self.kwargs["pk"])


class ServiceActionView(View):
    """A POST that runs one service (a status move, a line added) and goes back to the
    object's page: a success message, or the Thai refusal, nothing written."""

    http_method_names = ["post"]
    form_class = None
    success_message = ""

    def get_form(self):
        return self.form_class(self.request.POST, self.request.FILES) if self.form_class else None

    def run_service(self, form):
        raise NotImplementedError

    def get_success_url(self):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form is not None and not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for error in errors:
                    messages.error(request, f"{label}: {error}" if label else error)
            return redirect(self.get_success_url())
        try:
            self.run_service(form)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(self.get_success_url())
        if self.success_message:
            messages.success(request, self.success_message)
        return redirect(self.get_success_url())
