import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from meetings.choices import MeetingKind, MeetingStatus
from meetings.models import Meeting
from meetings.services import meetings as meeting_services

pytestmark = pytest.mark.django_db


def _publish(meeting, by):
    meeting = meeting_services.meeting_mark_held(meeting=meeting, by=by)
    meeting_services.minutes_save(meeting=meeting, by=by, minutes="<p>รับทราบ</p>")
    return meeting_services.meeting_publish_minutes(meeting=meeting, by=by)


@pytest.fixture
def meetings(world, staff_x, staff_y):
    timed = meeting_services.meeting_call(
        by=staff_x, kind=MeetingKind.COUNCIL, title="ประชุมสภาครั้งที่ 1/2569", date=dt.date(2025, 11, 20),
        start_time=dt.time(9, 30), end_time=dt.time(12, 0), place="ศาลาอเนกประสงค์", council=world.council_x,
    )
    all_day = meeting_services.meeting_call(
        by=staff_x, kind=MeetingKind.COUNCIL, title="เวทีประชาคม", date=dt.date(2025, 11, 21), council=world.council_x
    )
    meeting_services.meeting_call(  # not published: not in any feed
        by=staff_x, kind=MeetingKind.COUNCIL, title="ยังไม่เผยแพร่", date=dt.date(2025, 11, 22), council=world.council_x
    )
    other = meeting_services.meeting_call(
        by=staff_y, kind=MeetingKind.COUNCIL, title="ประชุมสภาข่วงเปา", date=dt.date(2025, 11, 23), council=world.council_y
    )
    return _publish(timed, staff_x), _publish(all_day, staff_x), _publish(other, staff_y)


def _events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = Calendar.from_ical(response.content)
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}, cal


def test_council_feed_public_meetings_in_bangkok_time(client, world, meetings):
    timed, all_day, _other = meetings
    events, cal = _events(client.get(reverse("meetings:council_feed", kwargs={"code": world.council_x.code})))
    assert sorted(events) == ["ประชุมสภาครั้งที่ 1/2569", "เวทีประชาคม"]
    event = events["ประชุมสภาครั้งที่ 1/2569"]
    start = event.decoded("dtstart")
    assert (start.isoformat(), str(start.tzinfo)) == ("2025-11-20T09:30:00+07:00", "Asia/Bangkok")
    assert event.decoded("dtend").isoformat() == "2025-11-20T12:00:00+07:00"
    assert str(event["uid"]) == f"meeting-{timed.pk}@meetings.tambon-council-portal"
    assert str(event["location"]) == "ศาลาอเนกประสงค์"
    assert str(event["url"]) == f"http://testserver/meetings/public/{timed.pk}/"
    assert b"DTSTART;TZID=Asia/Bangkok:20251120T093000" in client.get(
        reverse("meetings:council_feed", kwargs={"code": world.council_x.code})
    ).content
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Bangkok"]
    assert events["เวทีประชาคม"].decoded("dtstart") == dt.date(2025, 11, 21)


def test_district_feed_holds_its_councils_and_uids_are_stable(client, world, meetings, staff_x):
    url = reverse("meetings:district_feed", kwargs={"code": world.district.code})
    events, _cal = _events(client.get(url))
    assert sorted(events) == ["ประชุมสภาข่วงเปา", "ประชุมสภาครั้งที่ 1/2569", "เวทีประชาคม"]
    before = {name: str(e["uid"]) for name, e in events.items()}
    Meeting.objects.filter(pk=meetings[0].pk).update(title="ประชุมสภาครั้งที่ 1/2569 (แก้ไข)")
    events, _cal = _events(client.get(url))
    assert str(events["ประชุมสภาครั้งที่ 1/2569 (แก้ไข)"]["uid"]) == before["ประชุมสภาครั้งที่ 1/2569"]


def test_feed_of_unknown_area_is_404_and_other_district_empty(client, world, meetings):
    assert client.get(reverse("meetings:district_feed", kwargs={"code": "9999"})).status_code == 404
    events, _cal = _events(client.get(reverse("meetings:district_feed", kwargs={"code": world.other_district.code})))
    assert events == {}
    assert Meeting.objects.filter(status=MeetingStatus.PUBLISHED).count() == 3
