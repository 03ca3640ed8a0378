"""Council staff on a phone (390 px) open their community plan from the council page, add
an item (budget typed in Thai digits, an LAO from the picker), see it pending beside the
budget window, and copy last year's plan as the start of the next one. The district
officer reads the plan without its buttons; another council's staff are not found and the
officer is refused the item form.

Screenshots go to /tmp/plan-journey-*.png.
"""

import shutil
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from plans.choices import AlignmentStatus
from plans.models import CommunityPlan, PlanItem
from tests.factories import CommunityPlanFactory, PlanItemFactory, ThemeFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def _screenshot(page, tmp_path, name):
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    shutil.copyfile(path, f"/tmp/plan-journey-{name}.png")


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_staff_write_their_plan_on_a_phone_and_copy_last_year(
    new_page, log_in, world, staff_x, staff_y, officer_d, tmp_path
):
    world.council_x.lao = world.lao
    world.council_x.save()
    elderly = ThemeFactory(code="elderly", name_th="ผู้สูงอายุ")
    water = ThemeFactory(code="water", name_th="การจัดการน้ำ")
    last_year = CommunityPlanFactory(council=world.council_x, fiscal_year=2569, title="แผนพัฒนาตำบลบ้านหลวง 2569")
    PlanItemFactory(plan=last_year, theme=water, title="ขุดลอกลำเหมืองสาธารณะ หมู่ที่ 2", budget_needed=Decimal("80000"))
    PlanItemFactory(plan=last_year, theme=elderly, title="ตรวจสุขภาพผู้สูงอายุประจำปี", budget_needed=Decimal("15000"))

    page = log_in(new_page(**PHONE), "staff_x")
    page.goto("/councils/500203/")
    page.get_by_role("link", name="แผนพัฒนาชุมชน").tap()
    page.wait_for_url("**/plans/council/500203/")
    expect(page.get_by_text("แผนพัฒนาตำบลบ้านหลวง 2569")).to_be_visible()

    # Copy last year's plan as the start of 2570.
    page.get_by_role("link", name="คัดลอกแผนปี 2569 เป็นแผนปีถัดไป").tap()
    expect(page.get_by_label("คัดลอกเป็นแผนของปีงบประมาณ (พ.ศ.)")).to_have_value("2570")
    _screenshot(page, tmp_path, "copy")
    page.get_by_role("button", name="คัดลอกแผน").tap()
    expect(page.get_by_role("heading", name="แผนพัฒนาตำบลบ้านหลวง 2570")).to_be_visible()
    expect(page.get_by_text("คัดลอกเป็นแผนปีงบประมาณ 2570 แล้ว (2 รายการ")).to_be_visible()
    plan = CommunityPlan.objects.get(fiscal_year=2570)
    assert plan.copied_from == last_year and plan.items.count() == 2

    # Add an item: budget in Thai digits, the LAO from the picker.
    page.get_by_role("link", name="+ เพิ่มรายการ").tap()
    page.get_by_label("ประเด็นงาน").select_option(label="ผู้สูงอายุ")
    page.get_by_label("ชื่อรายการ/โครงการ").fill("ซ่อมแซมบ้านผู้สูงอายุที่อยู่ลำพัง")
    page.get_by_label("กลุ่มเป้าหมาย").fill("ผู้สูงอายุ 5 ครัวเรือน")
    page.get_by_label("พื้นที่ดำเนินการ (หมู่บ้าน)").fill("หมู่ที่ 3 บ้านหนองบัว")
    page.get_by_label("งบประมาณที่ต้องการ (บาท)").fill("-๕๐")
    page.get_by_label("ลำดับความสำคัญ").select_option(label="สูง")
    page.get_by_label("เสนอให้หน่วยงาน/อปท. ใดดำเนินการ").select_option(label=world.lao.name)
    page.get_by_role("button", name="เพิ่มรายการ", exact=True).tap()
    expect(page.get_by_text("งบประมาณที่ต้องการ (บาท): งบประมาณต้องไม่ติดลบ")).to_be_visible()
    _screenshot(page, tmp_path, "item-error")
    assert not PlanItem.objects.filter(title="ซ่อมแซมบ้านผู้สูงอายุที่อยู่ลำพัง").exists()
    page.get_by_label("งบประมาณที่ต้องการ (บาท)").fill("๕๐,๐๐๐")
    page.get_by_role("button", name="เพิ่มรายการ", exact=True).tap()
    expect(page.get_by_text("เพิ่มรายการ “ซ่อมแซมบ้านผู้สูงอายุที่อยู่ลำพัง” แล้ว")).to_be_visible()
    item = PlanItem.objects.get(title="ซ่อมแซมบ้านผู้สูงอายุที่อยู่ลำพัง")
    assert (item.budget_needed, item.target_agency, item.alignment.status) == (
        Decimal("50000.00"),
        world.lao,
        AlignmentStatus.PENDING,
    )
    card = page.locator(f"#item-{item.pk}")
    expect(card).to_contain_text("50,000 บาท")
    expect(card).to_contain_text("รอพิจารณา")
    expect(card).to_contain_text(world.lao.name)
    expect(card.locator(".budget-window")).to_be_visible()
    assert _page_width(page) <= 390, "the plan page scrolls sideways on a phone"
    _screenshot(page, tmp_path, "plan")

    # Copying into 2570 again is refused in Thai.
    page.goto(f"/plans/council/500203/{last_year.pk}/copy/")
    page.get_by_role("button", name="คัดลอกแผน").tap()
    expect(page.get_by_text("ปีงบประมาณ 2570 มีแผน “แผนพัฒนาตำบลบ้านหลวง 2570” อยู่แล้ว จึงคัดลอกซ้ำไม่ได้")).to_be_visible()
    assert CommunityPlan.objects.count() == 2

    # The district officer reads it, without the buttons, and is refused the item form.
    officer = log_in(new_page(**PHONE), "officer_d")
    officer.goto(f"/plans/council/500203/{plan.pk}/")
    expect(officer.get_by_text("ซ่อมแซมบ้านผู้สูงอายุที่อยู่ลำพัง")).to_be_visible()
    expect(officer.get_by_role("link", name="+ เพิ่มรายการ")).to_have_count(0)
    response = officer.goto(f"/plans/council/500203/{plan.pk}/items/new/")
    assert response.status == 403
    expect(officer.get_by_text("คุณไม่มีสิทธิ์แก้ไขแผนพัฒนาชุมชนของสภานี้")).to_be_visible()

    # Another council's staff: not found.
    other = log_in(new_page(**PHONE), "staff_y")
    assert other.goto(f"/plans/council/500203/{plan.pk}/").status == 404
