"""The portal as production runs it, started on loopback for bench/load.py and bench/faults.py:
gunicorn (config/gunicorn.py) and one Celery worker, both with bench.load_settings
(production settings less the TLS-only cookie flags), on a PostgreSQL database and a
Redis database named by the caller.

Nothing here is imported by the product.
"""

from __future__ import annotations

import base64
import hashlib
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


def bench_env(*, database_url: str, redis_url: str, media_root: Path, extra: dict | None = None) -> dict:
    """The environment production settings need, with fixed bench-only keys (nothing
    secret is protected by them: the bench databases hold demo data only)."""
    fernet = base64.urlsafe_b64encode(hashlib.sha256(b"portal bench field key").digest()).decode()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.load_settings",
        "SECRET_KEY": hashlib.sha512(b"portal bench secret key").hexdigest(),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "FIELD_ENCRYPTION_KEY": fernet,
        "NATIONAL_ID_HASH_KEY": hashlib.sha256(b"portal bench hash key").hexdigest(),
        "MEDIA_ROOT": str(media_root),
        "LOG_LEVEL": "warning",
        "PYTHONUNBUFFERED": "1",
    }
    env.update(extra or {})
    return env


@dataclass
class Stack:
    """gunicorn + a Celery worker, started and stopped together."""

    database_url: str
    redis_url: str
    port: int
    workers: int = 4
    worker_class: str = "sync"
    threads: int = 1
    media_root: Path = ROOT / "var" / "bench-media"
    log_dir: Path = ROOT / "var" / "bench-logs"
    celery: bool = True
    extra_env: dict = field(default_factory=dict)
    web: subprocess.Popen | None = None
    worker: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict:
        return bench_env(
            database_url=self.database_url, redis_url=self.redis_url, media_root=self.media_root, extra=self.extra_env
        )

    def _log(self, name: str):
        self.log_dir.mkdir(parents=True, exist_ok=True)
        return open(self.log_dir / name, "ab")

    def start_web(self) -> None:
        cmd = [
            GUNICORN,
            "--config",
            "config/gunicorn.py",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--worker-class",
            self.worker_class,
            "--threads",
            str(self.threads),
            "config.wsgi",
        ]
        self.web = subprocess.Popen(
            cmd, cwd=ROOT, env=self.env, stdout=self._log("gunicorn.log"), stderr=subprocess.STDOUT
        )
        self.wait_ready()

    def start_worker(self) -> None:
        cmd = [
            PY,
            "-m",
            "celery",
            "-A",
            "config.celery_app",
            "worker",
            "--concurrency",
            "1",
            "--loglevel",
            "WARNING",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "-n",
            f"bench{self.port}@%h",
        ]
        self.worker = subprocess.Popen(
            cmd, cwd=ROOT, env=self.env, stdout=self._log("celery.log"), stderr=subprocess.STDOUT
        )

    def start(self) -> Stack:
        self.media_root.mkdir(parents=True, exist_ok=True)
        self.start_web()
        if self.celery:
            self.start_worker()
        return self

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.web is not None and self.web.poll() is not None:
                sys.exit(f"gunicorn exited with {self.web.returncode}; see {self.log_dir / 'gunicorn.log'}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz/", timeout=5) as resp:
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.5)
        sys.exit(f"gunicorn did not answer /healthz/ within {timeout:.0f} s")

    @staticmethod
    def _stop(proc: subprocess.Popen | None, sig=signal.SIGTERM, timeout: float = 30) -> None:
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(sig)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def kill_worker(self) -> None:
        """SIGKILL the worker and its pool child (what an OOM kill does)."""
        if self.worker is None or self.worker.poll() is not None:
            return
        children = subprocess.run(["pgrep", "-P", str(self.worker.pid)], capture_output=True, text=True).stdout.split()
        for pid in [*children, str(self.worker.pid)]:
            try:
                os.kill(int(pid), signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.worker.wait()

    def stop(self) -> None:
        self._stop(self.worker)
        self._stop(self.web)
