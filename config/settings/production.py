"""Production: everything that matters must come from the environment.

Refuses to start (ImproperlyConfigured, naming the variable) when SECRET_KEY,
DATABASE_URL, REDIS_URL, ALLOWED_HOSTS or the PDPA keys (FIELD_ENCRYPTION_KEY,
NATIONAL_ID_HASH_KEY) are missing or unusable, so a half-configured
container dies at start-up instead of serving with a default.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_bool, env_int

_required = [
    "SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS", "FIELD_ENCRYPTION_KEY", "NATIONAL_ID_HASH_KEY",
]
_missing = [name for name in _required if not env.str(name, default="").strip()]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(_missing)
    )

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")
# The same rule as Django's security.W009, so `check --deploy` can never warn about it.
if (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith("django-insecure-")
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be at least 50 random characters (with at least 5 different ones, "
        "not a 'django-insecure-' key)"
    )
# PDPA keys (validated as Fernet keys in base.py). Never derived from SECRET_KEY here:
# rotating the secret key must not make stored national ID numbers unreadable.
if not any(key.strip() for key in FIELD_ENCRYPTION_KEY.split(",")):  # noqa: F405
    raise ImproperlyConfigured("FIELD_ENCRYPTION_KEY must name at least one Fernet key")
if len(NATIONAL_ID_HASH_KEY) < 32 or len(set(NATIONAL_ID_HASH_KEY)) < 5:  # noqa: F405
    raise ImproperlyConfigured("NATIONAL_ID_HASH_KEY must be at least 32 random characters")
ALLOWED_HOSTS = [host.strip() for host in env.list("ALLOWED_HOSTS") if host.strip()]
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name at least one host")
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Tasks always go through the broker in production, never eagerly in the web process.
CELERY_BROKER_URL = REDIS_URL  # noqa: F405
CELERY_TASK_ALWAYS_EAGER = False

# TLS ends at the reverse proxy in front, which must set X-Forwarded-Proto (and must
# overwrite any such header a client sent).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Health checks from inside the container network speak plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
