"""Reads of community plans and their items, scoped to the user.

A council's plans are read by its own staff and by everyone whose area covers its tambon
(the district's officers, the LAO's and other covering agencies' staff, CODI staff);
outside that area the council is not found (404)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, DecimalField, Prefetch, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from agencies.selectors import agencies_covering
from councils.models import Council
from councils.selectors import council_for_edit

from ..budget_calendar import BudgetCalendar
from ..choices import AlignmentStatus
from ..models import CommunityPlan, PlanItem, SubsidyProposal

ITEM_JOINS = (
    "theme",
    "target_agency",
    "alignment__local_plan_project__lao",
    "alignment__mission__agency",
    "alignment__reviewed_by",
)


def council_for_plans(*, user, code: str) -> Council:
    """The council whose tambon code is given, inside the user's scope (DoesNotExist: 404)."""
    return council_for_edit(user=user, code=code)


def community_plans_of(*, council: Council) -> QuerySet[CommunityPlan]:
    """The council's plans, the latest fiscal year first, each with ``item_count`` and
    ``budget_total``."""
    return (
        CommunityPlan.objects.filter(council=council)
        .annotate(
            item_count=Count("items"),
            budget_total=Coalesce(Sum("items__budget_needed"), Value(Decimal("0")), output_field=DecimalField()),
        )
        .order_by("-fiscal_year", "title")
    )


def community_plan_of(*, council: Council, pk) -> CommunityPlan:
    """One plan of the council (DoesNotExist for another council's: a 404)."""
    return CommunityPlan.objects.select_related("council__subdistrict__district__province", "council__lao").get(
        council=council, pk=pk
    )


def plan_item_of(*, plan: CommunityPlan, pk) -> PlanItem:
    item = PlanItem.objects.select_related(*ITEM_JOINS).get(plan=plan, pk=pk)
    item.plan = plan
    return item


def _proposals_prefetch() -> Prefetch:
    return Prefetch(
        "subsidy_proposals",
        queryset=SubsidyProposal.objects.only("id", "title", "status").order_by("-fiscal_year", "id"),
    )


def window_agency(item: PlanItem, council: Council) -> tuple[int | None, bool]:
    """(the agency whose budget calendar an item meets, whether it is an LAO): the agency
    it is meant for, of any kind (its own dates, else the defaults), else the council's
    own LAO; (None, True) when neither is known."""
    if item.target_agency_id:
        return item.target_agency_id, item.target_agency.is_local_government
    return council.lao_id, True


def plan_items_for_page(*, plan: CommunityPlan, on: dt.date | None = None) -> list[PlanItem]:
    """The plan's items in theme order, each with its alignment, the LAO project or mission
    it was matched to, its proposals and, while it waits for review, ``window``
    (plans.budget_calendar.Window, or None): what happens to a request for the plan's year
    reaching its target agency (any kind; else the council's LAO) on ``on`` (today). A
    fixed number of queries whatever the number of items."""
    on = on or timezone.localdate()
    items = list(
        PlanItem.objects.filter(plan=plan)
        .select_related(*ITEM_JOINS)
        .prefetch_related(_proposals_prefetch())
        .order_by("theme__name_th", "priority", "id")
    )
    council = plan.council
    pending = [item for item in items if getattr(item, "alignment", None) is None or item.alignment.status == AlignmentStatus.PENDING]
    agency_ids = {agency_id for item in pending if (agency_id := window_agency(item, council)[0])}
    calendar = BudgetCalendar.load(lao_ids=agency_ids, fiscal_years=[plan.fiscal_year]) if agency_ids else None
    for item in items:
        item.plan = plan
        alignment = getattr(item, "alignment", None)
        item.alignment_status = alignment.status if alignment else AlignmentStatus.PENDING
        agency_id, of_lao = window_agency(item, council)
        # Only while the item waits for review: once aligned or decided the window is moot.
        item.window = (
            calendar.window(agency_id, plan.fiscal_year, on, of_lao=of_lao)
            if agency_id and calendar and item.alignment_status == AlignmentStatus.PENDING
            else None
        )
    return items


def items_by_theme(items: list[PlanItem]) -> list[tuple]:
    """[(theme, [items])] in the order the items come."""
    groups: dict = {}
    for item in items:
        groups.setdefault(item.theme, []).append(item)
    return list(groups.items())


def target_agencies_for(*, council: Council) -> QuerySet:
    """What a plan item of the council may be meant for: the agencies whose area covers
    its tambon, nearest first (the LAO of the tambon, the district's, the province's, the
    national ones)."""
    return agencies_covering(subdistrict=council.subdistrict)


def previous_plan(*, council: Council, before_year: int) -> CommunityPlan | None:
    return CommunityPlan.objects.filter(council=council, fiscal_year__lt=before_year).order_by("-fiscal_year").first()


# The API --------------------------------------------------------------------------------


def community_plans_for_api(*, user) -> QuerySet[CommunityPlan]:
    return (
        CommunityPlan.objects.visible_to(user)
        .select_related("council__subdistrict__district__province")
        .annotate(item_count=Count("items"))
        .order_by("id")
    )


def plan_items_for_api(*, user) -> QuerySet[PlanItem]:
    return (
        PlanItem.objects.visible_to(user)
        .select_related("plan__council__subdistrict__district__province", *ITEM_JOINS)
        .prefetch_related(_proposals_prefetch())
        .order_by("id")
    )
