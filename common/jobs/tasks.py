"""JobTask: the Celery base of every job task.

A job task takes the job's id, calls one service and nothing else::

    @shared_task(base=JobTask, job_model="councils.ExportJob", bind=True,
                 error_reason=_("... (งาน #%(id)s)"), timeout_reason=_("..."))
    def run_export(self, job_id):
        exports.export_job_run(job_id=job_id, redelivered=self.redelivered)

Reliability, the same for every job:
- acks_late + reject_on_worker_lost: a worker killed mid-job leaves the message queued and
  the broker re-delivers it (``self.redelivered``); the services are safe to run twice
  (``job_start`` locks the row and counts the attempt, capped per model);
- an exception inside the job (including the soft time limit) marks the row FAILED with a
  Thai reason in ``on_failure``; a killed worker never gets there, so the row stays RUNNING
  and the re-delivery (or the stale-job sweep) takes it over;
- losing the database in the middle (PostgreSQL restarting: OperationalError or
  InterfaceError) is not the job's fault: the task tries again a few seconds later, and
  that attempt takes its own RUNNING row over (each job writes in one transaction, so the
  lost attempt left nothing behind). Found by bench/faults.py: before, ``on_failure`` could
  not mark the row FAILED either (the connection was gone), so the job showed "running"
  until the stale-job sweep, 20 minutes on.
"""

from __future__ import annotations

import logging

from celery import Task
from celery.exceptions import SoftTimeLimitExceeded
from django.apps import apps
from django.db import InterfaceError, OperationalError, connections
from django.utils.translation import gettext_lazy as _

from .services import job_fail

logger = logging.getLogger(__name__)


def _close_broken_connections() -> None:
    for conn in connections.all(initialized_only=True):
        if conn.connection is not None and not conn.is_usable():
            conn.close()


class JobTask(Task):
    acks_late = True
    reject_on_worker_lost = True
    max_retries = 0

    #: "app_label.ModelName" of the job row the first argument names.
    job_model = ""
    #: Thai reasons shown on the job's page; ``%(id)s`` is the job id, ``%(error)s`` the exception.
    error_reason = _("งานไม่สำเร็จเพราะเกิดข้อผิดพลาดในระบบ กรุณาลองใหม่หรือแจ้งผู้ดูแลระบบ (งาน #%(id)s)")
    timeout_reason = _("งานใช้เวลานานเกินกำหนด กรุณาลองใหม่หรือแจ้งผู้ดูแลระบบ (งาน #%(id)s)")

    #: Tries after losing the database, ``DATABASE_RETRY_SECONDS * try`` apart (5, 10, 15, 20, 25 s:
    #: a PostgreSQL restart or fail-over is well inside that).
    database_retries = 5
    database_retry_seconds = 5

    @property
    def redelivered(self) -> bool:
        """The broker sent this message again because the worker that had it died, or this
        is a try after the database was lost: either way the row's RUNNING status is this
        job's own, left by an attempt that is over."""
        return bool((self.request.delivery_info or {}).get("redelivered")) or bool(self.request.retries)

    def __call__(self, *args, **kwargs):
        try:
            return super().__call__(*args, **kwargs)
        except (OperationalError, InterfaceError) as exc:
            _close_broken_connections()  # the next try opens fresh ones
            if self.request.retries >= self.database_retries:
                raise
            logger.warning("%s lost the database (%s); trying again", self.name, exc)
            raise self.retry(
                exc=exc, countdown=self.database_retry_seconds * (self.request.retries + 1), max_retries=self.database_retries
            ) from exc

    def failure_reason(self, exc: BaseException, job_id) -> str:
        template = self.timeout_reason if isinstance(exc, SoftTimeLimitExceeded) else self.error_reason
        return str(template) % {"id": job_id, "error": f"{type(exc).__name__}: {exc}"}

    def fail_job(self, job_id, reason: str) -> None:
        """Mark the row FAILED; a job with more to clean up (staged rows) overrides this."""
        job_fail(model=apps.get_model(self.job_model), job_id=job_id, reason=reason)

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        job_id = args[0] if args else next(iter((kwargs or {}).values()), None)
        logger.error("%s failed for %s %s", self.name, self.job_model, job_id, exc_info=(type(exc), exc, exc.__traceback__))
        if job_id is not None:
            self.fail_job(job_id, self.failure_reason(exc, job_id))
        super().on_failure(exc, task_id, args, kwargs, einfo)
