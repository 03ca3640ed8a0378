"""Thai calendar helpers: Buddhist-era years, fiscal years, Thai digits.

Dates are stored in the Christian era (Python dates); years shown to users and stored
as ``fiscal_year`` are Buddhist era (CE + 543). The Thai fiscal year runs 1 October to
30 September and is named by the year it ends: 1 Oct 2025 – 30 Sep 2026 is FY 2569.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from pythainlp.util import arabic_digit_to_thai_digit, thai_digit_to_arabic_digit, thai_strftime

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


# Characters people paste in without seeing them: zero-width space, non-joiner and joiner,
# word joiner, byte-order mark, soft hyphen. Two codes that look identical must compare equal.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def clean_typed_text(text: str) -> str:
    """Typed or pasted text as the portal compares it: invisible characters removed, NFC."""
    text = text.translate(INVISIBLE)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
