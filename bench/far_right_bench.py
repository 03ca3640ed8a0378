#!/usr/bin/env python
"""Benchmark: a sheet whose dimension claims a million rows and every column.

Offices' workbooks often carry one stray cell far to the right on every row (a formatted
or once-typed cell in column XFD, 16,384) and a <dimension ref="A1:XFD1048576"> claim.
A reader that trusts either builds a 16,384-value row for each line. This file has
20,000 organizations rows with one such cell each; the import reads only the cells that
hold values, up to column 512 (councils/imports/xlsx.py MAX_COLUMNS).

Measured: councils.imports.readers.open_rows over every row (what the check job reads),
then the whole check (councils.imports.validators.check_rows: every cell parsed, the
batch checks against the database, the valid rows staged to a throwaway list), against
openpyxl's read-only mode reading the same file.

Usage:
  DJANGO_SETTINGS_MODULE=config.settings.local .venv/bin/python bench/far_right_bench.py [--rows 20000]
(any settings with a database whose tambons are loaded; nothing is written to it)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _generate(path: Path, rows: int, tambon: str) -> None:
    import openpyxl

    from councils.imports.columns import headers

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers("organizations"))
    for i in range(rows):
        sheet.append([f"FR{i:08d}", f"กลุ่มทดสอบ {i}", "กลุ่มออมทรัพย์", tambon, "", "", "", "", i % 300])
        sheet.cell(row=i + 2, column=16384, value="x")  # the stray far-right cell
    workbook.save(path)
    # What Excel writes for such a sheet: a dimension claiming every row and column.
    temp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data, count=1)
            target.writestr(item, data)
    shutil.move(temp, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()
    import openpyxl

    from accounts.scoping import Scope
    from councils.imports import readers
    from councils.imports.validators import check_rows
    from councils.models import Council

    council = Council.objects.select_related("subdistrict").order_by("pk").first()
    tambon = council.subdistrict.code if council else "500203"
    path = Path(tempfile.gettempdir()) / f"far-right-{args.rows}.xlsx"
    _generate(path, args.rows, tambon)
    print(f"== {path} ({path.stat().st_size / 1e6:.1f} MB): {args.rows:,} rows, one cell in column XFD each, "
          f"dimension A1:XFD1048576")

    start = time.perf_counter()
    with readers.open_rows(path, readers.XLSX) as source:
        widest = 0
        count = 0
        for _row, values in source.rows:
            count += 1
            widest = max(widest, len(values))
    read_s = time.perf_counter() - start

    start = time.perf_counter()
    with readers.open_rows(path, readers.XLSX) as source:
        checked = check_rows(kind="organizations", scope=Scope(national=True), rows=source.rows,
                             keep=lambda row, record: None)
    check_s = time.perf_counter() - start

    start = time.perf_counter()
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for _values in workbook.active.iter_rows(values_only=True):
        pass
    workbook.close()
    openpyxl_s = time.perf_counter() - start

    print(f"{'':40} {'seconds':>8}")
    print(f"{'ours: read every row':40} {read_s:8.2f}   ({count:,} rows, widest row {widest} values)")
    print(f"{'ours: read + check every row':40} {check_s:8.2f}   ({checked.valid_rows:,} valid, "
          f"{checked.error_rows:,} with errors)")
    print(f"{'openpyxl read-only, every row':40} {openpyxl_s:8.2f}")
    path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
