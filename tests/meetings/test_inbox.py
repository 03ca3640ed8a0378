"""The agency inbox: obstacles, the agency's action items and the meetings it is invited to."""

import datetime as dt

import pytest
from django.urls import reverse

from meetings import inbox
from meetings.choices import ActionStatus, MechanismCategory, MeetingKind
from meetings.models import ActionItem
from meetings.services import actions as action_services
from meetings.services import meetings as meeting_services
from meetings.services.mechanism import mechanism_member_add

from ..conftest import client_for
from .conftest import days

pytestmark = pytest.mark.django_db


@pytest.fixture
def lao_seat(mechanism, officer_d, world):
    return mechanism_member_add(
        mechanism=mechanism, by=officer_d, full_name="นายก อบต.เอ็กซ์", category=MechanismCategory.LAO,
        agency=world.lao, term_start=days(-400),
    )  # fmt: skip


def _call(officer_d, world, title, day):
    return meeting_services.meeting_call(
        by=officer_d, kind=MeetingKind.DISTRICT, title=title, date=days(day), district=world.district,
        agenda=[("ติดตามงาน", "")],
    )  # fmt: skip


def _held_with_actions(officer_d, world, title, dues):
    meeting = _call(officer_d, world, title, -30)
    meeting_services.meeting_mark_held(meeting=meeting, by=officer_d)
    meeting.refresh_from_db()
    resolution = action_services.resolution_add(agenda_item=meeting.agenda.get(), by=officer_d, text="มอบหมาย")
    items = [
        action_services.action_item_create(
            resolution=resolution, by=officer_d, title=f"งาน {n}", due_date=days(due), agency=world.lao
        )
        for n, due in enumerate(dues)
    ]
    return meeting, items


def _section(sections, key):
    return next(s for s in sections if s.key == key)


def test_actions_open_and_in_progress_overdue_first(lao_seat, officer_d, world, agency_officer):
    _, (late, soon, done, started) = _held_with_actions(officer_d, world, "ประชุม 1/2569", [-5, 20, -10, 3])
    ActionItem.objects.filter(pk=done.pk).update(status=ActionStatus.DONE)
    ActionItem.objects.filter(pk=started.pk).update(status=ActionStatus.IN_PROGRESS)
    section = _section(inbox.agency_inbox(user=agency_officer), "actions")
    assert [(e.title, e.overdue, e.status) for e in section.entries] == [
        ("งาน 0", True, "ยังไม่เริ่ม"), ("งาน 3", False, "กำลังดำเนินการ"), ("งาน 1", False, "ยังไม่เริ่ม"),
    ]  # fmt: skip
    assert section.entries[0].url == f"/meetings/actions/{late.pk}/"
    assert section.overdue_count == 1


def test_meetings_invited_upcoming_first_then_past_with_overdue_items(
    lao_seat, officer_d, world, agency_officer, client
):
    past, _ = _held_with_actions(officer_d, world, "ประชุม 1/2569", [-5, -1, 10])
    _held_with_actions(officer_d, world, "ประชุมไม่มีงานค้าง", [10])
    later = _call(officer_d, world, "ประชุม 3/2569", 30)
    sooner = _call(officer_d, world, "ประชุม 2/2569", 5)
    cancelled = _call(officer_d, world, "ประชุมที่ยกเลิก", 7)
    meeting_services.meeting_cancel(meeting=cancelled, by=officer_d, reason="น้ำท่วม")
    section = _section(inbox.agency_inbox(user=agency_officer), "meetings")
    assert [(e.title, e.overdue) for e in section.entries] == [
        ("ประชุม 2/2569", False), ("ประชุม 3/2569", False), ("ประชุม 1/2569", True),
    ]
    assert section.entries[2].subtitle.endswith("ข้อสั่งการจากการประชุมนี้เกินกำหนด 2 รายการ")
    # The invited agency's staff may open the meeting of another tambon's district office.
    for meeting in (sooner, later, past):
        assert client_for(client, agency_officer).get(reverse("meetings:meeting_detail", args=[meeting.pk])).status_code == 200


def test_meetings_without_the_agencys_seat_are_not_listed(mechanism, officer_d, world, agency_officer, client):
    meeting = _call(officer_d, world, "ประชุม 2/2569", 5)
    assert _section(inbox.agency_inbox(user=agency_officer), "meetings").entries == []
    assert client_for(client, agency_officer).get(reverse("meetings:meeting_detail", args=[meeting.pk])).status_code == 404


@pytest.mark.parametrize("count", [1, 5])
def test_inbox_query_count_is_fixed(
    client, lao_seat, officer_d, world, agency_officer, raise_obstacle, count, django_assert_max_num_queries
):
    for n in range(count):
        raise_obstacle(title=f"เรื่อง {n}")
        _held_with_actions(officer_d, world, f"ประชุม {n}", [-1, 5])
        _call(officer_d, world, f"นัดประชุม {n}", n + 1)
    client_for(client, agency_officer)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("meetings:agency_inbox"))
    sections = {s.key: s for s in response.context["sections"]}
    assert [len(sections[k].entries) for k in ("obstacles", "actions", "meetings")] == [count, 2 * count, 2 * count]
    assert sections["actions"].overdue_count == count


def test_today_is_the_local_date(lao_seat, officer_d, world, agency_officer):
    _held_with_actions(officer_d, world, "ประชุม 1/2569", [0])
    now = dt.datetime.combine(days(1), dt.time(1, 0)).astimezone()
    assert _section(inbox.agency_inbox(user=agency_officer, now=now), "actions").overdue_count == 1
