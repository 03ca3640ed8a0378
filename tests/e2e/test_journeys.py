"""Three journeys through a real browser, each with its refused side.

1. Council staff on a phone log an activity (with a photo) and see it with a Thai date.
2. A district officer records that a plan item is in the local plan; the summary updates.
3. CODI staff request a report and watch it finish (or fail) without reloading the page.
"""

import datetime as dt
import re
import shutil

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from common.thai import format_date, thai_date
from councils.models import Activity
from plans.choices import AlignmentStatus
from plans.models import Alignment
from reports.choices import ReportStatus
from reports.models import Report
from reports.services import report_fail, report_generate
from tests.factories import CommunityPlanFactory, LocalPlanProjectFactory, PlanItemFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
BE_YEAR = re.compile(r"\b25\d\d\b")


def _screenshot(page, tmp_path, name):
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    shutil.copyfile(path, f"/tmp/{name}.png")
    return path


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def _png(path, size=(64, 48)):
    Image.new("RGB", size, (11, 93, 59)).save(path, format="PNG")
    return path


def _take_queued_job(app, report_id):
    """Be the worker for a moment: take the message the portal sent and check it is ours."""
    with app.connection_for_read() as conn:
        queue = conn.SimpleQueue(app.conf.task_default_queue)
        try:
            message = queue.get(timeout=5)
            message.ack()
        finally:
            queue.close()
    assert message.headers["task"] == "reports.tasks.generate_report"
    assert message.payload[0] == [report_id]


# --- Journey 1 -------------------------------------------------------------------------


def test_council_staff_logs_an_activity_on_a_phone(new_page, log_in, world, staff_x, staff_y, tmp_path):
    page = log_in(new_page(**PHONE), "staff_x")
    page.goto("/councils/500203/")
    expect(page.get_by_role("heading", level=1)).to_have_text(world.council_x.name)

    page.get_by_role("link", name="+ บันทึกกิจกรรม").tap()
    page.wait_for_url("**/councils/500203/activities/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("บันทึกกิจกรรม")
    assert _page_width(page) <= 360, "the activity form scrolls sideways on a 360px phone"

    held_on = timezone.localdate() - dt.timedelta(days=3)
    title = "เวทีประชาคมเรื่องน้ำท่วมหมู่ที่ ๓"
    page.get_by_label("วันที่จัดกิจกรรม").fill(format_date(held_on))
    page.get_by_label("ประเภทกิจกรรม").select_option(label="เวทีปรึกษาหารือ")
    page.get_by_label("ชื่อกิจกรรม").fill(title)
    page.get_by_label("รายละเอียด").fill("ชาวบ้านร่วมกันวางแผนรับมือน้ำท่วมช่วงฤดูฝน และสำรวจจุดเสี่ยงริมลำน้ำ")
    page.get_by_label("จำนวนผู้เข้าร่วม").fill("42")
    page.get_by_label("ภาพกิจกรรม").set_input_files(str(_png(tmp_path / "forum.png")))
    with page.expect_navigation():
        page.get_by_role("button", name="บันทึกกิจกรรม").tap()

    assert page.url.endswith("/councils/500203/"), page.url
    expect(page.locator(".messages")).to_contain_text("บันทึกกิจกรรมเรียบร้อยแล้ว")
    item = page.locator(".activity-list li", has_text=title)
    expect(item).to_have_count(1)
    meta = item.locator(".meta")
    expect(meta).to_contain_text(thai_date(held_on, "long"))  # e.g. 22 พฤศจิกายน 2568
    expect(meta).to_contain_text(BE_YEAR)
    expect(meta).to_contain_text("เวทีปรึกษาหารือ")
    expect(meta).to_contain_text("ผู้เข้าร่วม 42 คน")

    photo = item.locator("img")
    expect(photo).to_have_attribute("src", re.compile(r"^/media/activities/.+\.jpg$"))
    photo.scroll_into_view_if_needed()  # it is loading="lazy"
    page.wait_for_function("img => img.complete && img.naturalWidth === 64", arg=photo.element_handle())
    assert _page_width(page) <= 360, "the council page scrolls sideways on a 360px phone"
    _screenshot(page, tmp_path, "e2e-journey1")

    activity = Activity.objects.get(title=title)
    assert (activity.council, activity.date, activity.created_by) == (world.council_x, held_on, staff_x)

    # Refused side: staff of the neighbouring council get a plain 404, not a form.
    other = log_in(new_page(**PHONE), "staff_y")
    response = other.goto("/councils/500203/activities/new/")
    assert response.status == 404
    expect(other.locator("form[enctype='multipart/form-data']")).to_have_count(0)
    assert Activity.objects.count() == 1


# --- Journey 2 -------------------------------------------------------------------------


def test_district_officer_records_that_an_item_is_in_the_local_plan(
    new_page, log_in, world, officer_d, officer_e, tmp_path
):
    plan_x = CommunityPlanFactory(council=world.council_x)
    dredging = PlanItemFactory(plan=plan_x, description="ขุดลอกลำเหมืองสาธารณะหมู่ที่ ๒")
    PlanItemFactory(plan=plan_x)
    PlanItemFactory(plan=CommunityPlanFactory(council=world.council_y))
    project = LocalPlanProjectFactory(lao=world.lao, title="โครงการขุดลอกลำเหมืองสาธารณะ")

    page = log_in(new_page(**DESKTOP), "officer_d")
    page.goto("/plans/review/5002/")
    x_row = page.locator("#summary tr[data-code='500203']")
    y_row = page.locator("#summary tr[data-code='500204']")
    expect(x_row.locator("th")).to_have_text("บ้านหลวง")
    expect(x_row.locator("td.percent")).to_have_text("0.0%")

    # The officer finds the LAO's project by a word of its title and takes it for the item.
    card = page.locator(f"#item-{dredging.pk}")
    card.get_by_label("ค้นหาโครงการอื่นในแผนท้องถิ่นของอำเภอ").fill("ขุดลอก")
    with page.expect_navigation():
        card.get_by_role("button", name="ค้นหา").click()
    card = page.locator(f"#item-{dredging.pk}")
    expect(card.locator(".search-results")).to_contain_text(project.title)
    with page.expect_navigation():
        card.locator(".search-results").get_by_role("button", name="เลือกโครงการนี้").click()

    expect(page.locator(".messages")).to_be_visible()
    page.goto("/plans/review/5002/")
    card = page.locator(f"#item-{dredging.pk}")
    expect(card.locator(".badge")).to_have_attribute("data-status", "aligned")
    expect(card.locator(".badge")).to_have_text("บรรจุในแผนท้องถิ่นแล้ว")
    expect(card).to_contain_text(project.title)
    expect(x_row.locator("td.num").nth(0)).to_have_text("2")
    expect(x_row.locator("td.num").nth(1)).to_have_text("1")
    expect(x_row.locator("td.percent")).to_have_text("50.0%")
    expect(y_row.locator("td.percent")).to_have_text("0.0%")
    _screenshot(page, tmp_path, "e2e-journey2")

    alignment = Alignment.objects.get(plan_item=dredging)
    assert (alignment.status, alignment.local_plan_project, alignment.reviewed_by) == (
        AlignmentStatus.ALIGNED, project, officer_d
    )

    # Refused side: an officer of another district does not even learn the page exists.
    other = log_in(new_page(**DESKTOP), "officer_e")
    assert other.goto("/plans/review/5002/").status == 404


# --- Journey 3 -------------------------------------------------------------------------


def _request_national_report(page) -> int:
    page.goto("/reports/")
    page.get_by_label("ปีงบประมาณ").fill("2569")
    page.get_by_label("ขอบเขต").select_option(label="ทั้งประเทศ")
    with page.expect_navigation():
        page.get_by_role("button", name="สร้างรายงาน").click()
    match = re.search(r"/reports/(\d+)/$", page.url)
    assert match, f"not on a report page: {page.url}"
    return int(match.group(1))


def test_codi_staff_watch_a_report_finish_without_reloading(
    new_page, log_in, world, codi_staff, celery_queue_only, tmp_path
):
    page = log_in(new_page(**DESKTOP), "codi_staff")
    report_id = _request_national_report(page)
    status = page.locator("#status-text")
    expect(page.locator(".messages")).to_contain_text("รับคำขอสร้างรายงานแล้ว")
    expect(page.get_by_role("heading", level=1)).to_have_text("รายงานการประเมินผลประจำปี ปีงบประมาณ 2569 ทั้งประเทศ")
    expect(status).to_have_text("รอคิว")
    expect(page.locator("progress#progress")).to_be_visible()
    expect(page.locator("#queued-note")).to_be_visible()
    expect(page.locator("#download")).to_be_hidden()
    _screenshot(page, tmp_path, "e2e-journey3-queued")
    _take_queued_job(celery_queue_only, report_id)

    # Any reload or navigation from here on would lose this marker.
    page.evaluate("window.__sameDocument = true")
    with page.expect_response(re.compile(rf"/reports/{report_id}/status/$")):
        pass  # the page is polling while the job waits
    report_generate(report_id=report_id)  # what the worker runs

    expect(status).to_have_text("เสร็จแล้ว")
    expect(page.locator("#download-link")).to_be_visible()
    expect(page.locator("#progress-wrap")).to_be_hidden()
    assert page.evaluate("window.__sameDocument") is True, "the page reloaded"
    _screenshot(page, tmp_path, "e2e-journey3")

    with page.expect_download() as download_info:
        page.locator("#download-link").click()
    download = download_info.value
    assert download.suggested_filename == "report-annual-2569-national.pdf"
    with open(download.path(), "rb") as fh:
        assert fh.read(5) == b"%PDF-"

    # A failure shows its reason, also without a reload.
    failing_id = _request_national_report(page)
    assert failing_id != report_id
    expect(status).to_have_text("รอคิว")
    _take_queued_job(celery_queue_only, failing_id)
    page.evaluate("window.__sameDocument = true")
    report_fail(report_id=failing_id, reason="ทดสอบความล้มเหลว")

    expect(status).to_have_text("ล้มเหลว")
    expect(page.locator("#error")).to_be_visible()
    expect(page.locator("#error")).to_have_text("ทดสอบความล้มเหลว")
    expect(page.locator("#download")).to_be_hidden()
    assert page.evaluate("window.__sameDocument") is True, "the page reloaded"
    assert Report.objects.get(pk=failing_id).status == ReportStatus.FAILED
