"""Writes to community plans and their items (the council's own staff).

Every plan item is born with its alignment row (pending review), whichever door made it:
the pages and the API (``plan_item_add``), a copy of last year's plan
(``community_plan_copy``), the admin and its imports (``plan_item_ensure_alignment``).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from agencies.selectors import agencies_covering
from common.rules import require
from common.thai import arabic_digits, thai_truncate
from common.validators import validate_be_year

from .. import permissions
from ..choices import Priority
from ..models import Alignment, CommunityPlan, PlanItem

PLAN_FIELDS = ("title", "adopted_on", "note")
ITEM_FIELDS = (
    "theme",
    "title",
    "description",
    "target_group",
    "location",
    "priority",
    "target_agency",
    "budget_needed",
)


# Checks shared by every door (the admin's form asks them too) --------------------------------


def parse_budget(value) -> Decimal:
    """A budget as people type it: Thai digits, thousands separators, "บาท", "-" for none.
    Negative or not a number: a Thai ValidationError."""
    if value is None or value == "":
        return Decimal("0")
    if isinstance(value, Decimal | int | float):
        amount = Decimal(str(value))
    else:
        text = arabic_digits(str(value)).replace(",", "").replace("บาท", "").replace(" ", "").strip()
        if text in ("", "-"):
            return Decimal("0")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValidationError(
                {"budget_needed": _("งบประมาณต้องเป็นตัวเลข เช่น 50000 หรือ ๕๐,๐๐๐")}, code="invalid"
            ) from None
    if not amount.is_finite():
        raise ValidationError({"budget_needed": _("งบประมาณต้องเป็นตัวเลข เช่น 50000 หรือ ๕๐,๐๐๐")}, code="invalid")
    if amount < 0:
        raise ValidationError({"budget_needed": _("งบประมาณต้องไม่ติดลบ")}, code="negative")
    if amount >= Decimal("1e12"):
        raise ValidationError({"budget_needed": _("งบประมาณสูงเกินไป กรุณาตรวจสอบจำนวนเงิน")}, code="too_large")
    return amount.quantize(Decimal("0.01"))


def parse_fiscal_year(value, field: str = "fiscal_year") -> int:
    """A fiscal year as people type it (Buddhist Era, Thai digits accepted); a Christian-era
    year or a year out of range is refused in Thai."""
    try:
        year = int(arabic_digits(str(value)).strip())
    except (TypeError, ValueError):
        raise ValidationError({field: _("ปีงบประมาณต้องเป็นตัวเลข พ.ศ. เช่น 2570")}, code="invalid") from None
    try:
        validate_be_year(year)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None
    return year


def plan_item_check(item: PlanItem) -> None:
    """The rules an item meets whatever door it comes through: a budget that is not negative,
    a known priority, and an agency or LAO whose area covers the council's tambon."""
    errors = {}
    if item.budget_needed is not None and item.budget_needed < 0:
        errors["budget_needed"] = _("งบประมาณต้องไม่ติดลบ")
    if item.priority not in Priority.values:
        errors["priority"] = _("ลำดับความสำคัญไม่ถูกต้อง")
    if item.target_agency_id is not None:
        subdistrict = item.plan.council.subdistrict
        if not agencies_covering(subdistrict=subdistrict).filter(pk=item.target_agency_id).exists():
            errors["target_agency"] = _("หน่วยงานที่เลือกไม่ได้ดูแลพื้นที่ตำบลของสภานี้")
    if not (item.title or "").strip():
        errors["title"] = _("กรุณากรอกชื่อรายการ/โครงการ")
    if errors:
        raise ValidationError(errors)


def community_plan_check(plan: CommunityPlan) -> None:
    errors = {}
    if not (plan.title or "").strip():
        errors["title"] = _("กรุณากรอกชื่อแผน")
    duplicate = CommunityPlan.objects.filter(
        council_id=plan.council_id, fiscal_year=plan.fiscal_year, title=(plan.title or "").strip()
    ).exclude(pk=plan.pk)
    if plan.council_id and plan.fiscal_year and duplicate.exists():
        errors["title"] = _("สภานี้มีแผนชื่อ “%(title)s” ของปีงบประมาณ %(year)s อยู่แล้ว") % {
            "title": plan.title,
            "year": plan.fiscal_year,
        }
    if errors:
        raise ValidationError(errors)


def _full_clean(obj, check) -> None:
    """The model's own checks (lengths, the BE year) and the service's, as one error."""
    errors = {}
    try:
        obj.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        check(obj)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, [])
            errors[field] += [m for m in messages if m not in errors[field]]
    if errors:
        raise ValidationError(errors)


# Plans ------------------------------------------------------------------------------------


@transaction.atomic
def community_plan_create(
    *, council, by, fiscal_year, title: str = "", adopted_on=None, note: str = ""
) -> CommunityPlan:
    """A council's plan for one fiscal year (BE). The title defaults to "แผนพัฒนาชุมชน
    ตำบล… ปีงบประมาณ …"."""
    require(permissions.can_edit_community_plan, user=by, council=council)
    fiscal_year = parse_fiscal_year(fiscal_year)
    title = (title or "").strip() or _("แผนพัฒนาชุมชนตำบล%(tambon)s ปีงบประมาณ %(year)s") % {
        "tambon": council.subdistrict.name_th,
        "year": fiscal_year,
    }
    plan = CommunityPlan(
        council=council, fiscal_year=fiscal_year, title=title, adopted_on=adopted_on, note=note.strip()
    )
    _full_clean(plan, community_plan_check)
    plan.save()
    return plan


@transaction.atomic
def community_plan_update(*, plan: CommunityPlan, by, **fields) -> CommunityPlan:
    """Change a plan's title, adoption date or note (its council and year stay)."""
    require(permissions.can_edit_community_plan, user=by, council=plan.council)
    plan = CommunityPlan.objects.select_for_update().select_related("council__subdistrict").get(pk=plan.pk)
    for name, value in fields.items():
        if name not in PLAN_FIELDS:
            raise TypeError(f"community_plan_update() got an unexpected field {name!r}")
        setattr(plan, name, value.strip() if isinstance(value, str) else value)
    _full_clean(plan, community_plan_check)
    plan.save()
    return plan


def _items_in_proposals(items) -> list[str]:
    return [item.title for item in items.filter(subsidy_proposals__isnull=False).distinct().order_by("id")]


@transaction.atomic
def community_plan_delete(*, plan: CommunityPlan, by) -> None:
    """Delete a plan with its items, unless one of them is part of a subsidy proposal."""
    require(permissions.can_edit_community_plan, user=by, council=plan.council)
    in_proposals = _items_in_proposals(plan.items.all())
    if in_proposals:
        raise ValidationError(
            _("ลบแผนไม่ได้ เพราะรายการ “%(item)s” อยู่ในโครงการขอรับงบอุดหนุนแล้ว") % {"item": in_proposals[0]}
        )
    plan.delete()


@transaction.atomic
def community_plan_copy(*, source: CommunityPlan, by, fiscal_year, title: str = "") -> CommunityPlan:
    """Start a new year's plan from an earlier one: the same title (its year replaced) and a
    copy of every item, each with its own pending alignment and ``copied_from`` set.
    Refused when the council already has that plan in the target year."""
    council = source.council
    require(permissions.can_edit_community_plan, user=by, council=council)
    fiscal_year = parse_fiscal_year(fiscal_year)
    if fiscal_year == source.fiscal_year:
        raise ValidationError({"fiscal_year": _("กรุณาเลือกปีงบประมาณอื่นที่ไม่ใช่ปีของแผนต้นฉบับ")})
    title = (title or "").strip() or source.title.replace(str(source.fiscal_year), str(fiscal_year))
    clash = (
        CommunityPlan.objects.filter(council=council, fiscal_year=fiscal_year)
        .filter(Q(copied_from=source) | Q(title=title))
        .first()
    )
    if clash is not None:
        raise ValidationError(
            {
                "fiscal_year": _("ปีงบประมาณ %(year)s มีแผน “%(title)s” อยู่แล้ว จึงคัดลอกซ้ำไม่ได้")
                % {"year": fiscal_year, "title": clash.title}
            }
        )
    plan = CommunityPlan(council=council, fiscal_year=fiscal_year, title=title, copied_from=source, note=source.note)
    _full_clean(plan, community_plan_check)
    plan.save()
    items = []
    for old in source.items.order_by("id"):
        items.append(
            PlanItem(
                plan=plan,
                copied_from=old,
                **{name: getattr(old, name) for name in ITEM_FIELDS},
            )
        )
    # Bulk, with the history rows the items' HistoricalRecords would have written.
    bulk_create_with_history(items, PlanItem, default_user=by, default_change_reason=_("คัดลอกจากแผนปีก่อน"))
    created = PlanItem.objects.filter(plan=plan).order_by("id")
    bulk_create_with_history([Alignment(plan_item=item) for item in created], Alignment, default_user=by)
    return plan


# Items ------------------------------------------------------------------------------------


def _item_values(fields: dict) -> dict:
    values = {}
    for name, value in fields.items():
        if name not in ITEM_FIELDS:
            raise TypeError(f"unexpected plan item field {name!r}")
        if name == "budget_needed":
            value = parse_budget(value)
        elif isinstance(value, str):
            value = value.strip()
        elif name == "priority" and value is None:
            value = Priority.MEDIUM
        values[name] = value
    return values


@transaction.atomic
def plan_item_add(
    *, plan: CommunityPlan, theme, by=None, description: str = "", budget_needed=0, title: str = "", **fields
) -> PlanItem:
    """Add an item to a plan, always with its alignment row (pending review). With ``by``
    (every door a person uses) the council's rule is asked first."""
    if by is not None:
        require(permissions.can_edit_community_plan, user=by, council=plan.council)
    values = _item_values({"theme": theme, "description": description, "budget_needed": budget_needed, **fields})
    description = values["description"]
    title = (title or "").strip() or (thai_truncate(description.splitlines()[0], 255) if description else "")
    item = PlanItem(plan=plan, title=title, **values)
    _full_clean(item, plan_item_check)
    item.save()
    Alignment.objects.create(plan_item=item)
    return item


@transaction.atomic
def plan_item_update(*, item: PlanItem, by, **fields) -> PlanItem:
    """Change an item's text, theme, budget, priority or target agency. Its alignment and
    any proposal it is part of stay as they are."""
    require(permissions.can_edit_community_plan, user=by, council=item.plan.council)
    item = PlanItem.objects.select_for_update().select_related("plan__council__subdistrict__district").get(pk=item.pk)
    for name, value in _item_values(fields).items():
        setattr(item, name, value)
    _full_clean(item, plan_item_check)
    item.save()
    return item


@transaction.atomic
def plan_item_delete(*, item: PlanItem, by) -> None:
    """Delete an item (and its alignment), unless it is part of a subsidy proposal."""
    require(permissions.can_edit_community_plan, user=by, council=item.plan.council)
    if item.subsidy_proposals.exists():
        raise ValidationError(_("ลบรายการ “%(item)s” ไม่ได้ เพราะอยู่ในโครงการขอรับงบอุดหนุนแล้ว") % {"item": item.title})
    item.delete()


@transaction.atomic
def plan_item_ensure_alignment(*, item: PlanItem) -> Alignment:
    """The alignment row of an item saved outside ``plan_item_add`` (the admin, its
    imports): created pending when missing, left alone when there."""
    alignment, _created = Alignment.objects.get_or_create(plan_item=item)
    return alignment
