"""Writes to the registry: a council's profile and its community organizations.

Only the council's own staff (or an administrator) may write; each write leaves one
history record naming who made it, themes included.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions
from ..models import CommunityOrganization, Council
from ..selectors.councils import laos_for_council
from .history import save_with_history

PROFILE_FIELDS = (
    "registration_number",
    "registered_on",
    "address",
    "phone",
    "email",
    "contact_name",
    "status",
    "lao",
    "is_published",
)
ORGANIZATION_FIELDS = (
    "name",
    "kind",
    "founded_on",
    "registered_on",
    "village_code",
    "village_name",
    "member_count",
)


def _check_may_edit(council: Council, by, message: str) -> None:
    if not permissions.can_edit_council(user=by, council=council):
        raise PermissionDenied(message)


def _theme_ids(themes: Iterable) -> set[int]:
    return {getattr(t, "pk", t) for t in themes}


def _apply(instance, allowed: tuple[str, ...], fields: dict) -> set[str]:
    """Set ``fields`` on ``instance`` (strings stripped); the names of those that differ from
    the stored row (compared with the database: a ModelForm may already have set them)."""
    attnames = {name: instance._meta.get_field(name).attname for name in allowed}
    stored = type(instance).objects.filter(pk=instance.pk).values(*attnames.values()).get()
    changed = set()
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(f"unknown field {name}")
        value = value.strip() if isinstance(value, str) else value
        setattr(instance, name, value)
        if stored[attnames[name]] != getattr(instance, attnames[name]):
            changed.add(name)
    return changed


def _not_future(errors: dict, **dates) -> None:
    today = timezone.localdate()
    for name, value in dates.items():
        if value and value > today:
            errors[name] = _("วันที่ต้องไม่เป็นวันในอนาคต")


@transaction.atomic
def council_update_profile(*, council: Council, by, themes: Iterable | None = None, **fields) -> Council:
    """Change a council's profile: registration, address and contacts, status, LAO, themes."""
    _check_may_edit(council, by, _("คุณไม่มีสิทธิ์แก้ไขข้อมูลของสภานี้"))
    changed = _apply(council, PROFILE_FIELDS, fields)
    council_check(council, lao_changed="lao" in changed)
    council.full_clean(exclude=["subdistrict"])
    m2m = {}
    if themes is not None and _theme_ids(themes) != {t.pk for t in council.themes.all()}:
        m2m["themes"] = sorted(_theme_ids(themes))
    if changed or m2m:
        save_with_history(council, by=by, m2m=m2m)
    return council


def council_check(council: Council, *, lao_changed: bool = True) -> None:
    """The rules a council's record must meet, however it is written (pages, API, admin).
    The LAO is judged when it changes: one an administrator set by hand before the rule
    existed is not re-judged on every edit."""
    errors: dict = {}
    _not_future(errors, registered_on=council.registered_on)
    if lao_changed and council.lao_id and not laos_for_council(council=council).filter(pk=council.lao_id).exists():
        errors["lao"] = _("องค์กรปกครองส่วนท้องถิ่นต้องเป็น อปท. ในอำเภอของสภา หรือ อบจ. ของจังหวัด")
    if errors:
        raise ValidationError(errors)


def organization_check(org: CommunityOrganization) -> None:
    """The rules an organization's record must meet, however it is written."""
    errors: dict = {}
    council_code = org.council.subdistrict.code
    if org.village_code and not org.village_code.startswith(council_code):
        errors["village_code"] = _("รหัสหมู่บ้านต้องขึ้นต้นด้วยรหัสตำบลของสภา (%(code)s)") % {"code": council_code}
    _not_future(errors, founded_on=org.founded_on, registered_on=org.registered_on)
    if org.founded_on and org.registered_on and org.registered_on < org.founded_on and "registered_on" not in errors:
        errors["registered_on"] = _("วันที่จดแจ้งต้องไม่ก่อนวันที่ก่อตั้ง")
    if errors:
        raise ValidationError(errors)
    org.full_clean(validate_unique=False)


@transaction.atomic
def organization_add(
    *,
    council: Council,
    by,
    code: str,
    name: str,
    kind: str,
    themes: Iterable = (),
    founded_on=None,
    registered_on=None,
    village_code: str = "",
    village_name: str = "",
    member_count: int = 0,
) -> CommunityOrganization:
    """Register a community organization under a council (its staff only)."""
    _check_may_edit(council, by, _("คุณไม่มีสิทธิ์เพิ่มองค์กรชุมชนของสภานี้"))
    code = (code or "").strip().upper()
    if code and CommunityOrganization.objects.filter(code=code).exists():
        raise ValidationError({"code": _("รหัส พอช. %(code)s มีอยู่ในทะเบียนแล้ว") % {"code": code}})
    org = CommunityOrganization(
        council=council,
        code=code,
        name=(name or "").strip(),
        kind=kind,
        founded_on=founded_on,
        registered_on=registered_on,
        village_code=(village_code or "").strip(),
        village_name=(village_name or "").strip(),
        member_count=member_count or 0,
    )
    organization_check(org)
    save_with_history(org, by=by, m2m={"themes": sorted(_theme_ids(themes))} if themes else None)
    return org


@transaction.atomic
def organization_update(
    *, organization: CommunityOrganization, by, themes: Iterable | None = None, **fields
) -> CommunityOrganization:
    """Change an organization (its council's staff only). The CODI code and the council are
    not changed here. Nothing is written when nothing changed."""
    _check_may_edit(organization.council, by, _("คุณไม่มีสิทธิ์แก้ไของค์กรชุมชนของสภานี้"))
    if "member_count" in fields:
        fields["member_count"] = fields["member_count"] or 0
    changed = _apply(organization, ORGANIZATION_FIELDS, fields)
    organization_check(organization)
    m2m = {}
    if themes is not None and _theme_ids(themes) != {t.pk for t in organization.themes.all()}:
        m2m["themes"] = sorted(_theme_ids(themes))
    if changed or m2m:
        save_with_history(organization, by=by, m2m=m2m)
    return organization
