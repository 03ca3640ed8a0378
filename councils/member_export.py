"""A person's data (councils.services.members.person_export) as a JSON or XLSX download."""

from __future__ import annotations

import io
import json

from django.utils.translation import gettext as _
from openpyxl import Workbook

# A cell that starts with one of these would be read as a formula by a spreadsheet.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def as_json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def _cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _sheet(workbook: Workbook, title: str, rows: list[dict], columns: list[tuple[str, str]]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append([label for _key, label in columns])
    for row in rows:
        sheet.append([_cell(row.get(key)) for key, _label in columns])


def as_xlsx(data: dict) -> bytes:
    workbook = Workbook()
    person = workbook.active
    person.title = _("บุคคล")
    labels = {
        "id": _("รหัสบุคคล"),
        "full_name": _("ชื่อ-สกุล"),
        "phone": _("โทรศัพท์"),
        "national_id_masked": _("เลขประจำตัวประชาชน (ปิดบัง)"),
        "national_id": _("เลขประจำตัวประชาชน"),
        "created_at": _("บันทึกเมื่อ"),
        "updated_at": _("แก้ไขล่าสุดเมื่อ"),
    }
    person.append([_("รายการ"), _("ข้อมูล")])
    for key, value in data["person"].items():
        person.append([labels.get(key, key), _cell(value)])
    person.append([_("ส่งออกเมื่อ"), data["exported_at"]])
    person.append([_("ส่งออกโดย"), _cell(data["exported_by"])])
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
