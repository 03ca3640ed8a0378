"""The figures plans give to reports: read-only selectors returning plain values.

``subdistricts`` is the area a report covers, as a queryset of Subdistricts (used as a
subquery, never evaluated here), or None for the whole country.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet, Sum

from .choices import AlignmentStatus
from .models import PlanItem, SubsidyProposal


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


# The district and provincial plans in the annual report -------------------------------------
# The same counting rules as the district plan's page (plans/selectors/compile.py).


@dataclass
class AreaPlanFigures:
    """One district's (or province's) plan figures for a fiscal year."""

    code: str
    name: str
    province_code: str
    province: str
    items: int = 0
    aligned: int = 0
    partial: int = 0
    not_adopted: int = 0
    pending: int = 0
    proposals: int = 0  # asked: submitted, not withdrawn
    approved: int = 0
    amount_requested: Decimal = Decimal("0")
    amount_approved: Decimal = Decimal("0")
    missed: int = 0  # proposals that missed the budget window

    @property
    def percent_aligned(self) -> float:
        return round(100 * self.aligned / self.items, 1) if self.items else 0.0

    def add(self, other: AreaPlanFigures) -> None:
        for name in _SUMMED:
            setattr(self, name, getattr(self, name) + getattr(other, name))


_SUMMED = (
    "items", "aligned", "partial", "not_adopted", "pending",
    "proposals", "approved", "amount_requested", "amount_approved", "missed",
)  # fmt: skip


def plan_figures_by_district(*, subdistricts, fiscal_year: int) -> list[AreaPlanFigures]:
    """Per district of the area with any plan item or proposal of the year, in code order:
    items by alignment status, proposals asked and approved with their amounts, and those
    that missed the budget window. Four queries whatever the area's size."""
    from .selectors.compile import APPROVED_STATUSES, NOT_ASKED, proposal_windows

    rows: dict[int, AreaPlanFigures] = {}

    def row(district_id, code, name, province_code, province) -> AreaPlanFigures:
        if district_id not in rows:
            rows[district_id] = AreaPlanFigures(code, name, province_code, province)
        return rows[district_id]

    sub = "plan__council__subdistrict__district"
    items = (
        _plan_items(subdistricts, fiscal_year)
        .order_by()
        .values_list(f"{sub}_id", f"{sub}__code", f"{sub}__name_th", f"{sub}__province__code", f"{sub}__province__name_th")
        .annotate(
            n=Count("pk"),
            aligned=Count("pk", filter=Q(alignment__status=AlignmentStatus.ALIGNED)),
            partial=Count("pk", filter=Q(alignment__status=AlignmentStatus.PARTIAL)),
            not_adopted=Count("pk", filter=Q(alignment__status=AlignmentStatus.NOT_ADOPTED)),
        )
    )
    for *area, n, aligned, partial, not_adopted in items:
        r = row(*area)
        r.items, r.aligned, r.partial, r.not_adopted = n, aligned, partial, not_adopted
        r.pending = n - aligned - partial - not_adopted

    asked = SubsidyProposal.objects.in_subdistricts(subdistricts).filter(fiscal_year=fiscal_year).exclude(status__in=NOT_ASKED)
    sub = "council__subdistrict__district"
    approved = Q(status__in=APPROVED_STATUSES)
    figures = (
        asked.order_by()
        .values_list(f"{sub}_id", f"{sub}__code", f"{sub}__name_th", f"{sub}__province__code", f"{sub}__province__name_th")
        .annotate(
            n=Count("pk"),
            approved=Count("pk", filter=approved),
            requested=Sum("amount_requested"),
            granted=Sum("amount_approved", filter=approved),
            missed=Count("pk", filter=Q(considered_in_year__gt=F("fiscal_year"))),
        )
    )
    for *area, n, n_approved, requested, granted, missed in figures:
        r = row(*area)
        r.proposals, r.approved, r.missed = n, n_approved, missed
        r.amount_requested, r.amount_approved = requested or Decimal("0"), granted or Decimal("0")
    # A submitted row without the year it will be considered in: worked out from the calendar.
    unknown = list(
        asked.filter(considered_in_year__isnull=True, submitted_at__isnull=False).select_related(
            "council__subdistrict"
        )
    )
    windows = proposal_windows(unknown) if unknown else {}
    for p in unknown:
        if windows[p.pk][1] is not None:
            rows[p.council.subdistrict.district_id].missed += 1
    return sorted(rows.values(), key=lambda r: r.code)


def plan_figures_by_province(districts: list[AreaPlanFigures]) -> list[AreaPlanFigures]:
    """The district figures summed per province (no query)."""
    provinces: dict[str, AreaPlanFigures] = {}
    for d in districts:
        p = provinces.setdefault(d.province_code, AreaPlanFigures(d.province_code, d.province, d.province_code, d.province))
        p.add(d)
    return sorted(provinces.values(), key=lambda r: r.code)


def plan_figures_total(rows: list[AreaPlanFigures]) -> AreaPlanFigures:
    total = AreaPlanFigures("", "", "", "")
    for r in rows:
        total.add(r)
    return total


def plan_alignment_share(*, subdistricts, fiscal_year: int) -> tuple[int, int]:
    """(plan items of the year taken into an LAO or agency plan, in full or in part; all
    the year's plan items). One query."""
    totals = (
        _plan_items(subdistricts, fiscal_year)
        .order_by()
        .aggregate(
            n=Count("pk"),
            aligned=Count("pk", filter=Q(alignment__status__in=(AlignmentStatus.ALIGNED, AlignmentStatus.PARTIAL))),
        )
    )
    return totals["aligned"], totals["n"]
