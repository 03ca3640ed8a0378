"""The community plans API: the council's staff write through the services (403 for others
in the area, 404 outside it); bad input answers 400 with Thai messages, nothing written."""

import pytest
from rest_framework.test import APIClient

from plans.choices import AlignmentStatus
from plans.models import Alignment, CommunityPlan, PlanItem

from ..factories import CommunityPlanFactory, PlanItemFactory, ThemeFactory

pytestmark = pytest.mark.django_db

PLANS = "/api/v1/community-plans/"
ITEMS = "/api/v1/plan-items/"


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def theme(db):
    return ThemeFactory(code="elderly", name_th="ผู้สูงอายุ")


@pytest.fixture
def plan(world):
    return CommunityPlanFactory(council=world.council_x, fiscal_year=2569, title="แผนพัฒนาตำบลบ้านหลวง 2569")


def test_staff_create_a_plan_and_an_item_with_its_alignment(staff_x, world, theme):
    response = api(staff_x).post(PLANS, {"council": "500203", "fiscal_year": 2570}, format="json")
    assert response.status_code == 201, response.json()
    plan_id = response.json()["id"]
    assert response.json()["title"] == "แผนพัฒนาชุมชนตำบลบ้านหลวง ปีงบประมาณ 2570"
    body = {"plan": plan_id, "theme": "elderly", "title": "ซ่อมบ้าน", "budget_needed": "๕๐,๐๐๐", "priority": 1,
            "target_agency": world.lao.pk, "location": "หมู่ที่ 3"}  # fmt: skip
    response = api(staff_x).post(ITEMS, body, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (data["budget_needed"], data["priority"], data["alignment_status"], data["proposals"]) == (
        "50000.00", 1, AlignmentStatus.PENDING, []
    )  # fmt: skip
    assert Alignment.objects.filter(plan_item_id=data["id"]).count() == 1


def test_staff_update_copy_and_delete(staff_x, plan, theme):
    item = PlanItemFactory(plan=plan, theme=theme, title="ซ่อมถนน")
    client = api(staff_x)
    response = client.patch(f"{ITEMS}{item.pk}/", {"budget_needed": "๑๒,๐๐๐", "title": "ซ่อมถนนลูกรัง"}, format="json")
    assert (response.status_code, response.json()["budget_needed"], response.json()["title"]) == (
        200,
        "12000.00",
        "ซ่อมถนนลูกรัง",
    )
    response = client.post(f"{PLANS}{plan.pk}/copy/", {"fiscal_year": 2570}, format="json")
    assert response.status_code == 201 and response.json()["copied_from"] == plan.pk
    assert response.json()["item_count"] == 1
    again = client.post(f"{PLANS}{plan.pk}/copy/", {"fiscal_year": 2570}, format="json")
    assert again.status_code == 400
    assert again.json() == {"fiscal_year": ["ปีงบประมาณ 2570 มีแผน “แผนพัฒนาตำบลบ้านหลวง 2570” อยู่แล้ว จึงคัดลอกซ้ำไม่ได้"]}
    assert client.delete(f"{ITEMS}{item.pk}/").status_code == 204
    assert client.patch(f"{PLANS}{plan.pk}/", {"title": "แผนใหม่"}, format="json").json()["title"] == "แผนใหม่"
    assert client.delete(f"{PLANS}{plan.pk}/").status_code == 204
    assert CommunityPlan.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"budget_needed": "-100"}, {"budget_needed": ["งบประมาณต้องไม่ติดลบ"]}),
        ({"theme": "nope"}, {"theme": ["ไม่พบประเด็นงานรหัส “nope”"]}),
        ({"priority": 9}, {"priority": ["ลำดับความสำคัญไม่ถูกต้อง"]}),
    ],
)
def test_bad_item_input_is_400_in_thai(staff_x, plan, theme, body, errors):
    response = api(staff_x).post(ITEMS, {"plan": plan.pk, "theme": "elderly", "title": "ซ่อม", **body}, format="json")
    assert (response.status_code, response.json()) == (400, errors)
    assert not PlanItem.objects.exists()


def test_a_christian_era_year_is_400_in_thai(staff_x, world):
    response = api(staff_x).post(PLANS, {"council": "500203", "fiscal_year": 2027}, format="json")
    assert response.json() == {"fiscal_year": ["ปี 2027 ดูเหมือนเป็นปี ค.ศ. กรุณากรอกเป็นปี พ.ศ. (เช่น 2570)"]}


@pytest.mark.parametrize("persona", ["officer_d", "agency_officer", "codi_staff"])
def test_the_area_reads_but_is_refused_writes_with_403(request, plan, theme, persona):
    item = PlanItemFactory(plan=plan, theme=theme)
    client = api(request.getfixturevalue(persona))
    assert [p["id"] for p in client.get(PLANS).json()["results"]] == [plan.pk]
    assert client.get(f"{ITEMS}{item.pk}/").status_code == 200
    message = {"detail": "คุณไม่มีสิทธิ์แก้ไขแผนพัฒนาชุมชนของสภานี้"}
    response = client.post(PLANS, {"council": "500203", "fiscal_year": 2570}, format="json")
    assert (response.status_code, response.json()) == (403, message)
    response = client.post(ITEMS, {"plan": plan.pk, "theme": "elderly", "title": "ซ่อม"}, format="json")
    assert (response.status_code, response.json()) == (403, message)
    assert client.patch(f"{ITEMS}{item.pk}/", {"title": "แก้"}, format="json").status_code == 403
    assert client.delete(f"{ITEMS}{item.pk}/").status_code == 403
    assert client.delete(f"{PLANS}{plan.pk}/").status_code == 403
    assert client.post(f"{PLANS}{plan.pk}/copy/", {"fiscal_year": 2570}, format="json").status_code == 403
    assert PlanItem.objects.count() == 1 and CommunityPlan.objects.count() == 1


@pytest.mark.parametrize("persona", ["staff_y", "officer_e"])
def test_outside_the_area_everything_is_404(request, plan, theme, persona):
    item = PlanItemFactory(plan=plan, theme=theme)
    client = api(request.getfixturevalue(persona))
    assert client.get(PLANS).json()["results"] == []
    assert client.get(f"{PLANS}{plan.pk}/").status_code == 404
    assert client.post(PLANS, {"council": "500203", "fiscal_year": 2570}, format="json").status_code == 404
    assert client.post(ITEMS, {"plan": plan.pk, "theme": "elderly", "title": "ซ่อม"}, format="json").status_code == 404
    assert client.patch(f"{ITEMS}{item.pk}/", {"title": "แก้"}, format="json").status_code == 404
    assert client.delete(f"{PLANS}{plan.pk}/").status_code == 404
    assert PlanItem.objects.count() == 1


def test_anonymous_writes_are_refused(plan):
    assert api().post(PLANS, {"council": "500203", "fiscal_year": 2570}, format="json").status_code == 403
    assert api().get(PLANS).json()["results"] == []


@pytest.mark.parametrize("n", [2, 10])
def test_item_list_queries_do_not_grow(staff_x, plan, theme, n, django_assert_max_num_queries):
    for _ in range(n):
        PlanItemFactory(plan=plan, theme=theme)
    with django_assert_max_num_queries(6):
        response = api(staff_x).get(ITEMS)
    assert response.json()["count"] == n
