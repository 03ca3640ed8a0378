"""The district mechanism and its members: kept by the district's officers."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.rules import require

from .. import permissions
from ..models import DistrictMechanism, MechanismMember


@transaction.atomic
def mechanism_establish(*, district, by, name: str, established_on: dt.date | None = None, note: str = "") -> DistrictMechanism:
    require(permissions.can_manage_mechanism, user=by, district=district)
    if DistrictMechanism.objects.filter(district=district).exists():
        raise ValidationError(_("อำเภอนี้มีกลไกระดับอำเภออยู่แล้ว"))
    mechanism = DistrictMechanism(district=district, name=name.strip(), established_on=established_on, note=note.strip())
    mechanism.full_clean()
    mechanism.save()
    return mechanism


def _check_links(mechanism, *, council, agency) -> None:
    district = mechanism.district
    if council is not None and council.subdistrict.district_id != district.pk:
        raise ValidationError({"council": _("สภานี้ไม่ได้อยู่ในอำเภอของกลไก")})
    if agency is not None:
        agency_district = agency.district_id or (agency.subdistrict.district_id if agency.subdistrict_id else None)
        agency_province = agency.province_id or (agency.subdistrict.district.province_id if agency.subdistrict_id else None)
        if agency_district not in (None, district.pk) or (agency_district is None and agency_province not in (None, district.province_id)):
            raise ValidationError({"agency": _("หน่วยงานนี้ไม่ได้อยู่ในพื้นที่ของกลไก")})


_MEMBER_FIELDS = ("full_name", "position", "category", "role", "term_start", "term_end", "user", "council", "agency")


@transaction.atomic
def mechanism_member_add(*, mechanism, by, **fields) -> MechanismMember:
    require(permissions.can_manage_mechanism, user=by, district=mechanism.district)
    _check_links(mechanism, council=fields.get("council"), agency=fields.get("agency"))
    member = MechanismMember(mechanism=mechanism, **{k: v for k, v in fields.items() if k in _MEMBER_FIELDS})
    member.full_name = member.full_name.strip()
    _check_term(member)
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def mechanism_member_update(*, member, by, **fields) -> MechanismMember:
    require(permissions.can_manage_mechanism, user=by, district=member.mechanism.district)
    _check_links(member.mechanism, council=fields.get("council"), agency=fields.get("agency"))
    for name, value in fields.items():
        if name in _MEMBER_FIELDS:
            setattr(member, name, value)
    member.full_name = member.full_name.strip()
    _check_term(member)
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def mechanism_member_end_term(*, member, by, term_end: dt.date | None = None) -> MechanismMember:
    require(permissions.can_manage_mechanism, user=by, district=member.mechanism.district)
    term_end = term_end or timezone.localdate()
    if member.term_end is not None and member.term_end < timezone.localdate():
        raise ValidationError(_("วาระของ %(name)s สิ้นสุดไปแล้ว") % {"name": member.full_name})
    member.term_end = term_end
    _check_term(member)
    member.save(update_fields=["term_end", "updated_at"])
    return member


def _check_term(member) -> None:
    if member.term_end is not None and member.term_start and member.term_end < member.term_start:
        raise ValidationError({"term_end": _("วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ")})
