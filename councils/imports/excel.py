"""Making exported cells safe to open in a spreadsheet (CSV/formula injection), and typed.

A text cell that starts with = + - @, a tab or a carriage return may be run by Excel or
LibreOffice as a formula (``=HYPERLINK(...)``, ``=cmd|...``).

- XLSX: ``text_cell`` writes such text as a text cell (type ``s``, never ``f``) with
  Excel's quote-prefix style: the spreadsheet shows the text exactly as it is, runs
  nothing, and shows no apostrophe; the value read back is the text itself.
- CSV has no styles, so ``neutralise`` puts a visible single quote in front (OWASP's
  advice for CSV injection). CSV exports keep doing that.

``xlsx_cell`` turns any exported value into the right cell: numbers stay numbers (member
counts add up), dates become real date cells shown in the Buddhist era (``BE_DATE_FORMAT``),
text goes through ``text_cell``.
"""

from __future__ import annotations

import datetime as dt
import numbers

from django.utils import timezone
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Day/month/year in the Thai Buddhist calendar (LCID 041E, calendar 07, Western digits):
# Excel and LibreOffice show 15/3/2567 for 15 March 2024, and the cell stays a date.
BE_DATE_FORMAT = "[$-107041E]d/m/yyyy"
BE_DATETIME_FORMAT = "[$-107041E]d/m/yyyy hh:mm"


def neutralise(value):
    """A text value made inert for spreadsheets (CSV); other values are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def text_cell(sheet, value: str) -> WriteOnlyCell:
    """A text cell (XLSX) holding ``value`` as it is; quote-prefixed when it looks like a formula."""
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"  # openpyxl would take "=..." for a formula
    if value.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True
    return cell


def xlsx_cell(sheet, value):
    """The cell for an exported value in a write-only sheet."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return text_cell(sheet, value)
    if hasattr(value, "__html__"):  # a lazy or safe string
        return text_cell(sheet, str(value))
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = timezone.localtime(value).replace(tzinfo=None)
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = BE_DATETIME_FORMAT
        return cell
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = BE_DATE_FORMAT
        return cell
    if isinstance(value, numbers.Number):  # int, float, Decimal
        return value
    return text_cell(sheet, str(value))
