"""A dataset written out, streamed: CSV and JSON line by line, XLSX through openpyxl's
write-only workbook into a temporary file (rows are not kept in memory), served from there.

CSV: UTF-8 with a BOM (Excel reads Thai), a header of column names, ISO dates, formula-like
text with an apostrophe in front (councils.imports.excel.neutralise). JSON: one array of
objects keyed by column name, ISO dates. XLSX: typed cells (numbers add up, dates are date
cells shown in the Buddhist era, formula-like text stays text), the Thai labels as a second
header row under the column names.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import tempfile
from collections.abc import Iterator

from django.utils import timezone
from openpyxl import Workbook

from councils.imports.excel import neutralise, xlsx_cell

from .datasets import LICENCE, Dataset


def plain(value):
    """A value for CSV and JSON: dates and times in ISO 8601 (aware times in Thai time)."""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class _Echo:
    def write(self, value):
        return value


def csv_lines(dataset: Dataset, *, base: str = "") -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(dataset.names)
    for row in dataset.rows(base=base):
        yield writer.writerow(["" if v is None else neutralise(plain(v)) for v in row])


def json_chunks(dataset: Dataset, *, base: str = "") -> Iterator[str]:
    names = dataset.names
    yield "["
    first = True
    for row in dataset.rows(base=base):
        item = json.dumps(dict(zip(names, (plain(v) for v in row), strict=True)), ensure_ascii=False)
        yield ("\n" if first else ",\n") + item
        first = False
    yield "\n]\n"


def xlsx_file(dataset: Dataset, *, base: str = ""):
    """The workbook in a temporary file (deleted when closed), at its start."""
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet(dataset.slug)
    sheet.append([xlsx_cell(sheet, name) for name in dataset.names])
    sheet.append([xlsx_cell(sheet, str(c.label)) for c in dataset.columns])
    for row in dataset.rows(base=base):
        sheet.append([xlsx_cell(sheet, v) for v in row])
    about = wb.create_sheet("licence")
    about.append([xlsx_cell(about, str(dataset.title))])
    about.append([xlsx_cell(about, str(LICENCE))])
    target = tempfile.TemporaryFile()
    wb.save(target)
    target.seek(0)
    return target
