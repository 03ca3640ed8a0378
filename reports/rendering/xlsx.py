"""The report's figures as XLSX (openpyxl): the very data the PDF is made from."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook

from councils.imports.excel import neutralise

from ..sections import ReportData


def _text(value):
    return neutralise(str(value)) if isinstance(value, str) or hasattr(value, "__html__") else value


def build_xlsx(data: ReportData, target) -> None:
    """Write the summary tables (sheet "สรุป") and the per-council appendix (sheet "รายสภา")."""
    spec = data.spec
    wb = Workbook(write_only=True)
    summary = wb.create_sheet(_("สรุป"))
    summary.append([_text(spec.title or "")])
    summary.append([_text(_("ปีงบประมาณ พ.ศ.")), spec.fiscal_year, _text(_("ขอบเขต")), _text(data.area.label)])
    rows = []
    for section, ctx in data.sections:
        if section.slug == "appendix":
            rows = ctx["rows"]
            continue
        if section.xlsx_rows:
            summary.append([])
            summary.append([_text(str(section.title))])
            for line in section.xlsx_rows(ctx):
                summary.append([_text(value) for value in line])
            continue
        if "rows" not in ctx:
            continue
        summary.append([])
        summary.append([_text(str(section.title))])
        for label, n in ctx["rows"]:
            summary.append([_text(label), n])
        summary.append([_text(_("รวม")), ctx.get("total", 0)])
    appendix = wb.create_sheet(_("รายสภา"))
    appendix.append(
        [
            _text(h)
            for h in (
                _("รหัสตำบล"), _("สภา"), _("สถานะ"), _("ระดับ"),
                _("กิจกรรม"), _("รายการแผน"), _("บรรจุในแผนท้องถิ่น"), _("% บรรจุ"),
            )
        ]
    )
    for r in rows:
        appendix.append(
            [
                _text(r.code),
                _text(r.name),
                _text(r.status),
                _text(r.level),
                r.activities,
                r.plan_items,
                r.aligned,
                r.percent_aligned,
            ]
        )
    wb.save(target)
