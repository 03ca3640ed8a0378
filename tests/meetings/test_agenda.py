"""Overdue obstacles go onto the district mechanism's next planned meeting, once."""

import datetime as dt

import pytest
from django.utils import timezone

from meetings.choices import MeetingKind
from meetings.models import AgendaItem, Obstacle
from meetings.services import agenda
from meetings.services import meetings as meeting_services
from meetings.services import obstacles as obstacle_services

from .conftest import days

pytestmark = pytest.mark.django_db


@pytest.fixture
def late(raise_obstacle, settings):
    settings.OBSTACLE_ANSWER_DAYS = 15

    def make(title, age=16):
        obstacle = raise_obstacle(title=title)
        Obstacle.objects.filter(pk=obstacle.pk).update(created_at=timezone.now() - dt.timedelta(days=age))
        return obstacle

    return make


def _call(officer_d, world, title, day, kind=MeetingKind.DISTRICT):
    return meeting_services.meeting_call(
        by=officer_d, kind=kind, title=title, date=days(day), district=world.district, agenda=[("เรื่องแจ้ง", "")]
    )


def _agenda(meeting):
    return list(meeting.agenda.order_by("order").values_list("order", "title", "obstacle_id"))


def test_sweep_puts_overdue_obstacles_on_the_next_planned_meeting_once(late, mechanism, officer_d, world):
    later = _call(officer_d, world, "ประชุม 3/2569", 20)
    sooner = _call(officer_d, world, "ประชุม 2/2569", 5)
    _call(officer_d, world, "เวที", 1, kind=MeetingKind.FORUM)
    old = late("ถนนขาด", age=30)
    newer = late("น้ำไม่ไหล")
    late("ยังไม่เกิน", age=3)
    assert obstacle_services.obstacles_mark_overdue() == 2
    assert _agenda(sooner) == [
        (1, "เรื่องแจ้ง", None),
        (2, "ติดตามข้อติดขัดที่ยังไม่ได้รับคำตอบ: ถนนขาด", old.pk),
        (3, "ติดตามข้อติดขัดที่ยังไม่ได้รับคำตอบ: น้ำไม่ไหล", newer.pk),
    ]
    item = sooner.agenda.get(order=2)
    assert item.detail.startswith(f"{world.council_x.name} แจ้ง{world.lao.name} เมื่อ ")
    assert item.detail.endswith("ยังไม่ได้รับคำตอบเกินกำหนด\nฝนตกหนัก ถนนเข้าหมู่บ้านขาด")
    assert _agenda(later) == [(1, "เรื่องแจ้ง", None)]
    # A second sweep adds nothing, and neither does calling another meeting.
    assert obstacle_services.obstacles_mark_overdue() == 0
    assert agenda.overdue_obstacles_onto_agendas() == 0
    assert _agenda(_call(officer_d, world, "ประชุม 4/2569", 40)) == [(1, "เรื่องแจ้ง", None)]
    assert AgendaItem.objects.filter(obstacle__isnull=False).count() == 2


def test_without_a_planned_meeting_the_next_called_meeting_takes_them(late, mechanism, officer_d, world):
    _call(officer_d, world, "ประชุมที่ผ่านมา", -3)
    old = late("ถนนขาด")
    assert obstacle_services.obstacles_mark_overdue() == 1
    assert AgendaItem.objects.filter(obstacle__isnull=False).count() == 0
    meeting = _call(officer_d, world, "ประชุม 2/2569", 7)
    assert _agenda(meeting) == [(1, "เรื่องแจ้ง", None), (2, "ติดตามข้อติดขัดที่ยังไม่ได้รับคำตอบ: ถนนขาด", old.pk)]
    assert agenda.overdue_obstacles_onto_agendas() == 0


def test_recording_a_past_meeting_takes_nothing(late, mechanism, officer_d, world):
    late("ถนนขาด")
    assert _agenda(_call(officer_d, world, "ประชุมที่ผ่านมา", -3)) == [(1, "เรื่องแจ้ง", None)]


def test_answered_or_other_districts_obstacles_stay_off(late, mechanism, officer_d, world, agency_officer):
    answered = late("ตอบแล้ว")
    obstacle_services.obstacle_receive(obstacle_id=answered.pk, by=agency_officer)
    elsewhere = late("ของอำเภออื่น")
    Obstacle.objects.filter(pk=elsewhere.pk).update(council=world.council_z)
    meeting = _call(officer_d, world, "ประชุม 2/2569", 7)
    assert _agenda(meeting) == [(1, "เรื่องแจ้ง", None)]


def test_a_cancelled_meetings_obstacle_goes_onto_the_next_one(late, mechanism, officer_d, world):
    first = _call(officer_d, world, "ประชุม 2/2569", 5)
    old = late("ถนนขาด")
    assert agenda.overdue_obstacles_onto_agendas() == 1
    meeting_services.meeting_cancel(meeting=first, by=officer_d, reason="น้ำท่วม")
    second = _call(officer_d, world, "ประชุม 3/2569", 12)
    assert _agenda(second)[-1] == (2, "ติดตามข้อติดขัดที่ยังไม่ได้รับคำตอบ: ถนนขาด", old.pk)
