"""Council-meeting activities become Meetings (migration 0007), and a council's dashboard
counts its meetings from the meetings app."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from common.thai import fiscal_year_of
from councils.choices import ActivityKind
from councils.selectors.councils import council_dashboard
from meetings.choices import MeetingKind, MeetingStatus
from meetings.models import Meeting
from meetings.selectors import council_meetings_held
from meetings.services import meetings as meeting_services
from tests.factories import ActivityFactory

from .conftest import days

pytestmark = pytest.mark.django_db

migration = importlib.import_module("meetings.migrations.0007_council_meetings_from_activities")


def test_each_council_meeting_activity_becomes_one_meeting_idempotently(world):
    activities = [ActivityFactory(council=world.council_x, kind=ActivityKind.COUNCIL_MEETING) for _ in range(3)]
    activities.append(ActivityFactory(council=world.council_z, kind=ActivityKind.COUNCIL_MEETING))
    ActivityFactory(council=world.council_x, kind=ActivityKind.FORUM)  # not a council meeting
    migration.meetings_from_activities(apps, None)
    migration.meetings_from_activities(apps, None)  # again: nothing more
    meetings = Meeting.objects.order_by("source_activity_id")
    assert meetings.count() == len(activities) == 4
    first = meetings.first()
    a = activities[0]
    assert (first.kind, first.title, first.date, first.council, first.district, first.status) == (
        MeetingKind.COUNCIL, a.title, a.date, world.council_x, world.district, MeetingStatus.HELD,
    )
    from councils.models import Activity

    assert Activity.objects.filter(kind=ActivityKind.COUNCIL_MEETING).count() == 4  # the activities stay
    ActivityFactory(council=world.council_x, kind=ActivityKind.COUNCIL_MEETING)
    migration.meetings_from_activities(apps, None)
    assert Meeting.objects.count() == 5
    migration.unlink(apps, None)
    assert Meeting.objects.count() == 0


def test_dashboard_counts_meetings_once(world, staff_x, client):
    fy = fiscal_year_of(dt.date.today())
    ActivityFactory(council=world.council_x, kind=ActivityKind.COUNCIL_MEETING, date=days(-5))
    migration.meetings_from_activities(apps, None)  # that activity is now a meeting: counted once
    ActivityFactory(council=world.council_x, kind=ActivityKind.COUNCIL_MEETING, date=days(-4))  # logged later
    held = meeting_services.meeting_call(
        by=staff_x, kind=MeetingKind.COUNCIL, title="ประชุมสภา", date=days(-1), council=world.council_x
    )
    meeting_services.meeting_mark_held(meeting=held, by=staff_x)
    meeting_services.meeting_call(  # planned, not held: not counted
        by=staff_x, kind=MeetingKind.COUNCIL, title="นัดประชุม", date=days(1), council=world.council_x
    )
    assert council_dashboard(council=world.council_x, fiscal_year=fy)["meetings_this_year"] == 3
    assert council_meetings_held(council=world.council_x, fiscal_year=fy) == 3
    assert council_dashboard(council=world.council_y, fiscal_year=fy)["meetings_this_year"] == 0
    client.force_login(staff_x)
    page = client.get(reverse("councils:council_dashboard", kwargs={"code": world.council_x.code}))
    assert page.context["figures"]["meetings_this_year"] == 3
