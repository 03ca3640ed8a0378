"""Files kept only as long as they are needed: an import's upload once the import is
finished, refused or abandoned, and an export's file, after JOB_FILE_RETENTION_DAYS (7).
The rows and their history stay; only the file goes, and the job row says so."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from common.jobs.choices import JobStatus

from ..models import ExportJob, ImportJob

logger = logging.getLogger(__name__)

# A job in one of these states no longer needs its file; WAITING counts once it is old:
# a preview nobody confirmed within the retention period is abandoned.
_SETTLED = (JobStatus.DONE, JobStatus.FAILED, JobStatus.WAITING)


def _expired(model, field: str, cutoff) -> list:
    """Settled jobs whose last activity is before ``cutoff`` and that still hold a file."""
    return list(
        model.objects.filter(status__in=_SETTLED)
        .filter(Q(finished_at__lt=cutoff) | Q(finished_at__isnull=True, requested_at__lt=cutoff))
        .exclude(**{field: ""})
        .only("pk", field)
    )


def job_files_sweep(*, now=None) -> dict[str, int]:
    """Delete the expired files; logs each removal (job id and file name, no content)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.JOB_FILE_RETENTION_DAYS)
    removed = {"imports": 0, "exports": 0}
    for key, model, field in (("imports", ImportJob, "file"), ("exports", ExportJob, "file")):
        for job in _expired(model, field, cutoff):
            stored = getattr(job, field)
            name = stored.name
            stored.delete(save=False)
            model.objects.filter(pk=job.pk).update(**{field: ""})
            removed[key] += 1
            logger.info("retention: removed %s of %s job %s", name, key[:-1], job.pk)
    return removed
