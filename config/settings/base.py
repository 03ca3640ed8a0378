"""Settings shared by every environment.

Values come from the environment (django-environ). A malformed value fails at start-up
with the variable's name in the message, never later at request time.
"""

import re
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()


def env_bool(name: str, default: bool) -> bool:
    """Strict boolean: only the usual spellings are accepted (Healthchecks' envbool)."""
    raw = env.str(name, default="")
    if raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, got {raw!r}")


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def env_log_level(name: str, default: str) -> str:
    """A logging level in either case ("warning" as gunicorn documents it, or "WARNING")."""
    raw = env.str(name, default="")
    level = raw.strip().upper() or default
    if level not in LOG_LEVELS:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(LOG_LEVELS)} (any case), got {raw!r}")
    return level


def env_int(name: str, default: int) -> int:
    raw = env.str(name, default="")
    if raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {raw!r}") from None


DEBUG = False
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "common.admin_app.PortalAdminConfig",  # django.contrib.admin, with dates in BE
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "import_export",
    "django_celery_beat",
    "common",
    "geo",
    "accounts",
    "councils",
    "agencies",
    "plans",
    "meetings",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last: it must see the authenticated request.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "councils.context_processors.council_menu",
                "accounts.context_processors.notifications",
                "meetings.context_processors.coordination_menu",
            ],
        },
    },
]

# Selects and checkbox lists with many choices written out in Python (same markup as
# Django's templates, a fraction of the time): common/widgets.py.
FORM_RENDERER = "common.widgets.PortalFormRenderer"

# Database: SQLite file under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# SQLite (``make run``) builds the covering indexes without their INCLUDE columns: the same
# rows, only not index-only scans, which matter at national size on PostgreSQL alone.
SILENCED_SYSTEM_CHECKS = ["models.W040"] if DATABASES["default"].get("ENGINE", "").endswith("sqlite3") else []
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first so a locked-out user is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Sessions live in the database: Redis being down must never turn a page into a 500.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# The cache is per-process memory for the same reason; nothing in it is shared state.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Counters every web worker must share (the public suggestion form's hourly limit per
    # client address): a table in the database, created by a migration, so Redis being down
    # never breaks the form and the limit holds across gunicorn workers.
    "shared": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "portal_shared_cache"},
}

# Thai first.
LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    # Written under a temporary name, linked into place when complete: a full disk leaves no half file.
    "default": {"BACKEND": "common.storage.AtomicFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# django-axes: lock out a username from one address after repeated failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Behind a reverse proxy the client address is in X-Forwarded-For; TRUSTED_PROXY_COUNT
# says how many proxies of ours stand in front, so a client cannot spoof the header
# (see common/http.py).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "common.http.client_ip"

# Django REST framework
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "accounts.authentication.ApiTokenAuthentication",  # personal tokens: Bearer tcp_…
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticatedOrReadOnly",
        "common.api_rules.RulePermission",  # each viewset's ``rules``: one rule per action
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "common.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Tambon Council Portal API",
    "DESCRIPTION": "API ของพอร์ทัลสภาองค์กรชุมชนตำบลและหน่วยงานภาคี",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI assets come from our own static files, never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # 400, 403 and 404 as common.api's exception handler answers them, declared once for all.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "common.api.document_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ActivityKindEnum": "councils.choices.ActivityKind",
        "AssessmentLevelEnum": "councils.choices.AssessmentLevel",
        "CouncilStatusEnum": "councils.choices.CouncilStatus",
        "OrganizationKindEnum": "councils.choices.OrganizationKind",
        "AlignmentStatusEnum": "plans.choices.AlignmentStatus",
        "ProposalStatusEnum": "plans.choices.ProposalStatus",
        "AmendmentKindEnum": "plans.choices.AmendmentKind",
        "ReportStatusEnum": "reports.choices.ReportStatus",
        "ReportScopeEnum": "reports.choices.ReportScope",
        "ReportKindEnum": "reports.choices.ReportKind",
        "IndicatorKindEnum": "reports.choices.IndicatorKind",
        "IndicatorDirectionEnum": "reports.choices.IndicatorDirection",
        "IndicatorAreaLevelEnum": "reports.choices.AreaLevel",
        "IndicatorPeriodicityEnum": "reports.choices.Periodicity",
        "IndicatorAggregationEnum": "reports.choices.Aggregation",
        "IndicatorValueStatusEnum": "reports.choices.ValueStatus",
    },
}

# Celery. REDIS_URL unset: tasks run eagerly in-process (local development).
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TIMEZONE = TIME_ZONE
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
# Reliability, on purpose:
# - ack only after the task finished, so a worker that dies mid-task leaves it queued;
CELERY_TASK_ACKS_LATE = True
# - and when the worker process is killed (OOM, SIGKILL) the message goes back to the queue.
#   Tasks cap their own attempts (reports count them on the row), so a poison message
#   cannot loop forever.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# - one message at a time per worker process: long report jobs must not hoard messages.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# - a soft limit raises inside the task so it can mark its row failed; the hard limit kills.
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 15 * 60)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 20 * 60)
# - Redis re-delivers an unacknowledged message after the visibility timeout; it must be
#   longer than the longest task or a running task would be started twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 2 * 60 * 60,
    # Fail fast when the broker is down; the row stays QUEUED and reports.tasks.requeue_stale_reports
    # (django-celery-beat) re-sends it.
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
    # Without socket timeouts kombu's Redis client waits forever on a broker that accepts the
    # connection but never answers (hung Redis, half-open connection after a failover): the
    # publish in the request that asked for a report would hang. The worker's BRPOP polls
    # return every second, well inside socket_timeout.
    "socket_connect_timeout": 2,
    "socket_timeout": 3,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
# - recycle a worker process once it has grown past this (KiB): WeasyPrint is memory hungry.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env_int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", 800_000)
CELERY_WORKER_SEND_TASK_EVENTS = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# Background jobs (common.jobs): imports, exports, reports.
# A job row is started at most this many times (a message re-delivered after its worker died
# counts as one more attempt), so a job that kills its worker cannot loop forever.
JOB_MAX_ATTEMPTS = env_int("JOB_MAX_ATTEMPTS", 3)
# Uploaded import files and export files are deleted this many days after their job settled
# (councils.services.retention, a daily beat task).
JOB_FILE_RETENTION_DAYS = env_int("JOB_FILE_RETENTION_DAYS", 7)
# An import file holding national ID numbers goes as soon as its import finishes or is
# refused; one left waiting at its preview (nobody confirmed) goes after this many hours.
IMPORT_NATIONAL_ID_HOLD_HOURS = env_int("IMPORT_NATIONAL_ID_HOLD_HOURS", 24)
# A job still queued this long after it was asked for was lost by the broker (Redis was
# down): the beat sweep re-sends it.
JOB_QUEUED_GRACE_SECONDS = env_int("JOB_QUEUED_GRACE_SECONDS", 120)

# Reports
REPORT_MAX_ATTEMPTS = env_int("REPORT_MAX_ATTEMPTS", JOB_MAX_ATTEMPTS)
REPORT_QUEUED_GRACE_SECONDS = env_int("REPORT_QUEUED_GRACE_SECONDS", JOB_QUEUED_GRACE_SECONDS)

# Exports of councils, organizations and members: up to this many rows the file is made in
# the request; more, and it is made by a job (a national export takes ~20 s) with a
# progress page, and kept under MEDIA_ROOT/exports/ for the user who asked.
EXPORT_INLINE_MAX_ROWS = env_int("EXPORT_INLINE_MAX_ROWS", 2000)

# Agencies' signed cooperation agreements (PDF only), in bytes: a larger file is refused.
AGREEMENT_MAX_BYTES = env_int("AGREEMENT_MAX_BYTES", 10 * 1024 * 1024)


def env_fernet_keys(name: str) -> str:
    """A comma-separated list of Fernet keys (the first encrypts, all decrypt: rotation).
    Empty is allowed here (councils.pdpa derives a key from SECRET_KEY); production requires it.
    A malformed key stops start-up with the variable's name, never its value."""
    raw = env.str(name, default="").strip()
    from cryptography.fernet import Fernet

    for key in (part.strip() for part in raw.split(",")):
        if not key:
            continue
        try:
            Fernet(key)
        except (ValueError, TypeError):
            raise ImproperlyConfigured(
                f"{name} must be a comma-separated list of Fernet keys (32 url-safe base64 bytes each; "
                "make one with: python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')"
            ) from None
    return raw


# PDPA: national ID numbers are encrypted with FIELD_ENCRYPTION_KEY and found by an HMAC
# keyed with NATIONAL_ID_HASH_KEY (see councils/pdpa.py). Empty: both derived from SECRET_KEY
# with HKDF (local development and tests only; production requires both).
FIELD_ENCRYPTION_KEY = env_fernet_keys("FIELD_ENCRYPTION_KEY")
NATIONAL_ID_HASH_KEY = env.str("NATIONAL_ID_HASH_KEY", default="").strip()

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_log_level("LOG_LEVEL", "INFO")},
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
    },
}

# E-mail: the console locally (tests use Django's locmem outbox); production sets SMTP.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="portal@localhost")
# Links in e-mails are made absolute with this (no trailing slash), e.g. https://portal.example.org
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="")

# Coordination: an obstacle still unanswered this many days after it was raised is overdue.
OBSTACLE_ANSWER_DAYS = env_int("OBSTACLE_ANSWER_DAYS", 15)
# Evidence attached to an obstacle (PDF or an image, recognised by its content through the
# same check as meeting attachments, meetings.content.check_upload): at most this many bytes.
OBSTACLE_EVIDENCE_MAX_BYTES = env_int("OBSTACLE_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
# Public suggestions: at most this many per client address per hour.
SUGGESTION_RATE_PER_HOUR = env_int("SUGGESTION_RATE_PER_HOUR", 5)


def env_rate(name: str, default: str) -> str:
    """A DRF throttle rate, "<requests>/<second|minute|hour|day>" (e.g. "60/minute")."""
    raw = env.str(name, default="").strip()
    if raw == "":
        return default
    if not re.fullmatch(r"[1-9]\d*/(second|minute|hour|day)", raw):
        raise ImproperlyConfigured(f"{name} must look like 60/minute (second, minute, hour or day), got {raw!r}")
    return raw


# The open data API (no sign-in): at most this many requests per client address
# (reports.api.opendata.OpenDataThrottle, DRF's AnonRateThrottle with the scope "open_data").
OPEN_DATA_API_RATE = env_rate("OPEN_DATA_API_RATE", "60/minute")
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {"open_data": OPEN_DATA_API_RATE}

# Meetings: attachments and action-item evidence (PDF or images, recognised by their
# content, the name's extension agreeing: meetings.content.check_upload) are refused above
# this size.
MEETING_ATTACHMENT_MAX_BYTES = env_int("MEETING_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
# Evidence attached to a monitoring indicator value (PDF, image, XLSX or DOCX).
INDICATOR_EVIDENCE_MAX_BYTES = env_int("INDICATOR_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)

# Plans: a subsidy proposal's documents (PDF, images, XLSX or DOCX, recognised by their
# content: common.uploads.recognise) are refused above this size.
PROPOSAL_DOCUMENT_MAX_BYTES = env_int("PROPOSAL_DOCUMENT_MAX_BYTES", 10 * 1024 * 1024)

# The annual report's photo section (reports/sections/photos.py): at most this many of the
# photos chosen for it, each downscaled to this many px on its long side and re-encoded as
# JPEG at this quality (2 per row on A4: ~8 cm wide, so 1000 px prints at ~300 dpi).
REPORT_PHOTOS_MAX = env_int("REPORT_PHOTOS_MAX", 24)
REPORT_PHOTO_EDGE = env_int("REPORT_PHOTO_EDGE", 1000)
REPORT_PHOTO_QUALITY = env_int("REPORT_PHOTO_QUALITY", 70)
# A photo's print copy (MEDIA_ROOT/pdf-images/) no report has used for this many days is
# removed by the daily file retention sweep (made again when a report next needs it).
REPORT_PHOTO_COPY_RETENTION_DAYS = env_int("REPORT_PHOTO_COPY_RETENTION_DAYS", 30)
