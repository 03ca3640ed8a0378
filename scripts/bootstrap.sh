#!/usr/bin/env bash
# Prepare a fresh Debian/Ubuntu machine with Python 3.11: system libraries WeasyPrint
# needs, a virtualenv in .venv, and the pinned requirements. Safe to run again.
#   scripts/bootstrap.sh          runtime only
#   scripts/bootstrap.sh --dev    plus test tools and Debian's chromium (for browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."

DEV=0
[ "${1:-}" = "--dev" ] && DEV=1

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 && SUDO="sudo"
fi

apt_install() {
  # Install Debian packages that are missing, when we are allowed to.
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    echo "!! missing system packages: ${missing[*]} (run as root or install them)" >&2
    return 1
  fi
  echo ">> installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

if command -v apt-get >/dev/null 2>&1; then
  # WeasyPrint renders through Pango; libthai gives Pango Thai word breaking.
  apt_install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libthai0
  if [ "$DEV" = 1 ]; then
    apt_install chromium poppler-utils || echo "!! chromium not installed: browser tests will fail" >&2
  fi
fi

PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3
if [ ! -x .venv/bin/python ]; then
  echo ">> creating .venv with $PY"
  "$PY" -m venv .venv
fi
STAMP=.venv/.requirements-$([ "$DEV" = 1 ] && echo dev || echo run)
REQ=$([ "$DEV" = 1 ] && echo requirements-dev.txt || echo requirements.txt)
if [ ! -f "$STAMP" ] || [ "$REQ" -nt "$STAMP" ] || [ requirements.txt -nt "$STAMP" ]; then
  echo ">> installing $REQ"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$REQ"
  touch "$STAMP"
fi
