"""Writes to the budget calendar: an administrator sets an LAO's own key dates for a
fiscal year. A date equal to the default with no note is no override at all (the row is
removed), so the page keeps saying "ค่าเริ่มต้น" for it."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.rules import require
from common.thai import fiscal_year_bounds, thai_date

from .. import permissions
from ..budget_calendar import default_date
from ..choices import BudgetDateKind
from ..models import BudgetCalendarDate

# The order the key dates must keep within one fiscal year.
ORDER = (
    BudgetDateKind.PLAN_FORUM,
    BudgetDateKind.PLAN_ADOPTED,
    BudgetDateKind.BUDGET_DRAFT,
    BudgetDateKind.FISCAL_YEAR_START,
)


@transaction.atomic
def budget_calendar_set(*, lao, fiscal_year: int, by, dates: dict[str, tuple[dt.date, str]]) -> int:
    """Set the LAO's key dates of one fiscal year (``{kind: (date, note)}``; a kind left
    out keeps what it had). Returns how many overrides the year has afterwards."""
    require(permissions.can_edit_budget_calendar, user=by)
    if not lao.is_local_government:
        raise ValidationError(_("ปฏิทินงบประมาณใช้กับองค์กรปกครองส่วนท้องถิ่นเท่านั้น"))
    current = {row.kind: row for row in BudgetCalendarDate.objects.select_for_update().filter(lao=lao, fiscal_year=fiscal_year)}
    merged = {kind: (current[kind].date if kind in current else default_date(kind, fiscal_year)) for kind in ORDER}
    merged.update({kind: value[0] for kind, value in dates.items()})
    _check_order(merged, fiscal_year)
    for kind, (date, note) in dates.items():
        note = (note or "").strip()
        if date == default_date(kind, fiscal_year) and not note:
            BudgetCalendarDate.objects.filter(lao=lao, fiscal_year=fiscal_year, kind=kind).delete()
            continue
        BudgetCalendarDate.objects.update_or_create(
            lao=lao, fiscal_year=fiscal_year, kind=kind, defaults={"date": date, "note": note[:255], "updated_by": by}
        )
    return BudgetCalendarDate.objects.filter(lao=lao, fiscal_year=fiscal_year).count()


def _check_order(merged: dict, fiscal_year: int) -> None:
    errors = {}
    start, _end = fiscal_year_bounds(fiscal_year)
    earliest = dt.date(start.year - 1, 10, 1)  # a year before the fiscal year starts
    for kind in ORDER:
        if not earliest <= merged[kind] <= start:
            errors[f"date_{kind}"] = _("วันที่ต้องอยู่ระหว่าง %(a)s ถึง %(b)s (ก่อนเริ่มปีงบประมาณ %(year)s)") % {
                "a": thai_date(earliest), "b": thai_date(start), "year": fiscal_year,
            }  # fmt: skip
    for before, after in zip(ORDER, ORDER[1:], strict=False):
        if f"date_{after}" not in errors and merged[after] < merged[before]:
            errors[f"date_{after}"] = _("“%(after)s” ต้องไม่ก่อน “%(before)s” (%(date)s)") % {
                "after": BudgetDateKind(after).label, "before": BudgetDateKind(before).label,
                "date": thai_date(merged[before]),
            }  # fmt: skip
    if errors:
        raise ValidationError(errors)
