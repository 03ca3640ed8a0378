#!/usr/bin/env bash
# Build the national-size demo world in a scratch PostgreSQL database and measure it:
#   1. seed_demo --scale national (five fiscal years; first run, then a re-run that must
#      change nothing); the goal is 15 minutes
#   2. row counts (live and history tables), and per fiscal year
#   3. the national annual report of the last finished fiscal year: its figures gathered once
#      (reports.sections.gather_report), then /tmp/national.pdf and /tmp/national.xlsx
# Wall time and peak memory come from /usr/bin/time -v.
#
# Usage: bench/seed_national.sh [--keep]   (--keep: reuse the database if it exists)
# Env:   BENCH_DB (default portal_bench), PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres)
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DB=${BENCH_DB:-portal_bench}
case "$BENCH_DB" in portal | test_portal) echo "refusing to use $BENCH_DB" >&2; exit 2 ;; esac
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$BENCH_DB"
export DJANGO_SETTINGS_MODULE=config.settings.local
PY=.venv/bin/python

timed() {  # timed LABEL CMD...: run CMD, then print LABEL with wall time and peak RSS
    local label=$1 log
    shift
    log=$(mktemp)
    /usr/bin/time -v -o "$log" "$@"
    awk -v label="$label" -F': ' '
        /Elapsed \(wall clock\)/ {wall=$2}
        /Maximum resident set size/ {rss=$2}
        /User time/ {user=$2}
        END {printf "== %s: wall %s, user CPU %s s, peak RSS %.0f MB\n", label, wall, user, rss/1024}' "$log"
    rm -f "$log"
}

if [[ "${1:-}" != "--keep" ]]; then
    dropdb --if-exists "$BENCH_DB"
fi
createdb "$BENCH_DB" 2>/dev/null || true
$PY manage.py migrate -v0

echo "== seed_demo --scale national (first run)"
timed "seed_demo --scale national" $PY manage.py seed_demo --scale national
echo "== seed_demo --scale national (re-run: must add nothing)"
timed "seed_demo --scale national (re-run)" $PY manage.py seed_demo --scale national

echo "== counts (live / history)"
psql -d "$BENCH_DB" -X -q <<'SQL'
SELECT k AS "table", live, hist FROM (VALUES
  ('councils', (SELECT count(*) FROM councils_council), (SELECT count(*) FROM councils_historicalcouncil)),
  ('organizations', (SELECT count(*) FROM councils_communityorganization), (SELECT count(*) FROM councils_historicalcommunityorganization)),
  ('activities', (SELECT count(*) FROM councils_activity), (SELECT count(*) FROM councils_historicalactivity)),
  ('plans', (SELECT count(*) FROM plans_communityplan), (SELECT count(*) FROM plans_historicalcommunityplan)),
  ('plan items', (SELECT count(*) FROM plans_planitem), (SELECT count(*) FROM plans_historicalplanitem)),
  ('alignments', (SELECT count(*) FROM plans_alignment), (SELECT count(*) FROM plans_historicalalignment)),
  ('agencies (LAOs)', (SELECT count(*) FROM agencies_agency), (SELECT count(*) FROM agencies_historicalagency)),
  ('local plan projects', (SELECT count(*) FROM plans_localplanproject), (SELECT count(*) FROM plans_historicallocalplanproject)),
  ('users', (SELECT count(*) FROM accounts_user), (SELECT count(*) FROM accounts_historicaluser)),
  ('assessments', (SELECT count(*) FROM councils_assessment), (SELECT count(*) FROM councils_historicalassessment)),
  ('proposals', (SELECT count(*) FROM plans_subsidyproposal), (SELECT count(*) FROM plans_historicalsubsidyproposal)),
  ('meetings', (SELECT count(*) FROM meetings_meeting), (SELECT count(*) FROM meetings_historicalmeeting)),
  ('action items', (SELECT count(*) FROM meetings_actionitem), (SELECT count(*) FROM meetings_historicalactionitem)),
  ('obstacles', (SELECT count(*) FROM meetings_obstacle), (SELECT count(*) FROM meetings_historicalobstacle)),
  ('indicator values', (SELECT count(*) FROM reports_indicatorvalue), (SELECT count(*) FROM reports_historicalindicatorvalue))
) AS t(k, live, hist);
SELECT a.fiscal_year AS "FY", a.n AS activities, p.n AS "plan items", s.n AS assessments, r.n AS proposals
FROM (SELECT fiscal_year, count(*) n FROM councils_activity GROUP BY 1) a
LEFT JOIN (SELECT c.fiscal_year, count(*) n FROM plans_planitem i JOIN plans_communityplan c ON c.id = i.plan_id GROUP BY 1) p USING (fiscal_year)
LEFT JOIN (SELECT fiscal_year, count(*) n FROM councils_assessment GROUP BY 1) s USING (fiscal_year)
LEFT JOIN (SELECT fiscal_year, count(*) n FROM plans_subsidyproposal GROUP BY 1) r USING (fiscal_year)
ORDER BY 1;
SQL

echo "== national annual report of the last finished year: gather_report once, then build_pdf and build_xlsx"
timed "national report process" $PY manage.py shell -v0 -c '
import time
from django.db import connection
from django.test.utils import CaptureQueriesContext
from common.thai import current_fiscal_year
from reports.rendering import build_pdf, build_xlsx
from reports.sections import gather_report
from reports.spec import ReportSpec
fy = current_fiscal_year() - 1
spec = ReportSpec(kind="annual", fiscal_year=fy, scope="national", title=f"รายงานการประเมินผลประจำปี ปีงบประมาณ {fy} ทั้งประเทศ")
t0 = time.perf_counter()
with CaptureQueriesContext(connection) as queries:
    data = gather_report(spec)
t1 = time.perf_counter()
build_pdf(data, "/tmp/national.pdf")
t2 = time.perf_counter()
build_xlsx(data, "/tmp/national.xlsx")
t3 = time.perf_counter()
figures = {section.slug: gathered for section, gathered in data.sections}
totals = [figures[slug]["total"] for slug in ("councils", "activities", "alignment")]
aligned, rows = figures["alignment"]["percent_aligned"], len(figures["appendix"]["rows"])
print(f"gather {t1 - t0:.2f} s ({len(queries)} queries), PDF {t2 - t1:.2f} s, XLSX {t3 - t2:.2f} s")
print("  councils {:,}, activities {:,}, plan items {:,}".format(*totals), f"({aligned}% aligned), {rows:,} appendix rows")
'
ls -l /tmp/national.pdf
echo "database $BENCH_DB kept (dropdb -h $PGHOST -U $PGUSER $BENCH_DB to remove)"
