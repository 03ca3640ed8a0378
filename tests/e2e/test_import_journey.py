"""Journey: CODI staff upload an organizations file with one bad row, watch it being
checked without reloading, read the Thai error (row, column, message) in the table, and
explicitly import only the valid rows. Refused side: council staff get 403."""

import pytest
from playwright.sync_api import expect

from common.jobs.choices import JobStatus
from councils.models import CommunityOrganization, ImportJob
from councils.services.imports import import_job_run, import_job_validate
from tests.councils import import_corpus as corpus

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def _take_queued_job(app, task_name, job_id):
    """Be the worker for a moment: take the message the portal sent and check it is ours."""
    with app.connection_for_read() as conn:
        queue = conn.SimpleQueue(app.conf.task_default_queue)
        try:
            message = queue.get(timeout=5)
            message.ack()
        finally:
            queue.close()
    assert message.headers["task"] == task_name
    assert message.payload[0] == [job_id]


def test_codi_staff_upload_a_file_read_the_thai_error_and_import_the_valid_rows(
    new_page, log_in, world, codi_staff, staff_x, celery_queue_only, tmp_path
):
    rows = [
        corpus.org_row(),
        corpus.org_row(code="CO500204001", tambon="500204", village="", founded="15/03/2023"),
        corpus.org_row(code="CO500401001", tambon="500401", village=""),
    ]
    path = corpus.write_xlsx(tmp_path / "องค์กรชุมชน.xlsx", rows)

    page = log_in(new_page(**DESKTOP), "codi_staff")
    page.goto("/councils/imports/")
    expect(page.get_by_role("heading", level=1)).to_have_text("นำเข้าข้อมูลจากไฟล์")
    page.get_by_label("ข้อมูลที่จะนำเข้า").select_option(label="องค์กรชุมชน")
    page.get_by_label("ไฟล์ Excel (.xlsx) หรือ CSV").set_input_files(str(path))
    with page.expect_navigation():
        page.get_by_role("button", name="อัปโหลดและตรวจสอบ").click()

    job = ImportJob.objects.get()
    assert job.original_name == "องค์กรชุมชน.xlsx"
    expect(page.locator("#status-text")).to_have_text("อัปโหลดแล้ว")
    expect(page.locator("#progress")).to_be_visible()

    _take_queued_job(celery_queue_only, "councils.tasks.validate_import", job.pk)
    import_job_validate(job_id=job.pk)  # what the worker runs; the page notices by itself

    expect(page.locator("#status-text")).to_have_text("ตรวจสอบแล้ว รอยืนยัน")
    error_row = page.locator("table.import-errors tbody tr")
    expect(error_row).to_have_count(1)
    expect(error_row.locator("td")).to_have_text(
        ["3", "วันที่ก่อตั้ง (พ.ศ.)", "ปี 2023 เป็นปี ค.ศ. แต่คอลัมน์นี้ใช้ปี พ.ศ. (เช่น 2566)"]
    )
    expect(page.get_by_role("button", name="นำเข้าทั้งหมด", exact=True)).to_have_count(0)
    assert CommunityOrganization.objects.count() == 0

    with page.expect_navigation():
        page.get_by_role("button", name="นำเข้าเฉพาะแถวที่ถูกต้อง (2 แถว)").click()
    expect(page.locator("#status-text")).to_have_text("กำลังนำเข้า")
    _take_queued_job(celery_queue_only, "councils.tasks.run_import", job.pk)
    import_job_run(job_id=job.pk)

    expect(page.locator("#status-text")).to_have_text("นำเข้าเสร็จแล้ว")
    expect(page.get_by_text("นำเข้าเรียบร้อยแล้ว 2 แถว")).to_be_visible()
    job.refresh_from_db()
    assert (job.status, job.imported_rows) == (JobStatus.DONE, 2)
    assert sorted(CommunityOrganization.objects.values_list("code", flat=True)) == ["CO500203001", "CO500401001"]

    # Refused side: a council's staff get 403 on the import page.
    other = log_in(new_page(**DESKTOP), "staff_x")
    response = other.goto("/councils/imports/")
    assert response.status == 403
    expect(other.locator("input[type=file]")).to_have_count(0)
