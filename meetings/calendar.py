"""Meetings as an iCalendar (RFC 5545) feed that calendar apps can subscribe to."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar, Event

BANGKOK = ZoneInfo("Asia/Bangkok")
UID_DOMAIN = "meetings.tambon-council-portal"


def meeting_uid(meeting) -> str:
    """Stable for the life of the meeting: its id, never its title or date."""
    return f"meeting-{meeting.pk}@{UID_DOMAIN}"


def meetings_calendar(*, name: str, meetings, base_url: str = "") -> bytes:
    """``base_url`` (scheme and host) makes each event's link absolute."""
    cal = Calendar()
    cal.add("prodid", "-//Tambon Council Portal//Meetings//TH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        event = Event()
        event.add("uid", meeting_uid(meeting))
        event.add("summary", meeting.title)
        if meeting.start_time:
            start = dt.datetime.combine(meeting.date, meeting.start_time, tzinfo=BANGKOK)
            end_time = meeting.end_time or (dt.datetime.combine(meeting.date, meeting.start_time) + dt.timedelta(hours=2)).time()
            event.add("dtstart", start)
            event.add("dtend", dt.datetime.combine(meeting.date, end_time, tzinfo=BANGKOK))
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + dt.timedelta(days=1))
        event.add("dtstamp", meeting.updated_at)
        event.add("last-modified", meeting.updated_at)
        if meeting.place:
            event.add("location", meeting.place)
        event.add("description", meeting.get_kind_display())
        event.add("url", base_url + reverse("meetings:public_detail", kwargs={"pk": meeting.pk}))
        cal.add_component(event)
    if any(m.start_time for m in meetings):
        cal.add_missing_timezones()
    return cal.to_ical()
