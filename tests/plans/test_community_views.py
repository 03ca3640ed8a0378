"""A council's community plan pages: its staff write, the area's officers, LAO and CODI
staff read, everyone else is not found; the list and the plan pin their query counts."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from plans.choices import AlignmentStatus, Priority, ProposalStatus
from plans.models import Alignment, CommunityPlan, PlanItem, SubsidyProposal

from ..factories import CommunityPlanFactory, LocalPlanProjectFactory, PlanItemFactory, ThemeFactory

pytestmark = pytest.mark.django_db

LIST = "/plans/council/500203/"


@pytest.fixture
def theme(db):
    return ThemeFactory(code="elderly", name_th="ผู้สูงอายุ")


@pytest.fixture
def plan(world):
    return CommunityPlanFactory(council=world.council_x, fiscal_year=2570, title="แผนพัฒนาตำบลบ้านหลวง 2570")


def _plan_url(plan, rest=""):
    return f"/plans/council/{plan.council.subdistrict.code}/{plan.pk}/{rest}"


def test_council_page_links_to_its_plans(client, staff_x, world):
    client.force_login(staff_x)
    assert f'href="{LIST}"' in client.get("/councils/500203/").content.decode()


def test_staff_create_a_plan_and_add_an_item_with_thai_digits(client, staff_x, world, theme):
    client.force_login(staff_x)
    response = client.post(f"{LIST}new/", {"fiscal_year": "๒๕๗๐", "title": ""})
    plan = CommunityPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == _plan_url(plan)
    assert (plan.fiscal_year, plan.title) == (2570, "แผนพัฒนาชุมชนตำบลบ้านหลวง ปีงบประมาณ 2570")
    response = client.post(
        _plan_url(plan, "items/new/"),
        {"theme": theme.pk, "title": "ซ่อมบ้านผู้สูงอายุ", "target_group": "ผู้สูงอายุ 5 ครัวเรือน",
         "location": "หมู่ที่ 3", "budget_needed": "๕๐,๐๐๐", "priority": Priority.HIGH, "target_agency": world.lao.pk},
    )  # fmt: skip
    item = PlanItem.objects.get()
    assert response["Location"] == _plan_url(plan) + f"#item-{item.pk}"
    assert (item.budget_needed, item.target_agency, item.alignment.status) == (
        Decimal("50000.00"), world.lao, AlignmentStatus.PENDING
    )  # fmt: skip
    page = client.get(_plan_url(plan)).content.decode()
    assert "ซ่อมบ้านผู้สูงอายุ" in page and "50,000 บาท" in page and "รอพิจารณา" in page


def test_bad_input_shows_thai_messages_and_writes_nothing(client, staff_x, plan, theme, world):
    client.force_login(staff_x)
    response = client.post(
        _plan_url(plan, "items/new/"), {"theme": theme.pk, "title": "ซ่อม", "budget_needed": "-5", "priority": 2}
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"budget_needed": ["งบประมาณต้องไม่ติดลบ"]}
    response = client.post(f"{LIST}new/", {"fiscal_year": "2027"})
    assert response.context["form"].errors == {"fiscal_year": ["ปี 2027 ดูเหมือนเป็นปี ค.ศ. กรุณากรอกเป็นปี พ.ศ. (เช่น 2570)"]}
    assert not PlanItem.objects.exists() and CommunityPlan.objects.count() == 1


def test_the_agency_picker_offers_only_agencies_covering_the_tambon(client, staff_x, plan, world):
    from ..factories import AgencyFactory

    elsewhere = AgencyFactory(subdistrict=world.council_z.subdistrict)
    client.force_login(staff_x)
    form = client.get(_plan_url(plan, "items/new/")).context["form"]
    assert list(form.fields["target_agency"].queryset) == [world.lao]
    response = client.post(
        _plan_url(plan, "items/new/"),
        {"theme": ThemeFactory().pk, "title": "x", "priority": 2, "target_agency": elsewhere.pk},
    )
    assert response.context["form"].errors == {"target_agency": ["หน่วยงานที่เลือกไม่ได้ดูแลพื้นที่ตำบลของสภานี้"]}


def test_staff_edit_and_delete_an_item(client, staff_x, plan, theme):
    item = PlanItemFactory(plan=plan, theme=theme, title="ซ่อมถนน")
    client.force_login(staff_x)
    form = client.get(_plan_url(plan, f"items/{item.pk}/edit/")).context["form"]
    assert form.initial["title"] == "ซ่อมถนน"
    response = client.post(
        _plan_url(plan, f"items/{item.pk}/edit/"),
        {"theme": theme.pk, "title": "ซ่อมถนนลูกรัง", "budget_needed": "120,000", "priority": 1},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.budget_needed, item.priority) == ("ซ่อมถนนลูกรัง", Decimal("120000.00"), 1)
    assert client.post(_plan_url(plan, f"items/{item.pk}/delete/")).status_code == 302
    assert not PlanItem.objects.exists()


def test_copy_last_years_plan_from_the_page_and_refused_the_second_time(client, staff_x, plan, theme):
    PlanItemFactory(plan=plan, theme=theme)
    client.force_login(staff_x)
    response = client.post(_plan_url(plan, "copy/"), {"fiscal_year": "2571"})
    copy = CommunityPlan.objects.get(fiscal_year=2571)
    assert response["Location"] == _plan_url(copy)
    response = client.post(_plan_url(plan, "copy/"), {"fiscal_year": "2571"})
    assert response.context["form"].errors == {
        "fiscal_year": ["ปีงบประมาณ 2571 มีแผน “แผนพัฒนาตำบลบ้านหลวง 2571” อยู่แล้ว จึงคัดลอกซ้ำไม่ได้"]
    }
    assert CommunityPlan.objects.count() == 2


def test_beside_each_item_its_alignment_project_note_proposal_and_window(
    client, officer_d, plan, theme, world, monkeypatch
):
    world.council_x.lao = world.lao
    world.council_x.save()
    aligned = PlanItemFactory(plan=plan, theme=theme, title="ซ่อมบ้าน")
    project = LocalPlanProjectFactory(lao=world.lao, title="โครงการซ่อมแซมบ้านผู้ยากไร้")
    Alignment.objects.filter(plan_item=aligned).update(
        status=AlignmentStatus.ALIGNED, local_plan_project=project, note="บรรจุในแผนเพิ่มเติม 1/2569",
        reviewed_at=timezone.now(),
    )  # fmt: skip
    pending = PlanItemFactory(plan=plan, theme=theme, title="ฝายชะลอน้ำ")
    proposal = SubsidyProposal.objects.create(
        council=world.council_x, recipient=world.lao, theme=theme, fiscal_year=2570, title="โครงการบ้านมั่นคง",
        status=ProposalStatus.UNDER_CONSIDERATION,
    )  # fmt: skip
    proposal.plan_items.add(aligned)
    monkeypatch.setattr("plans.views.community.timezone.localdate", lambda: dt.date(2026, 8, 20))
    client.force_login(officer_d)
    response = client.get(_plan_url(plan))
    page = response.content.decode()
    assert "บรรจุในแผนท้องถิ่นแล้ว" in page
    assert f"โครงการ “โครงการซ่อมแซมบ้านผู้ยากไร้” ในแผนพัฒนาท้องถิ่นของ{world.lao.name}" in page
    assert "หมายเหตุผู้พิจารณา: บรรจุในแผนเพิ่มเติม 1/2569" in page
    assert "โครงการบ้านมั่นคง" in page and "อยู่ระหว่างพิจารณา" in page
    assert page.count("ยื่นหลัง 15 ส.ค. 2569: จะพิจารณาในปีงบประมาณ 2571") == 1  # the pending item only
    assert f'id="item-{pending.pk}"' in page
    assert "+ เพิ่มรายการ" not in page and "แก้ไข</a>" not in page  # read-only for the officer


@pytest.mark.parametrize("persona", ["officer_d", "agency_officer", "codi_staff", "codi_regional"])
def test_the_area_reads_the_plan_but_may_not_write_it(request, client, plan, theme, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(LIST).status_code == 200
    assert client.get(_plan_url(plan)).status_code == 200
    response = client.get(f"{LIST}new/")
    assert response.status_code == 403
    assert "คุณไม่มีสิทธิ์แก้ไขแผนพัฒนาชุมชนของสภานี้" in response.content.decode()
    assert (
        client.post(_plan_url(plan, "items/new/"), {"theme": theme.pk, "title": "x", "priority": 2}).status_code == 403
    )
    assert client.post(_plan_url(plan, "copy/"), {"fiscal_year": "2571"}).status_code == 403
    assert not PlanItem.objects.exists() and CommunityPlan.objects.count() == 1


@pytest.mark.parametrize("persona", ["staff_y", "officer_e"])
def test_outside_the_area_the_plan_is_not_found(request, client, plan, theme, persona):
    item = PlanItemFactory(plan=plan, theme=theme)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(LIST).status_code == 404
    assert client.get(_plan_url(plan)).status_code == 404
    assert client.post(_plan_url(plan, f"items/{item.pk}/delete/")).status_code == 404
    assert PlanItem.objects.filter(pk=item.pk).exists()


def test_another_councils_plan_through_my_councils_url_is_not_found(client, staff_x, world):
    other = CommunityPlanFactory(council=world.council_y)
    client.force_login(staff_x)
    assert client.get(f"{LIST}{other.pk}/").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, plan):
    response = client.get(LIST)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def _fill(plan, theme, world, n):
    for i in range(n):
        item = PlanItemFactory(plan=plan, theme=ThemeFactory() if i % 2 else theme, target_agency=world.lao)
        SubsidyProposal.objects.create(
            council=world.council_x,
            recipient=world.lao,
            theme=theme,
            fiscal_year=2570,
            title=f"ข้อเสนอ {i}",
        ).plan_items.add(item)


@pytest.mark.parametrize("n", [2, 12])
def test_plan_page_queries_do_not_grow_with_items(
    client, staff_x, plan, theme, world, n, django_assert_max_num_queries
):
    world.council_x.lao = world.lao
    world.council_x.save()
    _fill(plan, theme, world, n)
    client.force_login(staff_x)
    with django_assert_max_num_queries(12):
        response = client.get(_plan_url(plan))
    assert len([i for _, items in response.context["groups"] for i in items]) == n


@pytest.mark.parametrize("n", [1, 8])
def test_plan_list_queries_do_not_grow_with_plans(client, staff_x, world, theme, n, django_assert_max_num_queries):
    for year in range(n):
        PlanItemFactory(plan=CommunityPlanFactory(council=world.council_x, fiscal_year=2560 + year), theme=theme)
    client.force_login(staff_x)
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert len(response.context["plans"]) == n
