"""The coordination sections: the district mechanism's meetings, the follow-up of their
resolutions, obstacles raised to agencies and suggestions to the districts. Each gather asks
``meetings.reporting`` for its figures over the report's area and period; the annual report
shows them in the lessons chapter beside the narrative, the quarterly one among its results."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from meetings import reporting as meetings_reporting

from ..choices import ReportScope
from .base import ReportArea, Section


def _which(area: ReportArea) -> dict:
    return {"subdistricts": area.subdistricts, "dates": area.period}


def gather_mechanism(area: ReportArea) -> dict:
    """A quarter is expected to have one mechanism meeting, a fiscal year four. The country's
    and a region's PDF sum the districts up per province (``by_province``: province,
    districts with a mechanism, meetings held, districts that met as often as expected);
    every district's row stays in ``by_district`` (the XLSX) and in each province's report."""
    expected = 1 if area.quarter_dates else meetings_reporting.MEETINGS_EXPECTED_A_YEAR
    ctx = meetings_reporting.mechanism_meetings(**_which(area), expected=expected)
    by_province: dict[str, list[int]] = {}
    if area.is_national or area.spec.scope == ReportScope.REGION:
        for _name, province, has, held in ctx["by_district"]:
            row = by_province.setdefault(province, [0, 0, 0])
            row[0] += bool(has)
            row[1] += held
            row[2] += held >= expected
    ctx["by_province"] = [(province, *row) for province, row in by_province.items()]
    return ctx


def gather_follow_up(area: ReportArea) -> dict:
    return meetings_reporting.action_follow_up(**_which(area))


def gather_obstacles(area: ReportArea) -> dict:
    return meetings_reporting.obstacle_figures(**_which(area))


def gather_suggestions(area: ReportArea) -> dict:
    return meetings_reporting.suggestion_figures(**_which(area))


def _mechanism_xlsx(ctx: dict) -> list[list]:
    lines = [
        [_("อำเภอในพื้นที่"), ctx["districts"]],
        [_("อำเภอที่มีกลไก"), ctx["with_mechanism"]],
        [_("การประชุมกลไกที่จัดแล้ว"), ctx["held"]],
        [_("อำเภอที่ประชุมครบ %(n)s ครั้งขึ้นไป") % {"n": ctx["expected"]}, ctx["met_expected"]],
        [_("อำเภอ"), _("จังหวัด"), _("มีกลไก"), _("ครั้งที่ประชุม")],
    ]
    lines += [[name, province, _("มี") if has else _("ไม่มี"), n] for name, province, has, n in ctx["by_district"]]
    return lines


def _follow_up_xlsx(ctx: dict) -> list[list]:
    return [
        [_("มติที่ประชุม"), ctx["resolutions"]],
        [_("ข้อสั่งการที่ครบกำหนดในช่วงเวลานี้"), ctx["due"]],
        [_("เสร็จทันกำหนด"), ctx["on_time"]],
        [_("เสร็จหลังกำหนด"), ctx["late"]],
        [_("ยังไม่เสร็จ"), ctx["not_done"]],
        [_("ร้อยละที่เสร็จทันกำหนด"), ctx["percent_on_time"]],
    ]


def _obstacles_xlsx(ctx: dict) -> list[list]:
    heading = [_("แจ้ง"), _("ตอบแล้ว"), _("แก้ไขแล้ว")]
    lines = [
        [_("ข้อติดขัดที่แจ้ง"), ctx["raised"]],
        [_("หน่วยงานตอบแล้ว"), ctx["answered"]],
        [_("แก้ไขแล้ว"), ctx["resolved"]],
        [_("ไม่สามารถดำเนินการได้"), ctx["cannot_act"]],
        [_("มัธยฐานจำนวนวันจนหน่วยงานตอบครั้งแรก"), ctx["median_days"] if ctx["median_days"] is not None else "-"],
        [_("ประเภทหน่วยงาน"), *heading],
        *[list(row) for row in ctx["by_agency_kind"]],
        [_("ประเด็นงาน"), *heading],
        *[list(row) for row in ctx["by_theme"]],
    ]
    return lines


def _suggestions_xlsx(ctx: dict) -> list[list]:
    return [
        [_("ข้อเสนอแนะที่ได้รับ"), ctx["received"]],
        [_("เผยแพร่แล้ว"), ctx["published"]],
        [_("ไม่เผยแพร่"), ctx["rejected"]],
        [_("รอตรวจสอบ"), ctx["pending"]],
        [_("ตอบแล้ว"), ctx["answered"]],
    ]


MECHANISM = Section(
    "mechanism", _lazy("การประชุมกลไกระดับอำเภอ"), gather_mechanism, chapter=False, xlsx_rows=_mechanism_xlsx
)
FOLLOW_UP = Section(
    "follow_up", _lazy("มติที่ประชุมและการติดตามข้อสั่งการ"), gather_follow_up, chapter=False, xlsx_rows=_follow_up_xlsx
)
OBSTACLES = Section(
    "obstacles", _lazy("ข้อติดขัดที่แจ้งหน่วยงาน"), gather_obstacles, chapter=False, xlsx_rows=_obstacles_xlsx
)
SUGGESTIONS = Section(
    "suggestions", _lazy("ข้อเสนอแนะถึงกลไกระดับอำเภอ"), gather_suggestions, chapter=False, xlsx_rows=_suggestions_xlsx
)
COORDINATION = (MECHANISM, FOLLOW_UP, OBSTACLES, SUGGESTIONS)
