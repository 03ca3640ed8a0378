"""Mentor tambon pages: the list, pairing, a mentorship's page with its visits and the
mentee's level before and after, ending it and logging a visit. Reading is open to
everyone whose area holds the mentor or the mentee; changing is for CODI staff only."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView

from common.forms import add_service_errors
from common.views import ScopedObjectMixin, ServiceFormView

from .. import permissions
from ..choices import AssessmentLevel, MentorshipStatus
from ..forms_assessments import MentoringVisitForm, MentorshipEndForm, MentorshipForm
from ..models import Mentorship
from ..selectors import councils_visible_to
from ..selectors import mentorships as selectors
from ..services import mentorships as services


def _detail_url(mentorship) -> str:
    return reverse("councils:mentorship_detail", kwargs={"pk": mentorship.pk})


class MentorshipListView(LoginRequiredMixin, ListView):
    template_name = "councils/mentorship_list.html"
    context_object_name = "mentorships"
    paginate_by = 50

    def get_queryset(self):
        qs = selectors.mentorships_visible_to(user=self.request.user)
        status = self.request.GET.get("status")
        return qs.filter(status=status) if status in MentorshipStatus.values else qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for m in context["mentorships"]:
            m.mentee_latest_level_label = AssessmentLevel(m.mentee_latest_level).label if m.mentee_latest_level else ""
        return dict(
            context,
            can_manage=permissions.can_manage_mentorships(user=self.request.user),
            statuses=MentorshipStatus.choices,
            status=self.request.GET.get("status", ""),
        )


class MentorshipCreateView(ScopedObjectMixin, ServiceFormView):
    """Pair a mentor with a mentee. Reached from the suggestions page with both codes and
    the suggested reason filled in. The service checks both councils lie in the area."""

    template_name = "councils/mentorship_form.html"
    form_class = MentorshipForm
    rule = permissions.can_manage_mentorships
    success_message = gettext_lazy("จับคู่ %(mentor)s เป็นตำบลพี่เลี้ยงของ %(mentee)s แล้ว")

    def get_initial(self):
        return {key: self.request.GET[key] for key in ("mentee", "mentor", "reason") if key in self.request.GET}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "councils": councils_visible_to(user=self.request.user)}

    def run_service(self, form):
        return services.mentorship_start(by=self.request.user, **form.cleaned_data)

    def success_message_args(self, mentorship):
        return {"mentor": mentorship.mentor.name, "mentee": mentorship.mentee.name}

    def get_success_url(self):
        return _detail_url(self.result)


def _render_detail(request, pk, *, visit_form=None, end_form=None, status=200):
    try:
        detail = selectors.mentorship_detail(user=request.user, pk=pk)
    except Mentorship.DoesNotExist:
        raise Http404(_("ไม่พบการจับคู่ตำบลพี่เลี้ยงนี้")) from None
    can_manage = permissions.can_change_mentorship(user=request.user, mentorship=detail.mentorship)
    context = {
        "detail": detail,
        "mentorship": detail.mentorship,
        "is_active": detail.mentorship.status == MentorshipStatus.ACTIVE,
        "can_manage": can_manage,
        "visit_form": visit_form or (MentoringVisitForm() if can_manage else None),
        "end_form": end_form or (MentorshipEndForm() if can_manage else None),
    }
    return render(request, "councils/mentorship_detail.html", context, status=status)


class MentorshipDetailView(LoginRequiredMixin, View):
    def get(self, request, pk):
        return _render_detail(request, pk)


class _MentorshipChangeView(ScopedObjectMixin, View):
    """POST-only: find the mentorship in the user's area (404), check the right (403),
    validate the form, call the service; on errors show the page again with them."""

    scoped_object_name = "mentorship"
    not_found_message = gettext_lazy("ไม่พบการจับคู่ตำบลพี่เลี้ยงนี้")
    form_class = None
    form_name = ""

    def get_scoped_object(self):
        return selectors.mentorship_for_change(user=self.request.user, pk=self.kwargs["pk"])

    rule = permissions.can_change_mentorship

    def post(self, request, pk):
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                self.perform(self.mentorship, form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return redirect(_detail_url(self.mentorship))
        return _render_detail(request, pk, **{self.form_name: form})

    def perform(self, mentorship, data):
        raise NotImplementedError


class MentoringVisitCreateView(_MentorshipChangeView):
    form_class = MentoringVisitForm
    form_name = "visit_form"

    def perform(self, mentorship, data):
        services.mentoring_visit_log(mentorship=mentorship, by=self.request.user, **data)
        messages.success(self.request, _("บันทึกการเยี่ยมเรียบร้อยแล้ว"))


class MentorshipEndView(_MentorshipChangeView):
    form_class = MentorshipEndForm
    form_name = "end_form"

    def perform(self, mentorship, data):
        services.mentorship_end(mentorship=mentorship, by=self.request.user, **data)
        messages.success(self.request, _("สิ้นสุดการจับคู่ตำบลพี่เลี้ยงแล้ว"))
