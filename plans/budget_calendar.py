"""The budget calendar: when an LAO's planning and budget year closes its doors.

The rules (the Thai fiscal year runs 1 October to 30 September and is named by the year
it ends): for fiscal year N the LAO reviews its local plan with community forums in the
spring of year N−1, adopts the additions and changes by mid-year, and drafts the budget
ordinance by 15 August of year N−1. A proposal or plan item asking for money in year N
that reaches the LAO after that draft waits for the next year whose draft is still open.

The defaults below apply unless an administrator set an LAO's own date for a fiscal year
(``BudgetCalendarDate``). All years are Buddhist Era; dates are ordinary (CE) dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from common.thai import be_to_ce, thai_date

from .choices import BudgetDateKind
from .models import BudgetCalendarDate

# (month, day) in the calendar year before the fiscal year starts, i.e. BE year N−1.
DEFAULT_DAYS = {
    BudgetDateKind.PLAN_FORUM: (3, 31),
    BudgetDateKind.PLAN_ADOPTED: (6, 30),
    BudgetDateKind.BUDGET_DRAFT: (8, 15),
    BudgetDateKind.FISCAL_YEAR_START: (10, 1),
}
# How many later years a late submission may be pushed to before we stop looking.
MAX_YEARS_AHEAD = 5


def default_date(kind: str, fiscal_year: int) -> dt.date:
    month, day = DEFAULT_DAYS[BudgetDateKind(kind)]
    return dt.date(be_to_ce(fiscal_year) - 1, month, day)


@dataclass(frozen=True)
class CalendarDate:
    kind: str
    fiscal_year: int
    date: dt.date
    is_default: bool
    note: str = ""

    @property
    def label(self) -> str:
        return BudgetDateKind(self.kind).label


class BudgetCalendar:
    """The key dates of some LAOs over some fiscal years, read in one query."""

    def __init__(self, overrides: dict[tuple[int, int, str], BudgetCalendarDate]):
        self._overrides = overrides

    @classmethod
    def load(cls, *, lao_ids: Iterable[int], fiscal_years: Iterable[int]) -> BudgetCalendar:
        years = set(fiscal_years)
        years |= {y + k for y in list(years) for k in range(1, MAX_YEARS_AHEAD + 1)}
        rows = BudgetCalendarDate.objects.filter(lao_id__in=set(lao_ids), fiscal_year__in=years)
        return cls({(r.lao_id, r.fiscal_year, r.kind): r for r in rows})

    def date(self, lao_id: int, fiscal_year: int, kind: str) -> CalendarDate:
        row = self._overrides.get((lao_id, fiscal_year, kind))
        if row is not None:
            return CalendarDate(kind, fiscal_year, row.date, False, row.note)
        return CalendarDate(kind, fiscal_year, default_date(kind, fiscal_year), True)

    def year(self, lao_id: int, fiscal_year: int) -> list[CalendarDate]:
        """Every key date of one LAO's fiscal year, in date order."""
        return sorted((self.date(lao_id, fiscal_year, k) for k in BudgetDateKind.values), key=lambda d: d.date)

    def deadline(self, lao_id: int, fiscal_year: int) -> dt.date:
        """The last day a request for money in ``fiscal_year`` still reaches the budget draft."""
        return self.date(lao_id, fiscal_year, BudgetDateKind.BUDGET_DRAFT).date

    def window(self, lao_id: int, fiscal_year: int, on: dt.date, *, of_lao: bool = True) -> Window:
        """What happens to a request for ``fiscal_year`` that reaches the LAO (or, with
        ``of_lao=False``, another agency: the same dates, its own or the defaults) on ``on``."""
        deadline = self.deadline(lao_id, fiscal_year)
        considered = fiscal_year
        while on > self.deadline(lao_id, considered) and considered < fiscal_year + MAX_YEARS_AHEAD:
            considered += 1
        return Window(fiscal_year=fiscal_year, deadline=deadline, on=on, considered_in=considered, of_lao=of_lao)


@dataclass(frozen=True)
class Window:
    fiscal_year: int  # the year asked for
    deadline: dt.date  # that year's budget draft
    on: dt.date  # when the request reaches (or would reach) the LAO
    considered_in: int  # the first fiscal year whose draft it still reaches
    of_lao: bool = True  # the recipient drafts a budget ordinance (an LAO), else an agency's budget

    @property
    def missed(self) -> bool:
        return self.considered_in != self.fiscal_year

    @property
    def message(self) -> str:
        """"ยื่นหลัง 15 ส.ค. 2569: จะพิจารณาในปีงบประมาณ 2571" when missed, else the deadline."""
        if self.missed:
            return _("ยื่นหลัง %(deadline)s: จะพิจารณาในปีงบประมาณ %(year)s") % {
                "deadline": thai_date(self.deadline),
                "year": self.considered_in,
            }
        if not self.of_lao:
            return _("ยื่นได้ถึง %(deadline)s เพื่อเข้าคำของบประมาณปี %(year)s") % {
                "deadline": thai_date(self.deadline),
                "year": self.fiscal_year,
            }
        return _("ยื่นได้ถึง %(deadline)s เพื่อเข้าร่างข้อบัญญัติงบประมาณปี %(year)s") % {
            "deadline": thai_date(self.deadline),
            "year": self.fiscal_year,
        }


def window_for(*, lao, fiscal_year: int, on: dt.date) -> Window:
    """One LAO's window for one request (one query)."""
    return BudgetCalendar.load(lao_ids=[lao.pk], fiscal_years=[fiscal_year]).window(lao.pk, fiscal_year, on)
