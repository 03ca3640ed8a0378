"""LAO local plans: the services (cycle, budgets, amendments that add, change, withdraw),
the plan as of a date, and the pages from the refused side."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.choices import Role
from plans.models import Alignment, LocalPlanProject
from plans.services import (
    local_plan_amendment_create,
    local_plan_create,
    local_plan_project_add,
    local_plan_project_change,
    local_plan_project_withdraw,
)

from ..factories import AgencyFactory, LocalPlanFactory, PlanItemFactory, SubdistrictFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(world, agency_officer):
    return local_plan_create(lao=world.lao, by=agency_officer, start_year=2566, adopted_on=dt.date(2022, 10, 1))


def add(plan, by, title="โครงการซ่อมแซมบ้านผู้ยากไร้", budgets=None, **kwargs):
    return local_plan_project_add(plan=plan, by=by, title=title, budgets=budgets or {2567: 100000}, **kwargs)


# Creating plans -----------------------------------------------------------------------------


def test_a_plan_is_one_5_year_cycle(plan):
    assert (plan.start_year, plan.end_year) == (2566, 2570)
    assert plan.title == "แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)"


def test_a_cycle_that_is_not_5_years_is_refused_in_thai(world, agency_officer):
    with pytest.raises(ValidationError) as error:
        local_plan_create(lao=world.lao, by=agency_officer, start_year=2566, end_year=2568)
    assert error.value.message_dict["end_year"] == ["แผนพัฒนาท้องถิ่นมีรอบ 5 ปี: แผนที่เริ่มปี 2566 ต้องสิ้นสุดปี 2570"]


def test_an_overlapping_cycle_is_refused(plan, world, agency_officer):
    with pytest.raises(ValidationError) as error:
        local_plan_create(lao=world.lao, by=agency_officer, start_year=2568)
    assert "ซ้อนกับแผนที่มีอยู่แล้ว" in error.value.message_dict["start_year"][0]


def test_only_the_laos_own_staff_create_its_plan(world, officer_d, staff_x):
    for user in (officer_d, staff_x):
        with pytest.raises(PermissionDenied) as error:
            local_plan_create(lao=world.lao, by=user, start_year=2566)
        assert str(error.value) == "คุณไม่มีสิทธิ์แก้ไขแผนพัฒนาท้องถิ่นของหน่วยงานนี้"


# Projects and their budget lines ------------------------------------------------------------


def test_a_project_keeps_its_first_year_and_total_from_its_lines(plan, agency_officer):
    project = add(plan, agency_officer, budgets={2569: "50000", 2567: Decimal("100000"), 2570: None})
    assert (project.fiscal_year, project.budget) == (2567, Decimal("150000.00"))
    assert list(project.budgets.values_list("fiscal_year", "amount")) == [
        (2567, Decimal("100000.00")), (2569, Decimal("50000.00"))
    ]


def test_a_budget_year_outside_the_plan_is_refused_in_thai(plan, agency_officer):
    with pytest.raises(ValidationError) as error:
        add(plan, agency_officer, budgets={2571: 1000})
    assert error.value.message_dict["budgets"] == ["ปีงบประมาณ 2571 อยู่นอกช่วงปีของแผน (2566–2570)"]
    assert not LocalPlanProject.objects.exists()


def test_a_project_needs_a_budget_in_some_year(plan, agency_officer):
    with pytest.raises(ValidationError) as error:
        add(plan, agency_officer, budgets={2567: None})
    assert "อย่างน้อยหนึ่งปี" in error.value.message_dict["budgets"][0]


def test_an_addition_amendment_brings_projects_in(plan, agency_officer):
    addition = local_plan_amendment_create(
        plan=plan, by=agency_officer, kind="addition", number=1, year=2568, effective_on=dt.date(2025, 2, 1)
    )
    project = add(plan, agency_officer, amendment=addition)
    assert project.added_by == addition and addition.label == "เพิ่มเติม ครั้งที่ 1/2568"


def test_a_change_amendment_cannot_add_projects(plan, agency_officer):
    change = local_plan_amendment_create(
        plan=plan, by=agency_officer, kind="change", number=1, year=2569, effective_on=dt.date(2026, 1, 10)
    )
    with pytest.raises(ValidationError) as error:
        add(plan, agency_officer, amendment=change)
    assert error.value.messages == ["โครงการใหม่เพิ่มได้ด้วยการแก้ไขแผนแบบ “เพิ่มเติม” เท่านั้น"]


def test_amendment_numbers_are_unique_and_documents_are_real_pdfs(plan, agency_officer):
    local_plan_amendment_create(plan=plan, by=agency_officer, kind="addition", number=1, year=2568,
                                effective_on=dt.date(2025, 2, 1))  # fmt: skip
    with pytest.raises(ValidationError) as error:
        local_plan_amendment_create(plan=plan, by=agency_officer, kind="addition", number=1, year=2568,
                                    effective_on=dt.date(2025, 3, 1))  # fmt: skip
    assert error.value.message_dict["number"] == ["มีเพิ่มเติม ครั้งที่ 1/2568 ในแผนนี้แล้ว"]
    fake = SimpleUploadedFile("ประกาศ.pdf", b"not a pdf at all", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        local_plan_amendment_create(plan=plan, by=agency_officer, kind="change", number=1, year=2569,
                                    effective_on=dt.date(2026, 1, 10), document=fake)  # fmt: skip
    assert error.value.message_dict["document"] == ["ไฟล์นี้ไม่ใช่ PDF กรุณาแนบประกาศการแก้ไขแผนเป็นไฟล์ PDF"]


def test_an_amendment_that_changes_a_project_of_another_lao_is_refused_in_thai(plan, world, agency_officer):
    other_lao = AgencyFactory(subdistrict=world.council_y.subdistrict)
    other_staff = user_with_role("other_lao", Role.AGENCY_STAFF, agency=other_lao)
    other_plan = local_plan_create(lao=other_lao, by=other_staff, start_year=2566)
    theirs = add(other_plan, other_staff, title="ถนนของ อปท. อื่น")
    change = local_plan_amendment_create(
        plan=plan, by=agency_officer, kind="change", number=1, year=2569, effective_on=dt.date(2026, 1, 10)
    )
    with pytest.raises(ValidationError) as error:
        local_plan_project_withdraw(amendment=change, project=theirs, by=agency_officer)
    assert error.value.messages == [
        f"โครงการ “ถนนของ อปท. อื่น” เป็นของ อปท. อื่น การแก้ไขแผนของ {world.lao.name} เปลี่ยนแปลงโครงการนี้ไม่ได้"
    ]
    theirs.refresh_from_db()
    assert theirs.superseded_by is None


def test_a_project_is_changed_once(plan, agency_officer):
    project = add(plan, agency_officer)
    change = local_plan_amendment_create(
        plan=plan, by=agency_officer, kind="change", number=1, year=2569, effective_on=dt.date(2026, 1, 10)
    )
    local_plan_project_withdraw(amendment=change, project=project, by=agency_officer)
    with pytest.raises(ValidationError) as error:
        local_plan_project_withdraw(amendment=change, project=project, by=agency_officer)
    assert error.value.messages == ["โครงการนี้ถูกเปลี่ยนแปลงหรือยกเลิกไปแล้ว"]


# The plan as of a date ----------------------------------------------------------------------


@pytest.fixture
def history(plan, agency_officer):
    """Adopted 1 Oct 2022; an addition effective 1 Feb 2025; a change effective 10 Jan 2026
    that replaces the road project and withdraws the market project."""
    road = add(plan, agency_officer, title="ถนนคอนกรีตหมู่ที่ 3", budgets={2567: 500000})
    market = add(plan, agency_officer, title="ตลาดชุมชน", budgets={2566: 80000})
    addition = local_plan_amendment_create(
        plan=plan, by=agency_officer, kind="addition", number=1, year=2568, effective_on=dt.date(2025, 2, 1)
    )
    elderly = add(plan, agency_officer, title="ศูนย์ผู้สูงอายุ", budgets={2568: 120000}, amendment=addition)
    change = local_plan_amendment_create(
        plan=plan, by=agency_officer, kind="change", number=1, year=2569, effective_on=dt.date(2026, 1, 10)
    )
    new_road = local_plan_project_change(
        amendment=change, project=road, by=agency_officer, title="ถนนคอนกรีตหมู่ที่ 3 (ขยายช่วง)",
        budgets={2569: 650000, 2570: 100000},
    )
    local_plan_project_withdraw(amendment=change, project=market, by=agency_officer)
    return {"road": road, "market": market, "elderly": elderly, "new_road": new_road}


def titles_on(plan, day):
    return sorted(LocalPlanProject.objects.filter(local_plan=plan).as_of(day).values_list("title", flat=True))


@pytest.mark.parametrize(
    "day, expected",
    [
        (dt.date(2022, 9, 30), []),  # before the plan was adopted
        (dt.date(2024, 6, 1), ["ตลาดชุมชน", "ถนนคอนกรีตหมู่ที่ 3"]),  # before the addition
        (dt.date(2025, 2, 1), ["ตลาดชุมชน", "ถนนคอนกรีตหมู่ที่ 3", "ศูนย์ผู้สูงอายุ"]),  # the addition's day
        (dt.date(2026, 1, 9), ["ตลาดชุมชน", "ถนนคอนกรีตหมู่ที่ 3", "ศูนย์ผู้สูงอายุ"]),  # between
        (dt.date(2026, 1, 10), ["ถนนคอนกรีตหมู่ที่ 3 (ขยายช่วง)", "ศูนย์ผู้สูงอายุ"]),  # the change's day
        (dt.date(2027, 1, 1), ["ถนนคอนกรีตหมู่ที่ 3 (ขยายช่วง)", "ศูนย์ผู้สูงอายุ"]),  # after
    ],
)
def test_the_plan_as_of_a_date(plan, history, day, expected):
    assert titles_on(plan, day) == expected


def test_a_change_keeps_the_old_row_and_links_the_new_one(history):
    road, new_road = history["road"], history["new_road"]
    road.refresh_from_db()
    assert road.superseded_by == new_road.added_by and new_road.replaces == road
    assert (new_road.fiscal_year, new_road.budget) == (2569, Decimal("750000.00"))


def test_the_plan_page_shows_the_plan_as_of_a_be_date(client, plan, history, officer_d):
    client.force_login(officer_d)
    before = client.get(f"/plans/local/{plan.pk}/", {"on": "01/06/2567"})
    assert before.status_code == 200
    assert [p.title for g in before.context["groups"] for p in g["projects"]] == ["ตลาดชุมชน", "ถนนคอนกรีตหมู่ที่ 3"]
    assert "แผน ณ วันที่ 1 มิถุนายน 2567: 2 โครงการ" in before.content.decode()
    between = client.get(f"/plans/local/{plan.pk}/", {"on": "๙ ม.ค. ๒๕๖๙"})  # Thai month and digits
    assert between.context["project_count"] == 3
    after = client.get(f"/plans/local/{plan.pk}/", {"on": "10/01/2569"})
    assert sorted(p.title for g in after.context["groups"] for p in g["projects"]) == [
        "ถนนคอนกรีตหมู่ที่ 3 (ขยายช่วง)", "ศูนย์ผู้สูงอายุ"
    ]
    wrong = client.get(f"/plans/local/{plan.pk}/", {"on": "10/01/2026"})
    assert "เป็นปี ค.ศ. แต่ช่องนี้ใช้ปี พ.ศ." in wrong.content.decode()


def test_alignments_keep_pointing_at_a_superseded_project(client, plan, history, world, agency_officer):
    item = PlanItemFactory(plan__council=world.council_x)
    Alignment.objects.filter(plan_item=item).update(local_plan_project=history["road"], status="aligned")
    client.force_login(agency_officer)
    page = client.get(f"/plans/local/{plan.pk}/").content.decode()
    row = page.split(f'id="superseded-{history["road"].pk}"')[1].split("</tr>")[0]
    assert "เปลี่ยนแปลง ครั้งที่ 1/2569" in row and "ยังชี้ไปที่โครงการเดิมนี้ 1 รายการ (ประวัติ)" in row
    assert Alignment.objects.get(plan_item=item).local_plan_project == history["road"]


# The pages from the refused side --------------------------------------------------------------


def test_other_agency_staff_in_scope_are_refused_with_403(client, plan, world):
    district_office = AgencyFactory(subdistrict=None, district=world.district, province=world.province,
                                    kind="cdd", dla_code=None, name="สำนักงานพัฒนาชุมชนอำเภอจอมทอง")  # fmt: skip
    staff = user_with_role("cdd_d", Role.AGENCY_STAFF, agency=district_office)
    client.force_login(staff)
    assert client.get(f"/plans/local/{plan.pk}/").status_code == 200
    refused = client.get(f"/plans/local/{plan.pk}/projects/new/")
    assert refused.status_code == 403
    assert "คุณไม่มีสิทธิ์แก้ไขแผนพัฒนาท้องถิ่นของหน่วยงานนี้" in refused.content.decode()


def test_staff_of_another_tambons_lao_do_not_find_the_plan(client, plan, world):
    far_lao = AgencyFactory(subdistrict=SubdistrictFactory(district=world.far_district, code="570102"))
    staff = user_with_role("far_lao", Role.AGENCY_STAFF, agency=far_lao)
    client.force_login(staff)
    assert client.get(f"/plans/local/{plan.pk}/").status_code == 404
    assert client.post(f"/plans/local/{plan.pk}/projects/new/", {"title": "x"}).status_code == 404


def test_lao_staff_add_a_project_with_thai_digits_and_commas(client, plan, agency_officer):
    client.force_login(agency_officer)
    response = client.post(
        f"/plans/local/{plan.pk}/projects/new/",
        {"title": "โครงการฝึกอาชีพ", "budget_2567": "๑๒๐,๐๐๐", "budget_2568": "-", "budget_2569": "30,000.50"},
    )
    assert response.status_code == 302
    project = LocalPlanProject.objects.get(title="โครงการฝึกอาชีพ")
    assert (project.fiscal_year, project.budget) == (2567, Decimal("150000.50"))


def test_the_list_shows_plans_in_scope_only(client, plan, world, staff_x, staff_y):
    LocalPlanFactory(lao=AgencyFactory(subdistrict=world.council_z.subdistrict))
    client.force_login(staff_x)
    assert [p.pk for p in client.get("/plans/local/").context["plans"]] == [plan.pk]
    client.force_login(staff_y)
    assert client.get("/plans/local/").context["plans"] == []
