"""The bad rows of a checked file, as the user's own file with an error column added.

Made on demand from the upload itself (while it is kept) and the list of every problem
the check found (staging.read_problems): the same format (XLSX stays XLSX; CSV stays CSV
in its encoding, separator and byte-order mark), the header row as the user wrote it, the
columns in their order, only the rows that were refused, and one more column at the right
naming each problem's column and what is wrong, in Thai. Title rows above the header are
left out. Fixed in Excel and uploaded again, it is read without the error column
(columns.ERRORS_HEADER is skipped silently).

Values are written back as they were read: text as text (a text cell even when it starts
with "=", with Excel's quote-prefix style, so nothing runs and nothing is added to it),
numbers as numbers, date cells as date cells. A national ID number comes back as the user
typed it: the point of the file is to be uploaded again, and a masked number could not
be. That is why it exists only while the upload is kept, which for a file holding
national ID numbers ends when the import finishes (councils.services.retention).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from common.thai import thai_truncate

from . import readers, staging, xlsx
from .columns import ERRORS_HEADER
from .excel import BE_DATE_FORMAT, text_cell

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A whole number this long in a General cell shows as 1.23457E+12: shown in full instead.
_LONG_NUMBER = 10**11


@dataclass
class BadRowsFile:
    content: bytes
    filename: str
    content_type: str
    rows: int


def _problem_text(problems: list[tuple[str, str]]) -> str:
    return " / ".join(
        _("คอลัมน์ “%(column)s”: %(message)s") % {"column": column, "message": message} if column else message
        for column, message in problems
    )


def available(job) -> bool:
    """Whether the bad-rows file can be made: rows were refused, the upload is still kept,
    and the check's problems (with where the header is) are kept with it."""
    if not job.error_rows or not job.file:
        return False
    return staging.problems_kept(job.pk)


def build(job) -> BadRowsFile | None:
    """The bad-rows file of ``job`` or None when it cannot be made (see ``available``)."""
    if not job.error_rows or not job.file:
        return None
    found = staging.read_problems(job.pk)
    if not found:
        return None
    where, by_row = found
    header_row = where.get("header_row")
    if not header_row or not any(row > header_row for row in by_row):
        return None
    path = job.file.path
    stem = Path(job.original_name or "").stem or str(job.kind)
    if readers.format_of(path) == readers.XLSX:
        content, count = _xlsx(path, where.get("sheet", 0), header_row, by_row)
        return BadRowsFile(content, _("%(name)s-แถวที่ต้องแก้ไข.xlsx") % {"name": stem}, XLSX_TYPE, count)
    content, count, encoding = _csv(path, header_row, by_row)
    return BadRowsFile(
        content, _("%(name)s-แถวที่ต้องแก้ไข.csv") % {"name": stem}, f"text/csv; charset={encoding}", count
    )


def _xlsx_value(sheet, value):
    if isinstance(value, str):
        return text_cell(sheet, value)
    if isinstance(value, (dt.datetime, dt.date)):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = BE_DATE_FORMAT
        return cell
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _LONG_NUMBER:
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "0"
        return cell
    return value


def _xlsx(path, sheet_index: int, header_row: int, by_row: dict) -> tuple[bytes, int]:
    source = xlsx.Sheet(path, sheet_index)
    workbook = Workbook(write_only=True)
    target = workbook.create_sheet(thai_truncate(source.name, 31) or _("แถวที่ต้องแก้ไข"))
    count = 0
    try:
        width = 0
        for row, values in source.rows():
            if row < header_row:
                continue
            if row == header_row:
                width = len(values)
                bold = Font(bold=True)
                header = [_header_cell(target, value, bold) for value in values]
                error = text_cell(target, ERRORS_HEADER)
                error.font = Font(bold=True, color="9C0006")
                error.fill = PatternFill("solid", fgColor="FFC7CE")
                target.append([*header, error])
                continue
            problems = by_row.get(row)
            if not problems:
                continue
            cells = [_xlsx_value(target, value) for value in values]
            cells += [None] * (width - len(cells))
            note = text_cell(target, _problem_text(problems))
            note.alignment = Alignment(wrap_text=True, vertical="top")
            target.append([*cells, note])
            count += 1
    finally:
        source.close()
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), count


def _header_cell(sheet, value, font):
    cell = _xlsx_value(sheet, value) if value is not None else None
    if hasattr(cell, "font"):
        cell.font = font
    return cell


def _csv(path, header_row: int, by_row: dict) -> tuple[bytes, int, str]:
    with open(path, "rb") as handle:
        data = handle.read()
    text, encoding = readers.decode_text(data)
    bom = encoding == "utf-8" and data.startswith(b"\xef\xbb\xbf")
    delimiter = readers.csv_delimiter(text)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    count = 0
    for row, values in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
        if row == header_row:
            writer.writerow([*values, ERRORS_HEADER])
        elif row > header_row and by_row.get(row):
            writer.writerow([*values, _problem_text(by_row[row])])
            count += 1
    written = out.getvalue()
    if encoding == "utf-16":
        return written.encode("utf-16"), count, "utf-16"  # with its byte-order mark, as Excel saves it
    if encoding == "cp874":
        return written.encode("cp874", errors="replace"), count, "windows-874"
    return written.encode("utf-8-sig" if bom else "utf-8"), count, "utf-8"
