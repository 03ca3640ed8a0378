"""An anonymous visitor, through a real browser: finds a council in the public directory by
typing part of its Thai name, reads its page (no coordinator, no members), opens the
dashboard's province map, and downloads the councils as CSV from the open data page, then
checks the file. On a desktop and on a 390 px phone (the pages must not scroll sideways)."""

import csv
import datetime as dt
import io
import shutil

import pytest
from playwright.sync_api import expect

from councils.choices import AssessmentLevel
from councils.models import Assessment, Council

from ..factories import CommunityOrganizationFactory, CouncilMemberFactory, IndicatorSetFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
COORDINATOR = "นายประสาน งานดี"
MEMBER = "นางสมาชิก ลับเฉพาะ"


def _screenshot(page, tmp_path, name):
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    shutil.copyfile(path, f"/tmp/{name}.png")


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.fixture
def public_world(world):
    x = world.council_x
    Council.objects.filter(pk=x.pk).update(
        contact_name=COORDINATOR, phone="081-234-5678", address="ศาลาอเนกประสงค์ หมู่ 3 ตำบลบ้านหลวง"
    )
    Council.objects.filter(pk=world.council_y.pk).update(is_published=False)
    CouncilMemberFactory(council=x, person__full_name=MEMBER)
    CommunityOrganizationFactory(council=x, member_count=40)
    CommunityOrganizationFactory(council=x, member_count=25)
    Assessment.objects.create(
        council=x,
        fiscal_year=2569,
        indicator_set=IndicatorSetFactory(),
        assessed_on=dt.date(2025, 12, 1),
        level=AssessmentLevel.STRONG,
        passed=True,
    )
    return world


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_visitor_finds_a_council_reads_it_and_downloads_open_data(new_page, public_world, tmp_path, device):
    page = new_page(**(PHONE if device == "phone" else DESKTOP))
    page.goto("/")
    page.get_by_role("link", name="ทำเนียบสภาองค์กรชุมชนตำบล").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ทำเนียบสภาองค์กรชุมชนตำบล")

    # Search by a piece of the Thai name: "หลวง" sits inside "…ตำบลบ้านหลวง".
    page.get_by_role("searchbox").fill("หลวง")
    page.get_by_role("button", name="ค้นหา").click()
    expect(page.get_by_role("status")).to_have_text("พบ 1 สภา")
    _screenshot(page, tmp_path, f"public-directory-{device}")
    assert _page_width(page) <= page.viewport_size["width"]
    page.get_by_role("link", name="สภาองค์กรชุมชนตำบลบ้านหลวง").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("สภาองค์กรชุมชนตำบลบ้านหลวง")
    expect(page.get_by_text("ศาลาอเนกประสงค์ หมู่ 3 ตำบลบ้านหลวง")).to_be_visible()
    body = page.locator("main").inner_text()
    for private in (COORDINATOR, "081-234-5678", MEMBER):
        assert private not in body
    _screenshot(page, tmp_path, f"public-council-{device}")
    assert _page_width(page) <= page.viewport_size["width"]

    # The dashboard's map: 77 tiles, each with its accessible title.
    nav = page.get_by_role("navigation", name="เมนูหลัก")
    nav.get_by_role("link", name="ภาพรวม").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ภาพรวมสภาองค์กรชุมชนตำบล")
    expect(page.locator("svg.tile-map-svg g.tile")).to_have_count(77)
    chiang_mai = page.get_by_role("link", name="จังหวัดเชียงใหม่: ร้อยละ 100.0 (ผ่าน 1 จาก 1 สภาที่ประเมิน)")
    expect(chiang_mai).to_have_count(1)
    _screenshot(page, tmp_path, f"public-dashboard-{device}")
    assert _page_width(page) <= page.viewport_size["width"]

    # The open data: the councils as CSV, checked row by row.
    page.get_by_role("navigation", name="เมนูหลัก").get_by_role("link", name="ข้อมูลเปิด").click()
    expect(page.get_by_text("สัญญาอนุญาตครีเอทีฟคอมมอนส์ แบบแสดงที่มา 4.0 (CC BY 4.0)")).to_be_visible()
    _screenshot(page, tmp_path, f"public-open-data-{device}")
    assert _page_width(page) <= page.viewport_size["width"]
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV ทะเบียนสภาองค์กรชุมชนตำบล").click()
    assert download.value.suggested_filename.startswith("councils-")
    text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["code"] for r in rows] == ["500203", "500401", "570101"]  # Y is not published
    x = rows[0]
    assert (x["name"], x["latest_level"], x["organizations"], x["organization_members"]) == (
        "สภาองค์กรชุมชนตำบลบ้านหลวง",
        "เข้มแข็ง",
        "2",
        "65",
    )
    for private in (COORDINATOR, "081-234-5678", MEMBER):
        assert private not in text
