"""The agency staff's home: one inbox gathering what waits for their agency.

Each source is a function ``(*, user, agency_ids, now) -> InboxSection``, registered in
``SOURCES``; the page shows every section in order. Obstacles are the first source;
action items and meeting invitations plug in the same way when the meetings part lands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.scoping import scope_for

from . import selectors
from .choices import OBSTACLE_OPEN, ObstacleStatus


@dataclass
class InboxEntry:
    title: str
    url: str
    subtitle: str = ""
    status: str = ""
    since: dt.datetime | None = None
    overdue: bool = False


@dataclass
class InboxSection:
    key: str
    title: str
    entries: list[InboxEntry] = field(default_factory=list)

    @property
    def overdue_count(self) -> int:
        return sum(1 for entry in self.entries if entry.overdue)


def obstacles_source(*, user, agency_ids, now) -> InboxSection:
    before = selectors.overdue_before(now)
    rows = selectors.obstacles_for_agencies(agency_ids=agency_ids).filter(status__in=OBSTACLE_OPEN)
    return InboxSection(
        key="obstacles",
        title=_("ข้อติดขัดที่รอหน่วยงานตอบ"),
        entries=[
            InboxEntry(
                title=o.title,
                url=reverse("meetings:obstacle_detail", kwargs={"pk": o.pk}),
                subtitle=f"{o.council.name} · {o.theme.name_th}",
                status=o.get_status_display(),
                since=o.created_at,
                overdue=o.status == ObstacleStatus.RAISED and o.created_at < before,
            )
            for o in rows
        ],
    )


SOURCES: list[Callable[..., InboxSection]] = [obstacles_source]


def agency_inbox(*, user, now=None) -> list[InboxSection]:
    agency_ids = scope_for(user).agency_ids
    now = now or timezone.now()
    return [source(user=user, agency_ids=agency_ids, now=now) for source in SOURCES]
