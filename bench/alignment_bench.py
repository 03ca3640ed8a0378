"""The alignment suggestions: how good and how fast.

  1. Quality on tests/data/alignment_labelled.json: top-1, top-3 and abstention (items
     without a match that get no suggestion above the confidence line), on the half the
     weights were tuned on (even ids), the held-out half (odd ids) and all, beside plain
     TF-IDF over newmm words (no lexicon, village, theme, year or budget).
  2. Latency of suggestions for one district in memory: 10 councils × 30 items against
     10 LAOs × 300 projects, cold (words not yet segmented in this process) and warm.
  3. With --db (DATABASE_URL pointing at a national-size database): the district review
     page's p95 with and without suggestions, and its query count. --build first adds the
     national plan data (7,850 LAOs × 300 projects over 2566–2570, 7,436 plans × 30 items)
     with server-side INSERT … SELECT (idempotent: skipped when present).

Usage:
  .venv/bin/python bench/alignment_bench.py
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_plans \\
    .venv/bin/python bench/alignment_bench.py --db [--build] [--district 1201] [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")


def quality() -> None:
    from plans import matching
    from tests.data.alignment_labelled_load import load

    items, candidates, context, gold = load()
    ours = matching.suggest(items, candidates, context=context)
    ranked = {k: [(f"{s.candidate.kind}:{s.candidate.key}", s.score) for s in v] for k, v in ours.items()}
    base = matching.baseline_suggest(items, candidates)
    base_ranked = {k: [(f"{c.kind}:{c.key}", s) for c, s in v] for k, v in base.items()}
    halves = {
        "tuned (even ids)": {k: g for k, g in gold.items() if k % 2 == 0},
        "held out (odd ids)": {k: g for k, g in gold.items() if k % 2 == 1},
        "all": gold,
    }
    print(f"== quality on {len(gold)} labelled items, confidence line {matching.CONFIDENCE_LINE}")
    for label, part in halves.items():
        print("  " + matching.measure(ranked, part, matching.CONFIDENCE_LINE).line(f"ours, {label}"))
    for line in (0.2, 0.3, 0.4):
        print("  " + matching.measure(base_ranked, gold, line).line(f"plain TF-IDF, line {line}"))


def synthetic_district(councils=10, items_per=30, laos=10, projects_per=300):
    """Plain data for one district from the labelled set's phrasings (no database)."""
    from plans import matching
    from tests.data.alignment_labelled import CONCEPTS

    rnd = random.Random(9)
    area = [matching.Area(tambon_id=t, district_id=1, province_id=1) for t in range(1, councils + 1)]
    candidates, key = [], 0
    for lao in range(1, laos + 1):
        for n in range(projects_per):
            code, theme, scope, _ct, _cd, titles, objectives, (low, high) = CONCEPTS[n % len(CONCEPTS)]
            key += 1
            title = rnd.choice(titles).replace("{m}", f" หมู่ที่ {1 + n // len(CONCEPTS)}")
            candidates.append(matching.CandidateDoc(
                kind=matching.PROJECT, key=key, title=title + f" ({key})", text=rnd.choice(objectives),
                theme_id=theme, years=frozenset({2566 + n % 5}), budget=float(rnd.randint(low, high)),
                owner_id=lao, owner_name=f"อบต. {lao}", tambon_id=lao, district_id=1, province_id=1,
            ))
    items, key = [], 0
    for council in range(councils):
        for n in range(items_per):
            code, theme, scope, ctitles, cdescs, *_rest = CONCEPTS[(n * 7 + council) % len(CONCEPTS)]
            key += 1
            items.append(matching.ItemDoc(
                key=key, title=rnd.choice(ctitles).replace("{v}", f" หมู่ {1 + n % 9}") + f" ({key})",
                text=rnd.choice(cdescs), theme_id=theme, fiscal_year=2569, budget=float(rnd.randint(20_000, 400_000)),
                area=area[council],
            ))
    return items, candidates


def latency() -> None:
    from plans import matching

    items, candidates = synthetic_district()
    matching.suggest(items[:1], candidates[:5])  # imports (scikit-learn, pythainlp's dictionary)
    t0 = time.perf_counter()
    matching.suggest(items, candidates)
    cold = time.perf_counter() - t0
    warm = []
    for _ in range(5):
        t0 = time.perf_counter()
        matching.suggest(items, candidates)
        warm.append(time.perf_counter() - t0)
    page = []
    for _ in range(5):
        t0 = time.perf_counter()
        matching.suggest(items[:20], candidates)
        page.append(time.perf_counter() - t0)
    print(f"== suggestions for one district in memory: {len(items)} items × {len(candidates)} projects")
    print(f"  cold (every text segmented for the first time): {cold * 1000:.0f} ms")
    print(f"  warm (segmentation memoised), all {len(items)} items: median {statistics.median(warm) * 1000:.0f} ms")
    print(f"  warm, one review page (20 items): median {statistics.median(page) * 1000:.0f} ms")


# The national-size database ---------------------------------------------------------------

BUILD_SQL = """
INSERT INTO agencies_agency (created_at, updated_at, name, kind, dla_code, province_id, district_id, subdistrict_id)
SELECT now(), now(), 'เทศบาลตำบล' || s.name_th, 'subdistrict_municipality', '7' || s.code, d.province_id, s.district_id, s.id
FROM geo_subdistrict s JOIN geo_district d ON d.id = s.district_id
WHERE NOT EXISTS (SELECT 1 FROM agencies_agency a WHERE a.kind = 'subdistrict_municipality')
ORDER BY s.code LIMIT 414;

INSERT INTO plans_localplan (created_at, updated_at, lao_id, start_year, end_year, title, note)
SELECT now(), now(), a.id, 2566, 2570, 'แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)', ''
FROM agencies_agency a
WHERE a.kind IN ('sao', 'subdistrict_municipality', 'town_municipality', 'city_municipality')
  AND NOT EXISTS (SELECT 1 FROM plans_localplan lp WHERE lp.lao_id = a.id AND lp.start_year = 2566);

INSERT INTO plans_localplanproject (created_at, updated_at, lao_id, local_plan_id, number, strategy, work_plan,
  theme_id, fiscal_year, title, objective, target, location, indicator, expected_result, responsible_unit, budget)
SELECT now(), now(), lp.lao_id, lp.id, 'B' || g, '', '', (%(themes)s)[1 + g %% %(n_themes)s], 2566 + g %% 5,
  (%(titles)s)[1 + g %% %(n_titles)s] || ' หมู่ที่ ' || (1 + (g / %(n_titles)s) %% 12),
  (%(objectives)s)[1 + g %% %(n_objectives)s], '', '', '', '', '', 50000 + (g * 7919) %% 450000
FROM plans_localplan lp CROSS JOIN generate_series(1, 300) g
WHERE lp.start_year = 2566 AND NOT EXISTS (SELECT 1 FROM plans_localplanproject p WHERE p.number = 'B1');

INSERT INTO plans_localplanprojectbudget (project_id, fiscal_year, amount)
SELECT p.id, p.fiscal_year, p.budget FROM plans_localplanproject p
WHERE p.number LIKE 'B%%' AND NOT EXISTS (SELECT 1 FROM plans_localplanprojectbudget b WHERE b.project_id = p.id);

INSERT INTO plans_planitem (created_at, updated_at, plan_id, theme_id, title, description, target_group, location,
  priority, budget_needed)
SELECT now(), now(), cp.id, (%(themes)s)[1 + g %% %(n_themes)s],
  (%(item_titles)s)[1 + (g * 7 + cp.id) %% %(n_item_titles)s] || ' หมู่ ' || (1 + g %% 9),
  (%(item_descs)s)[1 + (g + cp.id) %% %(n_item_descs)s], '', '', 2, 20000 + (g * 104729) %% 380000
FROM plans_communityplan cp CROSS JOIN generate_series(1, 30) g
WHERE (SELECT count(*) FROM plans_planitem i WHERE i.plan_id = cp.id) < 30
  AND NOT EXISTS (SELECT 1 FROM plans_planitem i WHERE i.plan_id = cp.id AND i.title LIKE '%% หมู่ 1' );

INSERT INTO plans_alignment (plan_item_id, status, note, from_suggestion)
SELECT i.id, 'pending', '', false FROM plans_planitem i
WHERE NOT EXISTS (SELECT 1 FROM plans_alignment a WHERE a.plan_item_id = i.id);

UPDATE councils_communityorganization o SET village_code = s.code || lpad((1 + o.id %% 12)::text, 2, '0'),
  village_name = 'บ้าน' || (ARRAY['หนองบัว','ดอนแก้ว','ป่าตึง','ห้วยทราย','แม่ขาน','ทุ่งหลวง','สันป่าสัก','โป่งแยง',
                                  'หัวฝาย','ท่าศาลา','หนองหอย','ดอนเปา'])[1 + o.id %% 12]
FROM councils_council c JOIN geo_subdistrict s ON s.id = c.subdistrict_id
WHERE o.council_id = c.id AND o.village_code = '';

ANALYZE;
"""


def build() -> None:
    from django.db import connection

    from tests.data.alignment_labelled import CONCEPTS

    titles = sorted({t.replace("{m}", "").strip() for c in CONCEPTS for t in c[5]})
    objectives = sorted({o for c in CONCEPTS for o in c[6]})
    item_titles = sorted({t.replace("{v}", "").strip() for c in CONCEPTS for t in c[3]})
    item_descs = sorted({d for c in CONCEPTS for d in c[4]})
    with connection.cursor() as cursor:
        cursor.execute("SELECT array_agg(id ORDER BY id) FROM geo_theme")
        themes = cursor.fetchone()[0]
    params = {
        "themes": themes, "n_themes": len(themes), "titles": titles, "n_titles": len(titles),
        "objectives": objectives, "n_objectives": len(objectives), "item_titles": item_titles,
        "n_item_titles": len(item_titles), "item_descs": item_descs, "n_item_descs": len(item_descs),
    }
    for statement in [s.strip() for s in BUILD_SQL.split(";\n") if s.strip()]:
        t0 = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            rows = cursor.rowcount
        words = statement.split()
        print(f"  {' '.join(words[:3])}: {rows} rows, {time.perf_counter() - t0:.1f} s")


def counts() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for label, sql in (
            ("LAOs", "SELECT count(*) FROM agencies_agency WHERE kind IN ('sao','subdistrict_municipality','town_municipality','city_municipality')"),
            ("LAO projects", "SELECT count(*) FROM plans_localplanproject"),
            ("budget lines", "SELECT count(*) FROM plans_localplanprojectbudget"),
            ("community plans", "SELECT count(*) FROM plans_communityplan"),
            ("plan items", "SELECT count(*) FROM plans_planitem"),
        ):
            cursor.execute(sql)
            print(f"  {label}: {cursor.fetchone()[0]:,}")


def page_latency(district_code: str, runs: int) -> None:
    import django
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False  # as production runs (DEBUG logs every query and resets the log per request)
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    from accounts.choices import Role
    from accounts.models import RoleAssignment, User
    from geo.models import District

    district = District.objects.get(code=district_code)
    user, _ = User.objects.get_or_create(username=f"bench_officer_{district_code}")
    RoleAssignment.objects.get_or_create(user=user, role=Role.DISTRICT_OFFICER, district=district)
    client = Client()
    client.force_login(user)
    url = f"/plans/review/{district_code}/"
    print(f"== district review page {url} ({django.get_version()}), {runs} runs each after one warm-up")
    for label, query in (("without suggestions", {"status": "aligned"}), ("without suggestions (suggest=0)", {"suggest": "0"}),
                         ("with suggestions", {})):
        from plans.selectors.suggestions import forget_district_projects

        forget_district_projects()
        t0 = time.perf_counter()
        client.get(url, query)
        first = time.perf_counter() - t0
        times = []
        # Timed as production renders (no test instrumentation copying every template's context).
        for _ in range(runs):
            queries = []
            with connection.execute_wrapper(lambda execute, sql, *args, log=queries: log.append(sql) or execute(sql, *args)):
                t0 = time.perf_counter()
                response = client.get(url, query)
                times.append(time.perf_counter() - t0)
            assert response.status_code == 200, response.status_code
        times.sort()
        p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
        setup_test_environment()  # one more request for the response's context (items, suggestions)
        page = client.get(url, query).context["page"]
        teardown_test_environment()
        print(f"  {label:<34} p50 {statistics.median(times) * 1000:5.0f} ms  p95 {p95 * 1000:5.0f} ms  "
              f"queries {len(queries)}  items {page.page.paginator.count}  suggested {len(page.suggestions)}  "
              f"(first {first * 1000:.0f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", action="store_true")
    parser.add_argument("--build", action="store_true")
    parser.add_argument("--district", default="1201")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    import django

    django.setup()
    if not args.skip_quality:
        quality()
        latency()
    if args.db:
        if args.build:
            print("== building the national plan data")
            build()
        counts()
        page_latency(args.district, args.runs)


if __name__ == "__main__":
    main()
