"""Report rendering at national scale: the naive PDF against the section pipeline, side by side.

Each case runs in its own subprocess; the parent samples the resident memory of that process
*and all its children* every 20 ms (as Pss) (the pipeline lays the appendix out in worker processes,
so /usr/bin/time's per-process maximum would understate it) and times it.

Cases:
  naive     one plain WeasyPrint document: the summary + ONE table with a row per council
  ours      reports.rendering.build_pdf: the country's appendix summed up per province (77
            rows; every council's row is in the XLSX and the province reports), SARA AM text fix
  council   build_pdf for a single council (budget 1.5 s)

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/helper_lists_bench \\
       .venv/bin/python bench/report_bench.py [--year 2569] [--only naive,ours,council]
Budgets: national ≤ 30 s and ≤ 600 MB peak (all processes); one council ≤ 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGETS = {"naive": (30, 600), "ours": (30, 600), "council": (1.5, 600)}


def _setup():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()


def run_case(case: str, year: int, out: str) -> dict:
    """In the subprocess: render one case, return what was measured inside."""
    _setup()
    from django.template.loader import render_to_string

    from councils.models import Council
    from reports.rendering import build
    from reports.sections import gather_report
    from reports.spec import ReportSpec

    t0 = time.perf_counter()
    if case == "council":
        council = Council.objects.order_by("subdistrict__code").first()
        spec = ReportSpec(kind="annual", fiscal_year=year, scope="council", council_id=council.pk, title="รายงานประจำปี")
        build.build_pdf(gather_report(spec), out)
    elif case == "ours":
        spec = ReportSpec(kind="annual", fiscal_year=year, scope="national", title="รายงานการประเมินผลประจำปี")
        build.build_pdf(gather_report(spec), out)
    else:  # naive: everything in one document, the appendix as one table
        spec = ReportSpec(kind="annual", fiscal_year=year, scope="national", title="รายงานการประเมินผลประจำปี")
        data = gather_report(spec)
        parts, _groups = build.section_parts(data)
        rows = next(ctx["rows"] for section, ctx in data.sections if section.slug == "appendix")  # every council
        parts.append(
            render_to_string("reports/pdf/sections/appendix_rows.html", {"groups": [{"heading": "", "tables": [rows]}]})
        )
        html = render_to_string(
            "reports/pdf/document.html", {"parts": parts, "title": spec.title, **build._style_context()}
        )
        build._write(html, out)
    seconds = time.perf_counter() - t0
    pages = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
    pages = next((int(line.split()[-1]) for line in pages.splitlines() if line.startswith("Pages")), 0)
    return {"inner_seconds": round(seconds, 2), "pages": pages}


def _tree_rss_kb(pid: int) -> int:
    """Memory of ``pid`` and all its descendants, in kB: the sum of their proportional set
    sizes (Pss, /proc/*/smaps_rollup), so pages forked workers share are counted once."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    parents[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    tree, frontier = {pid}, [pid]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parents.items() if pp == p and c not in tree]
        tree.update(kids)
        frontier += kids
    total = 0
    for p in tree:
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                total += next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
        except OSError:
            continue
    return total


def measure(case: str, year: int) -> dict:
    out = f"/tmp/report-bench-{case}.pdf"
    cmd = [sys.executable, __file__, "--child", case, "--year", str(year), "--out", out]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_kb(proc.pid))
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    result = json.loads(proc.stdout.read().strip().splitlines()[-1]) if proc.returncode == 0 else {}
    return {"case": case, "wall": round(wall, 2), "peak_mb": round(peak / 1024), "file": out, **result}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--year", type=int, default=0, help="BE; default: the latest year with activities")
    parser.add_argument("--only", default="naive,ours,council")
    parser.add_argument("--child")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(args.child, args.year, args.out)))
        return
    if not args.year:
        _setup()
        from councils.models import Activity

        args.year = Activity.objects.order_by("-fiscal_year").values_list("fiscal_year", flat=True).first() or 2569
        print(f"fiscal year {args.year}")
    results = [measure(case, args.year) for case in args.only.split(",")]
    print(f"{'case':<8} {'wall s':>7} {'in-proc s':>9} {'peak MB (all procs)':>20} {'pages':>6}  budget")
    for r in results:
        secs, mb = BUDGETS[r["case"]]
        ok = "ok" if r["wall"] <= secs and r["peak_mb"] <= mb else "OVER"
        print(
            f"{r['case']:<8} {r['wall']:>7} {r.get('inner_seconds', '-'):>9} {r['peak_mb']:>20} {r.get('pages', '-'):>6}"
            f"  ≤{secs}s ≤{mb}MB {ok}"
        )
    print("(wall includes Python/Django start-up, ~1 s; in-proc is the rendering call alone)")


if __name__ == "__main__":
    main()
