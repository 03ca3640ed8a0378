"""Tests: the real PostgreSQL (DATABASE_URL, default the machine's local server)."""

from pathlib import Path

from .base import *  # noqa: F403
from .base import env, env_int

SECRET_KEY = "test-only-not-secret"
DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/portal"),
}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# A real worker started by tests/reports/test_worker.py is told the test's MEDIA_ROOT.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "test-media")))  # noqa: F405
# Tests run tasks eagerly on the memory broker. Only the real worker that
# tests/reports/test_worker.py starts gets TEST_CELERY_BROKER_URL (a Redis test DB), and
# optionally a short visibility timeout so a hard-killed worker's message comes back soon.
TEST_CELERY_BROKER_URL = env.str("TEST_CELERY_BROKER_URL", default="")
CELERY_BROKER_URL = TEST_CELERY_BROKER_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not TEST_CELERY_BROKER_URL
if TEST_CELERY_BROKER_URL and env.str("TEST_CELERY_VISIBILITY_TIMEOUT", default=""):
    CELERY_BROKER_TRANSPORT_OPTIONS = {  # noqa: F405
        **CELERY_BROKER_TRANSPORT_OPTIONS,  # noqa: F405
        "visibility_timeout": env_int("TEST_CELERY_VISIBILITY_TIMEOUT", 0),
        # Sweep for expired unacked messages every second instead of every ~100 s.
        "unacked_restore_interval": 1,
        "unacked_restore_throttle": 1,
    }
AXES_FAILURE_LIMIT = 3
# Serve static files straight from static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
