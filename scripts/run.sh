#!/usr/bin/env bash
# Run the portal locally: SQLite under var/, Celery tasks eager in-process.
#   scripts/run.sh           set up, migrate, load areas and demo data, serve on :8000
#   scripts/run.sh --check   the same set-up, then serve briefly and check the home page
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
export DJANGO_SETTINGS_MODULE=config.settings.local
unset DATABASE_URL REDIS_URL
mkdir -p var
PORT="${PORT:-8000}"
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_areas
.venv/bin/python manage.py seed_demo

if [ "${1:-}" = "--check" ]; then
  .venv/bin/python manage.py runserver "127.0.0.1:$PORT" --noreload >var/runserver.log 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/" || true)
    [ "$code" = 200 ] && { echo "run check: home page answered 200"; exit 0; }
    sleep 0.5
  done
  echo "run check: home page did not answer 200 (last: $code)" >&2
  cat var/runserver.log >&2
  exit 1
fi

echo
echo "Portal: http://127.0.0.1:$PORT/   (admin: http://127.0.0.1:$PORT/admin/, API docs: /api/docs/)"
exec .venv/bin/python manage.py runserver "0.0.0.0:$PORT"
