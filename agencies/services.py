"""Every write to missions and cooperation agreements. Each checks the rule (the agency's
own staff), validates (a Thai ValidationError, nothing written) and saves with history."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.rules import require

from . import permissions
from .files import check_agreement_pdf
from .models import Agency, CooperationAgreement, Mission

MISSION_FIELDS = (
    "theme", "fiscal_year", "title", "description", "budget_line", "budget_amount",
    "contact_name", "contact_phone", "contact_email",
)  # fmt: skip
AGREEMENT_FIELDS = ("title", "other_parties", "signed_on", "starts_on", "ends_on", "province", "district", "is_public")


def _save(instance, *, by, reason: str = "") -> None:
    instance.full_clean()
    instance._history_user = by
    if reason:
        instance._change_reason = reason
    instance.save()


def _assign(instance, fields: Iterable[str], values: dict) -> None:
    unknown = set(values) - set(fields)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    for name, value in values.items():
        setattr(instance, name, value)


# Missions ---------------------------------------------------------------------------------


@transaction.atomic
def mission_create(*, agency: Agency, by, **values) -> Mission:
    require(permissions.can_manage_agency, user=by, agency=agency)
    mission = Mission(agency=agency)
    _assign(mission, MISSION_FIELDS, values)
    _save(mission, by=by)
    return mission


@transaction.atomic
def mission_update(*, mission: Mission, by, **values) -> Mission:
    require(permissions.can_edit_mission, user=by, mission=mission)
    _assign(mission, MISSION_FIELDS, values)
    _save(mission, by=by)
    return mission


@transaction.atomic
def mission_delete(*, mission: Mission, by) -> None:
    require(permissions.can_edit_mission, user=by, mission=mission)
    mission._history_user = by
    mission.delete()


# Agreements -------------------------------------------------------------------------------


def _other_agency_ids(agency: Agency, others: Iterable | None) -> list[int]:
    ids = sorted({getattr(a, "pk", a) for a in (others or [])})
    if agency.pk in ids:
        raise ValidationError({"other_agencies": _("หน่วยงานเจ้าของข้อตกลงไม่ต้องเลือกซ้ำในหน่วยงานที่ร่วมลงนาม")})
    if len(ids) != Agency.objects.filter(pk__in=ids).count():
        raise ValidationError({"other_agencies": _("ไม่พบหน่วยงานที่ร่วมลงนามบางแห่ง")})
    return ids


def _set_file(agreement: CooperationAgreement, file) -> None:
    if file:
        check_agreement_pdf(file)
        agreement.file = file


@transaction.atomic
def agreement_create(
    *, agency: Agency, by, other_agencies: Iterable | None = None, file=None, **values
) -> CooperationAgreement:
    require(permissions.can_manage_agency, user=by, agency=agency)
    agreement = CooperationAgreement(agency=agency)
    _assign(agreement, AGREEMENT_FIELDS, values)
    ids = _other_agency_ids(agency, other_agencies)
    _set_file(agreement, file)
    _save(agreement, by=by)
    agreement.other_agencies.set(ids)
    return agreement


@transaction.atomic
def agreement_update(
    *, agreement: CooperationAgreement, by, other_agencies: Iterable | None = None, file=None, **values
) -> CooperationAgreement:
    """``other_agencies`` None keeps them; ``file`` None keeps the file."""
    require(permissions.can_edit_agreement, user=by, agreement=agreement)
    _assign(agreement, AGREEMENT_FIELDS, values)
    ids = None if other_agencies is None else _other_agency_ids(agreement.agency, other_agencies)
    _set_file(agreement, file)
    _save(agreement, by=by)
    if ids is not None:
        agreement.other_agencies.set(ids)
    return agreement


@transaction.atomic
def agreement_delete(*, agreement: CooperationAgreement, by) -> None:
    require(permissions.can_edit_agreement, user=by, agreement=agreement)
    agreement._history_user = by
    name = agreement.file.name
    agreement.delete()
    if name:
        storage = agreement.file.storage
        transaction.on_commit(lambda: storage.delete(name))
