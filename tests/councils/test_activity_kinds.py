"""A council meeting is recorded as a Meeting, not as an activity: the kind is not offered
for new activities (form, API, service); activities logged with it before keep it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from common.thai import format_date
from councils.choices import ActivityKind
from councils.models import Activity
from councils.services import activities as activity_services

from ..factories import ActivityFactory

pytestmark = pytest.mark.django_db

NEW = "/councils/500203/activities/new/"
MESSAGE = "บันทึกการประชุมสภาที่หน้า “การประชุมของสภา” แทนการบันทึกเป็นกิจกรรม"
YESTERDAY = dt.date.today() - dt.timedelta(days=1)


def _form(**overrides):
    return {"date": format_date(YESTERDAY), "kind": "forum", "title": "เวทีประชาคม", "participants": "20", **overrides}


def _kinds(response):
    return [value for value, _ in response.context["form"].fields["kind"].choices]


def test_the_new_activity_form_does_not_offer_council_meeting_and_points_to_meetings(client, staff_x):
    client.force_login(staff_x)
    response = client.get(NEW)
    assert _kinds(response) == ["", "forum", "project", "training", "anti_corruption", "election_support",
                                "learning_exchange", "other"]  # fmt: skip
    assert str(response.context["form"].fields["kind"].help_text) == (
        'การประชุมสภาไม่ต้องบันทึกเป็นกิจกรรม ให้บันทึกที่ <a href="/meetings/council/500203/">หน้าการประชุมของสภา</a>'
    )
    assert '<a href="/meetings/council/500203/">หน้าการประชุมของสภา</a>' in response.content.decode()


def test_posting_council_meeting_to_the_form_is_refused_and_writes_nothing(client, staff_x):
    client.force_login(staff_x)
    response = client.post(NEW, _form(kind="council_meeting"))
    assert response.status_code == 200
    assert response.context["form"].errors["kind"] == ["ประเภทกิจกรรมไม่ถูกต้อง"]
    assert Activity.objects.count() == 0


def test_an_old_council_meeting_activity_keeps_its_kind_when_edited(client, world, staff_x):
    old = ActivityFactory(council=world.council_x, kind=ActivityKind.COUNCIL_MEETING, date=YESTERDAY)
    client.force_login(staff_x)
    url = f"/councils/500203/activities/{old.pk}/edit/"
    assert "council_meeting" in _kinds(client.get(url))
    response = client.post(url, _form(kind="council_meeting", title="ประชุมสภา ครั้งที่ 1"))
    assert response.status_code == 302
    old.refresh_from_db()
    assert (old.kind, old.title) == ("council_meeting", "ประชุมสภา ครั้งที่ 1")


def test_another_activity_cannot_become_a_council_meeting(client, world, staff_x):
    forum = ActivityFactory(council=world.council_x, kind=ActivityKind.FORUM, date=YESTERDAY)
    client.force_login(staff_x)
    url = f"/councils/500203/activities/{forum.pk}/edit/"
    assert "council_meeting" not in _kinds(client.get(url))
    with pytest.raises(ValidationError) as error:
        activity_services.activity_update(activity=forum, by=staff_x, kind=ActivityKind.COUNCIL_MEETING)
    assert error.value.message_dict == {"kind": [MESSAGE]}
    forum.refresh_from_db()
    assert forum.kind == "forum"


def test_the_service_refuses_a_new_council_meeting_activity(world, staff_x):
    with pytest.raises(ValidationError) as error:
        activity_services.activity_log(
            council=world.council_x, by=staff_x, date=YESTERDAY, kind=ActivityKind.COUNCIL_MEETING, title="ประชุมสภา"
        )
    assert error.value.message_dict == {"kind": [MESSAGE]}
    assert Activity.objects.count() == 0


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_api_refuses_a_new_council_meeting_and_keeps_an_old_one(world, staff_x):
    body = {"council": "500203", "date": YESTERDAY.isoformat(), "kind": "council_meeting", "title": "ประชุมสภา"}
    response = _api(staff_x).post("/api/v1/activities/", body, format="json")
    assert response.status_code == 400
    assert response.json()["kind"] == [MESSAGE]
    assert Activity.objects.count() == 0
    old = ActivityFactory(council=world.council_x, kind=ActivityKind.COUNCIL_MEETING, date=YESTERDAY)
    response = _api(staff_x).patch(f"/api/v1/activities/{old.pk}/", {"kind": "council_meeting", "title": "แก้ชื่อ"}, format="json")
    assert response.status_code == 200, response.content
    forum = ActivityFactory(council=world.council_x, kind=ActivityKind.FORUM, date=YESTERDAY)
    response = _api(staff_x).patch(f"/api/v1/activities/{forum.pk}/", {"kind": "council_meeting"}, format="json")
    assert response.status_code == 400
    assert response.json()["kind"] == [MESSAGE]
