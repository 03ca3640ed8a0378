"""Recognising an uploaded file by its content, and streaming its rows.

``sniff`` runs when the file is uploaded and refuses, with a Thai message, anything that
is not a readable XLSX or CSV: the wrong type, a password-protected workbook (an OLE2
container), a corrupt or truncated zip, an oversize file or a zip that inflates past a
safe size. ``open_rows`` runs in the Celery job and yields ``(row_number, values)``.

XLSX rows are streamed by councils/imports/xlsx.py (safe expat, the values openpyxl's
read-only mode gives, several times faster). openpyxl still reads and writes XLSX
elsewhere (admin imports through tablib, exports); it parses XML through defusedxml only
when defusedxml is installed, so importing this module fails loudly without it.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import openpyxl
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from . import xlsx

if not openpyxl.DEFUSEDXML:  # pragma: no cover - a deployment mistake, caught at start-up
    raise ImproperlyConfigured(
        "defusedxml must be installed (and OPENPYXL_DEFUSEDXML not set to False) to read XLSX uploads safely"
    )

XLSX = "xlsx"
CSV = "csv"
DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# The parts of a workbook may not inflate past this in total (a zip bomb is refused).
MAX_INFLATED_BYTES = 1024 * 1024 * 1024
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Office writes a password-protected .xlsx as an OLE2 file holding these two streams.
ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")


class FileProblem(Exception):
    """The file as a whole cannot be read; ``message`` says why, in Thai."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def max_upload_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def wrong_type() -> FileProblem:
    return FileProblem(_("ไฟล์ต้องเป็น Excel (.xlsx) หรือ CSV เท่านั้น ไฟล์ที่ส่งมาไม่ใช่ทั้งสองแบบ"))


def corrupt() -> FileProblem:
    return FileProblem(_("ไฟล์ Excel เสียหายหรือไม่สมบูรณ์ จึงเปิดอ่านไม่ได้ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx ใหม่"))


def sniff(fileobj, *, size: int) -> str:
    """Return XLSX or CSV for an upload, judged by its bytes (never by its name)."""
    limit = max_upload_bytes()
    if size > limit:
        raise FileProblem(
            _("ไฟล์ใหญ่เกิน %(limit)s MB (ไฟล์นี้ %(size)s MB) กรุณาแบ่งเป็นหลายไฟล์")
            % {"limit": _megabytes(limit), "size": _megabytes(size)}
        )
    if size == 0:
        raise FileProblem(_("ไฟล์ว่างเปล่า ไม่มีข้อมูล"))
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    if head.startswith(ZIP_MAGIC):
        _check_workbook(fileobj)
        return XLSX
    if head == OLE2_MAGIC:
        data = fileobj.read()
        fileobj.seek(0)
        if all(marker in data for marker in ENCRYPTED_STREAMS):
            raise FileProblem(
                _("ไฟล์ถูกเข้ารหัสด้วยรหัสผ่าน ระบบจึงอ่านไม่ได้ กรุณาเปิดใน Excel เอารหัสผ่านออก แล้วบันทึกใหม่ก่อนนำเข้า")
            )
        raise FileProblem(_("ไฟล์ Excel รุ่นเก่า (.xls) ใช้ไม่ได้ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx"))
    if head.startswith(BINARY_MAGIC):
        raise wrong_type()
    if head.startswith(UTF16_BOMS):  # Excel's "Unicode Text": UTF-16, tab separated
        decode_text(fileobj.read())
        fileobj.seek(0)
        return CSV
    sample = fileobj.read(64 * 1024)
    fileobj.seek(0)
    if b"\x00" in sample:
        raise wrong_type()
    decode_text(fileobj.read())
    fileobj.seek(0)
    return CSV


def _check_workbook(fileobj) -> None:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                raise wrong_type()
            if sum(info.file_size for info in archive.infolist()) > MAX_INFLATED_BYTES:
                raise FileProblem(_("ไฟล์ Excel นี้ขยายตัวเกินขนาดที่ปลอดภัยเมื่อเปิดอ่าน ระบบจึงไม่รับ"))
            if archive.testzip() is not None:
                raise corrupt()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, NotImplementedError):
        # zlib.error: the directory is whole but a part's deflate data is damaged
        raise corrupt() from None
    finally:
        fileobj.seek(0)


def format_of(path) -> str:
    """XLSX or CSV for a stored upload (already sniffed when it was uploaded)."""
    with open(path, "rb") as handle:
        return XLSX if handle.read(4) in ZIP_MAGIC else CSV


def decode_text(data: bytes) -> tuple[str, str]:
    """CSV text: UTF-16 when it starts with its byte-order mark (Excel's "Unicode Text"),
    else UTF-8 (with or without BOM), then Thai Windows (cp874 ⊃ TIS-620)."""
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise FileProblem(_("อ่านตัวอักษรในไฟล์ Unicode Text ไม่ได้ ไฟล์อาจไม่สมบูรณ์")) from None
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        raise FileProblem(
            _("อ่านตัวอักษรในไฟล์ CSV ไม่ได้ กรุณาบันทึกเป็น “CSV UTF-8” หรือ CSV ภาษาไทย (TIS-620)")
        ) from None
    return text, "cp874"


@dataclass
class RowSource:
    estimated_rows: int  # data rows, excluding the header; 0 when unknown
    rows: Iterator[tuple[int, tuple]]  # (1-based row number as Excel shows it, cell values)
    sheet_name: str = ""  # the worksheet read, when the workbook has several
    sheet_count: int = 1
    sheet_index: int = 0


# How many rows of each worksheet are read to judge whether it holds the data.
SHEET_PROBE_ROWS = 10


def _choose_sheet(path, holds_header) -> int:
    """The first worksheet whose first rows hold the header (``holds_header(rows)``), else the
    first: a workbook with a cover or notes sheet before the data is read where the data is."""
    count = xlsx.sheet_count(path)
    if count < 2 or holds_header is None:
        return 0
    for index in range(count):
        sheet = xlsx.Sheet(path, index)
        try:
            head = []
            for row in sheet.rows():
                head.append(row[1])
                if len(head) >= SHEET_PROBE_ROWS:
                    break
        finally:
            sheet.close()
        if holds_header(head):
            return index
    return 0


def _xlsx_rows(sheet: xlsx.Sheet) -> Iterator[tuple[int, tuple]]:
    try:
        yield from sheet.rows()
    except Exception:  # ExpatError, UnsafeXML (a DTD or entity), a bad shared-string index, zlib errors
        raise corrupt() from None


def _unbalanced_quote(row: int) -> FileProblem:
    return FileProblem(_("โครงสร้างไฟล์ CSV ไม่ถูกต้อง (เครื่องหมายคำพูดไม่ครบคู่) ใกล้แถวที่ %(row)s") % {"row": row})


def _swallowed_records(value: str, delimiter: str, width: int) -> bool:
    """A quote left open swallows the rest of the file into one cell: a cell holding line
    breaks whose later lines each look like a whole record (as many separators as the
    header). A real multi-line cell (an address) does not."""
    return width > 1 and any(line.count(delimiter) >= width - 1 for line in value.splitlines()[1:])


def csv_delimiter(text: str) -> str:
    """The separator of a CSV text: the one its first line uses most (comma, semicolon, tab)."""
    first_line = text[: text.find("\n")] if "\n" in text else text
    return max((",", ";", "\t"), key=first_line.count)


def _csv_rows(text: str) -> Iterator[tuple[int, tuple]]:
    delimiter = csv_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    width = 0
    try:
        # numbered by record, as Excel numbers the rows when it opens the file
        for number, values in enumerate(reader, start=1):
            width = width or len(values)
            if any("\n" in value and _swallowed_records(value, delimiter, width) for value in values):
                raise _unbalanced_quote(number)
            yield number, tuple(values[: xlsx.MAX_COLUMNS])
    except csv.Error:
        raise _unbalanced_quote(reader.line_num) from None


@contextmanager
def open_rows(path, fmt: str, *, holds_header=None):
    """Yield a RowSource over the file at ``path``; FileProblem for an unreadable file.
    ``holds_header(rows)`` picks the worksheet of a workbook that has several."""
    if fmt == XLSX:
        try:
            index = _choose_sheet(path, holds_header)
            sheet = xlsx.Sheet(path, index)
        except Exception:  # a missing part, bad XML, a DTD or entity, a bad zip
            raise corrupt() from None
        try:
            yield RowSource(
                estimated_rows=max(sheet.estimated_rows - 1, 0),
                rows=_xlsx_rows(sheet),
                sheet_name=sheet.name,
                sheet_count=sheet.sheet_count,
                sheet_index=index,
            )
        finally:
            sheet.close()
    else:
        with open(path, "rb") as handle:
            text, _encoding = decode_text(handle.read())
        yield RowSource(estimated_rows=max(text.count("\n") - 1, 0), rows=_csv_rows(text))
