"""The summary sections. Each gather(area) asks the apps' reporting selectors for its
figures, in a fixed number of queries."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from agencies import reporting as agencies_reporting
from councils import reporting as councils_reporting
from plans import reporting as plans_reporting
from plans.choices import AlignmentStatus

from ..selectors import narrative_for
from .base import ReportArea, Section, keep_together, paragraphs


def _table(rows: list[tuple[str, int]]) -> dict:
    return {"rows": rows, "total": sum(n for _label, n in rows)}


def _activities(area: ReportArea) -> dict:
    """Which activities a section counts: the fiscal year's, or the quarter's."""
    return {"subdistricts": area.subdistricts, "fiscal_year": area.spec.fiscal_year, "dates": area.quarter_dates}


def _nothing(area: ReportArea) -> dict:
    return {}


def gather_cover(area: ReportArea) -> dict:
    start, end = area.period
    n = _narrative(area)
    return {
        "area_label": area.label, "period_start": start, "period_end": end,
        "title": keep_together(n.title) if n and n.title else "",
        "subject": keep_together(n.subject) if n and n.subject else "",
    }


def gather_background(area: ReportArea) -> dict:
    n = _narrative(area)
    return {"area_label": area.label, "national": area.is_national, "paragraphs": paragraphs(n.background) if n else []}


def gather_results(area: ReportArea) -> dict:
    n = _narrative(area)
    return {"paragraphs": paragraphs(n.results) if n else []}


def gather_councils(area: ReportArea) -> dict:
    return _table(councils_reporting.councils_by_status(subdistricts=area.subdistricts, as_of=area.period[1]))


def gather_organizations(area: ReportArea) -> dict:
    which = {"subdistricts": area.subdistricts, "as_of": area.period[1]}
    rows, members = councils_reporting.organization_figures(**which)
    return {**_table(rows), "members": members}


def gather_activities(area: ReportArea) -> dict:
    which = _activities(area)
    return {
        **_table(councils_reporting.activities_by_kind(**which)),
        "participants": councils_reporting.activity_participants(**which),
        "themes": councils_reporting.activity_themes(**which),
    }


def gather_agencies(area: ReportArea) -> dict:
    which = _activities(area)
    rows = agencies_reporting.agencies_by_kind(agency_ids=councils_reporting.partner_agency_ids(**which))
    return {**_table(rows), "joint_activities": councils_reporting.joint_activities(**which)}


def gather_alignment(area: ReportArea) -> dict:
    rows = plans_reporting.plan_items_by_alignment(
        subdistricts=area.subdistricts, fiscal_year=area.spec.fiscal_year, as_of=area.period[1]
    )
    table = _table(rows)
    aligned = dict(rows)[str(AlignmentStatus.ALIGNED.label)]
    return {**table, "percent_aligned": round(100 * aligned / table["total"], 1) if table["total"] else 0.0}


def gather_assessments(area: ReportArea) -> dict:
    return _table(
        councils_reporting.assessments_by_level(subdistricts=area.subdistricts, fiscal_year=area.spec.fiscal_year)
    )


def gather_mentorships(area: ReportArea) -> dict:
    return _table(councils_reporting.mentorships_by_status(subdistricts=area.subdistricts, dates=area.period))


def _narrative(area: ReportArea):
    """The report's narrative (its scope's, else the country's of the year), read once per area."""
    if "narrative" not in area.__dict__:
        object.__setattr__(area, "narrative", narrative_for(area.spec))
    return area.__dict__["narrative"]


def gather_lessons(area: ReportArea) -> dict:
    n = _narrative(area)
    return {"paragraphs": paragraphs(n.lessons) if n else []}


def gather_future(area: ReportArea) -> dict:
    n = _narrative(area)
    return {
        "expected": paragraphs(n.expected_results) if n else [],
        "directions": paragraphs(n.future_directions) if n else [],
        "closing": paragraphs(n.closing) if n else [],
    }


COVER = Section("cover", _("ปก"), gather_cover, in_toc=False, chapter=False)
TOC = Section("toc", _("สารบัญ"), _nothing, in_toc=False, chapter=False)
BACKGROUND = Section("background", _("ความเป็นมา"), gather_background)
RESULTS = Section("results", _("ผลการดำเนินงานและความร่วมมือ"), gather_results)
COUNCILS = Section("councils", _("สภาองค์กรชุมชนตำบลจำแนกตามสถานะ"), gather_councils, chapter=False)
ORGANIZATIONS = Section("organizations", _("องค์กรชุมชนจำแนกตามประเภท"), gather_organizations, chapter=False)
ACTIVITIES = Section("activities", _("กิจกรรมจำแนกตามประเภทและประเด็นงาน"), gather_activities, chapter=False)
AGENCIES = Section("agencies", _("ความร่วมมือกับหน่วยงานภาคี"), gather_agencies, chapter=False)
ALIGNMENT = Section(
    "alignment", _("การเชื่อมโยงแผนพัฒนาชุมชนกับแผนพัฒนาท้องถิ่น"), gather_alignment, chapter=False
)
ASSESSMENTS = Section("assessments", _("ระดับการประเมินศักยภาพสภา"), gather_assessments, chapter=False)
MENTORSHIPS = Section("mentorships", _("ตำบลพี่เลี้ยง"), gather_mentorships, chapter=False)
LESSONS = Section("lessons", _("บทเรียน: ข้อเสนอ ข้อติดขัด และแนวทางแก้ไข"), gather_lessons)
FUTURE = Section("future", _("ผลที่คาดว่าจะได้รับและทิศทางในอนาคต"), gather_future)
