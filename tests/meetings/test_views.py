import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from common.thai import format_date
from meetings.choices import AttendanceStatus, MeetingKind, MeetingStatus
from meetings.models import Attendance, Meeting, MeetingAttachment
from meetings.services import meetings as meeting_services
from tests.conftest import client_for

from .conftest import days

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_officer_calls_a_meeting_with_the_standard_agenda(client, world, mechanism, officer_d):
    client_for(client, officer_d)
    url = reverse("meetings:district_meeting_create", kwargs={"code": world.district.code})
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"].fields["agenda"].initial.splitlines()[0] == "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"
    response = client.post(url, {
        "kind": "district", "title": "ประชุมกลไก 3/2569", "date": format_date(days(7)), "start_time": "09:30",
        "end_time": "12:00", "place": "ห้องประชุมอำเภอ", "agenda": "เรื่องแจ้ง\n\nเรื่องพิจารณา\n",
    })
    meeting = Meeting.objects.get(title="ประชุมกลไก 3/2569")
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert list(meeting.agenda.values_list("order", "title")) == [(1, "เรื่องแจ้ง"), (2, "เรื่องพิจารณา")]
    assert meeting.invitations.count() == 4


def test_call_refused_shows_thai_and_writes_nothing(client, world, mechanism, officer_d):
    client_for(client, officer_d)
    url = reverse("meetings:district_meeting_create", kwargs={"code": world.district.code})
    response = client.post(url, {"kind": "forum", "title": "เวที", "date": format_date(days(1)), "start_time": "13:00",
                                 "end_time": "09:00"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"end_time": ["เวลาเลิกประชุมต้องหลังเวลาเริ่มประชุม"]}
    assert Meeting.objects.count() == 0


def test_attendance_in_the_future_refused_on_the_page(client, future_meeting, officer_d):
    client_for(client, officer_d)
    url = reverse("meetings:attendance", kwargs={"pk": future_meeting.pk})
    data = {f"status_{i.member_id}": "present" for i in future_meeting.invitations.all()}
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["ยังไม่ถึงวันประชุม บันทึกผู้มาประชุมล่วงหน้าไม่ได้"]
    assert Attendance.objects.count() == 0


def test_attendance_page_records_and_shows_quorum(client, past_meeting, officer_d):
    client_for(client, officer_d)
    members = [i.member for i in past_meeting.invitations.order_by("member__full_name")]
    data = {f"status_{m.pk}": "absent" for m in members}
    data[f"status_{members[0].pk}"] = "present"
    data[f"status_{members[1].pk}"] = "represented"
    data[f"proxy_{members[1].pk}"] = "นายรอง แทน"
    data[f"status_{members[2].pk}"] = "present"
    data["guests"] = "นายแขก รับเชิญ | พช.อำเภอ\n"
    response = client.post(reverse("meetings:attendance", kwargs={"pk": past_meeting.pk}), data)
    assert response.status_code == 302
    assert Attendance.objects.filter(meeting=past_meeting, status=AttendanceStatus.GUEST).get().position == "พช.อำเภอ"
    page = client.get(past_meeting.get_absolute_url())
    assert page.context["attendance"]["has_quorum"] is True
    assert "มาประชุม 3 จาก 4 คน (ครบองค์ประชุมเมื่อมาอย่างน้อย 3 คน)" in page.content.decode()


def test_minutes_with_script_are_stripped_and_the_page_says_so(client, past_meeting, officer_d):
    meeting_services.meeting_mark_held(meeting=past_meeting, by=officer_d)
    client_for(client, officer_d)
    response = client.post(
        reverse("meetings:minutes", kwargs={"pk": past_meeting.pk}),
        {"minutes": "<p>รับทราบ</p><script>alert('x')</script>", "recorder": "ปลัด", "checker": "นายอำเภอ"},
        follow=True,
    )
    assert _messages(response) == [
        "ระบบได้ตัดสคริปต์ สไตล์ หรือคำสั่งที่ไม่ปลอดภัยออกจากรายงานการประชุมแล้ว กรุณาตรวจสอบข้อความที่บันทึก",
        "บันทึกรายงานการประชุมแล้ว",
    ]
    past_meeting.refresh_from_db()
    assert past_meeting.minutes == "<p>รับทราบ</p>"
    assert "alert" not in response.content.decode()


def test_disguised_upload_refused_on_the_page(client, past_meeting, officer_d):
    client_for(client, officer_d)
    exe = SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 64)
    response = client.post(reverse("meetings:attachment_add", kwargs={"pk": past_meeting.pk}), {"file": exe}, follow=True)
    assert _messages(response) == [
        "ไฟล์ “report.pdf” ไม่ใช่ไฟล์ PDF หรือภาพ (PNG, JPEG, WebP, GIF) ตามที่ชื่อไฟล์ระบุ ระบบรับเฉพาะ PDF และภาพ"
    ]
    assert MeetingAttachment.objects.count() == 0


def test_attachment_served_only_to_who_may_see_the_meeting(client, past_meeting, officer_d, officer_e):
    attachment = meeting_services.attachment_add(
        meeting=past_meeting, by=officer_d, upload=SimpleUploadedFile("วาระ.pdf", b"%PDF-1.4 agenda")
    )
    url = reverse("meetings:attachment_download", kwargs={"pk": past_meeting.pk, "attachment_id": attachment.pk})
    assert client.get(url).status_code == 404
    client_for(client, officer_e)
    assert client.get(url).status_code == 404
    client_for(client, officer_d)
    response = client.get(url)
    assert response.status_code == 200
    assert (response["Content-Type"], response["Cache-Control"]) == ("application/pdf", "private, no-cache")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 agenda"


def test_published_meeting_is_public(client, past_meeting, officer_d):
    meeting_services.meeting_mark_held(meeting=past_meeting, by=officer_d)
    past_meeting.refresh_from_db()
    meeting_services.minutes_save(meeting=past_meeting, by=officer_d, minutes="<p>ที่ประชุมรับทราบ</p>")
    assert client.get(reverse("meetings:public_detail", kwargs={"pk": past_meeting.pk})).status_code == 404
    client_for(client, officer_d)
    response = client.post(reverse("meetings:meeting_publish", kwargs={"pk": past_meeting.pk}))
    assert response.status_code == 302
    client.logout()
    page = client.get(reverse("meetings:public_detail", kwargs={"pk": past_meeting.pk}))
    assert page.status_code == 200
    assert "<p>ที่ประชุมรับทราบ</p>" in page.content.decode()
    assert [m.pk for m in client.get(reverse("meetings:public_list")).context["object_list"]] == [past_meeting.pk]


def test_council_staff_call_their_council_meeting(client, world, staff_x):
    client_for(client, staff_x)
    response = client.post(
        reverse("meetings:council_meeting_create", kwargs={"code": world.council_x.code}),
        {"kind": "council", "title": "ประชุมสภาประจำเดือน", "date": format_date(days(-1)), "agenda": "แจ้งเพื่อทราบ"},
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert (meeting.kind, meeting.council, meeting.district, meeting.status) == (
        MeetingKind.COUNCIL, world.council_x, world.district, MeetingStatus.PLANNED,
    )


def test_mechanism_page_for_officer_and_refused_to_codi(client, world, mechanism, officer_d, codi_staff):
    client_for(client, codi_staff)
    page = client.get(reverse("meetings:mechanism_detail", kwargs={"code": world.district.code}))
    assert (page.status_code, page.context["can_manage"], len(page.context["current"])) == (200, False, 4)
    create = reverse("meetings:mechanism_member_create", kwargs={"code": world.district.code})
    assert client.get(create).status_code == 403
    client_for(client, officer_d)
    response = client.post(create, {
        "full_name": "นายกองทุน หมู่บ้าน", "category": "fund", "role": "member", "term_start": format_date(days(-1)),
    })
    assert response.status_code == 302
    assert mechanism.members.filter(full_name="นายกองทุน หมู่บ้าน").exists()


def _meetings(mechanism, officer_d, world, n):
    for i in range(n):
        meeting_services.meeting_call(
            by=officer_d, kind=MeetingKind.FORUM, title=f"เวที {i}", date=days(-i), district=world.district,
            agenda=[("ก", ""), ("ข", "")],
        )


@pytest.mark.parametrize("n", [2, 12])
def test_district_list_queries_do_not_grow(client, world, mechanism, officer_d, django_assert_max_num_queries, n):
    _meetings(mechanism, officer_d, world, n)
    client_for(client, officer_d)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("meetings:district_meetings", kwargs={"code": world.district.code}))
    assert len(response.context["object_list"]) == n


@pytest.mark.parametrize("n", [2, 12])
def test_public_list_queries_do_not_grow(client, world, mechanism, officer_d, django_assert_max_num_queries, n):
    _meetings(mechanism, officer_d, world, n)
    Meeting.objects.update(status=MeetingStatus.PUBLISHED)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("meetings:public_list"))
    assert len(response.context["object_list"]) == n


@pytest.mark.parametrize("per_item", [1, 4])
def test_meeting_page_queries_do_not_grow_with_resolutions(
    client, past_meeting, officer_d, world, django_assert_max_num_queries, per_item
):
    from meetings.services import actions as action_services

    meeting = meeting_services.meeting_mark_held(meeting=past_meeting, by=officer_d)
    for item in meeting.agenda.all():
        for k in range(per_item):
            resolution = action_services.resolution_add(agenda_item=item, by=officer_d, text=f"มติ {k}")
            action_services.action_item_create(
                resolution=resolution, by=officer_d, title="งาน", due_date=meeting.date + dt.timedelta(days=9), agency=world.lao
            )
    client_for(client, officer_d)
    with django_assert_max_num_queries(17):
        response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
