"""Logging an activity, editing it (its council's staff only) and reading its history."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from accounts.scoping import scope_for

from ..forms import ActivityForm
from ..models import Activity
from ..selectors import activities as activity_selectors
from ..services import activities as activity_services
from .councils import CouncilStaffMixin, call_service


class ActivityCreateView(CouncilStaffMixin, FormView):
    template_name = "councils/activity_form.html"
    form_class = ActivityForm
    denied_message = gettext_lazy("คุณไม่มีสิทธิ์บันทึกกิจกรรมของสภานี้")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "council": self.council}

    def form_valid(self, form):
        if not call_service(form, activity_services.activity_log, council=self.council, by=self.request.user):
            return self.form_invalid(form)
        messages.success(self.request, _("บันทึกกิจกรรมเรียบร้อยแล้ว"))
        return redirect(self.council.get_absolute_url())


def _activity_or_404(user, kwargs) -> Activity:
    try:
        return activity_selectors.activity_for_edit(user=user, code=kwargs["code"], pk=kwargs["pk"])
    except Activity.DoesNotExist:
        raise Http404(_("ไม่พบกิจกรรมนี้")) from None


class ActivityUpdateView(LoginRequiredMixin, FormView):
    template_name = "councils/activity_form.html"
    form_class = ActivityForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.activity = _activity_or_404(request.user, kwargs)
        self.council = self.activity.council
        if not scope_for(request.user).can_edit_council(self.council):
            raise PermissionDenied(_("คุณไม่มีสิทธิ์แก้ไขกิจกรรมของสภานี้"))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "council": self.council, "instance": self.activity}

    def get_context_data(self, **kwargs):
        return super().get_context_data(council=self.council, activity=self.activity, **kwargs)

    def form_valid(self, form):
        if not call_service(form, activity_services.activity_update, activity=self.activity, by=self.request.user):
            return self.form_invalid(form)
        messages.success(self.request, _("บันทึกการแก้ไขกิจกรรมเรียบร้อยแล้ว"))
        return redirect(f"{self.council.get_absolute_url()}#activity-{self.activity.pk}")


class ActivityHistoryView(LoginRequiredMixin, TemplateView):
    """Who changed what, when: for anyone whose area covers the council (404 otherwise)."""

    template_name = "councils/activity_history.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        activity = _activity_or_404(self.request.user, self.kwargs)
        ctx.update(
            activity=activity,
            council=activity.council,
            entries=activity_selectors.activity_history(activity=activity),
            can_edit=scope_for(self.request.user).can_edit_council(activity.council),
        )
        return ctx
