#!/bin/sh
# Container entrypoint. With RUN_STARTUP_TASKS=true (the compose file sets it on `web`
# only) it first brings the database and static files up to date, then runs the
# container's command (gunicorn, a celery worker or beat, or anything given to
# `docker compose run`).
set -eu

if [ "${RUN_STARTUP_TASKS:-false}" = "true" ]; then
  echo "entrypoint: migrate" >&2
  python manage.py migrate --noinput
  echo "entrypoint: collectstatic" >&2
  python manage.py collectstatic --noinput --verbosity 0
  echo "entrypoint: load_areas" >&2
  python manage.py load_areas
  # Prints deployment warnings (e.g. SECURE_SSL_REDIRECT=false) to the log; only
  # errors stop the start.
  python manage.py check --deploy
fi

exec "$@"
