#!/usr/bin/env bash
# Prove the move of the areas from councils to geo on a national-size database:
#   1. check out the commit before the move in a scratch worktree, migrate a scratch
#      PostgreSQL database there and seed the national world (7,436 councils, 150,000
#      organizations, activities, plans, LAO projects);
#   2. fingerprint it: row counts and an MD5 of codes and references of every area table
#      and of the tables that point at areas;
#   3. migrate it with this tree's migrations and fingerprint again.
# Prints both fingerprints side by side and exits non-zero when any row differs.
#
# Usage: bench/migrate_areas.sh [BASE_COMMIT]   (default: the parent of the commit that added geo/)
# Env:   BENCH_DB (default portal_migrate_bench), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BASE=${1:-$(git log --diff-filter=A --format=%H -- geo/apps.py | tail -n 1)^}
BENCH_DB=${BENCH_DB:-portal_migrate_bench}
case "$BENCH_DB" in portal | test_portal) echo "refusing to use $BENCH_DB" >&2; exit 2 ;; esac
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$BENCH_DB"
export DJANGO_SETTINGS_MODULE=config.settings.local
PY="$ROOT/.venv/bin/python"

OLD=$(mktemp -d)
trap 'git -C "$ROOT" worktree remove --force "$OLD" >/dev/null 2>&1 || rm -rf "$OLD"' EXIT
git worktree add -q --detach "$OLD" "$BASE"

fingerprint() {  # fingerprint PREFIX: one line per table, "table rows md5"
    local p=$1
    psql -qAt -F' ' -v ON_ERROR_STOP=1 -d "$BENCH_DB" <<SQL
SELECT 'province', count(*), md5(coalesce(string_agg(id||':'||code, ',' ORDER BY id), '')) FROM ${p}_province;
SELECT 'district', count(*), md5(coalesce(string_agg(id||':'||code||':'||province_id, ',' ORDER BY id), '')) FROM ${p}_district;
SELECT 'subdistrict', count(*), md5(coalesce(string_agg(id||':'||code||':'||district_id, ',' ORDER BY id), '')) FROM ${p}_subdistrict;
SELECT 'theme', count(*), md5(coalesce(string_agg(id||':'||code, ',' ORDER BY id), '')) FROM ${p}_theme;
SELECT 'region_provinces', count(*), md5(coalesce(string_agg(region_id||':'||province_id, ',' ORDER BY region_id, province_id), '')) FROM ${p}_region_provinces;
SELECT 'historicalsubdistrict', count(*), md5(coalesce(string_agg(history_id||':'||code, ',' ORDER BY history_id), '')) FROM ${p}_historicalsubdistrict;
SELECT 'council', count(*), md5(coalesce(string_agg(id||':'||subdistrict_id, ',' ORDER BY id), '')) FROM councils_council;
SELECT 'council_themes', count(*), md5(coalesce(string_agg(council_id||':'||theme_id, ',' ORDER BY council_id, theme_id), '')) FROM councils_council_themes;
SELECT 'organization_themes', count(*), md5(coalesce(string_agg(communityorganization_id||':'||theme_id, ',' ORDER BY communityorganization_id, theme_id), '')) FROM councils_communityorganization_themes;
SELECT 'agency', count(*), md5(coalesce(string_agg(id||':'||province_id||':'||coalesce(district_id,0)||':'||coalesce(subdistrict_id,0), ',' ORDER BY id), '')) FROM agencies_agency;
SELECT 'plan_item_theme', count(*), md5(coalesce(string_agg(id||':'||theme_id, ',' ORDER BY id), '')) FROM plans_planitem;
SQL
}

dropdb --if-exists "$BENCH_DB"
createdb "$BENCH_DB"
echo "== before the move: $(git log -1 --format='%h %s' "$BASE")"
(cd "$OLD" && "$PY" manage.py migrate -v0 && "$PY" manage.py load_areas >/dev/null \
    && /usr/bin/time -f "   seed_demo --scale national: %e s" "$PY" manage.py seed_demo --scale national >/dev/null)
fingerprint councils >/tmp/migrate_areas.before

echo "== migrating with this tree"
/usr/bin/time -f "   migrate: %e s" "$PY" manage.py migrate -v1 | grep -E "Applying|No migrations" || true
fingerprint geo >/tmp/migrate_areas.after

[ "$(wc -l </tmp/migrate_areas.before)" -eq 11 ] && [ "$(wc -l </tmp/migrate_areas.after)" -eq 11 ] || {
    echo "a fingerprint is incomplete" >&2; exit 1; }
printf '\n%-22s %10s %10s  %s\n' table "rows before" "rows after" same
join /tmp/migrate_areas.before /tmp/migrate_areas.after | awk '
    {same = ($3 == $5) ? "yes" : "NO"; if (same == "NO" || $2 != $4) bad = 1
     printf "%-22s %10s %10s  %s\n", $1, $2, $4, same}
    END {exit bad}'
echo "every row kept"
