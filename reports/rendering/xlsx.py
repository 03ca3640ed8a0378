"""The report's figures as XLSX (openpyxl): the very data the PDF is made from."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook

from councils.imports.excel import xlsx_cell

from ..sections import ReportData


def _cells(sheet, values) -> list:
    """Typed cells: numbers as numbers (they add up), text as text cells, formula-like text
    quote-prefixed (shown as it is, never run, no apostrophe added)."""
    return [xlsx_cell(sheet, value) for value in values]


def build_xlsx(data: ReportData, target) -> None:
    """Write the summary tables (sheet "สรุป") and the per-council appendix (sheet "รายสภา")."""
    spec = data.spec
    wb = Workbook(write_only=True)
    summary = wb.create_sheet(_("สรุป"))
    summary.append(_cells(summary, [spec.title or ""]))
    summary.append(_cells(summary, [_("ปีงบประมาณ พ.ศ."), spec.fiscal_year, _("ขอบเขต"), data.area.label]))
    rows = []
    for section, ctx in data.sections:
        if section.slug == "appendix":
            rows = ctx["rows"]
            continue
        if section.xlsx_rows:
            summary.append([])
            summary.append(_cells(summary, [str(section.title)]))
            for line in section.xlsx_rows(ctx):
                summary.append(_cells(summary, line))
            continue
        if "rows" not in ctx:
            continue
        summary.append([])
        summary.append(_cells(summary, [str(section.title)]))
        for label, n in ctx["rows"]:
            summary.append(_cells(summary, [label, n]))
        summary.append(_cells(summary, [_("รวม"), ctx.get("total", 0)]))
    appendix = wb.create_sheet(_("รายสภา"))
    appendix.append(
        _cells(appendix, [
            _("รหัสตำบล"), _("สภา"), _("สถานะ"), _("ระดับ"),
            _("กิจกรรม"), _("รายการแผน"), _("บรรจุในแผนท้องถิ่น"), _("% บรรจุ"),
        ])
    )
    for r in rows:
        appendix.append(
            _cells(appendix, [r.code, r.name, r.status, r.level, r.activities, r.plan_items, r.aligned, r.percent_aligned])
        )
    wb.save(target)
