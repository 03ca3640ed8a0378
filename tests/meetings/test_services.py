import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from meetings.choices import ActionStatus, AttendanceStatus, MeetingKind, MeetingStatus
from meetings.models import ActionItem, Attendance, Invitation, Meeting, MeetingAttachment, Resolution
from meetings.selectors import meeting_attendance
from meetings.services import actions as action_services
from meetings.services import mechanism as mechanism_services
from meetings.services import meetings as meeting_services

from .conftest import days

pytestmark = pytest.mark.django_db


def _png(name="photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), (1, 2, 3)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


# The mechanism ----------------------------------------------------------------------------------


def test_one_mechanism_per_district(mechanism, officer_d, world):
    with pytest.raises(ValidationError) as error:
        mechanism_services.mechanism_establish(district=world.district, by=officer_d, name="ซ้ำ")
    assert error.value.messages == ["อำเภอนี้มีกลไกระดับอำเภออยู่แล้ว"]


def test_only_the_districts_officer_keeps_the_mechanism(world, officer_e, codi_staff, staff_x):
    for user in (officer_e, codi_staff, staff_x):
        with pytest.raises(PermissionDenied):
            mechanism_services.mechanism_establish(district=world.district, by=user, name="กลไก")


def test_member_council_must_be_in_the_district(mechanism, officer_d, world):
    with pytest.raises(ValidationError) as error:
        mechanism_services.mechanism_member_add(
            mechanism=mechanism, by=officer_d, full_name="นายนอก เขต", category="council", role="member",
            term_start=days(-1), council=world.council_z,
        )
    assert error.value.message_dict == {"council": ["สภานี้ไม่ได้อยู่ในอำเภอของกลไก"]}
    assert mechanism.members.count() == 4


def test_member_term_end_before_start_refused(mechanism, officer_d):
    with pytest.raises(ValidationError) as error:
        mechanism_services.mechanism_member_add(
            mechanism=mechanism, by=officer_d, full_name="นายวาระ ผิด", category="fund", role="member",
            term_start=days(0), term_end=days(-5),
        )
    assert error.value.message_dict == {"term_end": ["วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ"]}


def test_end_term_then_not_invited(mechanism, officer_d, world):
    member = mechanism.members.get(full_name="นายนายก อบต.")
    mechanism_services.mechanism_member_end_term(member=member, by=officer_d, term_end=days(-1))
    meeting = meeting_services.meeting_call(
        by=officer_d, kind=MeetingKind.DISTRICT, title="ประชุม", date=days(0), district=world.district
    )
    assert sorted(meeting.invitations.values_list("member__full_name", flat=True)) == [
        "นางผู้แทน สภา", "นางสาวปลัด อำเภอ", "นายอำเภอ ทดสอบ",
    ]


# Calling meetings -------------------------------------------------------------------------------


def test_mechanism_meeting_invites_current_members_and_numbers_agenda(past_meeting, world):
    assert past_meeting.district == world.district and past_meeting.council is None
    assert past_meeting.status == MeetingStatus.PLANNED
    assert list(past_meeting.agenda.values_list("order", "title")) == [(1, "เรื่องที่ประธานแจ้ง"), (2, "ติดตามแผนชุมชน")]
    assert Invitation.objects.filter(meeting=past_meeting).count() == 4


def test_district_meeting_without_mechanism_refused(world, officer_d):
    with pytest.raises(ValidationError) as error:
        meeting_services.meeting_call(by=officer_d, kind=MeetingKind.DISTRICT, title="x", date=days(1), district=world.district)
    assert error.value.messages == ["อำเภอนี้ยังไม่มีกลไกระดับอำเภอ กรุณาบันทึกกลไกและกรรมการก่อนเรียกประชุม"]
    assert Meeting.objects.count() == 0


def test_council_meeting_by_its_staff_only(world, staff_x, staff_y, officer_d):
    meeting = meeting_services.meeting_call(
        by=staff_x, kind=MeetingKind.COUNCIL, title="ประชุมสภา", date=days(-1), council=world.council_x
    )
    assert meeting.district == world.district
    for user in (staff_y, officer_d):
        with pytest.raises(PermissionDenied):
            meeting_services.meeting_call(by=user, kind=MeetingKind.COUNCIL, title="x", date=days(-1), council=world.council_x)


def test_national_meeting_by_national_codi_only(world, codi_staff, codi_regional):
    meeting = meeting_services.meeting_call(by=codi_staff, kind=MeetingKind.NATIONAL, title="หารือกับ สถ. พช. ปค.", date=days(3))
    assert (meeting.district, meeting.council) == (None, None)
    with pytest.raises(PermissionDenied) as error:
        meeting_services.meeting_call(by=codi_regional, kind=MeetingKind.NATIONAL, title="x", date=days(3))
    assert str(error.value) == "เฉพาะเจ้าหน้าที่ พอช. ส่วนกลางเท่านั้นที่บันทึกการปรึกษาหารือระดับประเทศได้"


def test_end_before_start_refused(world, officer_d, mechanism):
    with pytest.raises(ValidationError) as error:
        meeting_services.meeting_call(
            by=officer_d, kind=MeetingKind.FORUM, title="เวที", date=days(1), district=world.district,
            start_time=dt.time(13, 0), end_time=dt.time(9, 0),
        )
    assert error.value.message_dict == {"end_time": ["เวลาเลิกประชุมต้องหลังเวลาเริ่มประชุม"]}


# Status moves -----------------------------------------------------------------------------------


def test_future_meeting_cannot_be_held(future_meeting, officer_d):
    with pytest.raises(ValidationError) as error:
        meeting_services.meeting_mark_held(meeting=future_meeting, by=officer_d)
    assert error.value.messages == ["ยังไม่ถึงวันประชุม บันทึกว่าประชุมแล้วไม่ได้"]
    future_meeting.refresh_from_db()
    assert future_meeting.status == MeetingStatus.PLANNED


def test_held_then_published_and_illegal_moves(past_meeting, officer_d):
    meeting = meeting_services.meeting_mark_held(meeting=past_meeting, by=officer_d)
    with pytest.raises(ValidationError):
        meeting_services.meeting_mark_held(meeting=meeting, by=officer_d)
    with pytest.raises(ValidationError) as error:
        meeting_services.meeting_cancel(meeting=meeting, by=officer_d, reason="ฝนตก")
    assert error.value.messages == ["ยกเลิกได้เฉพาะการประชุมที่ยังไม่ได้ประชุม"]
    with pytest.raises(ValidationError) as error:
        meeting_services.meeting_publish_minutes(meeting=meeting, by=officer_d)
    assert error.value.messages == ["ยังไม่มีรายงานการประชุม กรุณาบันทึกก่อนเผยแพร่"]
    meeting_services.minutes_save(meeting=meeting, by=officer_d, minutes="<p>ที่ประชุมรับทราบ</p>")
    meeting = meeting_services.meeting_publish_minutes(meeting=meeting, by=officer_d)
    assert meeting.status == MeetingStatus.PUBLISHED and meeting.published_at is not None
    with pytest.raises(ValidationError) as error:
        meeting_services.minutes_save(meeting=meeting, by=officer_d, minutes="<p>แก้</p>")
    assert error.value.messages == ["บันทึกรายงานการประชุมได้เมื่อประชุมแล้วและยังไม่ได้เผยแพร่"]


def test_cancel_needs_reason(future_meeting, officer_d):
    with pytest.raises(ValidationError) as error:
        meeting_services.meeting_cancel(meeting=future_meeting, by=officer_d, reason="  ")
    assert error.value.message_dict == {"reason": ["กรุณาระบุเหตุที่ยกเลิกการประชุม"]}
    meeting = meeting_services.meeting_cancel(meeting=future_meeting, by=officer_d, reason="ติดภารกิจ")
    assert (meeting.status, meeting.cancel_reason) == (MeetingStatus.CANCELLED, "ติดภารกิจ")


def test_other_districts_officer_cannot_move_status(past_meeting, officer_e, codi_staff):
    for user in (officer_e, codi_staff):
        with pytest.raises(PermissionDenied):
            meeting_services.meeting_mark_held(meeting=past_meeting, by=user)


# Minutes ----------------------------------------------------------------------------------------


def test_minutes_strip_script_and_say_so(past_meeting, officer_d):
    meeting_services.meeting_mark_held(meeting=past_meeting, by=officer_d)
    past_meeting.refresh_from_db()
    meeting, stripped = meeting_services.minutes_save(
        meeting=past_meeting, by=officer_d,
        minutes='<p onclick="x()">มติ <b>รับทราบ</b></p><script>alert(1)</script><style>p{}</style><a href="javascript:x">ลิงก์</a>',
        recorder="นางสาวปลัด อำเภอ",
    )
    assert stripped is True
    assert meeting.minutes == '<p>มติ <b>รับทราบ</b></p><a rel="noopener noreferrer nofollow">ลิงก์</a>'
    _meeting, stripped = meeting_services.minutes_save(meeting=meeting, by=officer_d, minutes="<p>ปกติ</p>")
    assert stripped is False


# Attendance -------------------------------------------------------------------------------------


def test_attendance_in_the_future_refused(future_meeting, officer_d):
    member = future_meeting.invitations.first().member
    with pytest.raises(ValidationError) as error:
        meeting_services.attendance_record(
            meeting=future_meeting, by=officer_d, members={member: (AttendanceStatus.PRESENT, "")}
        )
    assert error.value.messages == ["ยังไม่ถึงวันประชุม บันทึกผู้มาประชุมล่วงหน้าไม่ได้"]
    assert Attendance.objects.count() == 0


def test_attendance_and_quorum(past_meeting, officer_d):
    members = [i.member for i in past_meeting.invitations.order_by("member__full_name")]
    meeting_services.attendance_record(
        meeting=past_meeting, by=officer_d,
        members={
            members[0]: (AttendanceStatus.PRESENT, ""),
            members[1]: (AttendanceStatus.REPRESENTED, "นายรอง แทน"),
            members[2]: (AttendanceStatus.ABSENT, ""),
            members[3]: (AttendanceStatus.ABSENT, ""),
        },
        guests=[("นายแขก รับเชิญ", "พช.อำเภอ")],
    )
    figures = meeting_attendance(meeting=past_meeting)
    assert (figures["invited"], figures["present_count"], figures["quorum_needed"], figures["has_quorum"]) == (4, 2, 3, False)
    assert [g.name for g in figures["guests"]] == ["นายแขก รับเชิญ"]
    meeting_services.attendance_record(
        meeting=past_meeting, by=officer_d,
        members={m: (AttendanceStatus.PRESENT, "") for m in members[:3]},
    )
    figures = meeting_attendance(meeting=past_meeting)
    assert (figures["present_count"], figures["has_quorum"], len(figures["guests"])) == (3, True, 0)


def test_represented_needs_a_name(past_meeting, officer_d):
    member = past_meeting.invitations.first().member
    with pytest.raises(ValidationError) as error:
        meeting_services.attendance_record(
            meeting=past_meeting, by=officer_d, members={member: (AttendanceStatus.REPRESENTED, " ")}
        )
    assert error.value.messages == [f"กรุณาระบุชื่อผู้แทนของ {member.full_name}"]


# Attachments ------------------------------------------------------------------------------------


def test_attachment_pdf_and_image_accepted(past_meeting, officer_d):
    pdf = meeting_services.attachment_add(
        meeting=past_meeting, by=officer_d, upload=SimpleUploadedFile("หนังสือเชิญ.pdf", b"%PDF-1.4\n%%EOF\n")
    )
    assert (pdf.content_type, pdf.original_name, pdf.file.name.endswith(".pdf")) == ("application/pdf", "หนังสือเชิญ.pdf", True)
    image = meeting_services.attachment_add(meeting=past_meeting, by=officer_d, upload=_png())
    assert image.content_type == "image/png"


def test_disguised_exe_refused(past_meeting, officer_d):
    upload = SimpleUploadedFile("minutes.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100)
    with pytest.raises(ValidationError) as error:
        meeting_services.attachment_add(meeting=past_meeting, by=officer_d, upload=upload)
    assert error.value.messages == [
        "ไฟล์ “minutes.pdf” ไม่ใช่ไฟล์ PDF หรือภาพ (PNG, JPEG, WebP, GIF) ตามที่ชื่อไฟล์ระบุ ระบบรับเฉพาะ PDF และภาพ"
    ]
    assert MeetingAttachment.objects.count() == 0


def test_image_named_pdf_refused(past_meeting, officer_d):
    with pytest.raises(ValidationError):
        meeting_services.attachment_add(meeting=past_meeting, by=officer_d, upload=_png("scan.pdf"))


def test_oversized_refused(past_meeting, officer_d, settings):
    settings.MEETING_ATTACHMENT_MAX_BYTES = 1024
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 2000)
    with pytest.raises(ValidationError) as error:
        meeting_services.attachment_add(meeting=past_meeting, by=officer_d, upload=upload)
    assert error.value.messages == ["ไฟล์ “big.pdf” ใหญ่เกินไป (2.0\xa0KB) รับได้ไม่เกิน 1.0\xa0KB"]
    assert MeetingAttachment.objects.count() == 0


# Resolutions and action items -------------------------------------------------------------------


def test_resolution_on_meeting_not_held_refused(future_meeting, officer_d):
    item = future_meeting.agenda.get()
    with pytest.raises(ValidationError) as error:
        action_services.resolution_add(agenda_item=item, by=officer_d, text="เห็นชอบ")
    assert error.value.messages == ["บันทึกมติได้เฉพาะการประชุมที่ประชุมแล้วและยังไม่ได้เผยแพร่"]
    assert Resolution.objects.count() == 0


@pytest.fixture
def resolution(past_meeting, officer_d):
    meeting_services.meeting_mark_held(meeting=past_meeting, by=officer_d)
    past_meeting.refresh_from_db()
    item = past_meeting.agenda.get(order=2)
    return action_services.resolution_add(agenda_item=item, by=officer_d, text="มอบ อบต. บรรจุโครงการในแผน")


def test_action_due_before_meeting_refused(resolution, officer_d, world):
    with pytest.raises(ValidationError) as error:
        action_services.action_item_create(
            resolution=resolution, by=officer_d, title="บรรจุแผน", due_date=days(-3), agency=world.lao
        )
    assert error.value.message_dict == {"due_date": [f"กำหนดเสร็จต้องไม่ก่อนวันประชุม ({days(-2).isoformat()})"]}
    assert ActionItem.objects.count() == 0


def test_action_needs_exactly_one_assignee(resolution, officer_d, world):
    with pytest.raises(ValidationError):
        action_services.action_item_create(resolution=resolution, by=officer_d, title="x", due_date=days(5))
    with pytest.raises(ValidationError):
        action_services.action_item_create(
            resolution=resolution, by=officer_d, title="x", due_date=days(5), agency=world.lao, council=world.council_x
        )


def test_action_lifecycle_by_assignee(resolution, officer_d, world, agency_officer, staff_x):
    action = action_services.action_item_create(
        resolution=resolution, by=officer_d, title="บรรจุแผน", due_date=days(30), agency=world.lao
    )
    with pytest.raises(PermissionDenied):  # X's staff: not the assignee, not the meeting's keeper
        action_services.action_start(action=action, by=staff_x)
    with pytest.raises(ValidationError) as error:
        action_services.action_complete(action=action, by=agency_officer)
    assert error.value.messages == ["บันทึกว่าเสร็จได้เฉพาะงานที่กำลังดำเนินการ"]
    action = action_services.action_start(action=action, by=agency_officer)
    update = action_services.action_update_add(
        action=action, by=agency_officer, note="บรรจุในแผนเพิ่มเติม ครั้งที่ 1/2569",
        evidence=SimpleUploadedFile("แผน.pdf", b"%PDF-1.7\n"),
    )
    assert (update.evidence_type, update.evidence_name) == ("application/pdf", "แผน.pdf")
    action = action_services.action_complete(action=action, by=agency_officer)
    assert action.status == ActionStatus.DONE
    with pytest.raises(ValidationError) as error:
        action_services.action_update_add(action=action, by=agency_officer, note="เพิ่ม")
    assert error.value.messages == ["งานนี้ปิดแล้ว รายงานความคืบหน้าเพิ่มไม่ได้"]
    with pytest.raises(ValidationError):
        action_services.action_cancel(action=action, by=officer_d, reason="x")


def test_action_cancel_by_meeting_keeper_with_reason(resolution, officer_d, world, agency_officer):
    action = action_services.action_item_create(
        resolution=resolution, by=officer_d, title="x", due_date=days(3), council=world.council_x
    )
    with pytest.raises(PermissionDenied):
        action_services.action_cancel(action=action, by=agency_officer, reason="ไม่เกี่ยว")
    with pytest.raises(ValidationError) as error:
        action_services.action_cancel(action=action, by=officer_d, reason="")
    assert error.value.message_dict == {"reason": ["กรุณาระบุเหตุที่ยกเลิกงานนี้"]}
    action = action_services.action_cancel(action=action, by=officer_d, reason="รวมกับงานอื่น")
    assert (action.status, action.cancel_reason) == (ActionStatus.CANCELLED, "รวมกับงานอื่น")
