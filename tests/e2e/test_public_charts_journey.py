"""An anonymous visitor, through a real browser: colours the dashboard's province map by a
published indicator, follows the link to its charts (target against approved actual, the
year-on-year comparisons) and opens a chart's table. On a desktop and on a 390 px phone
(the pages must not scroll sideways). Screenshots are copied to /tmp for a person to look
at the Thai labels."""

import shutil
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from councils.models import Council
from reports.choices import AreaLevel, Periodicity
from reports.indicators.areas import Place
from reports.models import Indicator, IndicatorTarget, IndicatorValue, Period

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def _screenshot(page, tmp_path, name):
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    shutil.copyfile(path, f"/tmp/{name}.png")


@pytest.fixture
def indicator_world(world):
    """S01 (councils, summed): X 10 and W 4 approved; Y 900 approved but Y is unpublished."""
    Council.objects.filter(pk=world.council_y.pk).update(is_published=False)
    s01 = Indicator.objects.create(code="S01", name_th="ครัวเรือนที่ร่วมกองทุนสวัสดิการ", unit="ครัวเรือน",
                                   level=AreaLevel.COUNCIL, periodicity=Periodicity.YEAR)  # fmt: skip
    for year in (2568, 2569):
        period = Period.objects.create(fiscal_year=year)
        for council, value in ((world.council_x, 10), (world.council_w, 4), (world.council_y, 900)):
            place = Place(AreaLevel.COUNCIL, council)
            IndicatorValue.objects.create(indicator=s01, period=period, value=Decimal(value + year - 2568),
                                          status="approved", **place.area_fields())  # fmt: skip
            IndicatorTarget.objects.create(indicator=s01, period=period, value=Decimal(12), **place.area_fields())
    return world


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_visitor_maps_an_indicator_and_reads_its_charts(new_page, indicator_world, tmp_path, device):
    page = new_page(**(PHONE if device == "phone" else DESKTOP))
    page.goto("/reports/public/dashboard/")
    page.get_by_label("ระบายสีแผนที่ตาม").select_option("indicator-S01")
    page.get_by_label("ปีงบประมาณ", exact=True).select_option("2569")
    page.get_by_role("button", name="แสดง").click()
    expect(page.get_by_role("link", name="จังหวัดเชียงใหม่: 11 ครัวเรือน (รวมจาก 1 สภา ที่อนุมัติแล้ว)")).to_have_count(1)
    expect(page.get_by_role("link", name="จังหวัดเชียงราย: 5 ครัวเรือน (รวมจาก 1 สภา ที่อนุมัติแล้ว)")).to_have_count(1)
    expect(page.get_by_text("คำอธิบายสี (ครัวเรือน)")).to_be_visible()
    _screenshot(page, tmp_path, f"public-dashboard-indicator-{device}")
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]

    page.get_by_role("link", name="ดูแผนภูมิเป้าหมายเทียบกับผลของตัวชี้วัดนี้").click()
    page.get_by_label("จังหวัด", exact=True).select_option("50")
    page.get_by_label("ถึงปีงบประมาณ").select_option("2569")
    page.get_by_role("button", name="แสดง").click()
    national = page.get_by_role("img", name="S01 ครัวเรือนที่ร่วมกองทุนสวัสดิการ: เป้าหมายเทียบกับผล — ทั้งประเทศ")
    expect(national).to_be_visible()
    expect(page.locator("svg.chart-svg")).to_have_count(4)  # 2 of the indicator, 2 year-on-year (no plan items)
    page.get_by_text("ตารางข้อมูลของแผนภูมิ").first.click()
    row = page.locator("table").first.get_by_role("row", name="2569")
    expect(row).to_contain_text("24")  # targets X 12 + W 12 (Y unpublished)
    expect(row).to_contain_text("16")  # actuals X 11 + W 5
    expect(page.get_by_text("901")).to_have_count(0)
    _screenshot(page, tmp_path, f"public-charts-{device}")
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
