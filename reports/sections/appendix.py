"""The appendix: one row per council in scope, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from councils.choices import AssessmentLevel, CouncilStatus
from councils.models import Assessment, Council
from plans.choices import AlignmentStatus

from .base import Scope

COUNCIL_PREFIX = "สภาองค์กรชุมชนตำบล"


@dataclass(slots=True)
class CouncilRow:
    code: str
    name: str
    status: str
    level: str = ""
    activities: int = 0
    plan_items: int = 0
    aligned: int = 0
    district_id: int = 0
    province_id: int = 0

    @property
    def short_name(self) -> str:
        """The name without the "สภาองค์กรชุมชนตำบล" every row would repeat."""
        return self.name.removeprefix(COUNCIL_PREFIX) or self.name

    @property
    def percent_aligned(self) -> float:
        return round(100 * self.aligned / self.plan_items, 1) if self.plan_items else 0.0


def council_rows(scope: Scope) -> list[CouncilRow]:
    from .builtin import activities_in, plan_items_in

    status = {s.value: str(s.label) for s in CouncilStatus}
    level = {s.value: str(s.label) for s in AssessmentLevel}
    councils = scope.restrict(Council.objects.all(), "subdistrict").order_by("subdistrict__code")
    rows = {
        pk: CouncilRow(code=code, name=name, status=status.get(st, st), district_id=d, province_id=p)
        for pk, code, name, st, d, p in councils.values_list(
            "pk",
            "subdistrict__code",
            "name",
            "status",
            "subdistrict__district_id",
            "subdistrict__district__province_id",
        )
    }
    for pk, n in activities_in(scope).order_by().values_list("council_id").annotate(n=Count("id")):
        if pk in rows:
            rows[pk].activities = n
    for pk, n, aligned in (
        plan_items_in(scope)
        .order_by()
        .values_list("plan__council_id")
        .annotate(n=Count("id"), aligned=Count("id", filter=Q(alignment__status=AlignmentStatus.ALIGNED)))
    ):
        if pk in rows:
            rows[pk].plan_items, rows[pk].aligned = n, aligned
    assessed = scope.restrict(Assessment.objects.filter(fiscal_year=scope.spec.fiscal_year), "council__subdistrict")
    for pk, lv in assessed.values_list("council_id", "level"):
        if pk in rows:
            rows[pk].level = level.get(lv, lv)
    return list(rows.values())
