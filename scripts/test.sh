#!/usr/bin/env bash
# The whole test suite against the machine's PostgreSQL and Redis.
#   DATABASE_URL   default postgres://postgres@127.0.0.1:5432/portal
#   TEST_REDIS_URL default redis://127.0.0.1:6379/15 (the real-worker tests' broker)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --dev
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal}"
export TEST_REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379/15}"
exec .venv/bin/python -m pytest "$@"
