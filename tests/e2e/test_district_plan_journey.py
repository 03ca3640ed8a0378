"""The district plan through a real browser: the district officer opens the compiled plan
from the review page, changes the fiscal year, downloads the XLSX and the PDF (contents
checked); CODI staff open the provincial roll-up; a council's staff are refused."""

import io
import os
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from accounts.choices import Role
from tests.factories import user_with_role
from tests.plans.compile_data import district_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]



def test_officer_compiles_and_downloads_codi_rolls_up_council_refused(world, new_page, log_in, tmp_path):
    district_data(world)
    shots = Path(os.environ.get("E2E_SHOTS") or tmp_path)
    officer = user_with_role("officer_d", Role.DISTRICT_OFFICER, district=world.district)
    codi = user_with_role("codi", Role.CODI_STAFF, provinces=[world.province])
    staff = user_with_role("staff_x", Role.COUNCIL_STAFF, council=world.council_x)

    # 1. The district officer, from the review page to the compiled plan of 2569.
    page = log_in(new_page(), officer.username)
    page.goto("/plans/review/5002/")
    with page.expect_navigation():
        page.locator("#district-plan-link").click()
    page.get_by_label("ปีงบประมาณ (พ.ศ.)").select_option("2569")
    with page.expect_navigation():
        page.get_by_role("button", name="แสดง").click()
    expect(page.locator("h1")).to_have_text("แผนระดับอำเภอ (ประมวลจากแผนพัฒนาชุมชน)")
    expect(page.locator("#by-theme tr.total")).to_contain_text("145,000")
    expect(page.locator("section.theme")).to_have_count(2)
    expect(page.locator("#missed")).to_be_visible()
    expect(page.get_by_text("ยื่นหลัง 15 ส.ค. 2568: จะพิจารณาในปีงบประมาณ 2570").first).to_be_visible()
    page.screenshot(path=str(shots / "district.png"), full_page=True)

    with page.expect_download() as xlsx:
        page.locator("#xlsx-link").click()
    wb = load_workbook(io.BytesIO(open(xlsx.value.path(), "rb").read()))
    total = list(wb["สรุปรายประเด็น"].values)[-1]
    assert total[:2] == ("รวม", 5) and total[7] == 145000
    assert xlsx.value.suggested_filename == "district-plan-5002-2569.xlsx"

    with page.expect_download() as pdf:
        page.locator("#pdf-link").click()
    text = subprocess.run(["pdftotext", "-raw", pdf.value.path(), "-"], capture_output=True, text=True).stdout
    assert "อำเภอจอมทอง จังหวัดเชียงใหม่" in text and "ซ่อมบ้านผู้สูงอายุ" in text and "ประปาหมู่บ้าน" not in text

    # 2. CODI staff of the province: the roll-up, and down to the district.
    codi_page = log_in(new_page(), codi.username)
    codi_page.goto("/plans/province/50/?fiscal_year=2569")
    expect(codi_page.locator("#by-district tr[data-code='5002']")).to_contain_text("45,000")
    expect(codi_page.locator("#by-district tr.total")).to_contain_text("144,000")
    codi_page.screenshot(path=str(shots / "province.png"), full_page=True)
    with codi_page.expect_navigation():
        codi_page.get_by_role("link", name="จอมทอง").click()
    expect(codi_page.locator("#summary-line")).to_contain_text("5 รายการจาก 2 ตำบล")

    # 3. Council staff: inside the district, not allowed.
    council = log_in(new_page(viewport={"width": 390, "height": 844}), staff.username)
    response = council.goto("/plans/district/5002/compiled/")
    council.screenshot(path=str(shots / "refused.png"))
    assert response.status == 403
    expect(council.get_by_text("คุณไม่มีสิทธิ์ประมวลแผนระดับอำเภอนี้")).to_be_visible()
    assert council.goto("/plans/province/50/").status == 403
