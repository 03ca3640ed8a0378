"""Fixtures that run a REAL Celery worker (prefork, one child) against Redis.

The worker is a subprocess using config.settings.test with TEST_CELERY_BROKER_URL set (so it
consumes from Redis instead of running eagerly), the pytest-django test database and this
test's MEDIA_ROOT. The test process publishes to the same Redis database. Tests using these
fixtures must be ``@pytest.mark.django_db(transaction=True)``: the worker is another process
and only sees committed rows.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.conf import settings as django_settings
from django.db import connection
from kombu import pools

from config.celery_app import app as celery_app
from reports.models import Report

BROKER_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
WORKER_READY_TIMEOUT = 45


def _reset_broker_connections() -> None:
    """Forget the Celery app's cached broker connection and producer pools, so the next
    publish connects to whatever app.conf.broker_url says now."""
    pools.reset()  # closes every pooled kombu connection/producer in this process
    celery_app._pool = None
    if "amqp" in celery_app.__dict__:
        celery_app.amqp._producer_pool = None


@pytest.fixture
def point_celery_at(settings):
    """Make this test process publish to a given broker URL (not eagerly) until teardown.

    app.conf reads Django settings live through the CELERY_ namespace, so the pytest-django
    ``settings`` fixture changes and later restores them; only the cached connection pools
    need resetting, on the way in and on the way out.
    """

    def point(url: str, **transport_options) -> None:
        settings.CELERY_BROKER_URL = url
        settings.CELERY_TASK_ALWAYS_EAGER = False
        if transport_options:
            settings.CELERY_BROKER_TRANSPORT_OPTIONS = {
                **django_settings.CELERY_BROKER_TRANSPORT_OPTIONS,
                **transport_options,
            }
        _reset_broker_connections()
        assert celery_app.conf.broker_url == url
        assert celery_app.conf.task_always_eager is False

    yield point
    _reset_broker_connections()  # the settings fixture restores memory:// + eager after this


@pytest.fixture
def redis_broker(point_celery_at):
    """An empty Redis database that this process publishes to. Skipped if Redis is not
    running (tests/conftest.py turns that into a failure under CI=true)."""
    client = redis.Redis.from_url(BROKER_URL, socket_connect_timeout=2, socket_timeout=5)
    try:
        client.ping()
    except redis.exceptions.RedisError as exc:
        client.close()
        pytest.skip(f"Redis not reachable at {BROKER_URL}: {exc}")
    # Any other consumer on this database (a stray worker, a concurrent test run) would take
    # our messages and the tests would wait for nothing; kombu consumers sit in BRPOP.
    db = str(client.connection_pool.connection_kwargs.get("db", 0))
    others = [c for c in client.client_list() if c.get("db") == db and c.get("cmd") == "brpop"]
    if others:
        client.close()
        pytest.fail(
            f"{len(others)} other consumer(s) attached to {BROKER_URL} "
            f"({', '.join(c['addr'] for c in others)}): the worker tests need that Redis "
            "database to themselves; stop them or point TEST_REDIS_URL at another database"
        )
    client.flushdb()
    point_celery_at(BROKER_URL)
    yield client
    client.flushdb()
    client.close()


def _test_database_url() -> str:
    s = connection.settings_dict
    user = quote(s.get("USER") or "", safe="")
    password = quote(s.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = s.get("HOST") or "127.0.0.1"
    port = f":{s['PORT']}" if s.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{quote(s['NAME'], safe='')}"


@dataclass
class Worker:
    name: str
    proc: subprocess.Popen
    log_path: Path
    hooks_dir: Path
    _log_file: object = field(repr=False)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def events(self) -> list[dict]:
        path = self.hooks_dir / "events.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]

    def wait_ready(self, timeout: float = WORKER_READY_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(e["event"] == "worker_ready" and e["pid"] == self.pid for e in self.events()):
                return
            if self.proc.poll() is not None:
                pytest.fail(f"worker {self.name} exited with {self.proc.returncode}:\n{self.log()}")
            time.sleep(0.1)
        pytest.fail(f"worker {self.name} not ready after {timeout}s:\n{self.log()}")

    def wait_for_event(self, name: str, *, count: int = 1, timeout: float = 30) -> list[dict]:
        """Wait until the hooks logged ``count`` events called ``name`` (task_postrun runs
        after the task body, so after the row already says done)."""
        deadline = time.monotonic() + timeout
        while True:
            found = [e for e in self.events() if e["event"] == name]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                pytest.fail(f"worker {self.name}: {len(found)} {name!r} events after {timeout}s\n{self.log()}")
            time.sleep(0.05)

    def kill_group(self, sig: int = signal.SIGKILL) -> None:
        """Signal the worker's whole process group (main process and pool children)."""
        try:
            os.killpg(self.pid, sig)
        except ProcessLookupError:
            pass

    def stop(self) -> None:
        """Warm shutdown, then make sure nothing of the group is left."""
        if self.proc.poll() is None:
            try:
                self.proc.send_signal(signal.SIGTERM)
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        self.kill_group(signal.SIGKILL)  # also catches children orphaned by a hard kill
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover - nothing survives SIGKILL
            pass
        self._log_file.close()


@pytest.fixture
def start_worker(redis_broker, transactional_db, tmp_path):
    """Factory: start_worker(name, **extra_env) -> Worker (already ready to consume).

    Depends on transactional_db so the workers are stopped before pytest-django flushes
    the tables, and long before it drops the test database.
    """
    workers: list[Worker] = []
    hooks_dir = tmp_path / "worker-hooks"
    hooks_dir.mkdir()
    base_env = {
        k: v
        for k, v in os.environ.items()
        # Celery reads CELERY_BROKER_URL from the environment before any setting.
        if k not in {"CELERY_BROKER_URL", "REDIS_URL", "DATABASE_URL", "MEDIA_ROOT"}
    }
    base_env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=_test_database_url(),
        MEDIA_ROOT=str(django_settings.MEDIA_ROOT),  # the per-test tmp_path/"media"
        TEST_CELERY_BROKER_URL=BROKER_URL,
        TEST_WORKER_HOOKS_DIR=str(hooks_dir),
        PYTHONPATH=str(django_settings.BASE_DIR),
        PYTHONUNBUFFERED="1",
    )
    celery_bin = Path(sys.executable).with_name("celery")
    command = [str(celery_bin)] if celery_bin.exists() else [sys.executable, "-m", "celery"]

    def start(name: str = "w1", **extra_env: str) -> Worker:
        log_path = tmp_path / f"worker-{name}.log"
        log_file = open(log_path, "ab")  # noqa: SIM115 - closed by Worker.stop
        proc = subprocess.Popen(
            [
                *command,
                "-A",
                "config",
                "worker",
                "--pool",
                "prefork",
                "--concurrency",
                "1",
                "-Q",
                celery_app.conf.task_default_queue,
                "--loglevel",
                "INFO",
                "--hostname",
                f"{name}-{os.getpid()}@%h",
                # No other workers to talk to: skip the start-up waits.
                "--without-mingle",
                "--without-gossip",
                "--without-heartbeat",
                "--include",
                "tests.reports.worker_hooks",
            ],
            cwd=django_settings.BASE_DIR,
            env={**base_env, **extra_env},
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group: killpg reaches the pool children
        )
        worker = Worker(name=name, proc=proc, log_path=log_path, hooks_dir=hooks_dir, _log_file=log_file)
        workers.append(worker)
        worker.wait_ready()
        return worker

    yield start
    for worker in reversed(workers):
        worker.stop()


def wait_for_report(pk: int, statuses: set[str], *, timeout: float = 60, worker: Worker | None = None) -> Report:
    """Poll the database until the report reaches one of ``statuses``."""
    deadline = time.monotonic() + timeout
    while True:
        report = Report.objects.get(pk=pk)
        if report.status in statuses:
            return report
        if time.monotonic() > deadline:
            log = worker.log() if worker else ""
            pytest.fail(f"report {pk} still {report.status!r} after {timeout}s (want {statuses})\n{log}")
        time.sleep(0.2)


def wait_for_file(path: Path, *, timeout: float = 60, worker: Worker | None = None) -> str:
    """Wait until ``path`` exists with some content (it is created, then written)."""
    deadline = time.monotonic() + timeout
    while not (path.exists() and path.read_text()):
        if time.monotonic() > deadline:
            pytest.fail(f"{path} did not appear after {timeout}s\n{worker.log() if worker else ''}")
        time.sleep(0.05)
    return path.read_text()


def eventually(check, *, timeout: float = 10, message: str = "") -> None:
    """Poll ``check()`` until it is true (e.g. the main process acknowledging a message a
    moment after the pool child reported the task finished)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"still not true after {timeout}s: {message}")
        time.sleep(0.05)


def process_gone(pid: int) -> bool:
    """True once ``pid`` has exited (a zombie waiting to be reaped counts as gone)."""
    stat = Path(f"/proc/{pid}/stat")
    if stat.parent.parent.exists():  # Linux
        try:
            return stat.read_text().rsplit(")", 1)[1].split()[0] in {"Z", "X"}
        except (FileNotFoundError, ProcessLookupError):
            return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False
