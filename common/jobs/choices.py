"""The status every job row goes through, and which moves between them are legal.

    QUEUED ──► RUNNING ──► DONE
      │          │ ▲ └───► WAITING ──► QUEUED   (an import waits for the user to confirm)
      │          │ └─ RUNNING                    (a re-delivered message takes the row over)
      │          └──► QUEUED                     (the stale-job sweep re-sends it)
      └──────────┴──► FAILED  ◄── WAITING

DONE and FAILED are final: asking again makes a new row.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("รอคิว")
    RUNNING = "running", _("กำลังดำเนินการ")
    WAITING = "waiting", _("รอยืนยัน")
    DONE = "done", _("เสร็จแล้ว")
    FAILED = "failed", _("ล้มเหลว")


# A job in one of these states still has a worker's attention (or waits for one).
ACTIVE_STATUSES = (JobStatus.QUEUED, JobStatus.RUNNING)
FINISHED_STATUSES = (JobStatus.DONE, JobStatus.FAILED)

TRANSITIONS: dict[str, frozenset[str]] = {
    JobStatus.QUEUED: frozenset({JobStatus.RUNNING, JobStatus.FAILED}),
    JobStatus.RUNNING: frozenset(
        {JobStatus.RUNNING, JobStatus.QUEUED, JobStatus.WAITING, JobStatus.DONE, JobStatus.FAILED}
    ),
    JobStatus.WAITING: frozenset({JobStatus.QUEUED, JobStatus.FAILED}),
    JobStatus.DONE: frozenset(),
    JobStatus.FAILED: frozenset(),
}


def sources_of(target: str) -> tuple[str, ...]:
    """The states a job may be in to move to ``target`` (for conditional bulk updates)."""
    return tuple(status for status, targets in TRANSITIONS.items() if target in targets)
