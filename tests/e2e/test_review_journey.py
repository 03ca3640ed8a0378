"""The district officer's alignment review in a real browser: filter, see the suggestions
with why, accept one with one click, search and pick another project for a second item;
council staff cannot record a review."""

import pytest
from playwright.sync_api import expect

from accounts.choices import Role
from plans.choices import AlignmentStatus
from plans.models import Alignment
from tests.factories import (
    CommunityOrganizationFactory,
    CommunityPlanFactory,
    LocalPlanProjectFactory,
    PlanItemFactory,
    ThemeFactory,
    user_with_role,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = "/tmp/review_journey"


@pytest.fixture(autouse=True)
def _matcher_loaded():
    """scikit-learn and pythainlp's dictionary load on the first suggestion of a process
    (seconds on a busy machine): load them before the browser's first page."""
    from plans import matching

    area = matching.Area(tambon_id=1, district_id=1, province_id=1)
    matching.suggest(
        [matching.ItemDoc(key=1, title="ฝาย", text="", theme_id=None, fiscal_year=2569, budget=0, area=area)],
        [matching.CandidateDoc(kind=matching.PROJECT, key=1, title="ฝาย", text="", theme_id=None,
                               years=frozenset({2569}), budget=0, owner_id=1, owner_name="", tambon_id=1)],
    )


def test_officer_reviews_with_suggestions_and_search(world, new_page, log_in):
    water = ThemeFactory(code="water", name_th="ทรัพยากรน้ำ")
    roads = ThemeFactory(code="roads", name_th="โครงสร้างพื้นฐาน")
    for number, name in ((2, "บ้านหนองบัว"), (4, "บ้านป่าตึง")):
        CommunityOrganizationFactory(council=world.council_x, village_code=f"500203{number:02d}", village_name=name)
    plan = CommunityPlanFactory(council=world.council_x, fiscal_year=2569, title="แผนพัฒนาชุมชนตำบลบ้านหลวง 2569")
    water_item = PlanItemFactory(plan=plan, theme=water, title="ปรับปรุงประปาหมู่บ้านบ้านป่าตึง",
                                 description="หน้าแล้งน้ำประปาไม่ไหล ถังกรองเก่าสนิมขึ้น", budget_needed=300_000)
    road_item = PlanItemFactory(plan=plan, theme=roads, title="ซ่อมทางไปไร่นาบ้านหนองบัว",
                                description="หน้าฝนรถไถเข้านาไม่ได้", budget_needed=150_000)
    CommunityPlanFactory(council=world.council_y, fiscal_year=2568)
    right = LocalPlanProjectFactory(lao=world.lao, theme=water, title="โครงการปรับปรุงระบบประปาหมู่บ้าน หมู่ที่ 4",
                                    budget=350_000)
    LocalPlanProjectFactory(lao=world.lao, theme=water, title="โครงการปรับปรุงระบบประปาหมู่บ้าน หมู่ที่ 2",
                            budget=350_000)
    searched = LocalPlanProjectFactory(lao=world.lao, theme=roads, budget=200_000,
                                       title="โครงการลงหินคลุกปรับเกรดถนนสายเกษตร หมู่ที่ 2")
    officer = user_with_role("officer_d", Role.DISTRICT_OFFICER, district=world.district)
    staff = user_with_role("staff_x", Role.COUNCIL_STAFF, council=world.council_x)

    page = log_in(new_page(viewport={"width": 1280, "height": 900}), officer.username)
    page.goto(f"/plans/review/{world.district.code}/")
    # 1. Filter: fiscal year 2569, tambon บ้านหลวง, pending.
    filters = page.locator("#review-filters")
    filters.get_by_label("ปีงบประมาณ").select_option("2569")
    filters.get_by_label("ตำบล").select_option(world.council_x.subdistrict.code)
    filters.get_by_label("สถานะ").select_option("pending")
    with page.expect_navigation():
        page.get_by_role("button", name="กรอง").click()
    expect(page.locator("article.review-item")).to_have_count(2)
    # 2. The suggestions, the right village first, with why.
    card = page.locator(f"#item-{water_item.pk}")
    first = card.locator("li.candidate").first
    expect(first).to_contain_text("หมู่ที่ 4")
    expect(first).to_contain_text("หมู่บ้านเดียวกัน: หมู่ที่ 4 บ้านป่าตึง")
    expect(first).to_contain_text("คำที่ตรงกัน")
    page.screenshot(path=f"{SHOTS}_suggestions.png", full_page=True)
    # 3. One click accepts it; the filters are kept.
    with page.expect_navigation():
        first.get_by_role("button", name="เลือกรายการนี้").click()
    expect(page.locator(".messages")).to_contain_text("เชื่อมโยง")
    assert "year=2569" in page.url and "status=pending" in page.url
    alignment = Alignment.objects.get(plan_item=water_item)
    assert (alignment.status, alignment.local_plan_project_id, alignment.from_suggestion) == (
        AlignmentStatus.ALIGNED, right.pk, True)
    expect(page.locator("article.review-item")).to_have_count(1)  # only the pending one is left
    # 4. Search and pick another project for the second item.
    road = page.locator(f"#item-{road_item.pk}")
    road.get_by_label("ค้นหาโครงการอื่นในแผนท้องถิ่นของอำเภอ").fill("หินคลุก")
    with page.expect_navigation():
        road.get_by_role("button", name="ค้นหา").click()
    road = page.locator(f"#item-{road_item.pk}")
    expect(road.locator(".search-results")).to_contain_text("โครงการลงหินคลุกปรับเกรดถนนสายเกษตร")
    page.screenshot(path=f"{SHOTS}_search.png", full_page=True)
    with page.expect_navigation():
        road.locator(".search-results").get_by_role("button", name="เลือกโครงการนี้").click()
    alignment = Alignment.objects.get(plan_item=road_item)
    assert (alignment.local_plan_project_id, alignment.from_suggestion) == (searched.pk, False)

    # 5. Council staff: the district page is outside their scope, the accept door refuses them.
    council = log_in(new_page(), staff.username)
    response = council.goto(f"/plans/review/{world.district.code}/")
    assert response.status == 404
    response = council.request.post(f"/plans/review/items/{road_item.pk}/accept/",
                                    form={"local_plan_project": str(right.pk)})
    assert response.status == 403
    assert Alignment.objects.get(plan_item=road_item).local_plan_project_id == searched.pk


def test_review_page_on_a_phone(world, new_page, log_in):
    theme = ThemeFactory(code="elderly", name_th="ผู้สูงอายุ")
    plan = CommunityPlanFactory(council=world.council_x, fiscal_year=2569)
    PlanItemFactory(plan=plan, theme=theme, title="ดูแลผู้เฒ่าผู้แก่ที่ติดบ้านติดเตียง",
                    description="คนเฒ่าคนแก่อยู่บ้านคนเดียว ไม่มีใครพาไปหาหมอ")
    PlanItemFactory(plan=plan, theme=theme, title="ติดตั้งไวไฟฟรีที่ศาลาหมู่บ้าน", description="เด็กเรียนออนไลน์ไม่มีสัญญาณ")
    LocalPlanProjectFactory(lao=world.lao, theme=theme, title="โครงการดูแลระยะยาวสำหรับผู้สูงอายุที่มีภาวะพึ่งพิง")
    officer = user_with_role("officer_d", Role.DISTRICT_OFFICER, district=world.district)
    phone = log_in(new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True), officer.username)
    phone.goto(f"/plans/review/{world.district.code}/")
    expect(phone.get_by_text("ไม่พบโครงการที่ตรงกัน")).to_be_visible()
    phone.screenshot(path=f"{SHOTS}_phone.png", full_page=True)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
