"""Gunicorn settings for the container (`gunicorn --config config/gunicorn.py config.wsgi`).

Tunable through the environment: WEB_CONCURRENCY (worker processes, default 3),
GUNICORN_TIMEOUT (seconds, default 60), PORT (default 8000) and FORWARDED_ALLOW_IPS
(who may set X-Forwarded-*, default "*": the port is meant to be reached only through
the reverse proxy in front, see docker-compose.yml).
"""

import os


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, got {raw!r}") from None


bind = f"0.0.0.0:{_int('PORT', 8000)}"
workers = _int("WEB_CONCURRENCY", 3)
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = 1000
max_requests_jitter = 100
# Heartbeat files in memory, not on the container's overlay filesystem.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "*")
# No control socket: the non-root user's home is no place for one, and nothing uses it.
control_socket_disable = True
accesslog = "-"
errorlog = "-"
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")
loglevel = os.environ.get("LOG_LEVEL", "").strip().lower() or "info"
if loglevel not in LOG_LEVELS:
    raise SystemExit(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)} (any case), got {loglevel!r}")
