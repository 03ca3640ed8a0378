"""Council staff pick an activity's date from the portal's own calendar (Thai months,
Buddhist-era years), by mouse and by keyboard, save, and see the BE date; the browser's
Christian-era picker is never offered. The same on a 390px phone.

Screenshots go to /tmp/be-date-*.png.
"""

import datetime as dt
import re
import shutil

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from councils.models import Activity

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEW = "/councils/500203/activities/new/"
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def _screenshot(page, tmp_path, name):
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    shutil.copyfile(path, f"/tmp/{name}.png")


def test_staff_pick_a_be_date_from_the_calendar_with_mouse_and_keyboard(new_page, log_in, world, staff_x, tmp_path):
    last_year_be = timezone.localdate().year - 1 + 543
    page = log_in(new_page(**DESKTOP), "staff_x")
    page.goto(NEW)
    date_input = page.get_by_label("วันที่จัดกิจกรรม")
    expect(date_input).to_have_attribute("type", "text")
    expect(page.locator("input[type=date]")).to_have_count(0)
    expect(date_input).to_have_attribute("placeholder", "วว/ดด/ปปปป เช่น 15/03/2568")

    # Open from the keyboard: Alt+ArrowDown in the input; today has the focus.
    date_input.focus()
    page.keyboard.press("Alt+ArrowDown")
    picker = page.get_by_role("dialog", name="ปฏิทินเลือกวันที่")
    expect(picker).to_be_visible()
    today = timezone.localdate()
    expect(picker.get_by_label("ปี พ.ศ.")).to_have_value(str(today.year))
    expect(picker.locator("select[aria-label=ปี\\ พ\\.ศ\\.] option:checked")).to_have_text(f"พ.ศ. {today.year + 543}")
    expect(page.locator(":focus")).to_have_attribute("aria-current", "date")
    page.keyboard.press("Escape")
    expect(picker).to_be_hidden()
    expect(page.get_by_role("button", name="เลือกวันที่จากปฏิทิน")).to_be_focused()

    # Mouse: choose March of last year (BE) from the selects, then day 14.
    page.get_by_role("button", name="เลือกวันที่จากปฏิทิน").click()
    picker.get_by_label("ปี พ.ศ.").select_option(label=f"พ.ศ. {last_year_be}")
    picker.get_by_label("เดือน", exact=True).select_option(label="มีนาคม")
    expect(picker.get_by_role("columnheader")).to_have_text(["อา", "จ", "อ", "พ", "พฤ", "ศ", "ส"])
    _screenshot(page, tmp_path, "be-date-desktop-picker")
    picker.get_by_role("button", name=re.compile(f"ที่ 14 มีนาคม พ.ศ. {last_year_be}$")).click()
    expect(date_input).to_have_value(f"14/03/{last_year_be}")
    expect(picker).to_be_hidden()

    # Keyboard: open again (the chosen day has the focus), one day right, Enter.
    page.get_by_role("button", name="เลือกวันที่จากปฏิทิน").click()
    expect(page.locator(":focus")).to_have_text("14")
    expect(page.locator(":focus")).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    expect(date_input).to_have_value(f"15/03/{last_year_be}")
    expect(date_input).to_be_focused()

    page.get_by_label("ประเภทกิจกรรม").select_option(label="เวทีปรึกษาหารือ")
    page.get_by_label("ชื่อกิจกรรม").fill("เวทีทบทวนแผนชุมชน")
    page.get_by_label("จำนวนผู้เข้าร่วม").fill("25")
    with page.expect_navigation():
        page.get_by_role("button", name="บันทึกกิจกรรม").click()
    item = page.locator(".activity-list li", has_text="เวทีทบทวนแผนชุมชน")
    expect(item.locator(".meta")).to_contain_text(f"15 มีนาคม {last_year_be}")
    assert Activity.objects.get(title="เวทีทบทวนแผนชุมชน").date == dt.date(last_year_be - 543, 3, 15)

    # Editing shows the stored date back as dd/mm/BBBB.
    activity = Activity.objects.get(title="เวทีทบทวนแผนชุมชน")
    page.goto(f"/councils/500203/activities/{activity.pk}/edit/")
    expect(page.get_by_label("วันที่จัดกิจกรรม")).to_have_value(f"15/03/{last_year_be}")
    _screenshot(page, tmp_path, "be-date-desktop-edit")


def test_the_calendar_fits_a_390px_phone_and_a_tap_fills_the_date(new_page, log_in, world, staff_x, tmp_path):
    page = log_in(new_page(**PHONE), "staff_x")
    page.goto(NEW)
    page.get_by_label("วันที่จัดกิจกรรม").fill("๑๐/๐๑/๒๕๖๘")  # Thai digits typed by hand
    page.get_by_role("button", name="เลือกวันที่จากปฏิทิน").tap()
    picker = page.get_by_role("dialog", name="ปฏิทินเลือกวันที่")
    expect(picker).to_be_visible()
    expect(picker.locator("select[aria-label=เดือน] option:checked")).to_have_text("มกราคม")
    expect(picker.locator("select[aria-label=ปี\\ พ\\.ศ\\.] option:checked")).to_have_text("พ.ศ. 2568")
    expect(page.locator(":focus")).to_have_text("10")
    box = picker.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _screenshot(page, tmp_path, "be-date-phone-picker")
    picker.get_by_role("button", name="เดือนถัดไป").tap()
    picker.get_by_role("button", name=re.compile("ที่ 3 กุมภาพันธ์ พ.ศ. 2568$")).tap()
    expect(page.get_by_label("วันที่จัดกิจกรรม")).to_have_value("03/02/2568")
