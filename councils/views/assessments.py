"""Quality assessment pages: record an assessment, a council's level history, and the
mentor suggestions for a weak council. Outside the user's area: 404; inside it without
the right: 403."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from common.forms import add_service_errors
from common.thai import current_fiscal_year

from .. import permissions
from ..forms_assessments import AssessmentForm
from ..selectors import assessments as assessment_selectors
from ..selectors import mentorships as mentorship_selectors
from ..services.assessments import assessment_record
from .councils import CouncilPageMixin


def _fiscal_year_param(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class AssessmentFormView(CouncilPageMixin, FormView):
    template_name = "councils/assessment_form.html"
    form_class = AssessmentForm
    rule = permissions.can_assess

    def _without_indicator_set(self):
        """No active indicator set: say so on the council page instead of a form."""
        try:
            self.indicator_set = assessment_selectors.indicator_set_active()
        except ValidationError as exc:
            messages.error(self.request, exc.messages[0])
            return redirect(self.council.get_absolute_url())
        params = self.request.POST if self.request.method == "POST" else self.request.GET
        self.year = _fiscal_year_param(params.get("fiscal_year")) or current_fiscal_year()
        self.existing = assessment_selectors.assessment_with_scores(council=self.council, fiscal_year=self.year)
        return None

    def get(self, request, *args, **kwargs):
        return self._without_indicator_set() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._without_indicator_set() or super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        initial = kwargs.setdefault("initial", {})
        initial["fiscal_year"] = self.year
        scores = None
        if self.existing is not None:
            initial.update(assessed_on=self.existing.assessed_on, note=self.existing.note)
            if self.existing.indicator_set_id == self.indicator_set.pk:
                scores = {s.indicator_id: s.score for s in self.existing.scores.all()}
        return {**kwargs, "indicator_set": self.indicator_set, "scores": scores}

    def get_context_data(self, **kwargs):
        return super().get_context_data(existing=self.existing, indicator_set=self.indicator_set, **kwargs)

    def form_valid(self, form):
        try:
            assessment = assessment_record(
                council=self.council,
                fiscal_year=form.cleaned_data["fiscal_year"],
                scores=form.scores(),
                by=self.request.user,
                assessed_on=form.cleaned_data["assessed_on"],
                note=form.cleaned_data["note"],
                indicator_set=self.indicator_set,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        verdict = _("ผ่านการประเมิน") if assessment.passed else _("ไม่ผ่านการประเมิน")
        messages.success(
            self.request,
            _("บันทึกผลการประเมินปีงบประมาณ %(year)s แล้ว: ระดับ%(level)s (ร้อยละ %(percent)s) %(verdict)s")
            % {
                "year": assessment.fiscal_year,
                "level": assessment.get_level_display(),
                "percent": assessment.percent,
                "verdict": verdict,
            },
        )
        return redirect(reverse("councils:assessment_history", kwargs={"code": self.council.subdistrict.code}))


class AssessmentHistoryView(CouncilPageMixin, TemplateView):
    template_name = "councils/assessment_history.html"
    rule = permissions.can_see_assessments

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            assessments=list(assessment_selectors.assessment_history(council=self.council)),
            can_assess=permissions.can_assess(user=user, council=self.council),
            can_manage_mentorships=permissions.can_manage_mentorships(user=user, councils=[self.council]),
            **kwargs,
        )


class MentorSuggestionsView(CouncilPageMixin, TemplateView):
    template_name = "councils/mentor_suggestions.html"
    rule = permissions.can_find_mentors

    def get_context_data(self, **kwargs):
        needs = mentorship_selectors.mentee_needs(mentee=self.council)
        return super().get_context_data(
            needs=needs,
            suggestions=mentorship_selectors.mentor_suggestions(
                user=self.request.user, mentee=self.council, needs=needs
            ),
            current=mentorship_selectors.mentorship_active_for(mentee=self.council),
            **kwargs,
        )
