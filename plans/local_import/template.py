"""The blank workbook in e-Plan's shape (แบบ ผ.02): title lines, a header over two rows with
"งบประมาณ" merged over the plan's years, two example rows, and a sheet of notes."""

from __future__ import annotations

import io

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Font

from .columns import BUDGET, COLUMNS

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def header_rows(years) -> tuple[list, list]:
    """The header's two rows: the budget columns sit after เป้าหมาย, as in ผ.02."""
    titles = [column.title for column in COLUMNS]
    at = titles.index("เป้าหมาย (ผลผลิตของโครงการ)") + 1
    first = [*titles[:at], BUDGET, *([None] * (len(years) - 1)), *titles[at:]]
    second = [*([None] * at), *[f"{year} (บาท)" for year in years], *([None] * (len(titles) - at))]
    return first, second


def template_workbook(*, plan) -> bytes:
    years = list(plan.years)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "ผ.02"
    first, second = header_rows(years)
    width = len(first)
    sheet.append([_("รายละเอียดโครงการพัฒนา")] + [None] * (width - 2) + ["แบบ ผ.02"])
    sheet.append([_("แผนพัฒนาท้องถิ่น (พ.ศ. %(start)s–%(end)s)") % {"start": plan.start_year, "end": plan.end_year}])
    sheet.append([plan.lao.name])
    sheet.append([None])
    header_at = sheet.max_row + 1
    sheet.append(first)
    sheet.append(second)
    budget_col = first.index(BUDGET) + 1
    sheet.merge_cells(start_row=header_at, start_column=budget_col, end_row=header_at, end_column=budget_col + len(years) - 1)
    for col in range(1, width + 1):
        if not (budget_col <= col < budget_col + len(years)):
            sheet.merge_cells(start_row=header_at, start_column=col, end_row=header_at + 1, end_column=col)
    for row in sheet.iter_rows(min_row=header_at, max_row=header_at + 1):
        for cell in row:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    example_budgets = [150000, "-", "๒๐๐,๐๐๐", "-", "-"][: len(years)] + ["-"] * max(0, len(years) - 5)
    rows = [
        [1, "ยุทธศาสตร์การพัฒนาด้านสังคม / แผนงานสังคมสงเคราะห์", "โครงการซ่อมแซมบ้านผู้ยากไร้",
         "เพื่อให้ผู้ยากไร้มีที่อยู่อาศัยมั่นคง", "บ้านผู้ยากไร้ 10 หลัง", *example_budgets,
         "จำนวนบ้านที่ได้รับการซ่อมแซม", "ผู้ยากไร้มีที่อยู่อาศัยที่มั่นคงปลอดภัย", "สำนักปลัด"],
    ]
    for row in rows:
        sheet.append(row)
    for letter, size in zip("ABCDEFGHIJKLMNOP", [6, 30, 34, 30, 26] + [12] * len(years) + [24, 28, 18], strict=False):
        sheet.column_dimensions[letter].width = size
    notes = workbook.create_sheet(_("คำอธิบาย"))
    for line in (
        _("แบบฟอร์มนี้ตามแบบ ผ.02 ที่ส่งออกจากระบบ e-plan แถวชื่อเรื่องด้านบนไม่นำเข้า"),
        _("ต้องมีคอลัมน์ “โครงการ” และงบประมาณรายปี (หัวคอลัมน์เป็นปี พ.ศ. เช่น “%(year)s (บาท)”)") % {"year": years[0]},
        _("งบประมาณ: ตัวเลข ใส่จุลภาคได้ (150,000) ใช้เลขไทยได้ ใส่ - ในปีที่ไม่มีงบประมาณ"),
        _("ยุทธศาสตร์/แผนงาน: ใส่ในคอลัมน์ หรือเป็นแถวหัวข้อ เช่น “1. ยุทธศาสตร์…” และ “1.1 แผนงาน…” เหนือโครงการ"),
        _("คอลัมน์ที่ใส่เพิ่มได้: พื้นที่ดำเนินการ, ประเด็น, อปท. (ชื่อหรือรหัส อปท. ต้องเป็นของ %(lao)s)") % {"lao": plan.lao.name},
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 110
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
