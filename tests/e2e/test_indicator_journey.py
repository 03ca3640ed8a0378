"""Indicators through a real browser: a council's staff enter a value with its evidence and
submit it; the district officer approves it on a phone from the approval queue; the council
sees it approved. Another council's staff do not find the entry form; the council's own
staff may not approve."""

import re

import pytest
from playwright.sync_api import expect

from accounts.choices import Role
from reports.choices import AreaLevel, Periodicity, ValueStatus
from reports.models import Indicator, IndicatorValue
from tests.factories import user_with_role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def test_a_council_value_is_entered_submitted_approved_and_seen(world, new_page, log_in, tmp_path):
    indicator = Indicator.objects.create(
        code="M01", name_th="ครัวเรือนที่เป็นสมาชิกกองทุนสวัสดิการชุมชน", unit="ครัวเรือน", level=AreaLevel.COUNCIL,
        periodicity=Periodicity.QUARTER,
    )  # fmt: skip
    staff = user_with_role("staff_x", Role.COUNCIL_STAFF, council=world.council_x)
    officer = user_with_role("officer_d", Role.DISTRICT_OFFICER, district=world.district)
    staff_y = user_with_role("staff_y", Role.COUNCIL_STAFF, council=world.council_y)
    evidence = tmp_path / "ทะเบียนสมาชิก.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% members list\n")

    # 1. The council's staff, from the menu to their council's indicators, enter Q1 2569.
    desk = log_in(new_page(viewport={"width": 1280, "height": 900}), staff.username)
    desk.get_by_role("link", name="ตัวชี้วัด", exact=True).click()
    desk.get_by_role("link", name=world.council_x.name).click()
    desk.get_by_label("ปีงบประมาณ", exact=True).select_option("2569")
    desk.get_by_role("button", name="แสดง").click()
    desk.locator("#row-M01-1").get_by_role("link", name="บันทึกผล").click()
    desk.get_by_label(re.compile("ผลการดำเนินงาน")).fill("๑,๒๕๐")
    desk.get_by_label("คำอธิบายประกอบ").fill("นับจากทะเบียนสมาชิกกองทุน ณ 31 ธ.ค. 2568")
    desk.get_by_label("ไฟล์หลักฐาน").set_input_files(str(evidence))
    with desk.expect_navigation():
        desk.get_by_role("button", name="บันทึกและส่งให้อนุมัติ").click()
    expect(desk.locator("#value-status")).to_have_text("ส่งแล้ว รออนุมัติ")
    desk.screenshot(path=str(tmp_path / "value_submitted_desktop.png"), full_page=True)
    value = IndicatorValue.objects.get()
    assert (value.status, str(value.value), value.evidence_name) == (ValueStatus.SUBMITTED, "1250.00", evidence.name)

    # Refused: another council's staff do not find the form; the council may not approve.
    other = log_in(new_page(), staff_y.username)
    entry = f"/reports/indicators/entry/{indicator.pk}/council/{world.council_x.code}/2569/1/"
    assert other.goto(entry).status == 404
    csrf = next(c["value"] for c in desk.context.cookies() if c["name"] == "csrftoken")
    refused = desk.request.post(f"/reports/indicators/values/{value.pk}/approve/", headers={"X-CSRFToken": csrf,
                                "Referer": desk.url})  # fmt: skip
    assert refused.status == 403

    # 2. The district officer approves on a phone, from the queue.
    phone = log_in(new_page(**PHONE), officer.username)
    phone.goto("/reports/indicators/queue/")
    phone.get_by_role("link", name=re.compile("M01")).click()
    expect(phone.locator("body")).to_contain_text("1,250")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=str(tmp_path / "value_decide_phone.png"), full_page=True)
    with phone.expect_navigation():
        phone.get_by_role("button", name="อนุมัติ", exact=True).click()
    expect(phone.locator("#value-status")).to_have_text("อนุมัติแล้ว")

    # 3. The council sees it approved on its indicator page.
    desk.goto(f"/reports/indicators/area/council/{world.council_x.code}/?fiscal_year=2569")
    expect(desk.locator("#row-M01-1")).to_contain_text("อนุมัติแล้ว")
    expect(desk.locator("#row-M01-1")).to_contain_text("1,250")
    desk.screenshot(path=str(tmp_path / "area_desktop.png"), full_page=True)
    value.refresh_from_db()
    assert (value.status, value.decided_by) == (ValueStatus.APPROVED, officer)
