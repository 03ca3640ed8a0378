"""A subsidy proposal through a real browser: council staff on a phone prepare it from two
plan items and submit it (the budget window shows as they write); an over-budget one is
refused in Thai; the LAO's staff receive it from their inbox, consider it and partly
approve it with a reason; another agency's staff and another district's council are
refused."""

import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.choices import Role
from agencies.choices import AgencyKind
from plans.budget_calendar import window_for
from plans.choices import ProposalStatus
from plans.models import SubsidyProposal
from tests.factories import AgencyFactory, PlanItemFactory, ThemeFactory, user_with_role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def test_a_proposal_prepared_on_a_phone_is_partly_approved_by_the_lao(world, new_page, log_in, tmp_path):
    council = world.council_x
    council.lao = world.lao
    council.save(update_fields=["lao"])
    theme = ThemeFactory(code="vulnerable-groups", name_th="กลุ่มเปราะบาง")
    first = PlanItemFactory(plan__council=council, theme=theme, title="ซ่อมบ้านผู้พิการ หมู่ 3",
                            budget_needed=Decimal("30000"))  # fmt: skip
    second = PlanItemFactory(plan=first.plan, theme=theme, title="ราวจับในห้องน้ำผู้สูงอายุ", budget_needed=Decimal("20000"))
    staff = user_with_role("staff_x", Role.COUNCIL_STAFF, council=council)
    lao_staff = user_with_role("lao", Role.AGENCY_STAFF, agency=world.lao)
    office = AgencyFactory(
        name="ที่ว่าการอำเภอจอมทอง", kind=AgencyKind.DISTRICT_OFFICE, subdistrict=None, district=world.district,
        province=world.province, dla_code=None,
    )  # fmt: skip
    office_staff = user_with_role("district_office", Role.AGENCY_STAFF, agency=office)
    staff_z = user_with_role("staff_z", Role.COUNCIL_STAFF, council=world.council_z)
    expected_window = window_for(lao=world.lao, fiscal_year=2570, on=timezone.localdate()).message

    # 1. Council staff on a phone write it; the window shows as the year is typed.
    phone = log_in(new_page(**PHONE), staff.username)
    new_url = f"/plans/proposals/new/{council.subdistrict.code}/"
    phone.goto(new_url)
    expect(phone.get_by_label("ยื่นถึง (อปท./หน่วยงาน)")).to_have_value(str(world.lao.pk))
    phone.get_by_label("ขอรับงบประมาณปี (พ.ศ.)").fill("๒๕๗๐")
    expect(phone.locator("#proposal-window")).to_have_text(expected_window)
    phone.get_by_label("ประเด็น (หนึ่งโครงการต่อหนึ่งประเด็น)").select_option(str(theme.pk))
    phone.get_by_label(re.compile("ซ่อมบ้านผู้พิการ หมู่ 3")).check()
    phone.get_by_label(re.compile("ราวจับในห้องน้ำผู้สูงอายุ")).check()
    phone.get_by_label("ชื่อโครงการ").fill("ปรับปรุงที่อยู่อาศัยผู้พิการและผู้สูงอายุ")
    phone.get_by_label("กลุ่มเป้าหมาย").fill("ผู้พิการ 4 ครัวเรือน ผู้สูงอายุ 6 คน")
    phone.locator("[name=lines-0-description]").fill("ค่าวัสดุซ่อมบ้าน")
    phone.locator("[name=lines-0-amount]").fill("30,000")
    phone.locator("[name=lines-1-description]").fill("ราวจับสแตนเลส")
    phone.locator("[name=lines-1-amount]").fill("15000")
    expect(phone.locator("#proposal-total")).to_contain_text("45,000.00")
    # a row added by the script counts at once, and leaves with its own button
    phone.get_by_role("button", name="+ เพิ่มแถว").click()
    phone.locator("[name=lines-3-description]").fill("ค่าขนส่ง")
    phone.locator("[name=lines-3-amount]").fill("๕,๐๐๐")
    expect(phone.locator("#proposal-total")).to_contain_text("50,000.00")
    phone.locator("[data-budget-line]").nth(3).get_by_role("button", name="ลบแถวรายการงบประมาณนี้").click()
    expect(phone.locator("[name=lines-3-amount]")).to_have_count(0)
    expect(phone.locator("#proposal-total")).to_contain_text("45,000.00")
    phone.screenshot(path=str(tmp_path / "proposal_form_phone.png"), full_page=True)
    with phone.expect_navigation():
        phone.get_by_role("button", name="บันทึกร่าง").click()
    expect(phone.locator("h1")).to_have_text("ปรับปรุงที่อยู่อาศัยผู้พิการและผู้สูงอายุ")
    expect(phone.locator("#proposal-window")).to_have_text(expected_window)
    phone.get_by_label("ไฟล์ (PDF รูปภาพ XLSX หรือ DOCX)").set_input_files(
        files=[{"name": "ใบเสนอราคา.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 quotation"}]
    )
    phone.get_by_label("ชื่อเอกสาร").fill("ใบเสนอราคา")
    with phone.expect_navigation():
        phone.get_by_role("button", name="แนบเอกสาร").click()
    expect(phone.get_by_role("link", name="ใบเสนอราคา")).to_be_visible()
    with phone.expect_navigation():
        phone.get_by_role("button", name="ยื่นโครงการ").click()
    expect(phone.locator("[data-status]").first).to_have_text("ยื่นแล้ว")
    expect(phone.locator(".messages")).to_contain_text(expected_window)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=str(tmp_path / "proposal_submitted_phone.png"), full_page=True)
    proposal = SubsidyProposal.objects.get()
    assert (proposal.status, proposal.amount_requested, proposal.fiscal_year) == (
        ProposalStatus.SUBMITTED, Decimal("45000"), 2570,
    )  # fmt: skip
    assert proposal.considered_in_year == window_for(lao=world.lao, fiscal_year=2570, on=timezone.localdate()).considered_in
    assert set(proposal.plan_items.all()) == {first, second}

    # 2. Over the plan items' budget: refused in Thai, nothing written.
    phone.goto(new_url)
    phone.get_by_label("ขอรับงบประมาณปี (พ.ศ.)").fill("2571")
    phone.get_by_label("ประเด็น (หนึ่งโครงการต่อหนึ่งประเด็น)").select_option(str(theme.pk))
    phone.get_by_label(re.compile("ซ่อมบ้านผู้พิการ หมู่ 3")).check()
    phone.get_by_label("ชื่อโครงการ").fill("ซ่อมบ้านทั้งตำบล")
    phone.locator("[name=lines-0-description]").fill("ค่าวัสดุ")
    phone.locator("[name=lines-0-amount]").fill("60000")
    expect(phone.locator("#proposal-total")).to_contain_text("เกินงบตามแผน")
    with phone.expect_navigation():
        phone.get_by_role("button", name="บันทึกร่าง").click()
    expect(phone.locator(".form-errors")).to_contain_text(
        "งบประมาณที่ขอ 60,000.00 บาท เกินงบประมาณที่ต้องการตามแผน 30,000.00 บาท ของรายการในแผนที่เลือก"
    )
    assert SubsidyProposal.objects.count() == 1

    # 3. The LAO's staff: from the inbox, receive, consider, partly approve with a reason.
    desk = log_in(new_page(), lao_staff.username)
    desk.goto("/meetings/inbox/")
    desk.get_by_role("link", name=re.compile("ปรับปรุงที่อยู่อาศัยผู้พิการและผู้สูงอายุ")).click()
    for action, shown in (("receive", "รับเรื่องแล้ว"), ("consider", "อยู่ระหว่างพิจารณา")):
        desk.get_by_label("การดำเนินการ").select_option(action)
        with desk.expect_navigation():
            desk.get_by_role("button", name="บันทึก", exact=True).click()
        expect(desk.locator("[data-status]").first).to_have_text(shown)
    desk.get_by_label("การดำเนินการ").select_option("partly_approve")
    desk.get_by_label("จำนวนเงินที่อนุมัติ (บาท)").fill("30,000")
    desk.get_by_label("เหตุผล / หมายเหตุ / ผลการดำเนินงาน").fill("งบอุดหนุนปีนี้เหลือ 30,000 บาท ราวจับให้ขอปีหน้า")
    with desk.expect_navigation():
        desk.get_by_role("button", name="บันทึก", exact=True).click()
    expect(desk.locator("[data-status]").first).to_have_text("อนุมัติบางส่วน")
    expect(desk.locator("[data-amount-approved]")).to_contain_text("30,000.00")
    desk.screenshot(path=str(tmp_path / "proposal_decided_desk.png"), full_page=True)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.amount_approved, proposal.decided_by) == (
        ProposalStatus.PARTLY_APPROVED, Decimal("30000"), lao_staff,
    )  # fmt: skip

    # The council reads the decision.
    phone.goto(f"/plans/proposals/{proposal.pk}/")
    expect(phone.locator("body")).to_contain_text("งบอุดหนุนปีนี้เหลือ 30,000 บาท ราวจับให้ขอปีหน้า")

    # Refused: another agency covering the council is not the one addressed (403 to read and
    # to decide); another district's council staff do not find it (404).
    other = log_in(new_page(), office_staff.username)
    assert other.goto(f"/plans/proposals/{proposal.pk}/").status == 403
    csrf = next(c["value"] for c in other.context.cookies() if c["name"] == "csrftoken")
    answer = other.request.post(
        f"/plans/proposals/{proposal.pk}/decide/", form={"action": "reject", "note": "x"},
        headers={"X-CSRFToken": csrf, "Referer": other.url},
    )  # fmt: skip
    assert answer.status == 403 and "คุณไม่มีสิทธิ์ดูโครงการขอรับงบอุดหนุนนี้" in answer.text()
    far = log_in(new_page(), staff_z.username)
    assert far.goto(f"/plans/proposals/{proposal.pk}/").status == 404
    assert far.goto(new_url).status == 404
