"""config.settings.production: a full environment passes `manage.py check --deploy` with
no warnings; a missing or malformed variable stops start-up with the variable's name.

Settings are read once per process, so each case runs manage.py in a subprocess, with an
environment built from scratch (nothing of the developer's or CI's leaks in: CI sets
DATABASE_URL, for one). `check --deploy` opens no database connection. The cases share
no files (HOME is the test's own tmp_path) and so can run in parallel.
"""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS")


@pytest.fixture
def prod_env(tmp_path):
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        # PyThaiNLP creates its data folder in HOME on import.
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "ALLOWED_HOSTS": "portal.example.org",
        "FIELD_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "NATIONAL_ID_HASH_KEY": secrets.token_urlsafe(48),
    }


def check_deploy(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def refusal(result: subprocess.CompletedProcess) -> str:
    """The ImproperlyConfigured line that stopped start-up (the traceback's last line)."""
    assert result.returncode != 0, result.stdout + result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("django.core.exceptions.ImproperlyConfigured: "), result.stderr
    return last


def test_full_environment_passes_check_deploy_without_warnings(prod_env):
    result = check_deploy(prod_env)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "?: (security." not in output
    assert "System check identified no issues" in output


@pytest.mark.parametrize("name", REQUIRED)
def test_missing_required_variable_is_refused(prod_env, name):
    del prod_env[name]
    line = refusal(check_deploy(prod_env))
    assert name in line
    # Only the missing one is named.
    assert [other for other in REQUIRED if other in line] == [name]


@pytest.mark.parametrize("name", REQUIRED)
def test_empty_required_variable_counts_as_missing(prod_env, name):
    # docker compose passes an unset ${VAR:-} through as an empty string.
    prod_env[name] = ""
    assert name in refusal(check_deploy(prod_env))


@pytest.mark.parametrize(
    "key",
    [
        pytest.param(secrets.token_urlsafe(30), id="too-short"),
        pytest.param("ab" * 40, id="too-few-distinct-characters"),
        pytest.param("django-insecure-" + secrets.token_urlsafe(50), id="django-insecure-prefix"),
    ],
)
def test_weak_secret_key_is_refused_without_echoing_it(prod_env, key):
    prod_env["SECRET_KEY"] = key
    result = check_deploy(prod_env)
    assert "SECRET_KEY" in refusal(result)
    assert key not in result.stdout + result.stderr


# PDPA keys: required in production (never derived from SECRET_KEY there), checked at start-up.
PDPA_KEYS = ("FIELD_ENCRYPTION_KEY", "NATIONAL_ID_HASH_KEY")


@pytest.mark.parametrize("name", PDPA_KEYS)
def test_missing_pdpa_key_is_refused(prod_env, name):
    del prod_env[name]
    line = refusal(check_deploy(prod_env))
    assert name in line
    assert [other for other in REQUIRED + PDPA_KEYS if other in line] == [name]


@pytest.mark.parametrize("name", PDPA_KEYS)
def test_empty_pdpa_key_counts_as_missing(prod_env, name):
    prod_env[name] = ""
    assert name in refusal(check_deploy(prod_env))


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("not-a-fernet-key-" + secrets.token_hex(8), id="not-base64-32-bytes"),
        pytest.param(Fernet.generate_key().decode() + ",short", id="second-key-malformed"),
    ],
)
def test_malformed_field_encryption_key_is_refused_without_echoing_it(prod_env, value):
    prod_env["FIELD_ENCRYPTION_KEY"] = value
    result = check_deploy(prod_env)
    assert "FIELD_ENCRYPTION_KEY" in refusal(result)
    assert value not in result.stdout + result.stderr


def test_field_encryption_key_of_only_commas_is_refused(prod_env):
    prod_env["FIELD_ENCRYPTION_KEY"] = " , "
    assert "FIELD_ENCRYPTION_KEY" in refusal(check_deploy(prod_env))


def test_short_national_id_hash_key_is_refused_without_echoing_it(prod_env):
    prod_env["NATIONAL_ID_HASH_KEY"] = key = secrets.token_urlsafe(12)
    result = check_deploy(prod_env)
    assert "NATIONAL_ID_HASH_KEY" in refusal(result)
    assert key not in result.stdout + result.stderr


def test_two_fernet_keys_for_rotation_are_accepted(prod_env):
    prod_env["FIELD_ENCRYPTION_KEY"] = f"{Fernet.generate_key().decode()},{Fernet.generate_key().decode()}"
    result = check_deploy(prod_env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_allowed_hosts_of_only_commas_is_refused(prod_env):
    prod_env["ALLOWED_HOSTS"] = " , ,"
    assert "ALLOWED_HOSTS" in refusal(check_deploy(prod_env))


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("CONN_MAX_AGE", "abc"),
        ("SECURE_SSL_REDIRECT", "maybe"),
        ("SECURE_HSTS_SECONDS", "1y"),
        ("LOG_LEVEL", "loud"),
    ],
)
def test_malformed_variable_is_refused_with_its_name(prod_env, name, value):
    prod_env[name] = value
    line = refusal(check_deploy(prod_env))
    assert name in line
    assert repr(value) in line


@pytest.mark.parametrize("value", ["warning", "WARNING", "Warning", " error "])
def test_log_level_is_accepted_in_either_case(prod_env, value):
    """gunicorn documents lowercase levels; Django's logging wants uppercase: both start."""
    prod_env["LOG_LEVEL"] = value
    result = check_deploy(prod_env)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("value", "ok"), [("warning", True), ("WARNING", True), ("loud", False)])
def test_gunicorn_config_reads_log_level_in_either_case(prod_env, value, ok):
    prod_env["LOG_LEVEL"] = value
    result = subprocess.run(
        [sys.executable, "-c", "import runpy; print(runpy.run_path('config/gunicorn.py')['loglevel'])"],
        cwd=ROOT, env=prod_env, capture_output=True, text=True, timeout=60,
    )
    if ok:
        assert result.stdout.strip() == "warning", result.stderr
    else:
        assert result.returncode != 0
        assert result.stderr.strip().splitlines()[-1] == (
            "LOG_LEVEL must be one of debug, info, warning, error, critical (any case), got 'loud'"
        )


def test_ssl_redirect_can_be_turned_off_and_check_deploy_says_so(prod_env):
    prod_env["SECURE_SSL_REDIRECT"] = "false"
    result = check_deploy(prod_env)
    assert result.returncode == 0, result.stderr
    assert "security.W008" in result.stdout + result.stderr


# The compose file must hand production settings what they refuse to start without.


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_services_have_healthchecks_and_production_settings(compose):
    services = compose["services"]
    assert set(services) == {"web", "worker", "beat", "db", "redis"}
    for name, service in services.items():
        assert service["healthcheck"]["test"], name
    for name in ("web", "worker", "beat"):
        environment = services[name]["environment"]
        assert environment["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
        for variable in REQUIRED + PDPA_KEYS:
            assert environment.get(variable), (name, variable)
        # No default for the secret key: compose itself refuses to start without one.
        for secret in ("SECRET_KEY", *PDPA_KEYS):
            assert re.fullmatch(rf"\$\{{{secret}:\?[^}}]*\}}", environment[secret]), (name, secret)
    assert services["web"]["environment"]["RUN_STARTUP_TASKS"] == "true"
    assert "RUN_STARTUP_TASKS" not in services["worker"]["environment"]
    assert "django_celery_beat.schedulers:DatabaseScheduler" in " ".join(services["beat"]["command"])
    assert services["redis"]["command"][-2:] == ["--appendonly", "yes"]
    assert set(compose["volumes"]) == {"postgres-data", "redis-data", "media"}
