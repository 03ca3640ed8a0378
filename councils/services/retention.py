"""Files kept only as long as they are needed: an import's upload once the import is
finished, refused or abandoned, and an export's file, after JOB_FILE_RETENTION_DAYS (7).
An upload holding national ID numbers goes at once when its import finishes or is refused
(``import_file_discard``, called by the import services), and the sweep removes any such
file still there (a preview nobody confirmed within IMPORT_NATIONAL_ID_HOLD_HOURS, or a
job that ended without reaching the services' own clean-up).
The rows and their history stay; only the file goes (with the list of the check's problems
kept for the bad-rows file), and the job row says so.

The same daily sweep removes the print copies of photos made for PDFs
(MEDIA_ROOT/pdf-images/, ``common.thaipdf.copies``) that no PDF used for
REPORT_PHOTO_COPY_RETENTION_DAYS, and the partial files a worker left there."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from common.jobs.choices import JobStatus
from common.thaipdf import copies as print_copies

from ..imports import staging
from ..models import ExportJob, ImportJob

logger = logging.getLogger(__name__)

# A job in one of these states no longer needs its file; WAITING counts once it is old:
# a preview nobody confirmed within the retention period is abandoned.
_SETTLED = (JobStatus.DONE, JobStatus.FAILED, JobStatus.WAITING)
_ENDED = (JobStatus.DONE, JobStatus.FAILED)


def _last_activity_before(cutoff) -> Q:
    return Q(finished_at__lt=cutoff) | Q(finished_at__isnull=True, requested_at__lt=cutoff)


def _expired(model, field: str, cutoff) -> list:
    """Settled jobs whose last activity is before ``cutoff`` and that still hold a file."""
    return list(
        model.objects.filter(status__in=_SETTLED).filter(_last_activity_before(cutoff)).exclude(**{field: ""})
        .only("pk", field)
    )


def _national_id_files(now) -> list[ImportJob]:
    """Uploads with national ID numbers whose import is over, or left at the preview."""
    hold = now - timedelta(hours=settings.IMPORT_NATIONAL_ID_HOLD_HOURS)
    return list(
        ImportJob.objects.filter(holds_national_ids=True)
        .filter(Q(status__in=_ENDED) | (Q(status=JobStatus.WAITING) & _last_activity_before(hold)))
        .exclude(file="")
        .only("pk", "file")
    )


def import_file_discard(*, job: ImportJob, why: str) -> bool:
    """Delete an import's upload and the problems kept for its bad-rows file, now; log
    what went (job id, stored name, why: never the content). False if already gone."""
    staging.discard_problems(job.pk)
    name = job.file.name
    if not name:
        return False
    job.file.delete(save=False)
    ImportJob.objects.filter(pk=job.pk).update(file="")
    logger.info("retention: removed %s of import job %s (%s)", name, job.pk, why)
    return True


def job_files_sweep(*, now=None) -> dict[str, int]:
    """Delete the expired files; logs each removal (job id and file name, no content)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.JOB_FILE_RETENTION_DAYS)
    removed = {"imports": 0, "exports": 0}
    for job in _national_id_files(now):
        removed["imports"] += import_file_discard(job=job, why="holds national ID numbers")
    for job in _expired(ImportJob, "file", cutoff):
        removed["imports"] += import_file_discard(job=job, why="past retention")
    for job in _expired(ExportJob, "file", cutoff):
        name = job.file.name
        job.file.delete(save=False)
        ExportJob.objects.filter(pk=job.pk).update(file="")
        removed["exports"] += 1
        logger.info("retention: removed %s of export job %s", name, job.pk)
    return removed


def print_copies_sweep(*, now: float | None = None) -> dict[str, int]:
    """Remove the PDF print copies unused for REPORT_PHOTO_COPY_RETENTION_DAYS and leftover
    partial files (``common.thaipdf.copies.sweep``). ``now``: a Unix time."""
    return print_copies.sweep(keep_days=settings.REPORT_PHOTO_COPY_RETENTION_DAYS, now=now)
