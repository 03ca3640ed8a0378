"""The columns of e-Plan's project list (แบบ ผ.02 รายละเอียดโครงการพัฒนา), as LAOs export it.

The form: title lines above the header ("รายละเอียดโครงการพัฒนา", "แผนพัฒนาท้องถิ่น (พ.ศ.
2566–2570)", the LAO's name, the province and LAO strategies), then a header over two rows:

    ที่ | ยุทธศาสตร์/แผนงาน | โครงการ | วัตถุประสงค์ | เป้าหมาย (ผลผลิตของโครงการ) |
        งบประมาณ (merged over the years) | ตัวชี้วัด (KPI) | ผลที่คาดว่าจะได้รับ | หน่วยงานรับผิดชอบหลัก
                                           2566 (บาท) … 2570 (บาท)

Section lines between projects ("1. ยุทธศาสตร์การพัฒนาด้าน…", "1.1 แผนงาน…") name the
strategy and work plan of the projects below them, when there is no such column. A budget
cell holds a number (Thai digits, thousands commas and "บาท" accepted), or "-" for no
budget that year.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import partial

from django.utils.translation import gettext as _

from common.thai import thai_truncate
from councils.imports import cells
from councils.imports.cells import CellError
from councils.imports.columns import Column

from ..models import LocalPlanProject


def _text(name: str):
    return partial(cells.text, max_length=LocalPlanProject._meta.get_field(name).max_length or 5000)


def _long(raw):
    return cells.text(raw, max_length=5000)


def budget_cell(raw) -> Decimal:
    """A budget amount in baht: 150000, 150,000, ๑๕๐,๐๐๐, "150,000 บาท", 150000.50."""
    if isinstance(raw, bool) or hasattr(raw, "year"):
        raise CellError(_("งบประมาณต้องเป็นตัวเลข ค่าที่พบ “%(value)s”") % {"value": raw})
    if isinstance(raw, (int, float)):
        value = Decimal(str(raw))
    else:
        text = cells._arabic(str(raw)).replace("บาท", "").strip().replace(" ", "")
        if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", text):
            text = text.replace(",", "")
        if not re.fullmatch(r"-?\d+(\.\d+)?", text):
            raise CellError(
                _("งบประมาณต้องเป็นตัวเลข เช่น 150,000 หรือใส่ - เมื่อไม่มีงบประมาณปีนั้น ค่าที่พบ “%(value)s”")
                % {"value": thai_truncate(str(raw), 40)}
            )
        try:
            value = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern above allows only numbers
            raise CellError(_("งบประมาณต้องเป็นตัวเลข")) from None
    if value < 0:
        raise CellError(_("งบประมาณต้องไม่ติดลบ ค่าที่พบ %(value)s") % {"value": value})
    if value >= Decimal("1e12"):
        raise CellError(_("งบประมาณมากเกินไป ค่าที่พบ %(value)s") % {"value": value})
    return value.quantize(Decimal("0.01"))


TITLE = "โครงการ"
BUDGET = "งบประมาณ"
LAO = "อปท."

# The engine's view of the kind (used to pick the worksheet that holds the header, and for
# the template's order). The budget-year columns are found by their year, not listed here.
COLUMNS: tuple[Column, ...] = (
    Column("number", "ที่", _text("number")),
    Column("strategy_work_plan", "ยุทธศาสตร์/แผนงาน", _long),
    Column("title", TITLE, _text("title"), required=True),
    Column("objective", "วัตถุประสงค์", _long),
    Column("target", "เป้าหมาย (ผลผลิตของโครงการ)", _long),
    Column("indicator", "ตัวชี้วัด (KPI)", _text("indicator")),
    Column("expected_result", "ผลที่คาดว่าจะได้รับ", _long),
    Column("responsible_unit", "หน่วยงานรับผิดชอบหลัก", _text("responsible_unit")),
)
EXTRA_COLUMNS: tuple[Column, ...] = (
    Column("strategy", "ยุทธศาสตร์", _text("strategy")),
    Column("work_plan", "แผนงาน", _text("work_plan")),
    Column("location", "พื้นที่ดำเนินการ", _text("location")),
    Column("theme", "ประเด็น", _long),
    Column("lao", LAO, _long),
)
ALL_COLUMNS = COLUMNS + EXTRA_COLUMNS

# Other ways the same headers are written.
ALIASES = {
    "ลำดับ": "number", "ลำดับที่": "number", "ที่.": "number",
    "ยุทธศาสตร์การพัฒนา": "strategy", "ยุทธศาสตร์/แผนงาน/โครงการ": "strategy_work_plan",
    "ชื่อโครงการ": "title", "โครงการ/กิจกรรม": "title",
    "เป้าหมาย": "target", "เป้าหมาย(ผลผลิต)": "target",
    "ตัวชี้วัด": "indicator", "kpi": "indicator", "ตัวชี้วัด(kpi)": "indicator",
    "หน่วยงานรับผิดชอบ": "responsible_unit", "หน่วยงานที่รับผิดชอบ": "responsible_unit",
    "สถานที่ดำเนินการ": "location", "พื้นที่": "location",
    "ประเด็นงาน": "theme",
    "องค์กรปกครองส่วนท้องถิ่น": "lao", "ชื่ออปท.": "lao", "รหัสอปท.": "lao", "รหัสอปท.(สถ.)": "lao",
    "รหัสองค์กรปกครองส่วนท้องถิ่น": "lao",
}  # fmt: skip


def compact(text: str) -> str:
    return "".join(str(text).split()).casefold()


BY_HEADER = {compact(c.title): c for c in ALL_COLUMNS}
BY_KEY = {c.key: c for c in ALL_COLUMNS}
for _alias, _key in ALIASES.items():
    BY_HEADER.setdefault(compact(_alias), BY_KEY[_key])

# "2566 (บาท)", "2566", "ปี 2566", "งบประมาณ 2566 (บาท)", "พ.ศ. 2566", "๒๕๖๖"
YEAR_HEADER = re.compile(r"^(?:งบประมาณ)?(?:ปี)?(?:พ\.ศ\.?)?(\d{4})(?:\(บาท\)|บาท)?$")
# "งบประมาณ", "งบประมาณและที่มา", "งบประมาณ (บาท)": the merged cell over the years
BUDGET_PARENT = re.compile(r"^งบประมาณ")


def year_of_header(header: str) -> int | None:
    match = YEAR_HEADER.match(compact(cells._arabic(header)))
    if match is None:
        return None
    year = int(match[1])
    return year if 2400 <= year <= 2700 else None


# Section lines between projects.
STRATEGY_LINE = re.compile(r"^(?:\d+\.?|[ก-ฮ]\.)?\s*(ยุทธศาสตร์.*)$")
WORK_PLAN_LINE = re.compile(r"^(?:\d+(?:\.\d+)+\.?)?\s*(แผนงาน.*)$")
TOTAL_LINE = re.compile(r"^รวม")

# LAO names compared in their short form.
_LAO_PREFIXES = (
    ("องค์การบริหารส่วนจังหวัด", "อบจ"),
    ("องค์การบริหารส่วนตำบล", "อบต"),
    ("เทศบาลนคร", "ทน"),
    ("เทศบาลเมือง", "ทม"),
    ("เทศบาลตำบล", "ทต"),
)


def lao_key(name: str) -> str:
    text = compact(name).replace(".", "")
    for long, short in _LAO_PREFIXES:
        if text.startswith(long):
            return short + text[len(long) :]
    return text
