"""Parsing one cell of an import file into a Python value, or a Thai message saying why not.

Each parser takes a non-blank raw value (str from CSV; str, int, float, bool or datetime
from XLSX) and returns the value to store, or raises ``CellError``.

Dates: the rule for eras
------------------------
A date column's header names its era: "วันที่ก่อตั้ง (พ.ศ.)" or "วันที่ก่อตั้ง (ค.ศ.)".
- A date typed as text (15/03/2566, 15-3-2566, 2566-03-15) must have a four-digit year
  in the era the header names. A year in the other era is an error, never shifted
  silently: 15/03/2023 under "(พ.ศ.)" is refused. A two-digit year is refused as
  ambiguous.
- A real Excel date cell holds a Gregorian (Christian-era) date whatever the header says;
  Thai Excel only *displays* it in B.E. Such a cell is taken as it is, unless its year
  looks Buddhist-era (2450–2700): that is a B.E. year typed into a date cell and is refused.
- Any date before 1950 is refused as a typing mistake, as the models do.
"""

from __future__ import annotations

import datetime as dt
import re
import time

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from common.thai import Era, ThaiDateError, check_oldest, looks_like_be, parse_date, thai_truncate
from common.thai import format_date as format_date

from .. import pdpa  # the one place that knows the national ID number's rules


class CellError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


THAI_DIGITS = re.compile("[๐-๙]")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_DIGITS = re.compile(r"^\d+$", re.ASCII)
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+$", re.ASCII)


def _shown(value) -> str:
    return thai_truncate(str(value), 40)


def _arabic(text: str) -> str:
    """Thai digits (๐–๙) typed where a number, code or date is expected, as Arabic digits."""
    return text.translate(_TO_ARABIC) if THAI_DIGITS.search(text) else text


def _as_text(value) -> str:
    """A number typed into a text or code column arrives as int or float from XLSX."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def text(value, *, max_length: int | None) -> str:
    result = _as_text(value)
    if max_length is not None and len(result) > max_length:
        raise CellError(_("ยาวเกิน %(max)s ตัวอักษร (มี %(length)s ตัวอักษร)") % {"max": max_length, "length": len(result)})
    return result


def digit_code(value, *, length: int) -> str:
    """A DOPA area code: exactly ``length`` Arabic digits (tambon 6, village 8)."""
    if isinstance(value, (dt.date, dt.datetime)):
        raise CellError(_("ต้องเป็นรหัสตัวเลข %(length)s หลัก ไม่ใช่วันที่") % {"length": length})
    code = _arabic(_as_text(value))
    if len(code) != length or not _DIGITS.match(code):
        raise CellError(
            _("ต้องเป็นตัวเลขอารบิก %(length)s หลัก ค่าที่พบ “%(value)s”") % {"length": length, "value": _shown(code)}
        )
    return code


def record_code(value, *, max_length: int) -> str:
    """A registration code such as CODI's organization code: letters and digits, no spaces."""
    code = _arabic(_as_text(value))
    if len(code) > max_length:
        raise CellError(_("รหัสยาวเกิน %(max)s ตัวอักษร ค่าที่พบ “%(value)s”") % {"max": max_length, "value": _shown(code)})
    if any(ch.isspace() for ch in code):
        raise CellError(_("รหัสต้องไม่มีช่องว่าง ค่าที่พบ “%(value)s”") % {"value": _shown(code)})
    return code


def whole_number(value, *, minimum: int = 0) -> int:
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.datetime)):
        raise CellError(_("ต้องเป็นจำนวนเต็ม ค่าที่พบ “%(value)s”") % {"value": _shown(value)})
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise CellError(_("ต้องเป็นจำนวนเต็ม ค่าที่พบ “%(value)s”") % {"value": _shown(value)})
        number = int(value)
    else:
        raw = _arabic(str(value).strip())
        if _THOUSANDS.match(raw):
            raw = raw.replace(",", "")
        if not _DIGITS.match(raw.lstrip("-")) or raw.count("-") > 1:
            raise CellError(_("ต้องเป็นจำนวนเต็ม ค่าที่พบ “%(value)s”") % {"value": _shown(value)})
        number = int(raw)
    if number < minimum:
        raise CellError(_("ต้องไม่น้อยกว่า %(min)s ค่าที่พบ %(value)s") % {"min": minimum, "value": number})
    if number > 2_147_483_647:
        raise CellError(_("ตัวเลขมากเกินไป ค่าที่พบ %(value)s") % {"value": number})
    return number


def choice_lookup(choices) -> dict[str, str]:
    """Accept a TextChoices member by its Thai label or by its stored value."""
    lookup = {}
    for value, label in choices.choices:
        lookup[str(label).casefold()] = value
        lookup[value.casefold()] = value
    return lookup


def choice(value, *, lookup: dict[str, str], labels: str) -> str:
    key = " ".join(_as_text(value).split()).casefold()
    try:
        return lookup[key]
    except KeyError:
        raise CellError(
            _("ไม่รู้จักค่า “%(value)s” ค่าที่ใช้ได้: %(labels)s") % {"value": _shown(value), "labels": labels}
        ) from None


def email(value) -> str:
    address = _as_text(value)
    try:
        validate_email(address)
    except ValidationError:
        raise CellError(_("อีเมลไม่ถูกต้อง ค่าที่พบ “%(value)s”") % {"value": _shown(address)}) from None
    if len(address) > 254:
        raise CellError(_("อีเมลยาวเกิน 254 ตัวอักษร"))
    return address


_today_cache: tuple[float, dt.date] = (0.0, dt.date.min)


def _today() -> dt.date:
    """timezone.localdate(), looked up at most once a minute (it is called per cell)."""
    global _today_cache
    now = time.monotonic()
    if now - _today_cache[0] > 60:
        _today_cache = (now, timezone.localdate())
    return _today_cache[1]


def _checked(day: dt.date, *, not_future: bool) -> dt.date:
    try:
        check_oldest(day)
    except ThaiDateError as error:
        raise CellError(error.message) from None
    if not_future and day > _today():
        raise CellError(_("วันที่ต้องไม่เป็นวันในอนาคต"))
    return day


def date_in_era(value, *, era: Era, not_future: bool = False) -> dt.date:
    """A date whose text year must be in ``era`` (see the module docstring for the rule; the
    text itself is read by common.thai.parse_date, the portal's one date parser)."""
    if isinstance(value, (dt.datetime, dt.date)):
        day = value.date() if isinstance(value, dt.datetime) else value
        if looks_like_be(day.year):
            raise CellError(
                _(
                    "เซลล์วันที่ของ Excel มีปี ค.ศ. %(year)s ซึ่งน่าจะเป็นปี พ.ศ. ที่พิมพ์ลงในเซลล์วันที่ "
                    "กรุณาพิมพ์วันที่เป็นข้อความ เช่น 15/03/%(example)s"
                )
                % {"year": day.year, "example": day.year}
            )
        return _checked(day, not_future=not_future)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise CellError(_("ไม่ใช่วันที่ ค่าที่พบ “%(value)s” กรุณาใช้รูปแบบ วัน/เดือน/ปี เช่น 15/03/2566") % {"value": _shown(value)})
    try:
        day = parse_date(str(value).strip(), era=era, in_column=True)
    except ThaiDateError as error:
        raise CellError(error.message) from None
    return _checked(day, not_future=not_future)


def national_id(value) -> str:
    """A Thai national ID number as people type it: 13 digits, Thai digits, dashes or
    spaces ("๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑"), or a number cell Excel made of it. Returns the 13 ASCII
    digits; a wrong length or check digit is a Thai message that never repeats the number
    (PDPA: it must not reach previews, error lists or logs)."""
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.datetime)):
        raise CellError(_("เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก"))
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(_("เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก (พิมพ์ขีดหรือเว้นวรรคคั่นได้ ใช้เลขไทยได้)"))
        value = int(value)
    try:
        return pdpa.normalize_national_id(str(value))
    except ValidationError as error:
        raise CellError(error.messages[0]) from None
