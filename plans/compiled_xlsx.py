"""The district plan and the provincial roll-up as XLSX (openpyxl): the very figures the
pages and the PDF show. Numbers are typed cells (amounts with a baht format, counts as
integers); every text cell goes through ``neutralise`` so nothing runs as a formula."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from common.thai import thai_truncate
from councils.imports.excel import neutralise

from .selectors.compile import DistrictPlan, ProvincialPlan, Totals

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.0"


def _cell(value):
    if isinstance(value, str) or hasattr(value, "__html__"):
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", str(value)))
    return value


class _Sheet:
    """A sheet written row by row: text neutralised, money and percentages formatted."""

    def __init__(self, wb: Workbook, title: str, widths: list[int]):
        self.ws = wb.create_sheet(thai_truncate(title, 31))
        for i, width in enumerate(widths):
            self.ws.column_dimensions[chr(ord("A") + i)].width = width

    def row(self, values, *, money=(), percent=(), bold=False):
        self.ws.append([_cell(v) for v in values])
        r = self.ws.max_row
        for col in money:
            self.ws.cell(r, col + 1).number_format = MONEY_FORMAT
        for col in percent:
            self.ws.cell(r, col + 1).number_format = PERCENT_FORMAT
        if bold:
            for cell in self.ws[r]:
                cell.font = Font(bold=True)


TOTAL_HEADERS = (
    "รายการ", "บรรจุแล้ว", "บางส่วน", "ไม่บรรจุ", "รอพิจารณา", "% บรรจุแล้ว", "งบที่ต้องการ (บาท)",
    "โครงการที่ขอ", "ได้รับอนุมัติ", "งบที่ขอ (บาท)", "งบที่อนุมัติ (บาท)", "ไม่ทันปฏิทินงบประมาณ",
)  # fmt: skip


def _totals(t: Totals) -> list:
    return [
        t.items, t.aligned, t.partial, t.not_adopted, t.pending, t.percent_aligned, t.budget_needed,
        t.proposals, t.approved, t.amount_requested, t.amount_approved, t.missed,
    ]  # fmt: skip


def _totals_row(sheet: _Sheet, label: list, t: Totals, *, bold=False):
    n = len(label)
    sheet.row([*label, *_totals(t)], money=(n + 6, n + 9, n + 10), percent=(n + 5,), bold=bold)


def district_plan_xlsx(plan: DistrictPlan, target) -> None:
    """Sheets: by theme, by tambon, every item, what missed the budget window."""
    wb = Workbook()
    wb.remove(wb.active)
    head = [
        _("แผนระดับอำเภอ%(d)s จังหวัด%(p)s") % {"d": plan.district.name_th, "p": plan.district.province.name_th},
        _("ปีงบประมาณ พ.ศ."), plan.fiscal_year,
    ]  # fmt: skip

    themes = _Sheet(wb, _("สรุปรายประเด็น"), [34] + [12] * 12)
    themes.row(head, bold=True)
    themes.row([_("ประเด็น"), *map(_, TOTAL_HEADERS)], bold=True)
    for theme in plan.themes:
        _totals_row(themes, [theme.name], theme.totals)
    _totals_row(themes, [_("รวม")], plan.totals, bold=True)

    tambons = _Sheet(wb, _("สรุปรายตำบล"), [10, 28] + [12] * 12)
    tambons.row(head, bold=True)
    tambons.row([_("รหัสตำบล"), _("ตำบล"), *map(_, TOTAL_HEADERS)], bold=True)
    for group in plan.tambons:
        _totals_row(tambons, [group.code, group.name], group.totals)
    _totals_row(tambons, ["", _("รวม")], plan.totals, bold=True)

    items = _Sheet(wb, _("รายการ"), [24, 10, 18, 40, 20, 20, 10, 14, 20, 40, 14, 20, 40, 14, 14, 30])
    items.row(head, bold=True)
    items.row(
        [
            _("ประเด็น"), _("รหัสตำบล"), _("ตำบล"), _("รายการ/โครงการ"), _("กลุ่มเป้าหมาย"), _("พื้นที่ดำเนินการ"),
            _("ลำดับความสำคัญ"), _("งบที่ต้องการ (บาท)"), _("สถานะการเชื่อมโยง"), _("โครงการในแผนท้องถิ่น"),
            _("งบโครงการปีนี้ (บาท)"), _("ภารกิจหน่วยงาน"), _("โครงการขอรับงบอุดหนุน"), _("งบที่ขอ (บาท)"),
            _("งบที่อนุมัติ (บาท)"), _("ปฏิทินงบประมาณ"),
        ],
        bold=True,
    )  # fmt: skip
    for theme in plan.themes:
        for group in theme.tambons:
            for item in group.items:
                asked = [p for p in item.proposals if p.asked]
                items.row(
                    [
                        theme.name, group.code, group.name, item.title, item.target_group, item.location,
                        item.priority, item.budget_needed, item.status_label, item.project, item.project_budget,
                        item.mission, "; ".join(f"{p.title} ({p.status_label})" for p in item.proposals),
                        sum((p.amount_requested for p in asked), start=0) if asked else None,
                        sum((p.amount_approved or 0 for p in asked), start=0) if any(p.approved for p in asked) else None,
                        item.window.message if item.window else "",
                    ],
                    money=(7, 10, 13, 14),
                )  # fmt: skip

    missed = _Sheet(wb, _("ไม่ทันปฏิทินงบประมาณ"), [14, 18, 44, 30, 16, 50])
    missed.row(head, bold=True)
    missed.row([_("ประเภท"), _("ตำบล"), _("รายการ/โครงการ"), _("ยื่นถึง/เสนอต่อ"), _("จะพิจารณาในปี"), _("ปฏิทินงบประมาณ")], bold=True)
    for p in plan.missed_proposals:
        missed.row([_("โครงการขอรับงบ"), p.tambon, p.title, p.recipient, p.considered_in, p.window.message if p.window else ""])
    for item in plan.missed_items:
        missed.row(
            [_("รายการในแผน"), item.tambon, item.title, item.target_agency, item.window.considered_in, item.window.message]
        )
    wb.save(target)


def provincial_plan_xlsx(plan: ProvincialPlan, target) -> None:
    """Sheets: by district, by theme, by district and theme."""
    wb = Workbook()
    wb.remove(wb.active)
    head = [_("แผนระดับจังหวัด%(p)s") % {"p": plan.province.name_th}, _("ปีงบประมาณ พ.ศ."), plan.fiscal_year]
    districts = _Sheet(wb, _("รายอำเภอ"), [10, 24] + [12] * 12)
    districts.row(head, bold=True)
    districts.row([_("รหัสอำเภอ"), _("อำเภอ"), *map(_, TOTAL_HEADERS)], bold=True)
    for d in plan.districts:
        _totals_row(districts, [d.code, d.name], d.totals)
    _totals_row(districts, ["", _("รวม")], plan.totals, bold=True)

    themes = _Sheet(wb, _("รายประเด็น"), [34] + [12] * 12)
    themes.row(head, bold=True)
    themes.row([_("ประเด็น"), *map(_, TOTAL_HEADERS)], bold=True)
    for _pk, name, t in plan.themes:
        _totals_row(themes, [name], t)
    _totals_row(themes, [_("รวม")], plan.totals, bold=True)

    cross = _Sheet(wb, _("รายอำเภอและประเด็น"), [10, 24, 34] + [12] * 12)
    cross.row(head, bold=True)
    cross.row([_("รหัสอำเภอ"), _("อำเภอ"), _("ประเด็น"), *map(_, TOTAL_HEADERS)], bold=True)
    names = {pk: name for pk, name, _t in plan.themes}
    for d in plan.districts:
        for pk, t in sorted(d.themes.items(), key=lambda kv: names[kv[0]]):
            _totals_row(cross, [d.code, d.name, names[pk]], t)
    wb.save(target)
