"""Compiling a large district plan: 20 tambons × 30 items (the largest districts), five
themes, a proposal per tambon and theme. Seeds inside a transaction that is rolled back,
then times the compile (queries counted), the XLSX and the PDF (pages counted), each as
the page and the downloads make them.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
       .venv/bin/python bench/district_plan_bench.py [--tambons 20] [--items 30]
(works on the local SQLite database too). The PDF of a district past
``plans.compiled_pdf.PDF_INLINE_MAX_ITEMS`` items is made by a job, not in the request.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Rollback(Exception):
    pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tambons", type=int, default=20)
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--out", help="also write the PDF here")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from plans.compiled_pdf import PDF_INLINE_MAX_ITEMS, district_plan_pdf, pdf_page_count
    from plans.compiled_xlsx import district_plan_xlsx
    from plans.selectors.compile import district_plan
    from tests.factories import DistrictFactory, ProvinceFactory
    from tests.plans.compile_data import big_district

    try:
        with transaction.atomic():
            t0 = time.perf_counter()
            district = DistrictFactory(province=ProvinceFactory(code="98", name_th="จังหวัดทดสอบ"), code="9801")
            big_district(district, tambons=args.tambons, items=args.items)
            seed = time.perf_counter() - t0
            with CaptureQueriesContext(connection) as queries:
                t0 = time.perf_counter()
                plan = district_plan(district=district, fiscal_year=2569)
                compile_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            district_plan_xlsx(plan, io.BytesIO())
            xlsx_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            pdf = district_plan_pdf(plan)
            pdf_s = time.perf_counter() - t0
            if args.out:
                Path(args.out).write_bytes(pdf)
            print(
                f"district plan {args.tambons} tambons × {args.items} items = {plan.item_count} items "
                f"(seed {seed:.1f} s): compile {compile_s * 1000:.0f} ms in {len(queries)} queries, "
                f"XLSX {xlsx_s * 1000:.0f} ms, PDF {pdf_s:.1f} s, {pdf_page_count(pdf)} pages, "
                f"{len(pdf) // 1024} KB ({'inline' if plan.item_count <= PDF_INLINE_MAX_ITEMS else 'job'})"
            )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
