#!/usr/bin/env python
"""Benchmark: importing a 150,000-row organizations XLSX with full validation.

Budget (issue 3): our import is at most 2x the time openpyxl takes just to read the same
file in read-only mode, and at least 10x faster than django-import-export's default
row-by-row import of the same file.

Three measurements on one generated file (new organization codes, spread over the
councils already in the database), printed side by side with their ratios:

  1. openpyxl read-only: load_workbook(read_only=True) and every row's values
  2. ours: import_job_create (sniff + store) -> import_job_validate (read, check every
     row, stage) -> import_job_confirm -> import_job_run (write rows + history rows)
  3. django-import-export: CommunityOrganizationResource.import_data() on the first
     --sample rows of the same file (row by row, as the admin does), extrapolated

Everything the bench writes happens inside one transaction that is rolled back at the
end, so the database is left as it was.

Usage:
  .venv/bin/python bench/import_bench.py [--rows 150000] [--sample 2000] [--regen]
Env:
  DATABASE_URL  default postgres://postgres@127.0.0.1:5432/portal_bench_import. When that
                database does not exist it is created as a copy of portal_bench (the
                national world of `seed_demo --scale national`, see bench/seed_national.sh)
                and migrated; portal_bench itself is never changed.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/portal_bench_import"
TEMPLATE_DB = "portal_bench"
FILE_VERSION = 4  # bump when the generated file's shape changes


def _ensure_database(url: str) -> None:
    import psycopg2

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    if name in {"portal", "test_portal", TEMPLATE_DB} or name.startswith("test_"):
        sys.exit(f"refusing to benchmark in {name!r}: use a scratch database")
    admin = psycopg2.connect(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            print(f"== creating {name} as a copy of {TEMPLATE_DB}")
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE_DB}"')
    admin.close()


def _setup() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_DB)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ["DEBUG"] = "false"  # no query log
    if "MEDIA_ROOT" not in os.environ:  # the uploaded copy and the staging file go here; removed at the end
        os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="import-bench-media-")
        atexit.register(shutil.rmtree, os.environ["MEDIA_ROOT"], True)
    _ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _generate(path: Path, rows: int) -> None:
    """Organizations with new codes, spread round-robin over the existing councils.

    Written the way Excel writes a workbook: a <dimension> element (openpyxl's normal
    mode writes one; without it openpyxl reads the whole sheet twice, which would flatter
    the ratio) and shared strings (openpyxl writes inline strings; _to_shared_strings
    rewrites them, since Excel's files are what people upload)."""
    import openpyxl

    from councils.choices import OrganizationKind
    from councils.imports.columns import headers
    from councils.models import Council

    councils = list(Council.objects.order_by("subdistrict__code").values_list("subdistrict__code", flat=True))
    if not councils:
        sys.exit("no councils in the database: build the world first (bench/seed_national.sh)")
    kinds = [str(label) for label in OrganizationKind.labels]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "องค์กรชุมชน"
    sheet.append(headers("organizations"))
    for i in range(rows):
        tambon = councils[i % len(councils)]
        sheet.append(
            [
                f"BN{i:09d}",
                f"กลุ่มออมทรัพย์เพื่อการผลิตบ้านหนองบัว หมู่ที่ {i % 20 + 1} ชุดที่ {i}",
                kinds[i % len(kinds)],
                tambon,
                f"{tambon}{i % 20 + 1:02d}",
                f"บ้านหนองบัว {i % 20 + 1}",
                f"{i % 28 + 1}/{i % 12 + 1}/{2530 + i % 35}",  # text, Buddhist era
                dt.date(2015 + i % 9, i % 12 + 1, i % 28 + 1),  # a real Excel date cell
                i % 500,
            ]
        )
    workbook.save(path)
    _to_shared_strings(path)


def _to_shared_strings(path: Path) -> None:
    import re
    import zipfile

    sheet_name = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    index: dict[str, int] = {}

    def shared(match):
        text = match.group(2)
        return f'{match.group(1)}t="s"><v>{index.setdefault(text, len(index))}</v>'

    sheet = re.sub(
        r'(<c r="[A-Z]+\d+"(?: s="\d+")? )t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is>',
        shared,
        parts[sheet_name].decode("utf-8"),
    )
    parts[sheet_name] = sheet.encode("utf-8")
    strings = "".join(f"<si><t>{text}</t></si>" for text in index)  # already XML-escaped
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(index)}" uniqueCount="{len(index)}">{strings}</sst>'
    ).encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdSharedStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def _openpyxl_read(path: Path) -> tuple[float, int]:
    import openpyxl

    start = time.perf_counter()
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _row in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    return time.perf_counter() - start, count


def _ours(path: Path, user) -> tuple[dict[str, float], object]:
    from django.core.files import File

    from common.jobs.choices import JobStatus
    from councils.choices import ImportMode
    from councils.services import imports

    times = {}
    start = time.perf_counter()
    with open(path, "rb") as handle:
        job = imports.import_job_create(by=user, kind="organizations", file=File(handle, name=path.name))
    times["upload (sniff + store)"] = time.perf_counter() - start
    mark = time.perf_counter()
    job = imports.import_job_validate(job_id=job.pk)
    times["check (read + validate + stage)"] = time.perf_counter() - mark
    assert job.status == JobStatus.WAITING and not job.error_rows, (job.status, job.errors[:5])
    mark = time.perf_counter()
    job = imports.import_job_confirm(job=job, by=user, mode=ImportMode.ALL_OR_NOTHING)
    job = imports.import_job_run(job_id=job.pk)
    times["write (rows + history)"] = time.perf_counter() - mark
    times["total"] = time.perf_counter() - start
    return times, job


def _import_export(path: Path, sample: int) -> tuple[float, int]:
    import openpyxl
    import tablib

    from councils.resources import CommunityOrganizationResource

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    dataset = tablib.Dataset(headers=list(next(rows)))
    for _i, row in zip(range(sample), rows, strict=False):
        dataset.append(list(row))
    workbook.close()
    resource = CommunityOrganizationResource()
    start = time.perf_counter()
    result = resource.import_data(dataset, dry_run=False, use_transactions=True, raise_errors=True)
    elapsed = time.perf_counter() - start
    assert not result.has_validation_errors(), result.invalid_rows[:3]
    return elapsed, result.totals["new"]


class _Rollback(Exception):
    pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=150_000)
    parser.add_argument("--sample", type=int, default=2_000, help="rows for django-import-export")
    parser.add_argument("--regen", action="store_true", help="generate the XLSX even if cached")
    args = parser.parse_args()
    _setup()

    from django.db import transaction

    from accounts.models import User
    from councils.models import CommunityOrganization

    path = Path(tempfile.gettempdir()) / f"import-bench-organizations-{args.rows}-v{FILE_VERSION}.xlsx"
    if args.regen or not path.exists():
        start = time.perf_counter()
        _generate(path, args.rows)
        print(f"== generated {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - start:.1f} s")
    else:
        print(f"== using {path} ({path.stat().st_size / 1e6:.1f} MB); --regen to rebuild")

    read_s, read_rows = _openpyxl_read(path)
    before = CommunityOrganization.objects.count()
    history_before = CommunityOrganization.history.count()
    try:
        with transaction.atomic():
            user = User.objects.create_superuser("import-bench", password=None)
            with transaction.atomic():  # a savepoint: ours, then undone, then import-export
                ours, job = _ours(path, user)
                added = CommunityOrganization.objects.count() - before
                history_added = CommunityOrganization.history.count() - history_before
                assert job.imported_rows == added == history_added == args.rows, (
                    job.imported_rows,
                    added,
                    history_added,
                )
                transaction.set_rollback(True)
            ie_s, ie_rows = _import_export(path, args.sample)
            raise _Rollback
    except _Rollback:
        pass
    assert CommunityOrganization.objects.count() == before, "the bench left rows behind"

    ie_rate = ie_rows / ie_s
    ie_full = args.rows / ie_rate
    ours_total = ours["total"]
    print()
    print(f"file: {args.rows:,} organizations ({read_rows - 1:,} data rows read by openpyxl)")
    print(f"{'':44} {'seconds':>9} {'rows/s':>9}")
    print(f"{'1. openpyxl read-only, all rows':44} {read_s:9.1f} {args.rows / read_s:9,.0f}")
    for label, seconds in ours.items():
        if label != "total":
            print(f"{'   ours: ' + label:44} {seconds:9.1f}")
    print(
        f"{'2. ours: check + import, all rows':44} {ours_total:9.1f} {args.rows / ours_total:9,.0f}"
        f"   ({job.imported_rows:,} rows and {job.imported_rows:,} history rows written)"
    )
    print(
        f"{f'3. django-import-export, {ie_rows:,} rows':44} {ie_s:9.1f} {ie_rate:9,.0f}"
        f"   (=> {ie_full:,.0f} s for {args.rows:,} rows)"
    )
    print()
    ratio_read = ours_total / read_s
    ratio_ie = ie_full / ours_total
    print(
        f"ours / openpyxl read          = {ratio_read:5.2f}x   (budget: at most 2x)   "
        f"{'OK' if ratio_read <= 2 else 'OVER BUDGET'}"
    )
    print(
        f"import-export / ours          = {ratio_ie:5.1f}x   (budget: at least 10x) "
        f"{'OK' if ratio_ie >= 10 else 'OVER BUDGET'}"
    )
    print("all bench rows rolled back")


if __name__ == "__main__":
    main()
