"""An LAO's local plan through a real browser: its staff open the plan from their agency
page, download the ผ.02 template, upload an e-Plan-shaped file (title rows, a two-row
header, Thai digits, one bad row), read the Thai row error, import the valid rows and see
the projects; they record an addition amendment. Another agency's staff are refused.
Screenshots of the plan page at desktop and phone width."""

import datetime as dt
import io

import openpyxl
import pytest
from playwright.sync_api import expect

from accounts.choices import Role
from agencies.choices import AgencyKind
from councils.models import ImportJob
from councils.services.imports import import_job_run, import_job_validate
from plans.local_import.template import header_rows
from plans.models import LocalPlanAmendment, LocalPlanProject
from plans.services import local_plan_create
from tests.factories import AgencyFactory, user_with_role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
YEARS = [2566, 2567, 2568, 2569, 2570]


def _eplan_file(path):
    """As e-Plan exports ผ.02: title lines, the two-row header, strategy and work plan lines."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["รายละเอียดโครงการพัฒนา", *[None] * 11, "แบบ ผ.02"])
    sheet.append(["แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ - ๒๕๗๐)"])
    sheet.append(["องค์การบริหารส่วนตำบลบ้านหลวง อำเภอจอมทอง จังหวัดเชียงใหม่"])
    first, second = header_rows(YEARS)
    sheet.append(first)
    sheet.append(second)
    sheet.merge_cells(start_row=4, start_column=6, end_row=4, end_column=10)
    sheet.append(["1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"])
    sheet.append([None, "1.1 แผนงานอุตสาหกรรมและการโยธา"])
    # fmt: off
    common = ["ความยาวถนนที่ก่อสร้าง", "ประชาชนสัญจรสะดวก", "กองช่าง"]
    sheet.append([1, "", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3", "เพื่อการสัญจรที่ปลอดภัย", "ยาว ๒๒๐ เมตร",
                  "๔๙๕,๐๐๐", "-", "-", "-", "-", *common])
    sheet.append([2, "", "ขุดลอกลำเหมืองสาธารณะ หมู่ที่ 5", "เพื่อระบายน้ำ", "ยาว 1 กิโลเมตร",
                  "-", "๑๒๐,๐๐๐", "120000", "-", "-", *common])
    sheet.append([3, "", "ซ่อมแซมฝายหมู่ที่ 7", "เพื่อกักเก็บน้ำ", "1 แห่ง",
                  "-", "หนึ่งแสน", "-", "-", "-", *common])  # not a number: the bad row
    # fmt: on
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def _take_queued_job(app):
    with app.connection_for_read() as conn:
        queue = conn.SimpleQueue(app.conf.task_default_queue)
        try:
            queue.get(timeout=5).ack()
        finally:
            queue.close()


def test_lao_staff_import_an_eplan_file_and_add_an_amendment(world, new_page, log_in, celery_queue_only, tmp_path):
    lao_staff = user_with_role("lao_staff", Role.AGENCY_STAFF, agency=world.lao)
    plan = local_plan_create(lao=world.lao, by=lao_staff, start_year=2566, adopted_on=dt.date(2022, 6, 30))
    other_lao = AgencyFactory(name="เทศบาลตำบลดอยแก้ว", kind=AgencyKind.SUBDISTRICT_MUNICIPALITY,
                              subdistrict=world.council_y.subdistrict, dla_code="6599999")  # fmt: skip
    user_with_role("other_lao_staff", Role.AGENCY_STAFF, agency=other_lao)

    # 1. From their agency page to their plan.
    page = log_in(new_page(**DESKTOP), "lao_staff")
    page.goto(f"/agencies/{world.lao.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="แผนพัฒนาท้องถิ่น").click()
    expect(page.locator("h1")).to_contain_text("แผนพัฒนาท้องถิ่น")
    assert page.url.endswith(f"/plans/local/{plan.pk}/")

    # 2. The import page: the template downloads as a workbook of the plan's years.
    with page.expect_navigation():
        page.get_by_role("link", name="นำเข้าจาก e-Plan").first.click()
    with page.expect_download() as download:
        page.locator("#template-link").click()
    template = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))
    header = [c.value for row in template.active.iter_rows(max_row=8) for c in row if c.value]
    assert "2570" in " ".join(str(v) for v in header)

    # 3. Upload: one bad row, read in Thai; nothing written until the choice.
    page.get_by_label("ไฟล์ Excel (.xlsx) หรือ CSV ตามแบบ ผ.02 จากระบบ e-plan").set_input_files(
        str(_eplan_file(tmp_path / "ผ02.xlsx"))
    )
    with page.expect_navigation():
        page.get_by_role("button", name="อัปโหลดและตรวจสอบ").click()
    job = ImportJob.objects.get()
    _take_queued_job(celery_queue_only)
    import_job_validate(job_id=job.pk)
    error_row = page.locator("table.import-errors tbody tr")
    expect(error_row).to_have_count(1)
    expect(error_row).to_contain_text("หนึ่งแสน")
    expect(error_row).to_contain_text("งบประมาณ 2567")
    assert not LocalPlanProject.objects.exists()
    with page.expect_navigation():
        page.get_by_role("button", name="นำเข้าเฉพาะแถวที่ถูกต้อง (2 แถว)").click()
    _take_queued_job(celery_queue_only)
    import_job_run(job_id=job.pk)
    expect(page.get_by_text("นำเข้าโครงการเรียบร้อยแล้ว 2 โครงการ")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="ดูแผน").click()
    expect(page.get_by_text("ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3")).to_be_visible()
    expect(page.get_by_text("ขุดลอกลำเหมืองสาธารณะ หมู่ที่ 5")).to_be_visible()
    road = LocalPlanProject.objects.get(title="ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3")
    assert (road.fiscal_year, str(road.budget)) == (2566, "495000.00")

    # 4. An addition amendment "เพิ่มเติม ครั้งที่ 1/2568".
    with page.expect_navigation():
        page.get_by_role("link", name="บันทึกการเพิ่มเติม/เปลี่ยนแปลงแผน").click()
    page.get_by_label("ประเภท").select_option("addition")
    page.get_by_label("ครั้งที่").fill("1")
    page.get_by_label("ปี (พ.ศ.)").fill("๒๕๖๘")
    page.get_by_label("วันที่ประกาศใช้ (พ.ศ.)").fill("14/03/2568")
    page.get_by_label("สาระสำคัญ").fill("เพิ่มโครงการประปาหมู่บ้าน")
    with page.expect_navigation():
        page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.locator(".amendments")).to_contain_text("เพิ่มเติม ครั้งที่ 1/2568")
    assert LocalPlanAmendment.objects.get().effective_on == dt.date(2025, 3, 14)
    page.screenshot(path=str(tmp_path / "local_plan_desktop.png"), full_page=True)

    # 5. Another agency's staff: the plan is not theirs to edit.
    other = log_in(new_page(**DESKTOP), "other_lao_staff")
    assert other.goto(f"/plans/local/{plan.pk}/import/").status in (403, 404)
    assert other.goto(f"/plans/local/{plan.pk}/amendments/new/").status in (403, 404)

    # 6. The plan on a phone: no sideways scrolling of the page (the table scrolls in its box).
    phone = log_in(new_page(**PHONE), "lao_staff")
    phone.goto(f"/plans/local/{plan.pk}/")
    expect(phone.get_by_text("ขุดลอกลำเหมืองสาธารณะ หมู่ที่ 5")).to_be_visible()
    phone.screenshot(path=str(tmp_path / "local_plan_phone.png"), full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
