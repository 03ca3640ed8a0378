"""Every write to activities: logging one, editing one, their agencies and photos.

Photos arrive already made web-ready by ``councils.images.web_photo`` (the form and the
API serializer call it, so a bad file is refused next to its field).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.thai import fiscal_year_of

from .. import permissions
from ..choices import RETIRED_ACTIVITY_KINDS, RETIRED_KIND_MESSAGE, ParticipantGroup
from ..models import Activity, ActivityPhoto, Council
from ..selectors.activities import agencies_for_council
from .history import save_with_history

MAX_PHOTOS = 5
CAPTION_MAX = ActivityPhoto._meta.get_field("caption").max_length
ACTIVITY_FIELDS = ("date", "kind", "title", "description", "outcomes", "participants", "participants_by_group")


def _check_may_edit(council: Council, by, message: str) -> None:
    if not permissions.can_edit_council(user=by, council=council):
        raise PermissionDenied(message)


def clean_participants_by_group(groups: Mapping | None, participants: int) -> dict[str, int]:
    """Known groups only, whole numbers, none above the total (groups may overlap: an elderly
    woman counts in both). Empty and zero counts are dropped: "where known"."""
    cleaned: dict[str, int] = {}
    labels = dict(ParticipantGroup.choices)
    for key, value in (groups or {}).items():
        if key not in labels:
            raise ValidationError({"participants_by_group": _("ไม่รู้จักกลุ่มผู้เข้าร่วม “%(key)s”") % {"key": key}})
        if value in (None, ""):
            continue
        whole = (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, str) and value.strip().isdecimal()
        )
        number = int(value) if whole else -1
        if number < 0:
            raise ValidationError(
                {"participants_by_group": _("จำนวน%(group)sต้องเป็นจำนวนเต็มไม่ติดลบ") % {"group": labels[key]}}
            )
        if number > (participants or 0):
            raise ValidationError(
                {
                    "participants_by_group": _("จำนวน%(group)s (%(n)s คน) มากกว่าจำนวนผู้เข้าร่วมทั้งหมด (%(total)s คน)")
                    % {"group": labels[key], "n": number, "total": participants or 0}
                }
            )
        if number:
            cleaned[key] = number
    return cleaned


def _agency_ids(council: Council, agencies: Iterable) -> list[int]:
    """The agencies' ids, each checked to be one the council may name (its province's or a
    national one: ``agencies.selectors.agencies_near``)."""
    ids = sorted({getattr(a, "pk", a) for a in agencies})
    if not ids:
        return []
    found = set(agencies_for_council(council=council).filter(pk__in=ids).values_list("pk", flat=True))
    if found != set(ids):
        raise ValidationError({"agencies": _("หน่วยงานที่ร่วมกิจกรรมต้องเป็นหน่วยงานในจังหวัดเดียวกับสภาหรือหน่วยงานส่วนกลาง")})
    return ids


def _check_photo_count(count: int) -> None:
    if count > MAX_PHOTOS:
        raise ValidationError({"photos": _("แนบภาพได้ไม่เกิน %(max)s ภาพต่อกิจกรรม") % {"max": MAX_PHOTOS}})


@transaction.atomic
def activity_log(
    *,
    council: Council,
    by,
    date,
    kind,
    title,
    description: str = "",
    outcomes: str = "",
    participants: int = 0,
    participants_by_group: Mapping | None = None,
    agencies: Iterable = (),
    photos: Iterable = (),
    photo=None,
    photo_caption: str = "",
    photos_in_report: bool = False,
) -> Activity:
    """Record an activity a council held. Only that council's staff (or an admin) may.
    The new photos get ``photo_caption`` and, with ``photos_in_report``, go into the
    annual report."""
    _check_may_edit(council, by, _("คุณไม่มีสิทธิ์บันทึกกิจกรรมของสภานี้"))
    if kind in RETIRED_ACTIVITY_KINDS:
        raise ValidationError({"kind": RETIRED_KIND_MESSAGE})
    photos = [p for p in [*photos, photo] if p]
    _check_photo_count(len(photos))
    participants = participants or 0
    activity = Activity(
        council=council,
        date=date,
        kind=kind,
        title=title.strip(),
        description=description.strip(),
        outcomes=outcomes.strip(),
        participants=participants,
        participants_by_group=clean_participants_by_group(participants_by_group, participants),
        fiscal_year=fiscal_year_of(date),
        created_by=by,
    )
    activity.full_clean()
    agency_ids = _agency_ids(council, agencies)
    save_with_history(activity, by=by, m2m={"agencies": agency_ids} if agency_ids else None)
    _add_photos(activity, photos, caption=photo_caption, in_report=photos_in_report)
    return activity


def _add_photos(activity: Activity, images, *, caption: str, in_report: bool) -> None:
    caption = _clean_caption(caption)
    for image in images:
        ActivityPhoto.objects.create(activity=activity, image=image, caption=caption, in_report=bool(in_report))


def _clean_caption(caption) -> str:
    caption = (caption or "").strip()
    if len(caption) > CAPTION_MAX:
        raise ValidationError({"photo_caption": _("คำบรรยายภาพต้องยาวไม่เกิน %(n)s ตัวอักษร") % {"n": CAPTION_MAX}})
    return caption


def _edit_photos(existing, edits: Mapping, remove_ids) -> list[ActivityPhoto]:
    """Apply ``edits`` ({photo id: {"caption": ..., "in_report": ...}}) to the kept photos;
    the photos that changed (not yet saved)."""
    by_pk = {p.pk: p for p in existing}
    unknown = set(edits) - set(by_pk)
    if unknown:
        raise ValidationError({"photos": _("ไม่พบภาพที่ต้องการแก้ไขในกิจกรรมนี้")})
    changed = []
    for pk, edit in edits.items():
        if pk in remove_ids:
            continue
        photo = by_pk[pk]
        caption = _clean_caption(edit.get("caption", photo.caption))
        in_report = bool(edit.get("in_report", photo.in_report))
        if (caption, in_report) != (photo.caption, photo.in_report):
            photo.caption, photo.in_report = caption, in_report
            changed.append(photo)
    return changed


@transaction.atomic
def activity_photo_choose(*, photo: ActivityPhoto, by, in_report: bool) -> ActivityPhoto:
    """Put a photo into the annual report, or take it out: the council's staff or CODI
    staff whose area covers the council (``permissions.can_choose_report_photos``)."""
    if not permissions.can_choose_report_photos(user=by, activity=photo.activity):
        raise PermissionDenied(_("คุณไม่มีสิทธิ์เลือกภาพลงรายงานประจำปีของสภานี้"))
    if photo.in_report != bool(in_report):
        photo.in_report = bool(in_report)
        photo.save(update_fields=["in_report"])
    return photo


@transaction.atomic
def activity_update(
    *,
    activity: Activity,
    by,
    agencies: Iterable | None = None,
    add_photos: Iterable = (),
    remove_photos: Iterable = (),
    photo_caption: str = "",
    photos_in_report: bool = False,
    photo_edits: Mapping | None = None,
    **fields,
) -> Activity:
    """Change an activity (its council's staff only). Writes nothing, and no history, when
    nothing changed. Photos added or removed, and captions or report choices changed
    (``photo_edits``: {photo id: {"caption": ..., "in_report": ...}}), are told in the
    history record's reason; the added photos get ``photo_caption`` and ``photos_in_report``."""
    _check_may_edit(activity.council, by, _("คุณไม่มีสิทธิ์แก้ไขกิจกรรมของสภานี้"))
    add_photos = [p for p in add_photos if p]
    remove_ids = {getattr(p, "pk", p) for p in remove_photos}
    existing = list(activity.photos.all())
    unknown = remove_ids - {p.pk for p in existing}
    if unknown:
        raise ValidationError({"remove_photos": _("ไม่พบภาพที่ต้องการลบในกิจกรรมนี้")})
    _check_photo_count(len(existing) - len(remove_ids) + len(add_photos))
    edited = _edit_photos(existing, photo_edits or {}, remove_ids)

    # Compared with the stored row, not the instance: a ModelForm may already have set it.
    stored = Activity.objects.filter(pk=activity.pk).values(*ACTIVITY_FIELDS).get()
    new_kind = fields.get("kind", stored["kind"])
    if new_kind in RETIRED_ACTIVITY_KINDS and new_kind != stored["kind"]:  # kept if it had it, never taken up
        raise ValidationError({"kind": RETIRED_KIND_MESSAGE})
    for name, value in fields.items():
        if name not in ACTIVITY_FIELDS:
            raise ValueError(f"unknown activity field {name}")
        value = value.strip() if isinstance(value, str) else value
        setattr(activity, name, (value or 0) if name == "participants" else value)
    activity.participants_by_group = clean_participants_by_group(activity.participants_by_group, activity.participants)
    changed = any(stored[name] != getattr(activity, name) for name in ACTIVITY_FIELDS)
    activity.fiscal_year = fiscal_year_of(activity.date)
    activity.full_clean()

    m2m = {}
    if agencies is not None:
        ids = _agency_ids(activity.council, agencies)
        if set(ids) != {a.pk for a in activity.agencies.all()}:
            m2m["agencies"] = ids
            changed = True
    reasons = []
    if add_photos:
        reasons.append(ngettext("เพิ่มภาพ %(n)s ภาพ", "เพิ่มภาพ %(n)s ภาพ", len(add_photos)) % {"n": len(add_photos)})
    if remove_ids:
        reasons.append(ngettext("ลบภาพ %(n)s ภาพ", "ลบภาพ %(n)s ภาพ", len(remove_ids)) % {"n": len(remove_ids)})
    if edited:
        reasons.append(
            ngettext("แก้คำบรรยายหรือการเลือกลงรายงาน %(n)s ภาพ", "แก้คำบรรยายหรือการเลือกลงรายงาน %(n)s ภาพ", len(edited))
            % {"n": len(edited)}
        )
    if not (changed or reasons):
        return activity

    save_with_history(activity, by=by, m2m=m2m, reason=", ".join(reasons))
    for photo in existing:
        if photo.pk in remove_ids:
            name, storage = photo.image.name, photo.image.storage
            photo.delete()
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
    if edited:
        ActivityPhoto.objects.bulk_update(edited, ["caption", "in_report"])
    _add_photos(activity, add_photos, caption=photo_caption, in_report=photos_in_report)
    if "photos" in getattr(activity, "_prefetched_objects_cache", {}):
        del activity._prefetched_objects_cache["photos"]
    return activity
