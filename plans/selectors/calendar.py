"""Reads of the budget calendar: an LAO inside the user's scope and its key dates."""

from __future__ import annotations

from accounts.scoping import scope_for
from agencies.models import Agency
from agencies.selectors import agency_overlaps_scope

from ..budget_calendar import BudgetCalendar, CalendarDate


def lao_for_calendar(*, user, pk) -> Agency:
    """A local government whose area meets the user's scope (Agency.DoesNotExist: a 404)."""
    lao = (
        Agency.objects.local_governments()
        .select_related("province", "district__province", "subdistrict__district")
        .get(pk=pk)
    )
    if not agency_overlaps_scope(scope=scope_for(user), agency=lao):
        raise Agency.DoesNotExist(pk)
    return lao


def calendar_year(*, lao, fiscal_year: int) -> list[CalendarDate]:
    """The LAO's key dates of one fiscal year (its own where set, the defaults otherwise)."""
    return BudgetCalendar.load(lao_ids=[lao.pk], fiscal_years=[fiscal_year]).year(lao.pk, fiscal_year)
