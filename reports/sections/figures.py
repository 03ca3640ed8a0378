"""The summary figures (the previous gather step), kept for callers of report_figures."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from agencies.choices import LOCAL_GOVERNMENT_KINDS
from agencies.models import Agency
from common.thai import fiscal_year_bounds
from councils.choices import ActivityKind, CouncilStatus
from councils.models import Activity, Council
from geo.models import District, Province
from plans.choices import AlignmentStatus
from plans.models import PlanItem


@dataclass
class AreaRow:
    code: str
    name: str
    councils: int = 0
    active_councils: int = 0
    activities: int = 0
    participants: int = 0
    plan_items: int = 0
    aligned: int = 0

    @property
    def percent_aligned(self) -> float:
        return round(100 * self.aligned / self.plan_items, 1) if self.plan_items else 0.0


@dataclass
class ReportFigures:
    fiscal_year: int
    scope_label: str
    period_start: object
    period_end: object
    councils_total: int = 0
    councils_by_status: list[tuple[str, int]] = field(default_factory=list)
    activities_total: int = 0
    participants_total: int = 0
    activities_by_kind: list[tuple[str, int]] = field(default_factory=list)
    local_governments: int = 0
    plan_items_total: int = 0
    alignment_by_status: list[tuple[str, int]] = field(default_factory=list)
    area_rows: list[AreaRow] = field(default_factory=list)
    area_label: str = _("จังหวัด")

    @property
    def percent_aligned(self) -> float:
        aligned = dict(self.alignment_by_status).get(str(AlignmentStatus.ALIGNED.label), 0)
        return round(100 * aligned / self.plan_items_total, 1) if self.plan_items_total else 0.0


def report_figures(*, fiscal_year: int, province: Province | None) -> ReportFigures:
    """Gather every figure the annual report shows, in a fixed number of queries."""
    start, end = fiscal_year_bounds(fiscal_year)
    councils = Council.objects.all()
    activities = Activity.objects.filter(fiscal_year=fiscal_year)
    items = PlanItem.objects.filter(plan__fiscal_year=fiscal_year)
    agencies = Agency.objects.filter(kind__in=LOCAL_GOVERNMENT_KINDS)
    if province is not None:
        councils = councils.filter(subdistrict__district__province=province)
        activities = activities.filter(council__subdistrict__district__province=province)
        items = items.filter(plan__council__subdistrict__district__province=province)
        agencies = agencies.filter(province=province)

    figures = ReportFigures(
        fiscal_year=fiscal_year,
        scope_label=_("จังหวัด%(name)s") % {"name": province.name_th} if province else _("ทั้งประเทศ"),
        period_start=start,
        period_end=end,
        area_label=_("อำเภอ/เขต") if province else _("จังหวัด"),
    )
    status_counts = dict(councils.order_by().values_list("status").annotate(n=Count("id")))
    figures.councils_by_status = [(str(s.label), status_counts.get(s.value, 0)) for s in CouncilStatus]
    figures.councils_total = sum(status_counts.values())

    act = activities.aggregate(n=Count("id"), people=Sum("participants"))
    figures.activities_total = act["n"] or 0
    figures.participants_total = act["people"] or 0
    kind_counts = dict(activities.order_by().values_list("kind").annotate(n=Count("id")))
    figures.activities_by_kind = [(str(k.label), kind_counts.get(k.value, 0)) for k in ActivityKind]

    figures.local_governments = agencies.count()
    align_counts = dict(items.order_by().values_list("alignment__status").annotate(n=Count("id")))
    pending = align_counts.pop(None, 0) + align_counts.pop(AlignmentStatus.PENDING.value, 0)
    figures.alignment_by_status = [
        (str(s.label), pending if s == AlignmentStatus.PENDING else align_counts.get(s.value, 0))
        for s in AlignmentStatus
    ]
    figures.plan_items_total = sum(n for _label, n in figures.alignment_by_status)
    figures.area_rows = _area_rows(
        fiscal_year=fiscal_year, province=province, councils=councils, activities=activities, items=items
    )
    return figures


def _area_rows(*, fiscal_year, province, councils, activities, items) -> list[AreaRow]:
    if province is None:
        areas = Province.objects.order_by("code").values_list("id", "code", "name_th")
        council_key = "subdistrict__district__province_id"
        activity_key = "council__subdistrict__district__province_id"
        item_key = "plan__council__subdistrict__district__province_id"
    else:
        areas = District.objects.filter(province=province).order_by("code").values_list("id", "code", "name_th")
        council_key = "subdistrict__district_id"
        activity_key = "council__subdistrict__district_id"
        item_key = "plan__council__subdistrict__district_id"
    rows = {pk: AreaRow(code=code, name=name) for pk, code, name in areas}
    for key, total, active in (
        councils.order_by()
        .values_list(council_key)
        .annotate(total=Count("id"), active=Count("id", filter=Q(status=CouncilStatus.ACTIVE)))
    ):
        rows[key].councils, rows[key].active_councils = total, active
    for key, n, people in (
        activities.order_by().values_list(activity_key).annotate(n=Count("id"), people=Sum("participants"))
    ):
        rows[key].activities, rows[key].participants = n, people or 0
    for key, n, aligned in (
        items.order_by()
        .values_list(item_key)
        .annotate(n=Count("id"), aligned=Count("id", filter=Q(alignment__status=AlignmentStatus.ALIGNED)))
    ):
        rows[key].plan_items, rows[key].aligned = n, aligned
    return list(rows.values())
