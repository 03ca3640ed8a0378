"""The figures plans give to reports: read-only selectors returning plain values.

``subdistricts`` is the area a report covers, as a queryset of Subdistricts (used as a
subquery, never evaluated here), or None for the whole country. ``as_of`` (the period's last
day) counts what stood at its end: the year's plan items (the plan is the year's, however
late it was typed), a review recorded after the end as still pending (an item reviewed again since counts as pending too: only the latest
review is kept), proposals submitted by then with the status and approved amount their
timeline (``ProposalEvent``) gave them then. None counts today's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When

from common.history import end_of_day

from .choices import AlignmentStatus
from .models import PlanItem, ProposalEvent, SubsidyProposal


def _plan_items(subdistricts, fiscal_year: int, as_of: dt.date | None = None) -> QuerySet[PlanItem]:
    """The year's plan items with ``status_then``: their alignment status at the end of
    ``as_of`` (today's when None; null when not reviewed)."""
    qs = PlanItem.objects.in_subdistricts(subdistricts).filter(plan__fiscal_year=fiscal_year)
    if as_of is None:
        return qs.annotate(status_then=F("alignment__status"))
    cutoff = end_of_day(as_of)
    return qs.annotate(
        status_then=Case(
            When(alignment__reviewed_at__gte=cutoff, then=Value(AlignmentStatus.PENDING.value)),
            default=F("alignment__status"),
            output_field=CharField(),
        )
    )


def plan_items_by_alignment(*, subdistricts, fiscal_year: int, as_of: dt.date | None = None) -> list[tuple[str, int]]:
    """(Thai label, plan items) for every alignment status of the year's community plans;
    an item not reviewed yet counts as pending."""
    items = _plan_items(subdistricts, fiscal_year, as_of)
    found = dict(items.order_by().values_list("status_then").annotate(n=Count("pk")))
    found[AlignmentStatus.PENDING.value] = found.get(AlignmentStatus.PENDING.value, 0) + found.pop(None, 0)
    return [(str(s.label), found.get(s.value, 0)) for s in AlignmentStatus]


def plan_items_per_council(*, subdistricts, fiscal_year: int, as_of: dt.date | None = None) -> dict[int, tuple[int, int]]:
    """Council id → (plan items of the year, items taken into the local plan), for the
    councils that have any."""
    per_council = (
        _plan_items(subdistricts, fiscal_year, as_of)
        .order_by()
        .values_list("plan__council_id")
        .annotate(n=Count("pk"), aligned=Count("pk", filter=Q(status_then=AlignmentStatus.ALIGNED)))
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


def plan_figures_by_district(*, subdistricts, fiscal_year: int, as_of: dt.date | None = None) -> list[AreaPlanFigures]:
    """Per district of the area with any plan item or proposal of the year, in code order:
    items by alignment status, proposals asked and approved with their amounts, and those
    that missed the budget window. Four queries whatever the area's size (five with ``as_of``)."""
    from .selectors.compile import APPROVED_STATUSES, NOT_ASKED, proposal_windows

    rows: dict[int, AreaPlanFigures] = {}

    def row(district_id, code, name, province_code, province) -> AreaPlanFigures:
        if district_id not in rows:
            rows[district_id] = AreaPlanFigures(code, name, province_code, province)
        return rows[district_id]

    sub = "plan__council__subdistrict__district"
    items = (
        _plan_items(subdistricts, fiscal_year, as_of)
        .order_by()
        .values_list(f"{sub}_id", f"{sub}__code", f"{sub}__name_th", f"{sub}__province__code", f"{sub}__province__name_th")
        .annotate(
            n=Count("pk"),
            aligned=Count("pk", filter=Q(status_then=AlignmentStatus.ALIGNED)),
            partial=Count("pk", filter=Q(status_then=AlignmentStatus.PARTIAL)),
            not_adopted=Count("pk", filter=Q(status_then=AlignmentStatus.NOT_ADOPTED)),
        )
    )
    for *area, n, aligned, partial, not_adopted in items:
        r = row(*area)
        r.items, r.aligned, r.partial, r.not_adopted = n, aligned, partial, not_adopted
        r.pending = n - aligned - partial - not_adopted

    asked = SubsidyProposal.objects.in_subdistricts(subdistricts).filter(fiscal_year=fiscal_year)
    sub = "council__subdistrict__district"
    area = ("pk", f"{sub}_id", f"{sub}__code", f"{sub}__name_th", f"{sub}__province__code", f"{sub}__province__name_th")
    if as_of is None:
        asked = asked.exclude(status__in=NOT_ASKED)
    else:  # submitted by then, whatever became of it since (withdrawn later: still asked then)
        asked = asked.filter(submitted_at__lt=end_of_day(as_of))
    then = _proposals_then(asked, as_of) if as_of is not None else None
    counted = set()
    for pk, *where, status, requested, granted, considered_in in asked.order_by().values_list(
        *area, "status", "amount_requested", "amount_approved", "considered_in_year"
    ):
        if then is not None:
            status, granted = then.get(pk, (status, granted))
        if status in NOT_ASKED:
            continue
        counted.add(pk)
        r = row(*where)
        r.proposals += 1
        r.amount_requested += requested or Decimal("0")
        if status in APPROVED_STATUSES:
            r.approved += 1
            r.amount_approved += granted or Decimal("0")
        if considered_in is not None and considered_in > fiscal_year:
            r.missed += 1
    # A submitted row without the year it will be considered in: worked out from the calendar.
    unknown = [
        p
        for p in asked.filter(considered_in_year__isnull=True, submitted_at__isnull=False).select_related(
            "council__subdistrict"
        )
        if p.pk in counted
    ]
    windows = proposal_windows(unknown) if unknown else {}
    for p in unknown:
        if windows[p.pk][1] is not None:
            rows[p.council.subdistrict.district_id].missed += 1
    return sorted(rows.values(), key=lambda r: r.code)


def _proposals_then(asked: QuerySet[SubsidyProposal], as_of: dt.date) -> dict[int, tuple[str, Decimal | None]]:
    """{proposal id: (status, approved amount)} as each proposal's timeline stood at the end
    of ``as_of``: its last move by then, and the amount of its last approval by then."""
    from .selectors.compile import APPROVED_STATUSES

    out: dict[int, tuple[str, Decimal | None]] = {}
    events = (
        ProposalEvent.objects.filter(proposal__in=asked.values("pk"), at__lt=end_of_day(as_of))
        .order_by("proposal_id", "at", "pk")
        .values_list("proposal_id", "to_status", "amount")
    )
    for pk, status, amount in events.iterator(chunk_size=5000):
        _, granted = out.get(pk, (None, None))
        if status in APPROVED_STATUSES and amount is not None:
            granted = amount
        out[pk] = (status, granted)
    return out


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
