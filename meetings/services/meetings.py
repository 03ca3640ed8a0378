"""Calling a meeting, its agenda and invitations, attendance, minutes, attachments, and
one service per move of its status: planned → held → published; planned → cancelled."""

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.rules import require

from .. import permissions
from ..choices import AttendanceStatus, MeetingKind, MeetingStatus
from ..content import check_upload, sanitize_minutes
from ..models import AgendaItem, Attendance, DistrictMechanism, Invitation, Meeting, MeetingAttachment
from .agenda import overdue_obstacles_onto_meeting

EDITABLE_FIELDS = ("title", "date", "start_time", "end_time", "place")


def _check_times(meeting) -> None:
    if meeting.start_time and meeting.end_time and meeting.end_time <= meeting.start_time:
        raise ValidationError({"end_time": _("เวลาเลิกประชุมต้องหลังเวลาเริ่มประชุม")})


@transaction.atomic
def meeting_call(
    *, by, kind: str, title: str, date: dt.date, start_time=None, end_time=None, place: str = "",
    council=None, district=None, agenda: list[tuple[str, str]] | None = None,
) -> Meeting:
    """Call (or record) a meeting: a council meeting names its council, a mechanism meeting
    or a forum its district, a national consultation neither. A mechanism meeting invites
    the mechanism's current members, and its agenda takes up the district's obstacles left
    unanswered past OBSTACLE_ANSWER_DAYS that are not on an agenda yet."""
    if kind not in MeetingKind.values:
        raise ValidationError({"kind": _("ประเภทการประชุมไม่ถูกต้อง")})
    mechanism = None
    if kind == MeetingKind.COUNCIL:
        if council is None:
            raise ValidationError({"council": _("การประชุมสภาต้องระบุสภา")})
        require(permissions.can_call_council_meeting, user=by, council=council)
        district = council.subdistrict.district
    elif kind in (MeetingKind.DISTRICT, MeetingKind.FORUM):
        if district is None:
            raise ValidationError({"district": _("การประชุมกลไกหรือเวทีต้องระบุอำเภอ")})
        require(permissions.can_manage_mechanism, user=by, district=district)
        council = None
        mechanism = DistrictMechanism.objects.filter(district=district).first()
        if kind == MeetingKind.DISTRICT and mechanism is None:
            raise ValidationError(_("อำเภอนี้ยังไม่มีกลไกระดับอำเภอ กรุณาบันทึกกลไกและกรรมการก่อนเรียกประชุม"))
    else:
        require(permissions.can_call_national_meeting, user=by)
        council = district = None
    meeting = Meeting(
        kind=kind, title=title.strip(), date=date, start_time=start_time, end_time=end_time, place=place.strip(),
        council=council, district=district, mechanism=mechanism, created_by=by,
    )
    _check_times(meeting)
    meeting.full_clean()
    meeting.save()
    for order, (item_title, detail) in enumerate(agenda or [], start=1):
        AgendaItem.objects.create(meeting=meeting, order=order, title=item_title.strip(), detail=detail.strip())
    if kind == MeetingKind.DISTRICT:
        members = mechanism.members.current(date)
        Invitation.objects.bulk_create([Invitation(meeting=meeting, member=m) for m in members])
        overdue_obstacles_onto_meeting(meeting=meeting)
    return meeting


def _require_not_closed(meeting) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("การประชุมนี้ถูกยกเลิกแล้ว แก้ไขไม่ได้"))
    if meeting.status == MeetingStatus.PUBLISHED:
        raise ValidationError(_("เผยแพร่รายงานการประชุมนี้แล้ว แก้ไขไม่ได้"))


@transaction.atomic
def meeting_update(*, meeting, by, **fields) -> Meeting:
    require(permissions.can_manage_meeting, user=by, meeting=meeting)
    _require_not_closed(meeting)
    for name in EDITABLE_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(meeting, name, value.strip() if isinstance(value, str) else value)
    if meeting.status == MeetingStatus.HELD and meeting.date > timezone.localdate():
        raise ValidationError({"date": _("การประชุมที่ประชุมแล้วจะมีวันที่ในอนาคตไม่ได้")})
    _check_times(meeting)
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def agenda_item_add(*, meeting, by, title: str, detail: str = "") -> AgendaItem:
    require(permissions.can_manage_meeting, user=by, meeting=meeting)
    _require_not_closed(meeting)
    if not title.strip():
        raise ValidationError({"title": _("กรุณาระบุเรื่องของระเบียบวาระ")})
    last = meeting.agenda.order_by("-order").values_list("order", flat=True).first() or 0
    return AgendaItem.objects.create(meeting=meeting, order=last + 1, title=title.strip(), detail=detail.strip())


# Status moves ---------------------------------------------------------------------------------


@transaction.atomic
def meeting_mark_held(*, meeting, by) -> Meeting:
    require(permissions.can_manage_meeting, user=by, meeting=meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("บันทึกว่าประชุมแล้วได้เฉพาะการประชุมที่นัดไว้และยังไม่ได้ประชุม"))
    if meeting.date > timezone.localdate():
        raise ValidationError(_("ยังไม่ถึงวันประชุม บันทึกว่าประชุมแล้วไม่ได้"))
    meeting.status = MeetingStatus.HELD
    meeting.save(update_fields=["status", "updated_at"])
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting, by, reason: str) -> Meeting:
    require(permissions.can_manage_meeting, user=by, meeting=meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("ยกเลิกได้เฉพาะการประชุมที่ยังไม่ได้ประชุม"))
    if not reason.strip():
        raise ValidationError({"reason": _("กรุณาระบุเหตุที่ยกเลิกการประชุม")})
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancel_reason = reason.strip()
    meeting.save(update_fields=["status", "cancel_reason", "updated_at"])
    return meeting


@transaction.atomic
def minutes_save(*, meeting, by, minutes: str, recorder: str = "", checker: str = "") -> tuple[Meeting, bool]:
    """Save the minutes, sanitised. Returns the meeting and whether unsafe content (a
    script, a style, an event handler) was removed, so the page can say so."""
    require(permissions.can_manage_meeting, user=by, meeting=meeting)
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("บันทึกรายงานการประชุมได้เมื่อประชุมแล้วและยังไม่ได้เผยแพร่"))
    cleaned, stripped = sanitize_minutes(minutes)
    meeting.minutes = cleaned
    meeting.recorder = recorder.strip()
    meeting.checker = checker.strip()
    meeting.save(update_fields=["minutes", "recorder", "checker", "updated_at"])
    return meeting, stripped


@transaction.atomic
def meeting_publish_minutes(*, meeting, by) -> Meeting:
    require(permissions.can_manage_meeting, user=by, meeting=meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("เผยแพร่ได้เฉพาะการประชุมที่ประชุมแล้วและยังไม่ได้เผยแพร่"))
    if not meeting.minutes.strip():
        raise ValidationError(_("ยังไม่มีรายงานการประชุม กรุณาบันทึกก่อนเผยแพร่"))
    meeting.status = MeetingStatus.PUBLISHED
    meeting.published_at = timezone.now()
    meeting.save(update_fields=["status", "published_at", "updated_at"])
    return meeting


# Attendance -----------------------------------------------------------------------------------


@transaction.atomic
def attendance_record(*, meeting, by, members: dict, guests: list[tuple[str, str]] = ()) -> list[Attendance]:
    """Replace the meeting's attendance. ``members`` maps an invited MechanismMember to
    (status, represented_by); ``guests`` are (name, position) of others who took part."""
    require(permissions.can_manage_meeting, user=by, meeting=meeting)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("การประชุมนี้ถูกยกเลิกแล้ว บันทึกผู้มาประชุมไม่ได้"))
    if meeting.status == MeetingStatus.PUBLISHED:
        raise ValidationError(_("เผยแพร่รายงานการประชุมนี้แล้ว แก้ไขผู้มาประชุมไม่ได้"))
    if meeting.date > timezone.localdate():
        raise ValidationError(_("ยังไม่ถึงวันประชุม บันทึกผู้มาประชุมล่วงหน้าไม่ได้"))
    invited = set(meeting.invitations.values_list("member_id", flat=True))
    rows = []
    for member, (status, represented_by) in members.items():
        if member.pk not in invited:
            raise ValidationError(_("%(name)s ไม่ได้รับเชิญเข้าประชุมครั้งนี้") % {"name": member.full_name})
        if status not in (AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.REPRESENTED):
            raise ValidationError(_("สถานะการมาประชุมของ %(name)s ไม่ถูกต้อง") % {"name": member.full_name})
        represented_by = (represented_by or "").strip()
        if status == AttendanceStatus.REPRESENTED and not represented_by:
            raise ValidationError(_("กรุณาระบุชื่อผู้แทนของ %(name)s") % {"name": member.full_name})
        rows.append(Attendance(
            meeting=meeting, member=member, name=member.full_name, position=member.position, status=status,
            represented_by=represented_by if status == AttendanceStatus.REPRESENTED else "",
        ))
    for name, position in guests:
        if name.strip():
            rows.append(Attendance(meeting=meeting, name=name.strip(), position=position.strip(), status=AttendanceStatus.GUEST))
    meeting.attendance.all().delete()
    return Attendance.objects.bulk_create(rows)


# Attachments ----------------------------------------------------------------------------------


@transaction.atomic
def attachment_add(*, meeting, by, upload) -> MeetingAttachment:
    require(permissions.can_manage_meeting, user=by, meeting=meeting)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("การประชุมนี้ถูกยกเลิกแล้ว แนบเอกสารไม่ได้"))
    checked = check_upload(upload)
    attachment = MeetingAttachment(
        meeting=meeting, original_name=upload.name[:255], content_type=checked.content_type, size=checked.size,
        uploaded_by=by,
    )
    attachment.file.save(f"{uuid.uuid4().hex}.{checked.extension}", upload, save=False)
    attachment.save()
    return attachment
