"""The indicators sections: targets against actuals with their approval state for the
report's fiscal year (or quarter) and area, and year-on-year figures.

Figures come from ``reports.indicators.selectors.indicator_table`` (the same table as an
area's indicator page: approved values only count in a roll-up, computed indicators from the
apps' reporting selectors) and, for the comparison, from councils', plans' and meetings'
``reporting.py``."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from common.thai import fiscal_year_bounds
from councils import reporting as councils_reporting
from meetings import reporting as meetings_reporting
from plans import reporting as plans_reporting

from ..choices import AreaLevel, ReportScope, ValueStatus
from ..indicators.areas import REGION, Place
from ..indicators.selectors import indicator_table
from .base import ReportArea, Section

_LEVEL_OF_SCOPE = {
    ReportScope.COUNCIL: AreaLevel.COUNCIL,
    ReportScope.DISTRICT: AreaLevel.DISTRICT,
    ReportScope.PROVINCE: AreaLevel.PROVINCE,
    ReportScope.REGION: REGION,
}


def place_of_report(area: ReportArea) -> Place:
    level = _LEVEL_OF_SCOPE.get(area.spec.scope, AreaLevel.NATIONAL)
    return Place(level, area.instance)


def _state(row) -> str:
    if row.status == "computed":
        return _("คำนวณจากระบบ")
    if row.own:
        return str(ValueStatus(row.status).label) if row.status else _("ยังไม่บันทึก")
    text = _("อนุมัติ %(n)s จาก %(m)s") % {"n": row.reported, "m": row.areas}
    if row.waiting:
        text += " · " + _("รออนุมัติ %(n)s") % {"n": row.waiting}
    if row.returned:
        text += " · " + _("ส่งกลับ %(n)s") % {"n": row.returned}
    return text


def _period(row) -> str:
    return _("ทั้งปี") if row.period.is_year else _("ไตรมาส %(q)s") % {"q": row.period.quarter}


def gather_indicators(area: ReportArea) -> dict:
    """One line per indicator and period: code, name, unit, period, target, actual, state."""
    quarter = area.spec.quarter if area.quarter_dates else None
    rows = indicator_table(place=place_of_report(area), fiscal_year=area.spec.fiscal_year, quarter=quarter)
    lines = [
        {
            "code": r.indicator.code, "name": r.indicator.name_th, "unit": r.indicator.unit, "period": _period(r),
            "target": r.target, "actual": r.actual, "state": _state(r), "met": r.met,
            "quantitative": r.indicator.is_quantitative, "first": i == 0 or rows[i - 1].indicator.pk != r.indicator.pk,
        }
        for i, r in enumerate(rows)
    ]  # fmt: skip
    return {
        "lines": lines,
        "met": sum(1 for r in rows if r.met),
        "with_target": sum(1 for r in rows if r.met is not None),
    }


def _indicators_xlsx(ctx: dict) -> list[list]:
    lines = [[_("รหัส"), _("ตัวชี้วัด"), _("หน่วย"), _("รอบ"), _("เป้าหมาย"), _("ผล"), _("สถานะ")]]
    lines += [
        [x["code"], x["name"], x["unit"], x["period"], x["target"] if x["target"] is not None else "-",
         x["actual"] if x["actual"] is not None else "-", x["state"]]
        for x in ctx["lines"]
    ]  # fmt: skip
    return lines


def year_on_year_columns(*, subdistricts, years: list[int]) -> list[dict]:
    """Per fiscal year of ``years`` in the area (``subdistricts``, None for the country):
    councils by assessment level and those passed, the plan items and those taken into a
    plan (and the share), and meetings held. Four queries a year."""
    columns = []
    for year in years:
        aligned, items = plans_reporting.plan_alignment_share(subdistricts=subdistricts, fiscal_year=year)
        passed, assessed = councils_reporting.councils_passed(subdistricts=subdistricts, fiscal_year=year)
        columns.append({
            "year": year,
            "levels": councils_reporting.assessments_by_level(subdistricts=subdistricts, fiscal_year=year),
            "passed": passed, "assessed": assessed, "items": items, "aligned": aligned,
            "share": round(100 * aligned / items, 1) if items else None,
            "meetings": meetings_reporting.meetings_held(subdistricts=subdistricts, dates=fiscal_year_bounds(year)),
        })  # fmt: skip
    return columns


def gather_year_on_year(area: ReportArea) -> dict:
    """This fiscal year beside the two before it: councils by assessment level and those
    passed, the share of plan items taken into a plan, and meetings held."""
    years = [area.spec.fiscal_year - 2, area.spec.fiscal_year - 1, area.spec.fiscal_year]
    columns = year_on_year_columns(subdistricts=area.subdistricts, years=years)
    level_labels = [label for label, _n in columns[0]["levels"]]
    rows = [
        (_("สภาที่ประเมินได้ระดับ%(level)s") % {"level": label}, [dict(c["levels"]).get(label, 0) for c in columns])
        for label in level_labels
    ]
    rows += [
        (_("สภาที่ผ่านการประเมิน"), [c["passed"] for c in columns]),
        (_("รายการแผนชุมชน"), [c["items"] for c in columns]),
        (_("รายการที่บรรจุในแผนแล้ว (ทั้งหมดหรือบางส่วน)"), [c["aligned"] for c in columns]),
        (_("ร้อยละที่บรรจุในแผน"), [c["share"] if c["share"] is not None else "-" for c in columns]),
        (_("การประชุมสภาและกลไกอำเภอที่จัดแล้ว"), [c["meetings"] for c in columns]),
    ]
    return {"years": years, "rows": rows}


def _year_on_year_xlsx(ctx: dict) -> list[list]:
    return [[_("ปีงบประมาณ"), *ctx["years"]], *[[label, *values] for label, values in ctx["rows"]]]


INDICATORS = Section(
    "indicators", _lazy("ตัวชี้วัด: เป้าหมายเทียบกับผลการดำเนินงาน"), gather_indicators, xlsx_rows=_indicators_xlsx
)
YEAR_ON_YEAR = Section(
    "year_on_year", _lazy("เปรียบเทียบกับปีงบประมาณก่อนหน้า"), gather_year_on_year, chapter=False,
    xlsx_rows=_year_on_year_xlsx,
)  # fmt: skip
