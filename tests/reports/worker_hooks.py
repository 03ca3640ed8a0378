"""Test-only hooks, loaded ONLY into the real Celery worker that tests/reports/test_worker.py
starts (``celery worker --include tests.reports.worker_hooks``). Nothing in the app imports it.

- Every worker/task event is appended as one JSON line to ``$TEST_WORKER_HOOKS_DIR/events.jsonl``
  (pid and wall-clock time), so a test can tell which process ran which attempt, and when.
- With ``TEST_WORKER_PAUSE_SECONDS`` set, the FIRST call of the PDF step in any worker process
  (a marker file created with O_EXCL decides which one) writes ``paused`` containing its pid
  and then sleeps: the report row is "running" and its temporary file exists, so the test can
  kill that process at a known point. Later attempts find the marker and run normally.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from celery import signals

HOOKS_DIR = Path(os.environ["TEST_WORKER_HOOKS_DIR"]) if os.environ.get("TEST_WORKER_HOOKS_DIR") else None
PAUSE_SECONDS = float(os.environ.get("TEST_WORKER_PAUSE_SECONDS") or 0)


def _event(name: str, **data) -> None:
    if HOOKS_DIR is None:
        return
    line = json.dumps({"event": name, "pid": os.getpid(), "time": time.time(), **data}) + "\n"
    # One small O_APPEND write per event: lines from several processes never interleave.
    fd = os.open(HOOKS_DIR / "events.jsonl", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.write(fd, line.encode())
    finally:
        os.close(fd)


def _install_pause() -> None:
    """Wrap reports.services.build_pdf (looked up at call time by report_generate)."""
    if PAUSE_SECONDS <= 0 or HOOKS_DIR is None:
        return
    from reports import services

    if getattr(services.build_pdf, "_test_pause", False):
        return
    original = services.build_pdf

    def build_pdf(*args, **kwargs):
        try:
            fd = os.open(HOOKS_DIR / "paused", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return original(*args, **kwargs)
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        _event("paused")
        time.sleep(PAUSE_SECONDS)
        return original(*args, **kwargs)

    build_pdf._test_pause = True
    services.build_pdf = build_pdf


@signals.worker_ready.connect
def _on_worker_ready(sender=None, **kwargs):
    _event("worker_ready")


@signals.worker_process_init.connect
def _on_child_init(**kwargs):
    _event("child_init")


@signals.task_prerun.connect
def _on_task_prerun(task_id=None, task=None, args=None, **kwargs):
    delivery_info = getattr(task.request, "delivery_info", None) or {}
    _event("task_start", task_id=task_id, args=list(args or ()), redelivered=bool(delivery_info.get("redelivered")))
    _install_pause()


@signals.task_postrun.connect
def _on_task_postrun(task_id=None, state=None, **kwargs):
    _event("task_end", task_id=task_id, state=state)
