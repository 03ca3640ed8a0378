"""The report's figures as XLSX (openpyxl): the same numbers the PDF shows."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from councils.imports.excel import neutralise

from ..sections import SECTIONS, Scope
from ..spec import ReportSpec

BOLD = Font(bold=True)


def _text(value):
    return neutralise(str(value)) if isinstance(value, str) or hasattr(value, "__html__") else value


def build_xlsx(spec: ReportSpec, target) -> None:
    """Write the summary tables (sheet "สรุป") and the per-council appendix (sheet "รายสภา")."""
    scope = Scope(spec)
    wb = Workbook(write_only=True)
    summary = wb.create_sheet("สรุป")
    summary.append([_text(spec.title or "")])
    summary.append([_text("ปีงบประมาณ พ.ศ."), spec.fiscal_year, _text("ขอบเขต"), _text(scope.label)])
    rows = None
    for section in SECTIONS:
        if section.slug == "appendix":
            rows = section.gather(scope)["rows"]
            continue
        ctx = section.gather(scope)
        if "rows" not in ctx:
            continue
        summary.append([])
        summary.append([_text(str(section.title))])
        for label, n in ctx["rows"]:
            summary.append([_text(label), n])
        summary.append([_text("รวม"), ctx.get("total", 0)])
    appendix = wb.create_sheet("รายสภา")
    appendix.append(
        [_text(h) for h in ("รหัสตำบล", "สภา", "สถานะ", "ระดับ", "กิจกรรม", "รายการแผน", "บรรจุในแผนท้องถิ่น", "% บรรจุ")]
    )
    for r in rows or []:
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
