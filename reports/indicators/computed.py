"""Indicators the portal computes from its own records (คำนวณจากระบบ), on read.

Why on read and not a beat task storing values: each figure is one aggregate query over
the place's subdistricts through the owning app's ``reporting.py``, so a page shows a
handful of them at a constant cost whatever the data size, and a figure is never stale
(a meeting marked held shows at once). A stored copy would need invalidating on every
meeting, alignment, answer and assessment. Computed values need no approval: they are
the records themselves, labelled as computed wherever they are shown.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

from councils import reporting as councils_reporting
from meetings import reporting as meetings_reporting
from plans import reporting as plans_reporting

from ..choices import ComputedSource


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def computed_value(*, source: str, subdistricts, fiscal_year: int, dates) -> tuple[Decimal | None, str]:
    """(the value, how it was counted) for a computed indicator over a place and period;
    the value is None when there is nothing to count (e.g. no obstacle was raised)."""
    if source == ComputedSource.MEETINGS_HELD:
        n = meetings_reporting.meetings_held(subdistricts=subdistricts, dates=dates)
        return Decimal(n), ""
    if source == ComputedSource.PLAN_ITEMS_ALIGNED:
        aligned, total = plans_reporting.plan_alignment_share(subdistricts=subdistricts, fiscal_year=fiscal_year)
        return _percent(aligned, total), f"{aligned}/{total}"
    if source == ComputedSource.OBSTACLES_ANSWERED_IN_TIME:
        in_time, raised = meetings_reporting.obstacles_answered_in_time(
            subdistricts=subdistricts, dates=dates, days=settings.OBSTACLE_ANSWER_DAYS
        )
        return _percent(in_time, raised), f"{in_time}/{raised}"
    if source == ComputedSource.COUNCILS_PASSED:
        passed, assessed = councils_reporting.councils_passed(subdistricts=subdistricts, fiscal_year=fiscal_year)
        return Decimal(passed), f"{passed}/{assessed}"
    raise ValueError(source)
