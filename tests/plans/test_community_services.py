"""Community plans' services: every write asks the council's rule, checks its input in Thai,
and leaves nothing half-written; every item gets its alignment row, however it was made."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agencies.choices import AgencyKind
from plans.choices import AlignmentStatus, BudgetDateKind, Priority, ProposalStatus
from plans.models import Alignment, BudgetCalendarDate, CommunityPlan, PlanItem, SubsidyProposal
from plans.selectors import community as selectors
from plans.services import (
    community_plan_copy,
    community_plan_create,
    community_plan_delete,
    community_plan_update,
    plan_item_add,
    plan_item_delete,
    plan_item_update,
)
from plans.services.community import parse_budget

from ..factories import AgencyFactory, CommunityPlanFactory, LocalPlanProjectFactory, PlanItemFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme(db):
    return ThemeFactory(code="elderly", name_th="ผู้สูงอายุ")


@pytest.fixture
def plan(world):
    return CommunityPlanFactory(council=world.council_x, fiscal_year=2569, title="แผนพัฒนาตำบลบ้านหลวง 2569")


def _errors(excinfo) -> dict:
    return excinfo.value.message_dict


# Plans ------------------------------------------------------------------------------------


def test_staff_create_a_plan_with_a_be_year_typed_in_thai_digits(world, staff_x):
    plan = community_plan_create(council=world.council_x, by=staff_x, fiscal_year="๒๕๗๐")
    assert (plan.fiscal_year, plan.title) == (2570, "แผนพัฒนาชุมชนตำบลบ้านหลวง ปีงบประมาณ 2570")


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("2026", "ปี 2026 ดูเหมือนเป็นปี ค.ศ. กรุณากรอกเป็นปี พ.ศ. (เช่น 2569)"),
        ("ปีหน้า", "ปีงบประมาณต้องเป็นตัวเลข พ.ศ. เช่น 2570"),
    ],
)
def test_a_plan_year_that_is_not_be_is_refused_in_thai(world, staff_x, year, message):
    with pytest.raises(ValidationError) as excinfo:
        community_plan_create(council=world.council_x, by=staff_x, fiscal_year=year)
    assert _errors(excinfo) == {"fiscal_year": [message]}
    assert not CommunityPlan.objects.exists()


def test_a_second_plan_of_the_same_title_and_year_is_refused(world, staff_x, plan):
    with pytest.raises(ValidationError) as excinfo:
        community_plan_create(council=world.council_x, by=staff_x, fiscal_year=2569, title=plan.title)
    assert _errors(excinfo) == {"title": ["สภานี้มีแผนชื่อ “แผนพัฒนาตำบลบ้านหลวง 2569” ของปีงบประมาณ 2569 อยู่แล้ว"]}


@pytest.mark.parametrize("persona", ["staff_y", "officer_d", "agency_officer", "codi_staff"])
def test_only_the_councils_staff_write_its_plan(request, world, plan, theme, persona):
    user = request.getfixturevalue(persona)
    message = "คุณไม่มีสิทธิ์แก้ไขแผนพัฒนาชุมชนของสภานี้"
    with pytest.raises(PermissionDenied, match=message):
        community_plan_create(council=world.council_x, by=user, fiscal_year=2570)
    with pytest.raises(PermissionDenied, match=message):
        community_plan_update(plan=plan, by=user, title="แก้")
    with pytest.raises(PermissionDenied, match=message):
        plan_item_add(plan=plan, by=user, theme=theme, title="ซ่อมถนน")
    with pytest.raises(PermissionDenied, match=message):
        community_plan_copy(source=plan, by=user, fiscal_year=2570)
    assert CommunityPlan.objects.count() == 1 and not PlanItem.objects.exists()


# Items ------------------------------------------------------------------------------------


def test_an_item_is_added_with_every_field_and_a_pending_alignment(world, staff_x, plan, theme):
    item = plan_item_add(
        plan=plan, by=staff_x, theme=theme, title="  ซ่อมบ้านผู้สูงอายุ  ", description="บ้าน 5 หลัง",
        target_group="ผู้สูงอายุ 5 ครัวเรือน", location="หมู่ที่ 3 บ้านหนองบัว", budget_needed="๕๐,๐๐๐",
        priority=Priority.HIGH, target_agency=world.lao,
    )  # fmt: skip
    item.refresh_from_db()
    assert (item.title, item.budget_needed, item.priority, item.target_agency, item.location) == (
        "ซ่อมบ้านผู้สูงอายุ", Decimal("50000.00"), Priority.HIGH, world.lao, "หมู่ที่ 3 บ้านหนองบัว"
    )  # fmt: skip
    assert item.alignment.status == AlignmentStatus.PENDING


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("๕๐,๐๐๐", "50000.00"), ("50,000 บาท", "50000.00"), ("1234.5", "1234.50"), ("", "0.00"), ("-", "0.00")],
)
def test_budgets_are_read_as_people_type_them(typed, amount):
    assert parse_budget(typed) == Decimal(amount)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-500", "งบประมาณต้องไม่ติดลบ"),
        ("ห้าหมื่น", "งบประมาณต้องเป็นตัวเลข เช่น 50000 หรือ ๕๐,๐๐๐"),
        ("NaN", "งบประมาณต้องเป็นตัวเลข เช่น 50000 หรือ ๕๐,๐๐๐"),
    ],
)
def test_a_bad_budget_is_refused_in_thai_and_nothing_is_written(world, staff_x, plan, theme, typed, message):
    with pytest.raises(ValidationError) as excinfo:
        plan_item_add(plan=plan, by=staff_x, theme=theme, title="ซ่อมถนน", budget_needed=typed)
    assert _errors(excinfo) == {"budget_needed": [message]}
    assert not PlanItem.objects.exists() and not Alignment.objects.exists()


def test_the_agency_must_cover_the_councils_tambon(world, staff_x, plan, theme):
    elsewhere = AgencyFactory(subdistrict=world.council_z.subdistrict)
    with pytest.raises(ValidationError) as excinfo:
        plan_item_add(plan=plan, by=staff_x, theme=theme, title="ซ่อมถนน", target_agency=elsewhere)
    assert _errors(excinfo) == {"target_agency": ["หน่วยงานที่เลือกไม่ได้ดูแลพื้นที่ตำบลของสภานี้"]}
    assert not PlanItem.objects.exists()


def test_the_agencies_offered_are_those_covering_the_tambon(world):
    provincial = AgencyFactory(
        name="สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่", kind=AgencyKind.PROVINCIAL_CDD_OFFICE, subdistrict=None,
        district=None, province=world.province, dla_code=None,
    )  # fmt: skip
    AgencyFactory(subdistrict=world.council_y.subdistrict)  # the neighbour tambon's LAO
    AgencyFactory(subdistrict=world.council_z.subdistrict)  # another district's
    offered = list(selectors.target_agencies_for(council=world.council_x))
    assert offered == [world.lao, provincial]


def test_an_item_is_updated_and_its_alignment_stays(world, staff_x, plan, theme):
    item = PlanItemFactory(plan=plan, theme=theme, title="ซ่อมถนน")
    Alignment.objects.filter(plan_item=item).update(status=AlignmentStatus.ALIGNED, note="บรรจุแล้ว")
    plan_item_update(item=item, by=staff_x, budget_needed="๑๒,๕๐๐", target_group="ชาวบ้านหมู่ 3")
    item.refresh_from_db()
    assert (item.budget_needed, item.target_group, item.alignment.status) == (
        Decimal("12500.00"), "ชาวบ้านหมู่ 3", AlignmentStatus.ALIGNED
    )  # fmt: skip
    with pytest.raises(ValidationError) as excinfo:
        plan_item_update(item=item, by=staff_x, budget_needed="-1", title="ชื่อใหม่")
    assert _errors(excinfo) == {"budget_needed": ["งบประมาณต้องไม่ติดลบ"]}
    item.refresh_from_db()
    assert (item.title, item.budget_needed) == ("ซ่อมถนน", Decimal("12500.00"))


def _proposal(world, item, staff) -> SubsidyProposal:
    proposal = SubsidyProposal.objects.create(
        council=world.council_x, recipient=world.lao, theme=item.theme, fiscal_year=2570, title="โครงการซ่อมบ้าน",
        status=ProposalStatus.SUBMITTED, created_by=staff,
    )  # fmt: skip
    proposal.plan_items.add(item)
    return proposal


def test_an_item_in_a_proposal_is_not_deleted(world, staff_x, plan, theme):
    item = PlanItemFactory(plan=plan, theme=theme, title="ซ่อมบ้าน")
    _proposal(world, item, staff_x)
    with pytest.raises(ValidationError, match="ลบรายการ “ซ่อมบ้าน” ไม่ได้ เพราะอยู่ในโครงการขอรับงบอุดหนุนแล้ว"):
        plan_item_delete(item=item, by=staff_x)
    with pytest.raises(ValidationError, match="ลบแผนไม่ได้ เพราะรายการ “ซ่อมบ้าน” อยู่ในโครงการขอรับงบอุดหนุนแล้ว"):
        community_plan_delete(plan=plan, by=staff_x)
    assert PlanItem.objects.filter(pk=item.pk).exists()


def test_an_item_is_deleted_with_its_alignment(world, staff_x, plan, theme):
    item = PlanItemFactory(plan=plan, theme=theme)
    plan_item_delete(item=item, by=staff_x)
    assert not PlanItem.objects.exists() and not Alignment.objects.exists()


# Copying last year's plan -------------------------------------------------------------------


def test_copy_last_years_plan_gives_each_item_its_own_pending_alignment(world, staff_x, plan, theme):
    first = PlanItemFactory(plan=plan, theme=theme, title="ซ่อมบ้าน", target_agency=world.lao, priority=Priority.HIGH)
    second = PlanItemFactory(plan=plan, theme=theme, title="ฝายชะลอน้ำ", location="หมู่ที่ 2")
    Alignment.objects.filter(plan_item=first).update(
        status=AlignmentStatus.ALIGNED, local_plan_project=LocalPlanProjectFactory(lao=world.lao)
    )
    copy = community_plan_copy(source=plan, by=staff_x, fiscal_year="๒๕๗๐")
    assert (copy.fiscal_year, copy.title, copy.copied_from) == (2570, "แผนพัฒนาตำบลบ้านหลวง 2570", plan)
    items = list(copy.items.select_related("alignment").order_by("id"))
    assert [(i.title, i.copied_from, i.target_agency, i.priority, i.location) for i in items] == [
        ("ซ่อมบ้าน", first, world.lao, Priority.HIGH, ""),
        ("ฝายชะลอน้ำ", second, None, Priority.MEDIUM, "หมู่ที่ 2"),
    ]
    assert [(i.alignment.status, i.alignment.local_plan_project) for i in items] == [
        (AlignmentStatus.PENDING, None), (AlignmentStatus.PENDING, None)
    ]  # fmt: skip
    assert Alignment.objects.count() == 4
    assert items[0].history.count() == 1  # the copy has its own history from the start


def test_copy_into_a_year_that_already_has_that_plan_is_refused_in_thai(world, staff_x, plan, theme):
    PlanItemFactory(plan=plan, theme=theme)
    community_plan_copy(source=plan, by=staff_x, fiscal_year=2570)
    with pytest.raises(ValidationError) as excinfo:
        community_plan_copy(source=plan, by=staff_x, fiscal_year=2570, title="ชื่ออื่น")
    assert _errors(excinfo) == {"fiscal_year": ["ปีงบประมาณ 2570 มีแผน “แผนพัฒนาตำบลบ้านหลวง 2570” อยู่แล้ว จึงคัดลอกซ้ำไม่ได้"]}
    assert CommunityPlan.objects.count() == 2 and PlanItem.objects.count() == 2


# What the page shows beside each item --------------------------------------------------------


def test_the_budget_window_is_the_target_agencys_while_pending(world, plan, theme):
    plan.fiscal_year = 2570
    plan.save()
    world.council_x.lao = world.lao
    world.council_x.save()
    cdd = AgencyFactory(
        name="สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่", kind=AgencyKind.PROVINCIAL_CDD_OFFICE, subdistrict=None,
        district=None, province=world.province, dla_code=None,
    )  # fmt: skip
    for_lao = PlanItemFactory(plan=plan, theme=theme, title="ก", target_agency=world.lao)
    for_council_lao = PlanItemFactory(plan=plan, theme=theme, title="ข")
    for_cdd = PlanItemFactory(plan=plan, theme=theme, title="ค", target_agency=cdd)
    plan = selectors.community_plan_of(council=world.council_x, pk=plan.pk)
    late = {i.pk: i.window for i in selectors.plan_items_for_page(plan=plan, on=dt.date(2026, 8, 20))}
    assert late[for_lao.pk].message == "ยื่นหลัง 15 ส.ค. 2569: จะพิจารณาในปีงบประมาณ 2571"
    assert late[for_council_lao.pk].message == "ยื่นหลัง 15 ส.ค. 2569: จะพิจารณาในปีงบประมาณ 2571"
    # an agency that is not an LAO: its own calendar when it has one, else the rules' defaults
    assert late[for_cdd.pk].message == "ยื่นหลัง 15 ส.ค. 2569: จะพิจารณาในปีงบประมาณ 2571"
    BudgetCalendarDate.objects.create(lao=cdd, fiscal_year=2570, kind=BudgetDateKind.BUDGET_DRAFT, date=dt.date(2026, 9, 1))
    late = {i.pk: i.window for i in selectors.plan_items_for_page(plan=plan, on=dt.date(2026, 8, 20))}
    assert late[for_cdd.pk].message == "ยื่นได้ถึง 1 ก.ย. 2569 เพื่อเข้าคำของบประมาณปี 2570"
    early = {i.pk: i.window for i in selectors.plan_items_for_page(plan=plan, on=dt.date(2026, 3, 1))}
    assert early[for_lao.pk].missed is False
    assert early[for_lao.pk].message == "ยื่นได้ถึง 15 ส.ค. 2569 เพื่อเข้าร่างข้อบัญญัติงบประมาณปี 2570"
    # once reviewed (aligned, partly, not adopted) the window is no longer shown
    for status in (AlignmentStatus.ALIGNED, AlignmentStatus.PARTIAL, AlignmentStatus.NOT_ADOPTED):
        Alignment.objects.filter(plan_item=for_lao).update(status=status)
        plan = selectors.community_plan_of(council=world.council_x, pk=plan.pk)
        shown = {i.pk: i.window for i in selectors.plan_items_for_page(plan=plan, on=dt.date(2026, 8, 20))}
        assert shown[for_lao.pk] is None and shown[for_cdd.pk] is not None
