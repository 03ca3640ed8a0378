"""Every plan item has its alignment row, whichever door made it: the pages and the API
(tested in test_community_views / test_community_api), a copy (test_community_services),
the admin's form, the admin's inline on a plan, and the admin's import."""

from decimal import Decimal

import pytest
import tablib

from plans.choices import AlignmentStatus, Priority
from plans.models import Alignment, PlanItem
from plans.resources import PlanItemResource

from ..factories import AgencyFactory, CommunityPlanFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme(db):
    return ThemeFactory(code="elderly", name_th="ผู้สูงอายุ")


@pytest.fixture
def plan(world):
    return CommunityPlanFactory(council=world.council_x, fiscal_year=2570)


def test_an_item_added_in_the_admin_gets_its_alignment(admin_client, plan, theme):
    response = admin_client.post(
        "/admin/plans/planitem/add/",
        {"plan": plan.pk, "theme": theme.pk, "title": "ซ่อมบ้าน", "priority": 2, "budget_needed": "1000"},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    item = PlanItem.objects.get()
    assert item.alignment.status == AlignmentStatus.PENDING


def test_the_admin_form_runs_the_services_checks(admin_client, plan, theme, world):
    elsewhere = AgencyFactory(subdistrict=world.council_z.subdistrict)
    response = admin_client.post(
        "/admin/plans/planitem/add/",
        {"plan": plan.pk, "theme": theme.pk, "title": "ซ่อมบ้าน", "priority": 2, "budget_needed": "1000",
         "target_agency": elsewhere.pk},
    )  # fmt: skip
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["target_agency"] == ["หน่วยงานที่เลือกไม่ได้ดูแลพื้นที่ตำบลของสภานี้"]
    assert not PlanItem.objects.exists()


def _inline(prefix="items", **row):
    data = {f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000"}  # fmt: skip
    data.update({f"{prefix}-0-{name}": value for name, value in row.items()})
    return data


def test_an_item_added_in_the_plans_inline_gets_its_alignment(admin_client, plan, theme):
    data = {"council": plan.council.pk, "fiscal_year": plan.fiscal_year, "title": plan.title}
    data.update(_inline(theme=theme.pk, title="ฝายชะลอน้ำ", priority=1, budget_needed="25000"))
    response = admin_client.post(f"/admin/plans/communityplan/{plan.pk}/change/", data)
    assert response.status_code == 302, response.context and response.context["errors"]
    item = PlanItem.objects.get()
    assert (item.title, item.alignment.status) == ("ฝายชะลอน้ำ", AlignmentStatus.PENDING)


def test_items_imported_in_the_admin_get_their_alignment(plan, theme, world):
    headers = ["รหัสแผน", "รหัสประเด็น", "ชื่อรายการ/โครงการ", "รายละเอียด", "กลุ่มเป้าหมาย", "พื้นที่ดำเนินการ",
               "งบประมาณที่ต้องการ (บาท)", "ลำดับความสำคัญ", "รหัสหน่วยงานที่เสนอ"]  # fmt: skip
    rows = [
        [plan.pk, "elderly", "ซ่อมบ้านผู้สูงอายุ", "", "ผู้สูงอายุ", "หมู่ที่ 3", "๕๐,๐๐๐", "สูง", world.lao.pk],
        [plan.pk, "elderly", "ฝายชะลอน้ำ", "", "", "", "12000", "", ""],
    ]
    result = PlanItemResource().import_data(tablib.Dataset(*rows, headers=headers), dry_run=False, raise_errors=True)
    assert not result.has_errors() and not result.has_validation_errors()
    items = list(PlanItem.objects.order_by("id"))
    assert [(i.title, i.budget_needed, i.priority, i.alignment.status) for i in items] == [
        ("ซ่อมบ้านผู้สูงอายุ", Decimal("50000.00"), Priority.HIGH, AlignmentStatus.PENDING),
        ("ฝายชะลอน้ำ", Decimal("12000.00"), Priority.MEDIUM, AlignmentStatus.PENDING),
    ]


def test_an_import_row_with_a_negative_budget_is_refused_in_thai(plan, theme):
    headers = ["รหัสแผน", "รหัสประเด็น", "ชื่อรายการ/โครงการ", "งบประมาณที่ต้องการ (บาท)"]
    dataset = tablib.Dataset([plan.pk, "elderly", "ซ่อม", "-500"], headers=headers)
    result = PlanItemResource().import_data(dataset, dry_run=False)
    assert result.has_validation_errors()
    messages = [str(m) for row in result.invalid_rows for ms in row.error_dict.values() for m in ms]
    assert messages == ["งบประมาณต้องไม่ติดลบ"]
    assert not PlanItem.objects.exists() and not Alignment.objects.exists()
