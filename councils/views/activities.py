"""Logging an activity, editing it (its council's staff only) and reading its history."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from common.views import ScopedObjectMixin, ServiceFormView

from .. import permissions
from ..forms import ActivityForm
from ..selectors import activities as activity_selectors
from ..services import activities as activity_services
from .councils import CouncilStaffMixin


class ActivityCreateView(CouncilStaffMixin, ServiceFormView):
    template_name = "councils/activity_form.html"
    form_class = ActivityForm
    success_message = gettext_lazy("บันทึกกิจกรรมเรียบร้อยแล้ว")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "council": self.council}

    def run_service(self, form):
        return activity_services.activity_log(council=self.council, by=self.request.user, **form.service_kwargs())

    def get_success_url(self):
        return self.council.get_absolute_url()


class ActivityPageMixin(ScopedObjectMixin):
    """An activity of the council in the URL, inside the user's scope (404 otherwise)."""

    scoped_object_name = "activity"
    not_found_message = gettext_lazy("ไม่พบกิจกรรมนี้")

    def get_scoped_object(self):
        return activity_selectors.activity_for_edit(user=self.request.user, code=self.kwargs["code"], pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(council=self.activity.council, **kwargs)


class ActivityUpdateView(ActivityPageMixin, ServiceFormView):
    template_name = "councils/activity_form.html"
    form_class = ActivityForm
    rule = permissions.can_edit_activity
    success_message = gettext_lazy("บันทึกการแก้ไขกิจกรรมเรียบร้อยแล้ว")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "council": self.activity.council, "instance": self.activity}

    def run_service(self, form):
        return activity_services.activity_update(activity=self.activity, by=self.request.user, **form.service_kwargs())

    def get_success_url(self):
        return f"{self.activity.council.get_absolute_url()}#activity-{self.activity.pk}"


class ActivityHistoryView(ActivityPageMixin, TemplateView):
    """Who changed what, when: for anyone whose area covers the council (404 otherwise)."""

    template_name = "councils/activity_history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=activity_selectors.activity_history(activity=self.activity),
            can_edit=permissions.can_edit_activity(user=self.request.user, activity=self.activity),
            **kwargs,
        )


class ActivityPhotoReportView(ActivityPageMixin, View):
    """Put one of the activity's photos into the annual report, or take it out (POST
    ``in_report`` = 1 or 0): the council's staff and CODI staff whose area covers it."""

    rule = permissions.can_choose_report_photos
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        photo = next((p for p in self.activity.photos.all() if p.pk == self.kwargs["photo_id"]), None)
        if photo is None:
            raise Http404(_("ไม่พบภาพนี้"))
        in_report = request.POST.get("in_report") == "1"
        activity_services.activity_photo_choose(photo=photo, by=request.user, in_report=in_report)
        messages.success(request, _("เลือกภาพลงรายงานประจำปีแล้ว") if in_report else _("นำภาพออกจากรายงานประจำปีแล้ว"))
        return redirect(f"{self.activity.council.get_absolute_url()}#activity-{self.activity.pk}")
