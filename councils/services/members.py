"""Every write to council members and the people behind them (PDPA).

Permission checks are inside each service (see councils.selectors.members for the rules):
callers find objects through the scoped selectors (404 outside the scope) and the
services refuse what the user may not do there (PermissionDenied, a 403). Bad input is a
ValidationError keyed by field, in Thai, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, Value
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.translation import gettext as _

from common.rules import require
from common.thai import arabic_digits
from common.validators import validate_ce_date

from .. import pdpa, permissions
from ..choices import MemberPosition
from ..models import CommunityOrganization, Council, CouncilMember, NationalIdReveal, Person
from ..selectors import members as member_selectors

logger = logging.getLogger(__name__)

MEMBER_FIELDS = ("organization", "position", "term_start", "term_end")
PHONE_RE = re.compile(r"^[0-9+\-\s(),]*$")
FAR_FUTURE = dt.date(9999, 12, 31)


def _history_types() -> dict:
    return {"+": _("เพิ่ม"), "~": _("แก้ไข"), "-": _("ลบ")}


# Checks -------------------------------------------------------------------------------------


def _may_manage(by, council: Council) -> None:
    require(permissions.can_manage_members, user=by, council=council)


def _may_manage_person(by, person: Person) -> None:
    require(permissions.can_manage_person, user=by, person=person)


def _clean_person(full_name: str, phone: str) -> tuple[dict, dict]:
    """Normalised name and phone, and the Thai errors keyed by field."""
    errors: dict[str, list] = {}
    full_name = " ".join((full_name or "").split())
    phone = arabic_digits((phone or "").strip())
    if not full_name:
        errors["full_name"] = [_("กรุณาระบุชื่อ-สกุล")]
    elif len(full_name) > 200:
        errors["full_name"] = [_("ชื่อ-สกุลยาวเกิน 200 ตัวอักษร")]
    if len(phone) > 40 or not PHONE_RE.match(phone):
        errors["phone"] = [_("หมายเลขโทรศัพท์ใช้ได้เฉพาะตัวเลข ขีด เว้นวรรค วงเล็บ และเครื่องหมาย + (ไม่เกิน 40 ตัวอักษร)")]
    return {"full_name": full_name, "phone": phone}, errors


def _clean_national_id(raw, *, person: Person | None) -> tuple[dict | None, dict]:
    """The stored national_id_* values (None: leave as is), and errors. Duplicates by hash."""
    if raw is None:
        return None, {}
    try:
        fields = pdpa.national_id_fields(raw)
    except ValidationError as exc:
        return None, {"national_id": exc.messages}
    digest = fields["national_id_hash"]
    if digest:
        others = Person.objects.filter(national_id_hash=digest)
        if person is not None and person.pk:
            others = others.exclude(pk=person.pk)
        if others.exists():
            return None, {"national_id": [_duplicate_message()]}
    return fields, {}


def _duplicate_message() -> str:
    return _("เลขประจำตัวประชาชนนี้มีอยู่แล้วในระบบ (บันทึกไว้กับบุคคลอื่น) หากเป็นคนเดียวกัน ให้เพิ่มวาระจากหน้าข้อมูลบุคคลนั้น")


def _clean_term(
    *, council: Council, person: Person | None, organization, position, term_start, term_end, exclude_pk=None
) -> dict:
    errors: dict[str, list] = {}
    if position not in MemberPosition.values:
        errors["position"] = [_("กรุณาเลือกตำแหน่งจากรายการ")]
    for name, value in (("term_start", term_start), ("term_end", term_end)):
        if value is None:
            continue
        try:
            validate_ce_date(value)
        except ValidationError as exc:
            errors[name] = exc.messages
    if term_start is None:
        errors["term_start"] = [_("กรุณาระบุวันเริ่มวาระ")]
    if term_start and term_end and term_end < term_start and "term_end" not in errors:
        errors["term_end"] = [_("วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ")]
    if organization is not None and organization.council_id != council.pk:
        errors["organization"] = [_("องค์กรที่เป็นผู้แทนต้องเป็นองค์กรชุมชนของสภานี้")]
    if not errors and person is not None and person.pk:
        overlapping = (
            CouncilMember.objects.filter(person=person, council=council)
            .exclude(pk=exclude_pk)
            .filter(term_start__lte=term_end or FAR_FUTURE)
            .filter(Q(term_end__isnull=True) | Q(term_end__gte=term_start))
        )
        if overlapping.exists():
            errors["term_start"] = [_("บุคคลนี้มีวาระในสภานี้ที่ทับซ้อนกับช่วงเวลานี้อยู่แล้ว")]
    return errors


def _save(obj, by) -> None:
    """Save (already validated), recording who did it in the history row."""
    obj._history_user = by
    if not isinstance(obj, Person):
        obj.save()
        return
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        # Two requests set the same number at once: the unique hash catches the second one.
        raise ValidationError({"national_id": [_duplicate_message()]}) from None


# Members ----------------------------------------------------------------------------------


@transaction.atomic
def member_add(
    *,
    council: Council,
    by,
    term_start,
    position=MemberPosition.MEMBER,
    term_end=None,
    organization: CommunityOrganization | None = None,
    person: Person | None = None,
    full_name: str = "",
    phone: str = "",
    national_id: str = "",
) -> CouncilMember:
    """A new term on ``council``: for an existing ``person`` (re-elected) or a new person."""
    _may_manage(by, council)
    errors: dict[str, list] = {}
    id_fields = None
    if person is None:
        person_values, errors = _clean_person(full_name, phone)
        id_fields, id_errors = _clean_national_id(national_id or "", person=None)
        errors.update(id_errors)
    errors.update(
        _clean_term(
            council=council, person=person, organization=organization,
            position=position, term_start=term_start, term_end=term_end,
        )
    )
    if errors:
        raise ValidationError(errors)
    if person is None:
        person = Person(**person_values, **(id_fields or {}))
        _save(person, by)
    member = CouncilMember(
        council=council, person=person, organization=organization,
        position=position, term_start=term_start, term_end=term_end,
    )
    _save(member, by)
    return member


@transaction.atomic
def member_update(*, member: CouncilMember, by, **fields) -> CouncilMember:
    """Change a term's organization, position or dates."""
    _may_manage(by, member.council)
    for name in fields:
        if name not in MEMBER_FIELDS:
            raise ValueError(f"unknown member field {name}")
    values = {name: fields.get(name, getattr(member, name)) for name in MEMBER_FIELDS}
    errors = _clean_term(council=member.council, person=member.person, exclude_pk=member.pk, **values)
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        setattr(member, name, value)
    _save(member, by)
    return member


@transaction.atomic
def member_end_term(*, member: CouncilMember, by, term_end: dt.date | None = None) -> CouncilMember:
    """End a current term (today unless another day is given)."""
    _may_manage(by, member.council)
    today = timezone.localdate()
    if not member_selectors.is_current(member, today):
        raise ValidationError({"term_end": [_("วาระนี้สิ้นสุดไปแล้ว")]})
    term_end = term_end or today
    errors = _clean_term(
        council=member.council, person=None, organization=member.organization, position=member.position,
        term_start=member.term_start, term_end=term_end,
    )
    if errors:
        raise ValidationError(errors)
    member.term_end = term_end
    _save(member, by)
    return member


# People -----------------------------------------------------------------------------------


@transaction.atomic
def person_update(*, person: Person, by, full_name: str, phone: str = "", national_id: str | None = None) -> Person:
    """Change a person's name and phone; with ``national_id`` also keep, replace or (empty)
    forget their national ID, all or nothing."""
    _may_manage_person(by, person)
    values, errors = _clean_person(full_name, phone)
    id_fields, id_errors = _clean_national_id(national_id, person=person)
    errors.update(id_errors)
    if errors:
        raise ValidationError(errors)
    for name, value in {**values, **(id_fields or {})}.items():
        setattr(person, name, value)
    _save(person, by)
    return person


@transaction.atomic
def person_set_national_id(*, person: Person, by, national_id: str) -> Person:
    """Keep (encrypted), replace or, with an empty value, forget a person's national ID."""
    _may_manage_person(by, person)
    fields, errors = _clean_national_id(national_id or "", person=person)
    if errors:
        raise ValidationError(errors)
    for name, value in fields.items():
        setattr(person, name, value)
    _save(person, by)
    return person


def _clean_purpose(purpose: str) -> str:
    purpose = " ".join((purpose or "").split())
    if len(purpose) < 5:
        raise ValidationError({"purpose": [_("กรุณาระบุวัตถุประสงค์ของการเปิดดูเลขประจำตัวประชาชน (อย่างน้อย 5 ตัวอักษร)")]})
    if len(purpose) > 255:
        raise ValidationError({"purpose": [_("วัตถุประสงค์ยาวเกิน 255 ตัวอักษร")]})
    return purpose


def _may_reveal(by, person: Person) -> None:
    require(permissions.can_reveal_national_id, user=by, person=person)


@transaction.atomic
def national_id_reveal(*, person: Person, by, purpose: str) -> str:
    """The full number (1-2345-67890-12-3), for CODI staff in scope only; every reveal logged."""
    _may_reveal(by, person)
    purpose = _clean_purpose(purpose)
    if not person.national_id_ciphertext:
        raise ValidationError({"national_id": [_("ไม่มีเลขประจำตัวประชาชนของบุคคลนี้ในระบบ")]})
    number = pdpa.person_national_id(person)
    NationalIdReveal.objects.create(person=person, revealed_by=by, purpose=purpose)
    return number


# Export and erasure (the data subject's rights) -------------------------------------------


def _user_label(user) -> str:
    return str(user) if user is not None else ""


def _iso(value) -> str | None:
    return value.isoformat() if value else None


@transaction.atomic
def person_export(*, person: Person, by, include_national_id: bool = False, purpose: str = "") -> dict:
    """Everything held on a person: the person, every term, the change history of both and
    the reveal log. The full ID only when asked for by a role that may see it (logged)."""
    _may_manage_person(by, person)
    if include_national_id:
        _may_reveal(by, person)
        purpose = _clean_purpose(purpose)
    today = timezone.localdate()
    terms = member_selectors.person_terms_visible(person=person, user=by)
    term_ids = [term.pk for term in terms]
    data = {
        "exported_at": timezone.now().isoformat(),
        "exported_by": _user_label(by),
        "person": {
            "id": person.pk,
            "full_name": person.full_name,
            "phone": person.phone,
            "national_id_masked": pdpa.person_masked_national_id(person),
            "created_at": _iso(person.created_at),
            "updated_at": _iso(person.updated_at),
        },
        "terms": [
            {
                "id": term.pk,
                "council_code": term.council.subdistrict.code,
                "council": term.council.name,
                "organization": term.organization.name if term.organization else "",
                "position": term.position,
                "position_label": str(term.get_position_display()),
                "term_start": _iso(term.term_start),
                "term_end": _iso(term.term_end),
                "is_current": member_selectors.is_current(term, today),
            }
            for term in terms
        ],
        "person_history": [
            {
                "history_date": _iso(row.history_date),
                "history_type": _history_types().get(row.history_type, row.history_type),
                "history_user": _user_label(row.history_user),
                "full_name": row.full_name,
                "phone": row.phone,
                "national_id_masked": pdpa.mask_national_id(row.national_id_last4),
            }
            for row in person.history.select_related("history_user").order_by("history_date", "history_id")
        ],
        "term_history": _term_history(person, term_ids, viewer=by),
        "national_id_reveals": [
            {"revealed_at": _iso(r.revealed_at), "revealed_by": _user_label(r.revealed_by), "purpose": r.purpose}
            for r in person.reveals.select_related("revealed_by").order_by("revealed_at", "pk")
        ],
    }
    if include_national_id:
        data["person"]["national_id"] = pdpa.person_national_id(person)
        NationalIdReveal.objects.create(
            person=person, revealed_by=by, purpose=_("ส่งออกข้อมูลส่วนบุคคล: %(purpose)s") % {"purpose": purpose}
        )
    return data


def _historical_terms(person_id: int, term_ids: list[int]):
    return CouncilMember.history.filter(Q(person_id=person_id) | Q(id__in=term_ids))


def _term_history(person: Person, term_ids: list[int], *, viewer) -> list[dict]:
    """The history of the person's terms on councils inside the viewer's scope."""
    in_scope = Council.objects.visible_to(viewer).values("pk")
    rows = list(_historical_terms(person.pk, term_ids).filter(council_id__in=in_scope).select_related("history_user").order_by("history_date", "history_id"))
    councils = dict(Council.objects.filter(pk__in={r.council_id for r in rows}).values_list("pk", "name"))
    organizations = dict(
        CommunityOrganization.objects.filter(pk__in={r.organization_id for r in rows if r.organization_id})
        .values_list("pk", "name")
    )
    return [
        {
            "term_id": row.id,
            "history_date": _iso(row.history_date),
            "history_type": _history_types().get(row.history_type, row.history_type),
            "history_user": _user_label(row.history_user),
            "council": councils.get(row.council_id, ""),
            "organization": organizations.get(row.organization_id, ""),
            "position": row.position,
            "term_start": _iso(row.term_start),
            "term_end": _iso(row.term_end),
        }
        for row in rows
    ]


@transaction.atomic
def person_erase(*, person: Person, by) -> dict:
    """Erase a person on request: the person, every term, the reveal log and every
    historical row of both. Admin log entries naming them are anonymised. The erasure is
    logged (admin LogEntry and the application log) with ids and counts only."""
    require(permissions.can_erase_person, user=by, person=person)
    pk = person.pk
    term_ids = list(CouncilMember.objects.filter(person_id=pk).values_list("pk", flat=True))
    reveals = NationalIdReveal.objects.filter(person_id=pk).count()
    history_rows = Person.history.filter(id=pk).count() + _historical_terms(pk, term_ids).count()
    CouncilMember.objects.filter(pk__in=term_ids).delete()
    NationalIdReveal.objects.filter(person_id=pk).delete()
    Person.objects.filter(pk=pk).delete()
    # Deleting writes "-" history rows: remove those together with all the earlier ones.
    Person.history.filter(id=pk).delete()
    _historical_terms(pk, term_ids).delete()
    person_type = ContentType.objects.get_for_model(Person)
    member_type = ContentType.objects.get_for_model(CouncilMember)
    LogEntry.objects.filter(content_type=person_type, object_id=str(pk)).update(object_repr=f"Person #{pk}")
    # One UPDATE for all terms: the name goes, the id stays (object_repr = "CouncilMember #<id>").
    LogEntry.objects.filter(content_type=member_type, object_id__in=[str(t) for t in term_ids]).update(
        object_repr=Concat(Value("CouncilMember #"), "object_id")
    )
    summary = {"person_id": pk, "terms": len(term_ids), "history_rows": history_rows, "reveals": reveals}
    LogEntry.objects.create(
        user_id=by.pk,
        content_type=person_type,
        object_id=str(pk),
        object_repr=f"Person #{pk}",
        action_flag=DELETION,
        change_message=_(
            "ลบข้อมูลส่วนบุคคลตามคำขอของเจ้าของข้อมูล (PDPA): วาระ %(terms)s รายการ "
            "ประวัติการแก้ไข %(history_rows)s รายการ บันทึกการเปิดดูเลขประจำตัว %(reveals)s รายการ"
        ) % summary,
    )
    logger.info("person erased on request: person_id=%s terms=%s by_user_id=%s", pk, len(term_ids), by.pk)
    person.pk = None
    return summary
