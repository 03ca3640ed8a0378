"""Every write to councils and activities."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.scoping import scope_for
from common.thai import fiscal_year_of

from ..models import Activity, ActivityPhoto, Council

ACTIVITY_FIELDS = ("date", "kind", "title", "description", "participants")


@transaction.atomic
def activity_log(*, council: Council, by, date, kind, title, description="", participants=0, photo=None) -> Activity:
    """Record an activity a council held. Only that council's staff (or an admin) may."""
    if not scope_for(by).can_edit_council(council):
        raise PermissionDenied(_("คุณไม่มีสิทธิ์บันทึกกิจกรรมของสภานี้"))
    activity = Activity(
        council=council,
        date=date,
        kind=kind,
        title=title.strip(),
        description=description.strip(),
        participants=participants or 0,
        fiscal_year=fiscal_year_of(date),
        created_by=by,
    )
    activity.full_clean()
    activity.save()
    if photo:
        ActivityPhoto.objects.create(activity=activity, image=photo)
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, by, **fields) -> Activity:
    if not scope_for(by).can_edit_council(activity.council):
        raise PermissionDenied(_("คุณไม่มีสิทธิ์แก้ไขกิจกรรมของสภานี้"))
    for name, value in fields.items():
        if name not in ACTIVITY_FIELDS:
            raise ValueError(f"unknown activity field {name}")
        setattr(activity, name, value.strip() if isinstance(value, str) else value)
    activity.fiscal_year = fiscal_year_of(activity.date)
    activity.full_clean()
    activity.save()
    return activity
