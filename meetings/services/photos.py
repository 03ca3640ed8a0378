"""A meeting's photos: added (made web-ready by ``councils.images.web_photo``, the same
check and re-encoding as an activity photo's), their caption and report choice edited,
removed. Whoever manages the meeting (``permissions.can_manage_meeting``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.rules import require
from councils.images import web_photo

from .. import permissions
from ..choices import MeetingStatus
from ..models import MeetingPhoto

MAX_PHOTOS = 10
CAPTION_MAX = MeetingPhoto._meta.get_field("caption").max_length


def _clean_caption(caption: str | None) -> str:
    caption = (caption or "").strip()
    if len(caption) > CAPTION_MAX:
        raise ValidationError({"caption": _("คำบรรยายภาพต้องยาวไม่เกิน %(n)s ตัวอักษร") % {"n": CAPTION_MAX}})
    return caption


@transaction.atomic
def photo_add(*, meeting, by, upload, caption: str = "", in_report: bool = False) -> MeetingPhoto:
    """Add a photo to a meeting not cancelled, at most MAX_PHOTOS a meeting. ``upload`` is
    the file as sent (checked and re-encoded here) or a ContentFile already web-ready."""
    require(permissions.can_manage_meeting, user=by, meeting=meeting)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("การประชุมนี้ถูกยกเลิกแล้ว เพิ่มภาพไม่ได้"))
    caption = _clean_caption(caption)
    if meeting.photos.count() >= MAX_PHOTOS:
        raise ValidationError({"image": _("แนบภาพได้ไม่เกิน %(max)s ภาพต่อการประชุม") % {"max": MAX_PHOTOS}})
    image = web_photo(upload)
    photo = MeetingPhoto(meeting=meeting, caption=caption, in_report=bool(in_report), added_by=by)
    photo.image.save(image.name, image, save=False)
    photo.save()
    return photo


def photo_update(*, photo: MeetingPhoto, by, caption: str, in_report: bool) -> MeetingPhoto:
    """Change a photo's caption and whether it goes into the annual report."""
    require(permissions.can_manage_meeting, user=by, meeting=photo.meeting)
    caption, in_report = _clean_caption(caption), bool(in_report)
    if (caption, in_report) != (photo.caption, photo.in_report):
        photo.caption, photo.in_report = caption, in_report
        photo.save(update_fields=["caption", "in_report"])
    return photo


@transaction.atomic
def photo_remove(*, photo: MeetingPhoto, by) -> None:
    """Remove a photo; its file goes once the removal is committed."""
    require(permissions.can_manage_meeting, user=by, meeting=photo.meeting)
    name, storage = photo.image.name, photo.image.storage
    photo.delete()
    transaction.on_commit(lambda: storage.delete(name))
