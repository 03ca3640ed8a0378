"""The figures plans give to reports: read-only selectors returning plain values.

``subdistricts`` is the area a report covers, as a queryset of Subdistricts (used as a
subquery, never evaluated here), or None for the whole country.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from .choices import AlignmentStatus
from .models import PlanItem


def _plan_items(subdistricts, fiscal_year: int) -> QuerySet[PlanItem]:
    return PlanItem.objects.in_subdistricts(subdistricts).filter(plan__fiscal_year=fiscal_year)


def plan_items_by_alignment(*, subdistricts, fiscal_year: int) -> list[tuple[str, int]]:
    """(Thai label, plan items) for every alignment status of the year's community plans;
    an item not reviewed yet counts as pending."""
    found = dict(_plan_items(subdistricts, fiscal_year).order_by().values_list("alignment__status").annotate(n=Count("pk")))
    found[AlignmentStatus.PENDING.value] = found.get(AlignmentStatus.PENDING.value, 0) + found.pop(None, 0)
    return [(str(s.label), found.get(s.value, 0)) for s in AlignmentStatus]


def plan_items_per_council(*, subdistricts, fiscal_year: int) -> dict[int, tuple[int, int]]:
    """Council id → (plan items of the year, items taken into the local plan), for the
    councils that have any."""
    per_council = (
        _plan_items(subdistricts, fiscal_year)
        .order_by()
        .values_list("plan__council_id")
        .annotate(n=Count("pk"), aligned=Count("pk", filter=Q(alignment__status=AlignmentStatus.ALIGNED)))
    )
    return {pk: (n, aligned) for pk, n, aligned in per_council}
