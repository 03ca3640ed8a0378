"""An action item's page: its progress notes, and the moves its assignee (or the
meeting's keepers) make on it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from common.views import ScopedObjectMixin

from .. import permissions, selectors
from ..forms import ActionUpdateForm, ReasonForm
from ..services import actions as services
from .base import ServiceActionView


class ActionMixin(ScopedObjectMixin):
    """An action item inside the user's scope or assigned to them (404 otherwise)."""

    scoped_object_name = "action"
    not_found_message = _("ไม่พบงานที่ต้องติดตามนี้")

    def get_scoped_object(self):
        return selectors.action_for_page(user=self.request.user, pk=self.kwargs["pk"])

    def get_success_url(self):
        return reverse("meetings:action_detail", kwargs={"pk": self.action.pk})


class ActionDetailView(ActionMixin, TemplateView):
    template_name = "meetings/action_detail.html"

    def get_context_data(self, **kwargs):
        user, action = self.request.user, self.action
        can_report = permissions.can_report_action(user=user, action=action)
        return super().get_context_data(
            meeting=action.meeting,
            updates=list(selectors.action_updates(action=action)),
            can_report=can_report,
            can_cancel=permissions.can_manage_meeting(user=user, meeting=action.meeting),
            update_form=ActionUpdateForm() if can_report else None,
            cancel_form=ReasonForm(),
            **kwargs,
        )


class ActionUpdateAddView(ActionMixin, ServiceActionView):
    rule = permissions.can_report_action
    form_class = ActionUpdateForm
    success_message = _("บันทึกความคืบหน้าแล้ว")

    def run_service(self, form):
        services.action_update_add(
            action=self.action, by=self.request.user, note=form.cleaned_data["note"],
            evidence=form.cleaned_data["evidence"],
        )


class ActionStartView(ActionMixin, ServiceActionView):
    rule = permissions.can_report_action
    success_message = _("เริ่มดำเนินการแล้ว")

    def run_service(self, form):
        services.action_start(action=self.action, by=self.request.user)


class ActionDoneView(ActionMixin, ServiceActionView):
    rule = permissions.can_report_action
    success_message = _("บันทึกว่าเสร็จแล้ว")

    def run_service(self, form):
        services.action_complete(action=self.action, by=self.request.user)


class ActionCancelView(ActionMixin, ServiceActionView):
    form_class = ReasonForm
    success_message = _("ยกเลิกงานแล้ว")

    rule = permissions.can_manage_meeting

    def run_service(self, form):
        services.action_cancel(action=self.action, by=self.request.user, reason=form.cleaned_data["reason"])

    def rule_kwargs(self):
        return {"user": self.request.user, "meeting": self.action.meeting}
