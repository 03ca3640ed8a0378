"""The budget calendar's rules: defaults, an administrator's override, and the window."""

import datetime as dt

import pytest

from plans.budget_calendar import BudgetCalendar, default_date, window_for
from plans.choices import BudgetDateKind
from plans.models import BudgetCalendarDate

from ..factories import AgencyFactory


def test_defaults_fall_in_the_year_before_the_fiscal_year():
    assert default_date(BudgetDateKind.BUDGET_DRAFT, 2570) == dt.date(2026, 8, 15)
    assert default_date(BudgetDateKind.FISCAL_YEAR_START, 2570) == dt.date(2026, 10, 1)
    assert default_date(BudgetDateKind.PLAN_FORUM, 2570) == dt.date(2026, 3, 31)


def test_on_the_deadline_is_in_time_and_the_day_after_waits_a_year():
    calendar = BudgetCalendar({})
    on_time = calendar.window(1, 2570, dt.date(2026, 8, 15))
    late = calendar.window(1, 2570, dt.date(2026, 8, 16))
    assert (on_time.missed, on_time.considered_in) == (False, 2570)
    assert (late.missed, late.considered_in) == (True, 2571)
    assert late.message == "ยื่นหลัง 15 ส.ค. 2569: จะพิจารณาในปีงบประมาณ 2571"


def test_a_request_far_too_late_is_pushed_to_the_first_open_year():
    window = BudgetCalendar({}).window(1, 2568, dt.date(2026, 9, 1))
    assert window.considered_in == 2571


@pytest.mark.django_db
def test_an_lao_s_own_date_overrides_the_default_for_that_lao_only():
    lao, other = AgencyFactory(), AgencyFactory()
    BudgetCalendarDate.objects.create(
        lao=lao, fiscal_year=2570, kind=BudgetDateKind.BUDGET_DRAFT, date=dt.date(2026, 7, 31)
    )
    assert window_for(lao=lao, fiscal_year=2570, on=dt.date(2026, 8, 10)).considered_in == 2571
    assert window_for(lao=other, fiscal_year=2570, on=dt.date(2026, 8, 10)).considered_in == 2570
    dates = BudgetCalendar.load(lao_ids=[lao.pk], fiscal_years=[2570]).year(lao.pk, 2570)
    draft = next(d for d in dates if d.kind == BudgetDateKind.BUDGET_DRAFT)
    assert (draft.date, draft.is_default) == (dt.date(2026, 7, 31), False)
