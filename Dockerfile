# syntax=docker/dockerfile:1
# The portal's production image: gunicorn for `web`, the same image runs the Celery
# worker and beat (see docker-compose.yml). Settings come from the environment only
# (config.settings.production refuses to start without SECRET_KEY, DATABASE_URL,
# REDIS_URL and ALLOWED_HOSTS).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production

# WeasyPrint renders through Pango; libthai gives Pango Thai word breaking.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libthai0 \
    && rm -rf /var/lib/apt/lists/*

# A non-root user with a real home: PyThaiNLP and fontconfig keep small caches there.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --create-home --home-dir /home/app \
        --shell /usr/sbin/nologin app

WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt

# The code stays owned by root (read-only to the app); only collected static files and
# media are writable. The media directory exists in the image so that a new named
# volume mounted on it starts out owned by the app user.
COPY . .
RUN mkdir -p /app/staticfiles /app/var/media \
    && chown app:app /app/staticfiles /app/var /app/var/media \
    && chmod 0755 /app/docker/entrypoint.sh

USER app
EXPOSE 8000
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "--config", "config/gunicorn.py", "config.wsgi"]
