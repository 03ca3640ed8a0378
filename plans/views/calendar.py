"""The budget calendar: the national defaults explained, and one LAO's key dates per
fiscal year (read by everyone whose area meets the LAO's; set by administrators)."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView, TemplateView

from common.thai import current_fiscal_year, looks_like_be
from common.views import ScopedObjectMixin, ServiceFormView

from .. import permissions
from ..budget_calendar import DEFAULT_DAYS, default_date
from ..choices import BudgetDateKind
from ..forms.calendar import BudgetCalendarForm
from ..selectors import calendar as selectors
from ..services.calendar import budget_calendar_set


class BudgetCalendarDefaultsView(TemplateView):
    """The rules every LAO's calendar starts from, shown for the coming fiscal years."""

    template_name = "plans/calendar_defaults.html"

    def get_context_data(self, **kwargs):
        first = current_fiscal_year()
        years = [first, first + 1, first + 2]
        rows = [
            (BudgetDateKind(kind).label, [default_date(kind, year) for year in years]) for kind in DEFAULT_DAYS
        ]
        return super().get_context_data(years=years, rows=rows, **kwargs)


class BudgetCalendarNextYearView(RedirectView):
    """An LAO's calendar without a year: the coming fiscal year's (the page checks the scope)."""

    http_method_names = ["get"]

    def get_redirect_url(self, *args, **kwargs):
        year = current_fiscal_year() + 1
        return reverse("plans:budget_calendar_year", kwargs={"lao_id": kwargs["lao_id"], "fiscal_year": year})


class BudgetCalendarView(ScopedObjectMixin, ServiceFormView):
    """GET: the LAO's key dates of the fiscal year (its own where set, the defaults
    otherwise) and, for administrators, the form; POST: administrators only (403)."""

    template_name = "plans/calendar_detail.html"
    scoped_object_name = "lao"
    not_found_message = _("ไม่พบองค์กรปกครองส่วนท้องถิ่นนี้")
    form_class = BudgetCalendarForm
    success_message = _("บันทึกปฏิทินงบประมาณปี %(year)s แล้ว")

    def get_scoped_object(self):
        return selectors.lao_for_calendar(user=self.request.user, pk=self.kwargs["lao_id"])

    def get_rules(self):
        return [permissions.can_edit_budget_calendar] if self.request.method == "POST" else []

    def rule_kwargs(self):
        return {"user": self.request.user}

    @property
    def fiscal_year(self) -> int:
        year = self.kwargs["fiscal_year"]
        if not looks_like_be(year):
            raise Http404(_("ปีงบประมาณต้องเป็นปี พ.ศ."))
        return year

    @cached_property
    def dates(self):
        return selectors.calendar_year(lao=self.lao, fiscal_year=self.fiscal_year)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "dates": self.dates}

    def run_service(self, form):
        return budget_calendar_set(lao=self.lao, fiscal_year=self.fiscal_year, by=self.request.user, dates=form.dates())

    def success_message_args(self, result):
        return {"year": self.fiscal_year}

    def get_success_url(self):
        return reverse("plans:budget_calendar_year", kwargs={"lao_id": self.lao.pk, "fiscal_year": self.fiscal_year})

    def get_context_data(self, **kwargs):
        can_edit = permissions.can_edit_budget_calendar(user=self.request.user)
        if not can_edit:
            kwargs["form"] = None
        year = self.fiscal_year
        return super().get_context_data(
            fiscal_year=year, dates=self.dates, can_edit=can_edit, years=[year - 1, year, year + 1], **kwargs
        )
