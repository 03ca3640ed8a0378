"""A demo clock: lay down records "in" a past fiscal year as if they had been typed then.

Reports count what stood at a period's end from simple-history's rows (their
``history_date``), ``created_at``, ``submitted_at``, ``reviewed_at``, ``ProposalEvent.at``
and the like. All of them take ``django.utils.timezone.now()``: inside ``clock_at(when)``
that returns ``when``, so the services, ``auto_now``/``auto_now_add`` fields and the
history rows all record the demo's past date. Used only by the demo seeders.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from unittest import mock

from django.utils import timezone


def moment(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    """``day`` at ``hour``:``minute`` local time, aware."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


@contextmanager
def clock_at(when: dt.datetime | dt.date):
    """Within the block, ``timezone.now()`` (and so ``timezone.localdate()``) is ``when``."""
    if not isinstance(when, dt.datetime):
        when = moment(when)
    with mock.patch.object(timezone, "now", lambda: when):
        yield when
