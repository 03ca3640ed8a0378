"""The report's figures as XLSX (openpyxl): the very data the PDF is made from."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook

from councils.imports.excel import xlsx_cell

from ..sections import ReportData


def _cells(sheet, values) -> list:
    """Typed cells: numbers as numbers (they add up), text as text cells, formula-like text
    quote-prefixed (shown as it is, never run, no apostrophe added)."""
    return [xlsx_cell(sheet, value) for value in values]


def _plain(value):
    """A figure as JSON keeps it: numbers as numbers (Decimal as a float), the rest as text."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def summary_figures(data: ReportData) -> list[dict]:
    """The report's summary tables as plain data: [{"section": title, "lines": [[label,
    figure, ...], ...]}], the lines of the "สรุป" sheet. Stored with the report when it is
    made, so a published report's figures never change with later data."""
    out = []
    for section, ctx in data.sections:
        if section.slug == "appendix":
            continue
        if section.xlsx_rows:
            lines = [list(line) for line in section.xlsx_rows(ctx)]
        elif "rows" in ctx:
            lines = [[label, n] for label, n in ctx["rows"]] + [[_("รวม"), ctx.get("total", 0)]]
        else:
            continue
        out.append({"section": str(section.title), "lines": [[_plain(v) for v in line] for line in lines]})
    return out


def build_xlsx(data: ReportData, target, figures: list[dict] | None = None) -> None:
    """Write the summary tables (sheet "สรุป") and the per-council appendix (sheet "รายสภา")."""
    spec = data.spec
    wb = Workbook(write_only=True)
    summary = wb.create_sheet(_("สรุป"))
    summary.append(_cells(summary, [spec.title or ""]))
    summary.append(_cells(summary, [_("ปีงบประมาณ พ.ศ."), spec.fiscal_year, _("ขอบเขต"), data.area.label]))
    for block in summary_figures(data) if figures is None else figures:
        summary.append([])
        summary.append(_cells(summary, [block["section"]]))
        for line in block["lines"]:
            summary.append(_cells(summary, line))
    rows = next((ctx["rows"] for section, ctx in data.sections if section.slug == "appendix"), [])
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
