"""A person's data (councils.services.members.person_export) as a JSON or XLSX download."""

from __future__ import annotations

import datetime as dt
import io
import json

from django.utils.translation import gettext as _
from openpyxl import Workbook

from .imports.excel import xlsx_cell

# Values the JSON form holds as ISO text, written to the workbook as date (and date-time) cells.
_DATES = {"term_start", "term_end"}
_DATETIMES = {"created_at", "updated_at", "history_date", "revealed_at", "exported_at"}


def as_json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def _typed(key: str, value):
    if isinstance(value, str) and value:
        try:
            if key in _DATES:
                return dt.date.fromisoformat(value)
            if key in _DATETIMES:
                return dt.datetime.fromisoformat(value)
        except ValueError:
            pass
    return value


def _cell(sheet, key: str, value):
    """Typed cells: dates as date cells (shown in the Buddhist era), text as text cells,
    formula-like text quote-prefixed (no apostrophe added to what the person typed)."""
    return xlsx_cell(sheet, _typed(key, value))


def _sheet(workbook: Workbook, title: str, rows: list[dict], columns: list[tuple[str, str]]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append([xlsx_cell(sheet, str(label)) for _key, label in columns])
    for row in rows:
        sheet.append([_cell(sheet, key, row.get(key)) for key, _label in columns])


def as_xlsx(data: dict) -> bytes:
    workbook = Workbook(write_only=True)
    person = workbook.create_sheet(_("บุคคล"))
    labels = {
        "id": _("รหัสบุคคล"),
        "full_name": _("ชื่อ-สกุล"),
        "phone": _("โทรศัพท์"),
        "national_id_masked": _("เลขประจำตัวประชาชน (ปิดบัง)"),
        "national_id": _("เลขประจำตัวประชาชน"),
        "created_at": _("บันทึกเมื่อ"),
        "updated_at": _("แก้ไขล่าสุดเมื่อ"),
    }
    person.append([xlsx_cell(person, _("รายการ")), xlsx_cell(person, _("ข้อมูล"))])
    for key, value in data["person"].items():
        person.append([xlsx_cell(person, str(labels.get(key, key))), _cell(person, key, value)])
    person.append([xlsx_cell(person, _("ส่งออกเมื่อ")), _cell(person, "exported_at", data["exported_at"])])
    person.append([xlsx_cell(person, _("ส่งออกโดย")), _cell(person, "exported_by", data["exported_by"])])
    _sheet(workbook, _("วาระ"), data["terms"], [
        ("id", _("รหัสวาระ")), ("council_code", _("รหัสตำบล")), ("council", _("สภา")),
        ("organization", _("องค์กรที่เป็นผู้แทน")), ("position_label", _("ตำแหน่ง")),
        ("term_start", _("เริ่มวาระ")), ("term_end", _("สิ้นสุดวาระ")), ("is_current", _("วาระปัจจุบัน")),
    ])
    _sheet(workbook, _("ประวัติบุคคล"), data["person_history"], [
        ("history_date", _("เมื่อ")), ("history_type", _("การเปลี่ยนแปลง")), ("history_user", _("โดย")),
        ("full_name", _("ชื่อ-สกุล")), ("phone", _("โทรศัพท์")), ("national_id_masked", _("เลขประจำตัวประชาชน (ปิดบัง)")),
    ])
    _sheet(workbook, _("ประวัติวาระ"), data["term_history"], [
        ("term_id", _("รหัสวาระ")), ("history_date", _("เมื่อ")), ("history_type", _("การเปลี่ยนแปลง")),
        ("history_user", _("โดย")), ("council", _("สภา")), ("organization", _("องค์กรที่เป็นผู้แทน")),
        ("position", _("ตำแหน่ง")), ("term_start", _("เริ่มวาระ")), ("term_end", _("สิ้นสุดวาระ")),
    ])
    _sheet(workbook, _("การเปิดดูเลข"), data["national_id_reveals"], [
        ("revealed_at", _("เมื่อ")), ("revealed_by", _("ผู้เปิดดู")), ("purpose", _("วัตถุประสงค์")),
    ])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
