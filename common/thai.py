"""Thai calendar helpers: Buddhist-era years, fiscal years, Thai digits.

Dates are stored in the Christian era (Python dates); years shown to users and stored
as ``fiscal_year`` are Buddhist era (CE + 543). The Thai fiscal year runs 1 October to
30 September and is named by the year it ends: 1 Oct 2025 – 30 Sep 2026 is FY 2569.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from enum import Enum

from django.utils.translation import gettext as _
from pythainlp.util import arabic_digit_to_thai_digit, thai_digit_to_arabic_digit, thai_strftime
from pythainlp.util.date import thai_abbr_months, thai_full_months

BE_OFFSET = 543
# Plausible ranges. A CE year typed where a BE year belongs (or the reverse) falls in the
# other range, which is how we catch values 543 years off.
BE_MIN, BE_MAX = 2450, 2700
CE_MIN, CE_MAX = BE_MIN - BE_OFFSET, BE_MAX - BE_OFFSET

DATE_FORMATS = {
    "short": "%-d %b %y",  # 25 พ.ย. 68
    "medium": "%-d %b %Y",  # 25 พ.ย. 2568
    "long": "%-d %B %Y",  # 25 พฤศจิกายน 2568
    "datetime": "%-d %b %Y %H:%M น.",
}


def ce_to_be(year: int) -> int:
    return year + BE_OFFSET


def be_to_ce(year: int) -> int:
    return year - BE_OFFSET


def fiscal_year_of(day: dt.date) -> int:
    """The Buddhist-era fiscal year a date falls in."""
    year = day.year + 1 if day.month >= 10 else day.year
    return ce_to_be(year)


def fiscal_year_bounds(fiscal_year: int) -> tuple[dt.date, dt.date]:
    """First and last day (CE dates) of a Buddhist-era fiscal year."""
    end_ce = be_to_ce(fiscal_year)
    return dt.date(end_ce - 1, 10, 1), dt.date(end_ce, 9, 30)


def current_fiscal_year(today: dt.date | None = None) -> int:
    from django.utils import timezone

    return fiscal_year_of(today or timezone.localdate())


def looks_like_ce(year: int) -> bool:
    return CE_MIN <= year <= CE_MAX


def looks_like_be(year: int) -> bool:
    return BE_MIN <= year <= BE_MAX


def thai_digits(value) -> str:
    return arabic_digit_to_thai_digit(str(value))


def arabic_digits(value: str) -> str:
    return thai_digit_to_arabic_digit(value)


def thai_date(value: dt.date | dt.datetime | None, style: str = "medium", *, digits: bool = False) -> str:
    """Format a date in Thai with a Buddhist-era year ("25 พ.ย. 2568")."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        if timezone.is_aware(value):
            value = timezone.localtime(value)
    elif isinstance(value, dt.date):
        value = dt.datetime(value.year, value.month, value.day)
    fmt = DATE_FORMATS.get(style, style)
    return thai_strftime(value, fmt, thaidigit=digits)


_CE_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def be_years(text: str) -> str:
    """Every four-digit Christian-era year in ``text`` made Buddhist era ("มีนาคม 2026" →
    "มีนาคม 2569"), for labels Django formats with CE years (the admin's date drill-down)."""
    return _CE_YEAR.sub(lambda m: str(ce_to_be(int(m[1]))) if looks_like_ce(int(m[1])) else m[1], str(text))


# Characters people paste in without seeing them: zero-width space, non-joiner and joiner,
# word joiner, byte-order mark, soft hyphen. Two codes that look identical must compare equal.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def clean_typed_text(text: str) -> str:
    """Typed or pasted text as the portal compares it: invisible characters removed, NFC."""
    text = text.translate(INVISIBLE)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# Dates typed as text -----------------------------------------------------------------
# One parser for every door where a person types a date: the import engine's cells
# (councils/imports/cells.py) and the portal's date fields (common/forms.py BEDateField).


class Era(Enum):
    BE = "พ.ศ."
    CE = "ค.ศ."


class ThaiDateError(ValueError):
    """A typed date that cannot be taken, with the Thai message that says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


OLDEST_YEAR = 1950  # CE; any earlier date is a typing mistake, as the models say
# "15 มี.ค. 2567", "15 มีค 2567", "15 มีนาคม 2567": the month by its Thai name or abbreviation
# (dots optional), the key without dots.
THAI_MONTHS = {
    **{name: number for number, name in enumerate(thai_full_months, start=1)},
    **{abbr.replace(".", ""): number for number, abbr in enumerate(thai_abbr_months, start=1)},
}
_DAY_THAI_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*([ก-์.]+?)\s*(?:พ\.?\s*ศ\.?\s*)?(\d+)$")
_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d+)$", re.ASCII)
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$", re.ASCII)


def _shown(text: str) -> str:
    return thai_truncate(text, 40)


def parse_date(text: str, *, era: Era = Era.BE, in_column: bool = False) -> dt.date:
    """A date typed as text whose four-digit year must be in ``era``: 15/03/2567, 15-3-2567,
    2567-03-15, 15 มี.ค. 2567, 15 มีนาคม 2567, Thai digits (๑๕/๐๓/๒๕๖๗) too. A year in the
    other era is refused, never shifted silently; a two-digit year is refused as ambiguous.
    Raises ``ThaiDateError`` with a Thai message (naming "the column" for an import file's
    cell when ``in_column``, "the field" otherwise)."""
    raw = arabic_digits(" ".join(str(text).split()))
    match = _DMY.match(raw)
    if match:
        day_s, month_s, year_s = match.groups()
    elif match := _YMD.match(raw):
        year_s, month_s, day_s = match.groups()
    elif (match := _DAY_THAI_MONTH_YEAR.match(raw)) and match[2].replace(".", "") in THAI_MONTHS:
        day_s, year_s = match[1], match[3]
        month_s = str(THAI_MONTHS[match[2].replace(".", "")])
    else:
        raise ThaiDateError(
            _("รูปแบบวันที่ไม่ถูกต้อง ค่าที่พบ “%(value)s” กรุณาใช้ วัน/เดือน/ปี เช่น 15/03/2566") % {"value": _shown(raw)}
        )
    if len(year_s) != 4:
        raise ThaiDateError(_("ปีต้องมี 4 หลัก ค่าที่พบ “%(value)s” กำกวมว่าเป็นปีใด (เช่น 15/03/2566)") % {"value": _shown(raw)})
    year = int(year_s)
    if era is Era.BE:
        if looks_like_ce(year):
            if in_column:
                message = _("ปี %(year)s เป็นปี ค.ศ. แต่คอลัมน์นี้ใช้ปี พ.ศ. (เช่น %(be)s)")
            else:
                message = _("ปี %(year)s เป็นปี ค.ศ. แต่ช่องนี้ใช้ปี พ.ศ. กรุณาพิมพ์ปี พ.ศ. (เช่น %(be)s)")
            raise ThaiDateError(message % {"year": year, "be": year + BE_OFFSET})
        if not looks_like_be(year):
            raise ThaiDateError(_("ปี พ.ศ. %(year)s อยู่นอกช่วงที่เป็นไปได้") % {"year": year})
        year -= BE_OFFSET
    else:
        if looks_like_be(year):
            raise ThaiDateError(
                _("ปี %(year)s เป็นปี พ.ศ. แต่คอลัมน์นี้ใช้ปี ค.ศ. (เช่น %(ce)s)") % {"year": year, "ce": year - BE_OFFSET}
            )
        if not looks_like_ce(year):
            raise ThaiDateError(_("ปี ค.ศ. %(year)s อยู่นอกช่วงที่เป็นไปได้") % {"year": year})
    try:
        day = dt.date(year, int(month_s), int(day_s))
    except ValueError:
        raise ThaiDateError(_("ไม่มีวันที่นี้ในปฏิทิน ค่าที่พบ “%(value)s”") % {"value": _shown(raw)}) from None
    return check_oldest(day)


def check_oldest(day: dt.date) -> dt.date:
    if day.year < OLDEST_YEAR:
        raise ThaiDateError(
            _("วันที่เก่าเกินไป (ก่อน พ.ศ. %(be)s หรือ ค.ศ. %(year)s) กรุณาตรวจสอบปี")
            % {"be": ce_to_be(OLDEST_YEAR), "year": OLDEST_YEAR}
        )
    return day


def format_date(day: dt.date | None, era: Era = Era.BE) -> str:
    """The text form people type and read back: dd/mm/yyyy in ``era`` ("15/03/2567")."""
    if day is None:
        return ""
    year = day.year + BE_OFFSET if era is Era.BE else day.year
    return f"{day.day:02d}/{day.month:02d}/{year}"


# Shortening Thai text ----------------------------------------------------------------
ELLIPSIS = "…"
_LOOKAHEAD = 30  # characters past the cut tokenized, so the word at the cut is seen whole


def thai_truncate(text, max_chars: int, ellipsis: str = ELLIPSIS) -> str:
    """``text`` cut to at most ``max_chars`` characters (ellipsis included) at a word
    boundary: Thai has no spaces between words, so the words come from PyThaiNLP's newmm
    tokenizer. A single word longer than the room is cut between characters, never
    between a letter and its vowel or tone mark."""
    text = "" if text is None else str(text)
    if len(text) <= max_chars:
        return text
    room = max_chars - len(ellipsis)
    if room <= 0:
        return ellipsis[:max_chars]
    from pythainlp.tokenize import word_tokenize

    kept = ""
    for word in word_tokenize(text[: max_chars + _LOOKAHEAD], engine="newmm", keep_whitespace=True):
        if len(kept) + len(word) > room:
            break
        kept += word
    kept = kept.rstrip(" \t\n([{“‘\"'-–—/,:;")
    if not kept:  # one long word: cut between characters, after a whole cluster
        cut = room
        while cut > 0 and (unicodedata.category(text[cut]) in ("Mn", "Mc") or text[cut - 1] in "เแโใไ"):
            cut -= 1
        kept = text[:cut]
    return kept + ellipsis
