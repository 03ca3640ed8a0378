"""The annual report through a real browser: CODI staff write the year's narrative, choose an
activity photo for the report on the council's page, ask for the FY 2569 annual report,
publish it, and a visitor downloads the PDF, which carries the narrative, the photo and its
caption. A council's staff may not publish."""

import datetime as dt
import io
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from playwright.sync_api import expect

from accounts.choices import Role
from councils.models import ActivityPhoto
from reports.models import Report
from tests.factories import ActivityFactory, user_with_role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "รายงานการสังเคราะห์ผลการดำเนินงาน ปีงบประมาณ 2569"
CAPTION = "เวทีประชาคมทบทวนแผนพัฒนาชุมชนบ้านหลวง"


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1600, 1200), (30, 120, 80)).save(out, "JPEG", quality=90)
    return out.getvalue()


def test_codi_writes_chooses_a_photo_publishes_and_a_visitor_downloads(world, new_page, log_in, tmp_path):
    codi = user_with_role("codi", Role.CODI_STAFF)
    staff = user_with_role("staff_x", Role.COUNCIL_STAFF, council=world.council_x)
    activity = ActivityFactory(council=world.council_x, date=dt.date(2026, 2, 14), title="เวทีประชาคมหมู่บ้าน")
    photo = ActivityPhoto(activity=activity, caption=CAPTION)
    photo.image.save("forum.jpg", SimpleUploadedFile("forum.jpg", _jpeg()), save=True)

    page = log_in(new_page(viewport={"width": 1280, "height": 900}), codi.username)
    # 1. The narrative of the year, in the report's own chapters.
    page.goto("/reports/narratives/2569/")
    page.get_by_label("ชื่อรายงาน").fill(TITLE)
    page.get_by_label("เรื่อง", exact=True).fill("สภาองค์กรชุมชนตำบลกับหน่วยงานภาคี")
    page.get_by_label("ความเป็นมา").fill("ย่อหน้าแรกของความเป็นมา\nย่อหน้าที่สองของความเป็นมา")
    page.get_by_label("ข้อความปิดท้าย").fill("สถาบันพัฒนาองค์กรชุมชน")
    page.get_by_role("button", name="บันทึกบทสรุป").click()
    expect(page.get_by_text("บันทึกบทสรุปปีงบประมาณ 2569 แล้ว")).to_be_visible()

    # 2. The photo chosen for the report on the council's page.
    page.goto(f"/councils/{world.council_x.subdistrict.code}/")
    page.get_by_role("button", name="เลือกลงรายงานประจำปี").click()
    expect(page.get_by_text("ลงรายงานประจำปี", exact=True)).to_be_visible()
    photo.refresh_from_db()
    assert photo.in_report

    # 3. The FY 2569 annual report of the country, asked for and published.
    page.goto("/reports/")
    page.get_by_label("ปีงบประมาณ (พ.ศ.)").fill("2569")
    page.get_by_label("ขอบเขต").select_option("national")
    page.locator("#request-title ~ form button[type=submit]").click()
    report = Report.objects.get()
    page.goto(f"/reports/{report.pk}/")
    expect(page.get_by_text("เสร็จแล้ว").first).to_be_visible(timeout=60_000)
    page.get_by_role("button", name="เผยแพร่ต่อสาธารณะ").click()
    expect(page.get_by_text("เผยแพร่แล้ว").first).to_be_visible()
    page.screenshot(path=str(tmp_path / "report_published.png"), full_page=True)

    # Refused: a council's staff do not publish (the report is outside their pages: 404).
    staff_page = log_in(new_page(), staff.username)
    csrf = next(c["value"] for c in staff_page.context.cookies() if c["name"] == "csrftoken")
    refused = staff_page.request.post(
        f"/reports/{report.pk}/publish/", form={"publish": "0"}, headers={"X-CSRFToken": csrf, "Referer": staff_page.url}
    )
    assert refused.status in (403, 404)
    report.refresh_from_db()
    assert report.is_published

    # 4. A visitor finds it among the published reports and downloads the PDF.
    visitor = new_page()
    visitor.goto("/reports/public/")
    visitor.locator(f'a[href="/reports/public/{report.pk}/"]').click()
    with visitor.expect_download() as download:
        visitor.get_by_role("link", name="ดาวน์โหลดรายงาน (PDF)").click()
    pdf = tmp_path / "report.pdf"
    download.value.save_as(pdf)
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    for words in (TITLE.replace("2569", "๒๕๖๙"), "ย่อหน้าที่สองของความเป็นมา", CAPTION, "สถาบันพัฒนาองค์กรชุมชน"):
        assert "".join(words.split()) in flat, words
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert sum(1 for line in images.splitlines()[2:] if line.split()[2] == "image") == 1
