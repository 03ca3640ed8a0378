"""The alignment section, per district and province: the community plan items of the year
by alignment status (aligned, partly, not, pending), the subsidy proposals asked and
approved with their amounts, and the proposals that missed the LAO's budget window.

Figures come from ``plans.reporting`` (the same counting rules as the district plan's page).
The PDF lists provinces when the report covers more than one province (the whole country,
a CODI region) and districts otherwise; the XLSX always has both."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from plans import reporting as plans_reporting

from ..choices import ReportScope
from .base import ReportArea, Section
from .builtin import gather_alignment as gather_alignment_statuses


def gather_alignment(area: ReportArea) -> dict:
    ctx = gather_alignment_statuses(area)
    districts = plans_reporting.plan_figures_by_district(
        subdistricts=area.subdistricts, fiscal_year=area.spec.fiscal_year, as_of=area.period[1]
    )
    provinces = plans_reporting.plan_figures_by_province(districts)
    by_province = area.is_national or area.spec.scope == ReportScope.REGION
    return {
        **ctx,
        "by_province": by_province,
        "areas": provinces if by_province else districts,
        "districts": districts,
        "provinces": provinces,
        "plan_total": plans_reporting.plan_figures_total(districts),
    }


HEADERS = (
    _lazy("รายการ"), _lazy("บรรจุแล้ว"), _lazy("บางส่วน"), _lazy("ไม่บรรจุ"), _lazy("รอพิจารณา"),
    _lazy("โครงการที่ขอ"), _lazy("ได้รับอนุมัติ"), _lazy("งบที่ขอ (บาท)"), _lazy("งบที่อนุมัติ (บาท)"),
    _lazy("ไม่ทันปฏิทินงบประมาณ"),
)  # fmt: skip


def _figures(r) -> list:
    return [
        r.items, r.aligned, r.partial, r.not_adopted, r.pending,
        r.proposals, r.approved, r.amount_requested, r.amount_approved, r.missed,
    ]  # fmt: skip


def _alignment_xlsx(ctx: dict) -> list[list]:
    lines = [[label, n] for label, n in ctx["rows"]]
    lines.append([_("รวม"), ctx["total"]])
    lines.append([])
    lines.append([_("จังหวัด"), "", *map(str, HEADERS)])
    lines += [[r.name, "", *_figures(r)] for r in ctx["provinces"]]
    lines.append([])
    lines.append([_("อำเภอ"), _("จังหวัด"), *map(str, HEADERS)])
    lines += [[r.name, r.province, *_figures(r)] for r in ctx["districts"]]
    lines.append([_("รวม"), "", *_figures(ctx["plan_total"])])
    return lines


ALIGNMENT = Section(
    "alignment",
    _lazy("การเชื่อมโยงแผนพัฒนาชุมชนกับแผนพัฒนาท้องถิ่น"),
    gather_alignment,
    chapter=False,
    xlsx_rows=_alignment_xlsx,
)
