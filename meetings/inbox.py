"""The agency staff's home: one inbox gathering what waits for their agency.

Each source is a function ``(*, user, agency_ids, now) -> InboxSection``, registered in
``SOURCES``; the page shows every section in order: obstacles waiting for an answer, the
action items assigned to the agency (overdue first) and the meetings it is invited to
(upcoming first). Each source reads with one query, so the page's count stays fixed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.scoping import scope_for
from common.thai import thai_date
from plans.selectors import proposals as proposal_selectors

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


def actions_source(*, user, agency_ids, now) -> InboxSection:
    today = timezone.localdate(now)
    rows = selectors.open_actions_for_agencies(agency_ids=agency_ids)
    return InboxSection(
        key="actions",
        title=_("ข้อสั่งการที่หน่วยงานต้องดำเนินการ"),
        entries=[
            InboxEntry(
                title=a.title,
                url=reverse("meetings:action_detail", kwargs={"pk": a.pk}),
                subtitle=_("%(meeting)s · กำหนดเสร็จ %(due)s")
                % {"meeting": a.resolution.agenda_item.meeting.title, "due": thai_date(a.due_date)},
                status=a.get_status_display(),
                overdue=a.due_date < today,
            )
            for a in rows
        ],
    )


def meetings_source(*, user, agency_ids, now) -> InboxSection:
    today = timezone.localdate(now)
    rows = selectors.invited_meetings_for_agencies(agency_ids=agency_ids, today=today)
    entries = []
    for m in rows:
        subtitle = _("%(date)s · %(place)s") % {"date": thai_date(m.date), "place": m.place or m.get_kind_display()}
        if m.overdue_actions:
            subtitle += " · " + str(
                _("ข้อสั่งการจากการประชุมนี้เกินกำหนด %(n)s รายการ") % {"n": m.overdue_actions}
            )
        entries.append(
            InboxEntry(
                title=m.title,
                url=reverse("meetings:meeting_detail", kwargs={"pk": m.pk}),
                subtitle=subtitle,
                status=m.get_status_display(),
                overdue=bool(m.overdue_actions),
            )
        )
    return InboxSection(key="meetings", title=_("การประชุมที่หน่วยงานได้รับเชิญ"), entries=entries)


def proposals_source(*, user, agency_ids, now) -> InboxSection:
    """Subsidy proposals addressed to the agency that wait on it (plans)."""
    rows = proposal_selectors.proposals_waiting_for_agencies(agency_ids=agency_ids)
    return InboxSection(
        key="proposals",
        title=_("โครงการขอรับงบอุดหนุนที่รอหน่วยงานพิจารณา"),
        entries=[
            InboxEntry(
                title=p.title,
                url=reverse("plans:proposal_detail", kwargs={"pk": p.pk}),
                subtitle=_("%(council)s · %(theme)s · %(amount)s บาท · ปีงบประมาณ %(year)s")
                % {"council": p.council.name, "theme": p.theme.name_th, "amount": f"{p.amount_requested:,.2f}",
                   "year": p.considered_in_year or p.fiscal_year},  # fmt: skip
                status=p.get_status_display(),
                since=p.submitted_at,
            )
            for p in rows
        ],
    )


SOURCES: list[Callable[..., InboxSection]] = [obstacles_source, actions_source, meetings_source, proposals_source]


def agency_inbox(*, user, now=None) -> list[InboxSection]:
    agency_ids = scope_for(user).agency_ids
    now = now or timezone.now()
    return [source(user=user, agency_ids=agency_ids, now=now) for source in SOURCES]
