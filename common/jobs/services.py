"""Every write to a job row's status, for every kind of job.

    job_move           one legal move of one row (refused with a Thai message otherwise)
    job_start          a worker takes a queued row: attempts counted and capped
    job_fail           mark a row FAILED with a Thai reason (from a task's on_failure)
    job_requeue_stale  re-send rows the broker lost, fail those whose worker kept dying
    write_atomically   write a job's file under a temporary name, then move it into place

Moves that change one row go through ``save(update_fields=...)`` so a model with
simple_history keeps one history row per step; moves of many rows are conditional
UPDATEs (``WHERE status IN`` the legal sources), so a race can never make an illegal one.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from celery import current_app
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from common.thai import thai_truncate

from .choices import JobStatus, sources_of
from .models import Job

logger = logging.getLogger(__name__)

ERROR_MAX_LENGTH = 2000


class JobTransitionError(ValidationError):
    """A move the job's state machine does not allow."""


def _stamps(to: str, now) -> dict:
    if to == JobStatus.RUNNING:
        return {"started_at": now}
    if to in (JobStatus.DONE, JobStatus.FAILED):
        return {"finished_at": now}
    return {}


def job_move(*, job: Job, to: str, **fields) -> Job:
    """Move ``job`` to ``to`` and save the given fields with it, in one save. Moving to
    RUNNING stamps ``started_at``; to DONE or FAILED, ``finished_at``."""
    if not job.can_move_to(to):
        raise JobTransitionError(
            _("เปลี่ยนสถานะงานจาก “%(from)s” เป็น “%(to)s” ไม่ได้")
            % {"from": job.get_status_display(), "to": JobStatus(to).label}
        )
    fields = {**_stamps(to, timezone.now()), **fields, "status": to}
    if "error" in fields:
        fields["error"] = thai_truncate(fields["error"], ERROR_MAX_LENGTH)
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=list(fields))
    return job


def jobs_move(qs: QuerySet, *, to: str, **fields) -> int:
    """Move every row of ``qs`` that may legally move to ``to``; returns how many did."""
    return qs.filter(status__in=sources_of(to)).update(status=to, **_stamps(to, timezone.now()), **fields)


def _may_take(job: Job, *, redelivered: bool) -> bool:
    if job.status == JobStatus.QUEUED:
        return True
    if job.status != JobStatus.RUNNING:
        return False
    # A RUNNING row is taken over when the broker re-delivered the message because its
    # worker died, or when the attempt that started it cannot be alive any more (past the
    # hard time limit). Otherwise it is a duplicate message: leave the row to its attempt.
    if redelivered or job.started_at is None:
        return True
    return timezone.now() - job.started_at >= timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


def job_start(
    *, model: type[Job], job_id: int, redelivered: bool = False, expect: dict | None = None,
    select_related: tuple[str, ...] = (), **fields,
) -> tuple[Job, bool]:
    """Take a job for a worker: ``(job, True)`` when this attempt should run it.

    The row is locked while deciding, so two deliveries of one message never both start.
    A row that is finished, waiting, not what ``expect`` says (e.g. an import's stage) or
    already running elsewhere is left alone: ``(job, False)``. A row that already used
    its attempts is marked FAILED instead of being run once more. Otherwise it moves to
    RUNNING with one more attempt and ``fields`` saved with it (one save)."""
    with transaction.atomic():
        qs = model.objects.select_for_update(of=("self",))
        if select_related:
            qs = qs.select_related(*select_related)
        job = qs.get(pk=job_id)
        if any(getattr(job, name) != value for name, value in (expect or {}).items()):
            return job, False
        if not _may_take(job, redelivered=redelivered):
            return job, False
        if job.attempts >= model.max_attempts():
            job_move(job=job, to=JobStatus.FAILED, error=job.attempts_exhausted_reason())
            return job, False
        job_move(job=job, to=JobStatus.RUNNING, attempts=job.attempts + 1, error="", **fields)
        return job, True


def job_fail(*, model: type[Job], job_id: int, reason: str) -> bool:
    """Mark a job FAILED unless it already finished; True when this call failed it."""
    return bool(
        jobs_move(model.objects.filter(pk=job_id), to=JobStatus.FAILED, error=thai_truncate(str(reason), ERROR_MAX_LENGTH))
    )


def job_requeue_stale(
    *, model: type[Job], enqueue: Callable[[int], None], now=None, time_limit: int | None = None
) -> dict[str, int]:
    """Re-send the jobs the broker lost: rows still queued a while after they were asked
    for (Redis was down when they were sent) and rows left running past the hard time
    limit (their worker died; ``time_limit``, seconds, for tasks with a limit of their own,
    else CELERY_TASK_TIME_LIMIT). A stale row that used all its attempts is failed instead.
    Duplicates are harmless (``job_start`` leaves a row running elsewhere alone)."""
    now = now or timezone.now()
    time_limit = settings.CELERY_TASK_TIME_LIMIT if time_limit is None else time_limit
    queued = list(
        model.objects.filter(
            status=JobStatus.QUEUED, requested_at__lt=now - timedelta(seconds=model.queued_grace_seconds())
        ).values_list("pk", flat=True)
    )
    stale = model.objects.filter(
        status=JobStatus.RUNNING, started_at__lt=now - timedelta(seconds=time_limit + 60)
    )
    failed = jobs_move(
        stale.filter(attempts__gte=model.max_attempts()), to=JobStatus.FAILED, error=str(model.worker_lost_reason())
    )
    retry = list(stale.values_list("pk", flat=True))
    jobs_move(model.objects.filter(pk__in=retry, status=JobStatus.RUNNING), to=JobStatus.QUEUED, progress=0)
    for pk in queued + retry:
        enqueue(pk)
    return {"queued": len(queued), "stale": len(retry), "failed": failed}


def write_atomically(final_path: Path, write: Callable, *, prefix: str, suffix: str) -> None:
    """``write(binary_file)`` into a temporary file beside ``final_path``, then move it into
    place: a half-written file is never served."""
    final_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=final_path.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:
            write(tmp)
        os.replace(tmp_name, final_path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def remove_partial_files(folder: Path, *, prefix: str, suffix: str) -> None:
    """An attempt killed mid-write (SIGKILL, OOM) leaves its temporary file behind; the next
    attempt of the same job removes it (only one attempt runs at a time)."""
    if folder.is_dir():
        for stale in folder.glob(f"{prefix}*{suffix}"):
            stale.unlink(missing_ok=True)


def job_enqueue(task_name: str, job_id: int, *, what: str) -> None:
    """Send the task registered as ``task_name`` for one job row, by name: a service never
    imports its app's tasks (the tasks import the services; each app registers its tasks
    when it is ready). If the broker is down the row keeps its status, the page says so
    and the stale-job sweep sends it again; the request itself is never lost."""
    try:
        current_app.tasks[task_name].delay(job_id)
    except Exception:  # kombu raises various errors when Redis is unreachable
        logger.exception("could not enqueue %s %s; it keeps its status", what, job_id)
