"""The LAO local plans API: the LAO's own staff write through the same services and rule as
the pages (403 for others in the area, 404 outside it); bad input answers 400 in Thai and
writes nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from plans.models import Alignment, LocalPlanAmendment, LocalPlanProject, LocalPlanProjectBudget
from plans.services import local_plan_amendment_create, local_plan_create, local_plan_project_add

from ..factories import AgencyFactory, PlanItemFactory, ThemeFactory

pytestmark = pytest.mark.django_db

PROJECTS = "/api/v1/local-plan-projects/"
AMENDMENTS = "/api/v1/local-plan-amendments/"


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def plan(world, agency_officer):
    return local_plan_create(lao=world.lao, by=agency_officer, start_year=2566, adopted_on=dt.date(2022, 10, 1))


@pytest.fixture
def project(plan, agency_officer):
    return local_plan_project_add(
        plan=plan, by=agency_officer, title="ซ่อมถนนลูกรัง หมู่ที่ 3", budgets={2568: 100000, 2569: 50000}
    )


def counts():
    return (
        LocalPlanProject.objects.count(),
        LocalPlanAmendment.objects.count(),
        LocalPlanProjectBudget.objects.count(),
    )


def test_lao_staff_add_a_project_with_its_budget_per_year(plan, agency_officer):
    ThemeFactory(code="elderly", name_th="ผู้สูงอายุ")
    body = {"local_plan": plan.pk, "title": "ศูนย์ผู้สูงอายุ", "theme": "elderly", "strategy": "1. ยุทธศาสตร์สังคม",
            "budgets": {"2569": "๕๐,๐๐๐", "2570": 70000, "2567": "-"}}  # fmt: skip
    response = api(agency_officer).post(PROJECTS, body, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (data["fiscal_year"], data["budget"], data["theme"], data["local_plan"], data["added_by"]) == (
        2569, "120000.00", "elderly", plan.pk, None
    )  # fmt: skip
    assert data["budgets"] == [{"fiscal_year": 2569, "amount": "50000.00"}, {"fiscal_year": 2570, "amount": "70000.00"}]


def test_a_project_added_by_an_addition_amendment(plan, agency_officer):
    addition = local_plan_amendment_create(
        plan=plan, by=agency_officer, kind="addition", number=1, year=2568, effective_on=dt.date(2025, 2, 1)
    )
    body = {"local_plan": plan.pk, "amendment": addition.pk, "title": "ขุดลอกคลอง", "budgets": {"2569": 10000}}
    response = api(agency_officer).post(PROJECTS, body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["added_by"] == addition.pk


def test_a_year_outside_the_cycle_is_refused_in_thai_and_nothing_written(plan, agency_officer):
    before = counts()
    body = {"local_plan": plan.pk, "title": "ขุดลอกคลอง", "budgets": {"2569": 10000, "2571": 5000}}
    response = api(agency_officer).post(PROJECTS, body, format="json")
    assert response.status_code == 400
    assert response.json() == {"budgets": ["ปีงบประมาณ 2571 อยู่นอกช่วงปีของแผน (2566–2570)"]}
    assert counts() == before


def test_bad_budget_input_answers_thai(plan, agency_officer):
    for budgets, message in (
        ({"ปีหน้า": 1}, "ปีงบประมาณ “ปีหน้า” ต้องเป็นปี พ.ศ. 4 หลัก เช่น 2569"),
        ({"2569": "ห้าหมื่น"}, "2569: งบประมาณต้องเป็นตัวเลข เช่น 150,000 หรือใส่ - เมื่อไม่มีงบประมาณปีนั้น ค่าที่พบ “ห้าหมื่น”"),
        ({"2569": "-"}, "กรุณาระบุงบประมาณอย่างน้อยหนึ่งปี (ปีที่ไม่มีงบประมาณเว้นว่างหรือใส่ -)"),
    ):
        response = api(agency_officer).post(
            PROJECTS, {"local_plan": plan.pk, "title": "ก", "budgets": budgets}, format="json"
        )
        assert (response.status_code, response.json()) == (400, {"budgets": [message]})
    assert LocalPlanProject.objects.count() == 0


def test_others_are_refused_creating(plan, officer_d, staff_x, staff_y, officer_e, world):
    body = {"local_plan": plan.pk, "title": "ขุดลอกคลอง", "budgets": {"2569": 10000}}
    for user in (officer_d, staff_x):
        response = api(user).post(PROJECTS, body, format="json")
        assert (response.status_code, response.json()) == (403, {"detail": "คุณไม่มีสิทธิ์แก้ไขแผนพัฒนาท้องถิ่นของหน่วยงานนี้"})
    for user in (staff_y, officer_e):
        assert api(user).post(PROJECTS, body, format="json").status_code == 404
    other_lao_staff = _other_lao_staff(world)
    assert api(other_lao_staff).post(PROJECTS, body, format="json").status_code == 404
    assert LocalPlanProject.objects.count() == 0


def _other_lao_staff(world):
    from accounts.choices import Role

    from ..factories import user_with_role

    return user_with_role("other_lao", Role.AGENCY_STAFF, agency=AgencyFactory(subdistrict=world.council_z.subdistrict))


def test_correct_a_project_in_place(project, agency_officer):
    response = api(agency_officer).patch(
        f"{PROJECTS}{project.pk}/", {"title": "ซ่อมถนนลูกรัง หมู่ที่ 4", "budgets": {"2570": "30,000"}}, format="json"
    )
    assert response.status_code == 200, response.json()
    project.refresh_from_db()
    assert (project.title, project.fiscal_year, project.budget) == ("ซ่อมถนนลูกรัง หมู่ที่ 4", 2570, Decimal("30000"))
    assert list(project.budgets.values_list("fiscal_year", "amount")) == [(2570, Decimal("30000.00"))]
    response = api(agency_officer).patch(f"{PROJECTS}{project.pk}/", {"target": "ถนน 2 กม."}, format="json")
    assert response.json()["budget"] == "30000.00"  # budgets not sent stay


def test_others_are_refused_correcting_and_deleting(project, officer_d, staff_x, staff_y, world):
    url = f"{PROJECTS}{project.pk}/"
    for user in (officer_d, staff_x):
        assert api(user).patch(url, {"title": "x"}, format="json").status_code == 403
        assert api(user).delete(url).status_code == 403
        assert api(user).post(f"{url}withdraw/", {"amendment": 1}, format="json").status_code == 403
    for user in (staff_y, _other_lao_staff(world)):
        assert api(user).patch(url, {"title": "x"}, format="json").status_code == 404
        assert api(user).delete(url).status_code == 404
    project.refresh_from_db()
    assert project.title == "ซ่อมถนนลูกรัง หมู่ที่ 3"


def test_delete_a_project_typed_by_mistake_but_not_one_aligned(project, plan, agency_officer, world):
    item = PlanItemFactory(plan__council=world.council_x)
    Alignment.objects.filter(plan_item=item).update(local_plan_project=project, status="adopted")
    response = api(agency_officer).delete(f"{PROJECTS}{project.pk}/")
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [
            "โครงการ “ซ่อมถนนลูกรัง หมู่ที่ 3” มีรายการในแผนชุมชนเชื่อมโยงอยู่ ลบไม่ได้ ให้ยกเลิกด้วยการแก้ไขแผนแบบ “เปลี่ยนแปลง”"
        ]
    }
    Alignment.objects.filter(plan_item=item).update(local_plan_project=None, status="pending")
    assert api(agency_officer).delete(f"{PROJECTS}{project.pk}/").status_code == 204
    assert not LocalPlanProject.objects.filter(pk=project.pk).exists()
    assert LocalPlanProjectBudget.objects.count() == 0


def test_change_and_withdraw_by_a_change_amendment(project, plan, agency_officer):
    change = local_plan_amendment_create(
        plan=plan, by=agency_officer, kind="change", number=1, year=2569, effective_on=dt.date(2026, 1, 15)
    )
    other = local_plan_project_add(plan=plan, by=agency_officer, title="ขุดลอกคลอง", budgets={2569: 10000})
    response = api(agency_officer).post(
        f"{PROJECTS}{project.pk}/change/",
        {"amendment": change.pk, "title": "ถนนคอนกรีต หมู่ที่ 3", "budgets": {"2569": 300000}},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert (response.json()["replaces"], response.json()["added_by"]) == (project.pk, change.pk)
    project.refresh_from_db()
    assert project.superseded_by_id == change.pk
    response = api(agency_officer).post(f"{PROJECTS}{other.pk}/withdraw/", {"amendment": change.pk}, format="json")
    assert (response.status_code, response.json()["superseded_by"]) == (200, change.pk)
    # a superseded project is history: not corrected in place
    response = api(agency_officer).patch(f"{PROJECTS}{project.pk}/", {"title": "x"}, format="json")
    assert response.status_code == 400
    assert "ถูกเปลี่ยนแปลงหรือยกเลิกไปแล้ว" in response.json()["non_field_errors"][0]


def test_an_amendment_with_its_projects_all_at_once(plan, agency_officer, project):
    body = {
        "local_plan": plan.pk, "kind": "addition", "number": 1, "year": 2569, "effective_on": "2026-03-01",
        "note": "เพิ่มโครงการตามเวทีประชาคม",
        "additions": [{"title": "ขุดลอกคลอง", "budgets": {"2569": 10000}},
                      {"title": "ตลาดชุมชน", "budgets": {"2570": "๒๐,๐๐๐"}}],
    }  # fmt: skip
    response = api(agency_officer).post(AMENDMENTS, body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["label"] == "เพิ่มเติม ครั้งที่ 1/2569"
    amendment = LocalPlanAmendment.objects.get(pk=response.json()["id"])
    assert sorted(amendment.added_projects.values_list("title", flat=True)) == ["ขุดลอกคลอง", "ตลาดชุมชน"]
    change = {"local_plan": plan.pk, "kind": "change", "number": 1, "year": 2569, "effective_on": "2026-04-01",
              "changes": [{"project": project.pk, "title": "ถนนคอนกรีต", "budgets": {"2569": 1}}]}  # fmt: skip
    response = api(agency_officer).post(AMENDMENTS, change, format="json")
    assert response.status_code == 201, response.json()
    project.refresh_from_db()
    assert project.superseded_by_id == response.json()["id"]


def test_an_amendment_with_another_laos_project_writes_nothing(plan, agency_officer, world):
    neighbour = AgencyFactory(
        subdistrict=world.council_x.subdistrict, name="อบจ.เชียงใหม่", dla_code="2500000"
    )  # in the staff's area
    neighbour_plan = _plan_of(neighbour)
    theirs = LocalPlanProject.objects.create(
        lao=neighbour, local_plan=neighbour_plan, title="ถนนของ อบจ.", fiscal_year=2569, budget=1
    )
    before = counts()
    body = {"local_plan": plan.pk, "kind": "change", "number": 1, "year": 2569, "effective_on": "2026-03-01",
            "withdrawals": [theirs.pk]}  # fmt: skip
    response = api(agency_officer).post(AMENDMENTS, body, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "withdrawals": [
            f"รายการที่ 1: โครงการ “ถนนของ อบจ.” เป็นของ อปท. อื่น การแก้ไขแผนของ {world.lao.name} เปลี่ยนแปลงโครงการนี้ไม่ได้"
        ]
    }
    assert counts() == before
    # a project outside the staff's scope is not found (its title is not told)
    far = LocalPlanProject.objects.create(
        lao=AgencyFactory(subdistrict=world.council_w.subdistrict), title="ลับ", fiscal_year=2569, budget=1
    )
    before = counts()
    response = api(agency_officer).post(AMENDMENTS, {**body, "withdrawals": [far.pk]}, format="json")
    assert (response.status_code, response.json()) == (
        400,
        {"withdrawals": {"0": [f"ไม่พบโครงการในแผนท้องถิ่นรหัส {far.pk}"]}},
    )
    assert counts() == before


def _plan_of(lao):
    from plans.models import LocalPlan

    return LocalPlan.objects.create(lao=lao, start_year=2566, end_year=2570, title="แผน อบจ.")


def test_an_amendment_with_a_year_outside_the_cycle_writes_nothing(plan, agency_officer):
    before = counts()
    body = {"local_plan": plan.pk, "kind": "addition", "number": 1, "year": 2569, "effective_on": "2026-03-01",
            "additions": [{"title": "ก", "budgets": {"2569": 1}}, {"title": "ข", "budgets": {"2572": 1}}]}  # fmt: skip
    response = api(agency_officer).post(AMENDMENTS, body, format="json")
    assert (response.status_code, response.json()) == (
        400, {"additions": ["รายการที่ 2: ปีงบประมาณ 2572 อยู่นอกช่วงปีของแผน (2566–2570)"]}
    )  # fmt: skip
    assert counts() == before


def test_others_are_refused_an_amendment(plan, officer_d, staff_y, world):
    body = {"local_plan": plan.pk, "kind": "addition", "number": 1, "year": 2569, "effective_on": "2026-03-01"}
    assert api(officer_d).post(AMENDMENTS, body, format="json").status_code == 403
    assert api(staff_y).post(AMENDMENTS, body, format="json").status_code == 404
    assert api(_other_lao_staff(world)).post(AMENDMENTS, body, format="json").status_code == 404
    assert api().post(AMENDMENTS, body, format="json").status_code == 403
    assert LocalPlanAmendment.objects.count() == 0


# The pages that call the same services --------------------------------------------------------


def test_the_pages_correct_and_delete_a_project(client, project, plan, agency_officer, world):
    client.force_login(agency_officer)
    base = f"/plans/local/{plan.pk}/projects/{project.pk}"
    form = client.get(f"{base}/edit/").content.decode()
    assert 'value="100,000"' in form and "แก้ข้อมูลที่บันทึกผิด" in form
    response = client.post(f"{base}/edit/", {"title": "ซ่อมถนนลูกรัง หมู่ที่ 4", "budget_2569": "๗๐,๐๐๐"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.title, project.budget, project.fiscal_year) == ("ซ่อมถนนลูกรัง หมู่ที่ 4", Decimal("70000"), 2569)
    response = client.post(f"{base}/edit/", {"title": "ก", "budget_2572": "1"})  # no such year field: none given
    assert "กรุณาระบุงบประมาณอย่างน้อยหนึ่งปี" in response.content.decode()
    item = PlanItemFactory(plan__council=world.council_x)
    Alignment.objects.filter(plan_item=item).update(local_plan_project=project, status="adopted")
    refused = client.post(f"{base}/delete/")
    assert refused.status_code == 200 and "มีรายการในแผนชุมชนเชื่อมโยงอยู่ ลบไม่ได้" in refused.content.decode()
    Alignment.objects.filter(plan_item=item).update(local_plan_project=None, status="pending")
    assert client.post(f"{base}/delete/").status_code == 302
    assert not LocalPlanProject.objects.filter(pk=project.pk).exists()
