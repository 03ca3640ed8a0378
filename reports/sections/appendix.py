"""The appendix: one row per council in the area, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from councils import reporting as councils_reporting
from plans import reporting as plans_reporting

from .base import ReportArea, Section

COUNCIL_PREFIX = "สภาองค์กรชุมชนตำบล"


@dataclass(slots=True)
class CouncilRow:
    code: str
    name: str
    status: str
    level: str
    activities: int
    plan_items: int
    aligned: int
    district_id: int
    district: str
    province_id: int
    province: str

    @property
    def short_name(self) -> str:
        """The name without the "สภาองค์กรชุมชนตำบล" every row would repeat."""
        return self.name.removeprefix(COUNCIL_PREFIX) or self.name

    @property
    def percent_aligned(self) -> float:
        return round(100 * self.aligned / self.plan_items, 1) if self.plan_items else 0.0


def council_rows(area: ReportArea) -> list[CouncilRow]:
    fiscal_year = area.spec.fiscal_year
    plans = plans_reporting.plan_items_per_council(
        subdistricts=area.subdistricts, fiscal_year=fiscal_year, as_of=area.period[1]
    )
    rows = []
    for council in councils_reporting.council_rows(
        subdistricts=area.subdistricts, fiscal_year=fiscal_year, dates=area.quarter_dates
    ):
        plan_items, aligned = plans.get(council.pop("id"), (0, 0))
        rows.append(CouncilRow(**council, plan_items=plan_items, aligned=aligned))
    return rows


@dataclass(slots=True)
class ProvinceRow:
    """One province's councils summed up: the national PDF's appendix (every council's row
    stays in the XLSX and in the province's own report)."""

    province: str
    councils: int = 0
    active: int = 0
    assessed: int = 0
    activities: int = 0
    plan_items: int = 0
    aligned: int = 0

    @property
    def percent_aligned(self) -> float:
        return round(100 * self.aligned / self.plan_items, 1) if self.plan_items else 0.0


def province_rows(rows: list[CouncilRow]) -> list[ProvinceRow]:
    """The council rows summed per province, in the rows' (tambon code) order."""
    from councils.choices import CouncilStatus

    active = str(CouncilStatus.ACTIVE.label)
    out: dict[int, ProvinceRow] = {}
    for r in rows:
        p = out.get(r.province_id)
        if p is None:
            p = out[r.province_id] = ProvinceRow(province=r.province)
        p.councils += 1
        p.active += r.status == active
        p.assessed += bool(r.level)
        p.activities += r.activities
        p.plan_items += r.plan_items
        p.aligned += r.aligned
    return list(out.values())


def gather_appendix(area: ReportArea) -> dict:
    return {"rows": council_rows(area)}


APPENDIX = Section("appendix", _("ภาคผนวก: ข้อมูลรายสภาองค์กรชุมชนตำบล"), gather_appendix)
