"""An administrator types and picks Buddhist-era dates in the Django admin, as on the
portal's pages: the BE picker beside a date, also in an inline row added on the page, and a
date typed in Thai digits saved as the CE date. Screenshots go to /tmp/admin-be-date-*.png."""

import datetime as dt
import shutil

import pytest
from playwright.sync_api import expect

from councils.models import Council
from meetings.models import DistrictMechanism

from ..factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def _screenshot(page, tmp_path, name):
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    shutil.copyfile(path, f"/tmp/{name}.png")


def test_an_admin_picks_and_types_be_dates(new_page, log_in, world, tmp_path):
    UserFactory(username="root", is_staff=True, is_superuser=True)
    council = world.council_x
    page = log_in(new_page(**DESKTOP), "root")
    page.goto(f"/admin/councils/council/{council.pk}/change/")
    date_input = page.locator("input[name=registered_on]")
    expect(date_input).to_have_value("01/05/2555")
    expect(page.locator("input.vDateField, input[type=date]")).to_have_count(0)

    row = page.locator(".field-registered_on")
    row.get_by_role("button", name="เลือกวันที่จากปฏิทิน").click()
    picker = row.get_by_role("dialog", name="ปฏิทินเลือกวันที่")
    expect(picker).to_be_visible()
    expect(picker.locator("select[aria-label=ปี\\ พ\\.ศ\\.] option:checked")).to_have_text("พ.ศ. 2555")
    _screenshot(page, tmp_path, "admin-be-date-picker")
    picker.get_by_role("button", name="วันพฤหัสบดีที่ 10 พฤษภาคม พ.ศ. 2555").click()
    expect(date_input).to_have_value("10/05/2555")

    date_input.fill("๑๕/๐๓/๒๕๖๙")
    page.locator("input[name=_continue]").click()
    expect(page.locator("input[name=registered_on]")).to_have_value("15/03/2569")
    assert Council.objects.get(pk=council.pk).registered_on == dt.date(2026, 3, 15)

    page.locator("input[name=registered_on]").fill("15/03/2026")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".field-registered_on .errorlist")).to_have_text(
        "ปี 2026 เป็นปี ค.ศ. แต่ช่องนี้ใช้ปี พ.ศ. กรุณาพิมพ์ปี พ.ศ. (เช่น 2569)"
    )
    _screenshot(page, tmp_path, "admin-be-date-error")

    # A row added to an inline on the page gets its own working picker.
    mechanism = DistrictMechanism.objects.create(district=council.subdistrict.district, name="กลไกทดสอบ")
    page.goto(f"/admin/meetings/districtmechanism/{mechanism.pk}/change/")
    page.locator(".add-row a").first.click()
    new_row = page.locator("tr.form-row[class*=dynamic-]").last
    new_row.locator(".field-term_start").get_by_role("button", name="เลือกวันที่จากปฏิทิน").click()
    picker = new_row.locator(".field-term_start").get_by_role("dialog", name="ปฏิทินเลือกวันที่")
    expect(picker).to_be_visible()
    picker.get_by_role("button", name="วันนี้").click()
    today = dt.date.today()
    expect(new_row.locator(".field-term_start input")).to_have_value(today.strftime("%d/%m/") + str(today.year + 543))
    expect(page.locator(".empty-form .be-date-open")).to_have_count(0)
