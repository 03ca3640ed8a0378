"""Resolutions on a held meeting's agenda, the action items that follow them, and one
service per move of an action item: open → in progress → done; open or in progress →
cancelled (with a reason). Progress notes carry an optional evidence file."""

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.rules import require

from .. import permissions
from ..choices import ActionStatus, MeetingStatus
from ..content import check_upload
from ..models import ActionItem, ActionUpdate, Resolution


@transaction.atomic
def resolution_add(*, agenda_item, by, text: str) -> Resolution:
    meeting = agenda_item.meeting
    require(permissions.can_manage_meeting, user=by, meeting=meeting)
    if meeting.pk is None or meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("บันทึกมติได้เฉพาะการประชุมที่ประชุมแล้วและยังไม่ได้เผยแพร่"))
    if not text.strip():
        raise ValidationError({"text": _("กรุณาระบุมติที่ประชุม")})
    return Resolution.objects.create(agenda_item=agenda_item, text=text.strip())


@transaction.atomic
def action_item_create(*, resolution, by, title: str, due_date: dt.date, agency=None, council=None) -> ActionItem:
    meeting = resolution.agenda_item.meeting
    require(permissions.can_manage_meeting, user=by, meeting=meeting)
    if meeting.status not in (MeetingStatus.HELD, MeetingStatus.PUBLISHED):
        raise ValidationError(_("มอบหมายงานได้เฉพาะมติของการประชุมที่ประชุมแล้ว"))
    if (agency is None) == (council is None):
        raise ValidationError({"assignee": _("กรุณาเลือกผู้รับผิดชอบหนึ่งราย: หน่วยงานหรือสภา")})
    if due_date < meeting.date:
        raise ValidationError({"due_date": _("กำหนดเสร็จต้องไม่ก่อนวันประชุม (%(date)s)") % {"date": meeting.date.isoformat()}})
    if not title.strip():
        raise ValidationError({"title": _("กรุณาระบุสิ่งที่ต้องทำ")})
    item = ActionItem(
        resolution=resolution, title=title.strip(), due_date=due_date, assignee_agency=agency, assignee_council=council,
        created_by=by,
    )
    item.full_clean()
    item.save()
    return item


def _locked(action) -> ActionItem:
    return ActionItem.objects.select_for_update().get(pk=action.pk)


@transaction.atomic
def action_start(*, action, by) -> ActionItem:
    require(permissions.can_report_action, user=by, action=action)
    item = _locked(action)
    if item.status != ActionStatus.OPEN:
        raise ValidationError(_("เริ่มดำเนินการได้เฉพาะงานที่ยังไม่เริ่ม"))
    item.status = ActionStatus.IN_PROGRESS
    item.save(update_fields=["status", "updated_at"])
    return item


@transaction.atomic
def action_complete(*, action, by) -> ActionItem:
    require(permissions.can_report_action, user=by, action=action)
    item = _locked(action)
    if item.status != ActionStatus.IN_PROGRESS:
        raise ValidationError(_("บันทึกว่าเสร็จได้เฉพาะงานที่กำลังดำเนินการ"))
    item.status = ActionStatus.DONE
    item.save(update_fields=["status", "updated_at"])
    return item


@transaction.atomic
def action_cancel(*, action, by, reason: str) -> ActionItem:
    require(permissions.can_manage_meeting, user=by, meeting=action.meeting)
    item = _locked(action)
    if item.status not in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS):
        raise ValidationError(_("ยกเลิกได้เฉพาะงานที่ยังไม่เสร็จและยังไม่ถูกยกเลิก"))
    if not reason.strip():
        raise ValidationError({"reason": _("กรุณาระบุเหตุที่ยกเลิกงานนี้")})
    item.status = ActionStatus.CANCELLED
    item.cancel_reason = reason.strip()
    item.save(update_fields=["status", "cancel_reason", "updated_at"])
    return item


@transaction.atomic
def action_update_add(*, action, by, note: str, evidence=None) -> ActionUpdate:
    require(permissions.can_report_action, user=by, action=action)
    if action.status in (ActionStatus.DONE, ActionStatus.CANCELLED):
        raise ValidationError(_("งานนี้ปิดแล้ว รายงานความคืบหน้าเพิ่มไม่ได้"))
    if not note.strip():
        raise ValidationError({"note": _("กรุณาระบุความคืบหน้า")})
    update = ActionUpdate(action_item=action, note=note.strip(), by=by)
    if evidence is not None:
        checked = check_upload(evidence)
        update.evidence_name = evidence.name[:255]
        update.evidence_type = checked.content_type
        update.evidence.save(f"{uuid.uuid4().hex}.{checked.extension}", evidence, save=False)
    update.save()
    return update
