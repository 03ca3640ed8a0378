"""Lessons: the service, its refusals, the rules and the form page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from meetings import permissions
from meetings.choices import MeetingKind
from meetings.models import Lesson
from meetings.services.lessons import lesson_write
from meetings.services.meetings import meeting_call

from ..conftest import client_for
from ..factories import ActivityFactory
from .conftest import days


@pytest.fixture
def activity(world):
    return ActivityFactory(council=world.council_x, title="เวทีเยาวชน")


def write(by, **overrides):
    kwargs = {"what_worked": "ชวนเยาวชนร่วมเวที", "what_did_not": "นัดช่วงเก็บเกี่ยว"}
    kwargs.update(overrides)
    return lesson_write(by=by, **kwargs)


def test_staff_write_a_lesson_on_their_activity(staff_x, activity, theme):
    lesson = write(staff_x, activity=activity, theme=theme, is_published=True)
    assert (lesson.council, lesson.activity, lesson.meeting) == (activity.council, activity, None)
    assert (lesson.what_worked, lesson.theme, lesson.is_published, lesson.created_by) == (
        "ชวนเยาวชนร่วมเวที", theme, True, staff_x
    )
    assert lesson.history.count() == 1


def test_staff_write_a_lesson_on_their_council_meeting(staff_x, world):
    meeting = meeting_call(by=staff_x, kind=MeetingKind.COUNCIL, title="ประชุมสภา", date=days(-1), council=world.council_x)
    lesson = write(staff_x, meeting=meeting)
    assert (lesson.council, lesson.meeting, lesson.is_published) == (world.council_x, meeting, False)


@pytest.mark.parametrize("persona", ["staff_y", "officer_d", "codi_staff", "agency_officer"])
def test_only_the_councils_own_staff_write(persona, request, activity):
    with pytest.raises(PermissionDenied, match="เฉพาะเจ้าหน้าที่ของสภานี้เท่านั้นที่เขียนบทเรียนของสภาได้"):
        write(request.getfixturevalue(persona), activity=activity)
    assert Lesson.objects.count() == 0


def test_a_district_meeting_takes_no_lesson(staff_x, past_meeting):
    with pytest.raises(ValidationError, match="เฉพาะการประชุมของสภาองค์กรชุมชนตำบล"):
        write(staff_x, meeting=past_meeting)
    assert Lesson.objects.count() == 0


def test_one_source_exactly(staff_x, activity):
    with pytest.raises(ValidationError, match="กิจกรรมหรือการประชุมอย่างใดอย่างหนึ่ง"):
        write(staff_x)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("what_worked", "  ", "กรุณากรอกข้อมูลช่องนี้"), ("what_did_not", "ก" * 1001, "ยาวได้ไม่เกิน 1000 ตัวอักษร")],
)
def test_bad_text_is_refused_and_nothing_written(staff_x, activity, field, value, message):
    with pytest.raises(ValidationError) as error:
        write(staff_x, activity=activity, **{field: value})
    assert error.value.message_dict == {field: [message]}
    assert Lesson.objects.count() == 0


def test_who_reads_a_lesson(staff_x, staff_y, officer_d, officer_e, plain_user, activity, world):
    from django.contrib.auth.models import AnonymousUser

    lesson = write(staff_x, activity=activity)
    assert permissions.can_view_lesson(user=staff_x, lesson=lesson)
    assert permissions.can_view_lesson(user=officer_d, lesson=lesson)
    assert not permissions.can_view_lesson(user=staff_y, lesson=lesson)
    assert not permissions.can_view_lesson(user=officer_e, lesson=lesson)
    assert not permissions.can_view_lesson(user=AnonymousUser(), lesson=lesson)
    lesson.is_published = True
    assert permissions.can_view_lesson(user=AnonymousUser(), lesson=lesson)
    world.council_x.is_published = False
    assert not permissions.can_view_lesson(user=plain_user, lesson=lesson)


def test_the_form_page_writes_and_lists(client, staff_x, activity, theme):
    url = reverse("meetings:lesson_activity", kwargs={"pk": activity.pk})
    response = client_for(client, staff_x).post(
        url, {"what_worked": "ได้ผล", "what_did_not": "ไม่ได้ผล", "theme": theme.pk, "is_published": "on"}
    )
    assert response.status_code == 302 and response["Location"] == url
    lesson = Lesson.objects.get()
    assert (lesson.activity, lesson.theme, lesson.is_published) == (activity, theme, True)
    page = client.get(url).content.decode()
    assert "ได้ผล" in page and "เผยแพร่แล้ว" in page


def test_the_form_page_shows_a_thai_error_and_writes_nothing(client, staff_x, activity):
    url = reverse("meetings:lesson_activity", kwargs={"pk": activity.pk})
    response = client_for(client, staff_x).post(url, {"what_worked": "ได้ผล", "what_did_not": ""})
    assert response.status_code == 200
    assert "กรุณาเขียนสิ่งที่ไม่ได้ผล" in response.content.decode()
    assert Lesson.objects.count() == 0


def test_another_councils_staff_get_404_and_the_officer_403(client, staff_y, officer_d, activity):
    url = reverse("meetings:lesson_activity", kwargs={"pk": activity.pk})
    assert client_for(client, staff_y).get(url).status_code == 404
    response = client_for(client, officer_d).post(url, {"what_worked": "ก", "what_did_not": "ข"})
    assert response.status_code == 403
    assert Lesson.objects.count() == 0
