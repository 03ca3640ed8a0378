"""Report jobs on a REAL Celery worker (prefork, one child) and a real Redis broker.

What happens when a worker dies mid-job (acks_late + reject_on_worker_lost, Redis transport):
- Only the pool child dies (OOM killer, segfault in a C library, SIGKILL): the worker's main
  process notices (at the latest on its 5-second maintain_pool tick), raises WorkerLostError
  for the job and, because of reject_on_worker_lost, rejects the message with requeue=True:
  kombu moves it from Redis' "unacked" hash back onto the queue at once, and the fresh pool
  child runs it again.
- The whole worker dies (SIGKILL of the process group, machine lost): nobody rejects or
  restores anything. The message stays in the "unacked" hash and a worker's periodic
  restore_visible sweep puts it back only once it is older than the visibility_timeout
  (2 hours in base.py). That test gives the worker a short one through the environment.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings

from config.celery_app import app as celery_app
from reports import services
from reports.choices import ReportStatus
from reports.models import Report

from ..conftest import client_for
from .conftest import eventually, process_gone, wait_for_file, wait_for_report

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

QUEUE = celery_app.conf.task_default_queue
PAUSE_SECONDS = "60"  # the paused first attempt is always killed long before this


def _request_national(user) -> Report:
    return services.report_request(by=user, fiscal_year=2569, scope="national")


def _media_files() -> list[str]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def _assert_single_pdf(report: Report) -> None:
    assert report.file.name == f"reports/2569/report-{report.pk}.pdf"
    path = Path(settings.MEDIA_ROOT) / report.file.name
    assert path.read_bytes()[:5] == b"%PDF-"
    # Exactly one file version (the PDF and its XLSX), and no temporary file left over by a killed attempt.
    assert _media_files() == sorted([report.file.name, report.xlsx.name])


def _assert_attempts_one_after_another(report: Report, events: list[dict], *, killed_pid: int, killed_at: float):
    """Two attempts of the same task: the first in the process that was killed, never
    finishing; the second started after the kill, in another process, and finished."""
    starts = [e for e in events if e["event"] == "task_start"]
    ends = [e for e in events if e["event"] == "task_end"]
    assert [e["args"] for e in starts] == [[report.pk], [report.pk]]
    assert starts[0]["task_id"] == starts[1]["task_id"]  # the same message, delivered twice
    first, second = starts
    assert first["pid"] == killed_pid
    assert first["redelivered"] is False
    assert second["pid"] != killed_pid
    assert second["redelivered"] is True
    assert second["time"] > killed_at
    assert [(e["pid"], e["state"]) for e in ends] == [(second["pid"], "SUCCESS")]

    # The row's own history tells the same story: the attempt counter only ever goes up,
    # so nothing of attempt 1 was written after attempt 2 had started, and it ends done once.
    history = list(report.history.order_by("history_id").values_list("status", "attempts"))
    attempts = [a for _, a in history]
    assert attempts == sorted(attempts)
    assert ("running", 1) in history and ("running", 2) in history
    assert [h for h in history if h[0] == ReportStatus.DONE] == [("done", 2)]
    assert history[-1] == ("done", 2)


def test_worker_generates_report(start_worker, codi_staff, tmp_path):
    worker = start_worker("happy")

    report = _request_national(codi_staff)

    report = wait_for_report(report.pk, {ReportStatus.DONE, ReportStatus.FAILED}, worker=worker)
    assert report.status == ReportStatus.DONE, report.error
    assert report.attempts == 1
    assert report.progress == 100
    assert report.started_at and report.finished_at
    assert Path(settings.MEDIA_ROOT) == tmp_path / "media"  # the worker wrote into this test's media
    _assert_single_pdf(report)
    # The job really ran in the worker's pool child, not eagerly in this process.
    [end] = worker.wait_for_event("task_end")
    [start] = [e for e in worker.events() if e["event"] == "task_start"]
    assert start["pid"] not in {os.getpid(), worker.pid}
    assert (end["pid"], end["state"]) == (start["pid"], "SUCCESS")


def test_pool_child_killed_mid_report_is_requeued_and_done_once(start_worker, codi_staff, redis_broker):
    worker = start_worker("child-killed", TEST_WORKER_PAUSE_SECONDS=PAUSE_SECONDS)

    report = _request_national(codi_staff)

    # The first attempt stops inside the PDF step: row running, temporary file on disk.
    child_pid = int(wait_for_file(worker.hooks_dir / "paused", worker=worker))
    assert child_pid != worker.pid
    running = Report.objects.get(pk=report.pk)
    assert (running.status, running.attempts) == (ReportStatus.RUNNING, 1)
    assert any(name.endswith(".pdf.part") for name in _media_files())
    assert redis_broker.hlen("unacked") == 1  # delivered, not acknowledged

    os.kill(child_pid, signal.SIGKILL)  # only the pool child: the main process survives
    killed_at = time.time()
    eventually(lambda: process_gone(child_pid), message=f"pool child {child_pid} killed")

    report = wait_for_report(report.pk, {ReportStatus.DONE, ReportStatus.FAILED}, worker=worker)
    assert report.status == ReportStatus.DONE, report.error
    assert report.attempts == 2
    assert report.error == ""
    _assert_single_pdf(report)
    worker.wait_for_event("task_end")
    _assert_attempts_one_after_another(report, worker.events(), killed_pid=child_pid, killed_at=killed_at)
    assert worker.proc.poll() is None, "the worker's main process should have survived"
    assert "WorkerLostError" in worker.log()
    # Acknowledged in the end (by the main process, just after the child reported success):
    # nothing waits in the queue or in the unacked hash.
    eventually(lambda: redis_broker.hlen("unacked") == 0, message="message acknowledged")
    assert redis_broker.llen(QUEUE) == 0


VISIBILITY_TIMEOUT = 8


def test_whole_worker_killed_message_comes_back_after_visibility_timeout(start_worker, codi_staff, redis_broker):
    first = start_worker("killed", TEST_WORKER_PAUSE_SECONDS=PAUSE_SECONDS)

    report = _request_national(codi_staff)

    child_pid = int(wait_for_file(first.hooks_dir / "paused", worker=first))
    first.kill_group(signal.SIGKILL)  # main process and pool child: nobody can requeue
    killed_at = time.time()
    first.proc.wait(timeout=10)
    eventually(lambda: process_gone(child_pid), message=f"pool child {child_pid} killed")

    # The message is stranded in the "unacked" hash, not on the queue; the row says running.
    assert redis_broker.llen(QUEUE) == 0
    assert redis_broker.hlen("unacked") == 1
    stranded = Report.objects.get(pk=report.pk)
    assert (stranded.status, stranded.attempts) == (ReportStatus.RUNNING, 1)

    # A new worker restores messages unacknowledged for longer than the visibility timeout.
    second = start_worker("restarted", TEST_CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT))
    report = wait_for_report(report.pk, {ReportStatus.DONE, ReportStatus.FAILED}, worker=second)
    assert report.status == ReportStatus.DONE, report.error
    assert report.attempts == 2
    _assert_single_pdf(report)
    second.wait_for_event("task_end")
    _assert_attempts_one_after_another(report, second.events(), killed_pid=child_pid, killed_at=killed_at)
    [redelivered] = [e for e in second.events() if e["event"] == "task_start" and e["redelivered"]]
    assert redelivered["time"] - killed_at >= VISIBILITY_TIMEOUT - 2  # not before it was due
    eventually(lambda: redis_broker.hlen("unacked") == 0, message="message acknowledged")
    assert redis_broker.llen(QUEUE) == 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _assert_request_survives_broker_failure(client, codi_staff, caplog, *, max_seconds: float):
    caplog.set_level(logging.ERROR, logger="reports.services")
    started = time.monotonic()

    report = _request_national(codi_staff)  # enqueues on commit; must not raise

    elapsed = time.monotonic() - started
    assert elapsed < max_seconds, f"report_request blocked {elapsed:.1f}s on a broken broker"
    assert f"could not enqueue report {report.pk}" in caplog.text
    report.refresh_from_db()
    assert (report.status, report.attempts) == (ReportStatus.QUEUED, 0)

    response = client_for(client, codi_staff).get(f"/reports/{report.pk}/")
    assert response.status_code == 200
    assert "รอคิว" in response.content.decode()


def test_broker_down_request_stays_queued(point_celery_at, client, codi_staff, caplog):
    point_celery_at(f"redis://127.0.0.1:{_free_port()}/0")  # nothing listens there
    _assert_request_survives_broker_failure(client, codi_staff, caplog, max_seconds=5)


@pytest.fixture
def silent_broker():
    """A TCP server that accepts connections and never answers (a hung or half-open Redis)."""
    server = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    stop.set()
    thread.join(timeout=5)
    for conn in held:
        conn.close()
    server.close()


def test_broker_not_answering_request_stays_queued(point_celery_at, silent_broker, client, codi_staff, caplog):
    point_celery_at(silent_broker)
    # Without socket timeouts in CELERY_BROKER_TRANSPORT_OPTIONS this blocks forever.
    _assert_request_survives_broker_failure(client, codi_staff, caplog, max_seconds=10)
