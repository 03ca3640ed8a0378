"""Overdue obstacles onto the district mechanism's agenda.

An obstacle left unanswered (raised) past OBSTACLE_ANSWER_DAYS becomes an agenda item of
its district's next planned mechanism meeting, once: the daily sweep adds it when such a
meeting is planned, and calling a mechanism meeting picks up the district's overdue
obstacles not yet on an agenda. An obstacle put on a meeting later cancelled goes onto
the next one. No one's permission is asked: this is the system following up.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.thai import thai_date, thai_truncate

from .. import selectors
from ..choices import MeetingKind, MeetingStatus
from ..models import AgendaItem, Meeting, Obstacle


def _agenda_item_for(obstacle: Obstacle, *, order: int, meeting: Meeting) -> AgendaItem:
    title = _("ติดตามข้อติดขัดที่ยังไม่ได้รับคำตอบ: %(title)s") % {"title": obstacle.title}
    detail = _("%(council)s แจ้ง%(agency)s เมื่อ %(date)s ยังไม่ได้รับคำตอบเกินกำหนด\n%(detail)s") % {
        "council": obstacle.council.name,
        "agency": obstacle.agency.name,
        "date": thai_date(obstacle.created_at),
        "detail": obstacle.detail,
    }
    return AgendaItem(meeting=meeting, order=order, title=thai_truncate(title, 255), detail=detail, obstacle=obstacle)


def _append(*, meeting: Meeting, obstacles: list[Obstacle]) -> int:
    """Add the obstacles after the meeting's last agenda item (the meeting row locked, so
    two writers cannot take the same number)."""
    if not obstacles:
        return 0
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    last = meeting.agenda.order_by("-order").values_list("order", flat=True).first() or 0
    for n, obstacle in enumerate(obstacles, start=1):
        _agenda_item_for(obstacle, order=last + n, meeting=meeting).save()
    return len(obstacles)


def _off_agenda(*, district, now, lock: bool) -> list[Obstacle]:
    qs = selectors.overdue_obstacles_off_agenda(now=now, district=district).select_related("council", "agency")
    if lock:  # the sweep and a meeting being called may race: the second waits, then skips
        qs = qs.select_for_update(of=("self",))
    return list(qs)


@transaction.atomic
def overdue_obstacles_onto_meeting(*, meeting: Meeting, now=None) -> int:
    """Put the district's overdue obstacles not yet on an agenda onto ``meeting`` (a
    planned mechanism meeting). Returns how many were added."""
    if meeting.kind != MeetingKind.DISTRICT or meeting.status != MeetingStatus.PLANNED or meeting.district_id is None:
        return 0
    now = now or timezone.now()
    if meeting.date < timezone.localdate(now):
        return 0
    obstacles = _off_agenda(district=meeting.district, now=now, lock=True)
    # Locked rows read again: another transaction may have put one on an agenda meanwhile.
    still_off = set(
        selectors.overdue_obstacles_off_agenda(now=now, district=meeting.district)
        .filter(pk__in=[o.pk for o in obstacles])
        .values_list("pk", flat=True)
    )
    return _append(meeting=meeting, obstacles=[o for o in obstacles if o.pk in still_off])


def overdue_obstacles_onto_agendas(*, now=None) -> int:
    """The sweep: for each district with overdue obstacles off the agenda and a planned
    mechanism meeting, put them on that meeting. Returns how many were added."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    district_ids = set(
        selectors.overdue_obstacles_off_agenda(now=now).values_list("council__subdistrict__district_id", flat=True)
    )
    added = 0
    for district_id in sorted(district_ids):
        meeting = selectors.next_mechanism_meeting(district=district_id, today=today)
        if meeting is not None:
            added += overdue_obstacles_onto_meeting(meeting=meeting, now=now)
    return added
