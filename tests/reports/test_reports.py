import datetime as dt
import subprocess

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from common.thaipdf.fetcher import LocalOnlyFetcher, font_url
from reports import services
from reports.choices import ReportScope, ReportStatus
from reports.models import Report
from reports.rendering import build_pdf
from reports.sections import gather_report
from reports.spec import ReportSpec

from ..factories import ActivityFactory, CommunityPlanFactory, PlanItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(world):
    ActivityFactory(council=world.council_x, date=dt.date(2025, 11, 1), participants=40)
    ActivityFactory(council=world.council_y, date=dt.date(2026, 3, 1), participants=10, kind="training")
    ActivityFactory(council=world.council_w, date=dt.date(2026, 5, 1), participants=7)
    ActivityFactory(council=world.council_x, date=dt.date(2024, 11, 1), participants=99)  # FY 2568
    plan = CommunityPlanFactory(council=world.council_x, fiscal_year=2569)
    item = PlanItemFactory(plan=plan)
    item.alignment.status = "aligned"
    item.alignment.save()
    PlanItemFactory(plan=plan)


def _gathered(spec: ReportSpec) -> dict:
    """What each section of the report gathered, by slug."""
    return {section.slug: ctx for section, ctx in gather_report(spec).sections}


def test_figures_national(data):
    f = _gathered(ReportSpec(kind="annual", fiscal_year=2569, scope="national"))
    assert f["councils"]["total"] == 4
    assert (f["activities"]["total"], f["activities"]["participants"]) == (3, 57)
    assert dict(f["activities"]["rows"])["เวทีปรึกษาหารือ"] == 2
    assert dict(f["activities"]["rows"])["อบรม"] == 1
    assert f["alignment"]["total"] == 2 and f["alignment"]["percent_aligned"] == 50.0
    rows = {}  # per province (its code heads the tambon code): councils, activities
    for r in f["appendix"]["rows"]:
        councils, activities = rows.get(r.code[:2], (0, 0))
        rows[r.code[:2]] = (councils + 1, activities + r.activities)
    assert len(rows) == 2
    assert (rows["50"][0], rows["50"][1], rows["57"][1]) == (3, 2, 1)


def test_figures_province(data, world):
    f = _gathered(ReportSpec(kind="annual", fiscal_year=2569, scope="province", province_id=world.other_province.pk))
    assert (f["councils"]["total"], f["activities"]["total"], f["activities"]["participants"], f["alignment"]["total"]) == (
        1, 1, 7, 0,
    )
    assert f["cover"]["area_label"] == "จังหวัดเชียงราย"


def test_report_pdf_is_thai_with_embedded_sarabun(data, tmp_path):
    spec = ReportSpec(kind="annual", fiscal_year=2569, scope="national", title="รายงานการประเมินผลประจำปี ปีงบประมาณ 2569")
    target = tmp_path / "r.pdf"
    build_pdf(gather_report(spec), str(target))
    assert target.read_bytes()[:5] == b"%PDF-"
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    assert "Sarabun" in fonts
    for line in fonts.splitlines()[2:]:
        assert line.split()[-5:-2] == ["yes", "yes", "yes"], line  # embedded, subset, unicode map
    text = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, text=True, check=True).stdout
    text = text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))  # the figures, whichever numerals the PDF uses
    assert "ปีงบประมาณ พ.ศ. 2569" in text
    assert "1 ตุลาคม 2568" in text and "30 กันยายน 2569" in text
    assert "ความเป็นมา" in text and "ภาคผนวก" in text
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert "A4" in info


def test_fetcher_refuses_anything_outside(tmp_path):
    fetcher = LocalOnlyFetcher()
    for url in ["https://example.org/x.css", "http://127.0.0.1/x.png", "file:///etc/passwd", "ftp://x/y"]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    response = fetcher.fetch(font_url("Regular"))
    assert response.read(4) in (b"\x00\x01\x00\x00", b"true", b"OTTO")


def test_request_and_generate(world, codi_staff, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        report = services.report_request(by=codi_staff, fiscal_year=2569, scope=ReportScope.NATIONAL)
    assert len(callbacks) == 1  # the job is sent only once the request is committed
    report.refresh_from_db()  # Celery is eager in tests
    assert report.status == ReportStatus.DONE
    assert (report.progress, report.attempts, report.error) == (100, 1, "")
    with report.file.open("rb") as fh:
        assert fh.read(5) == b"%PDF-"


def test_only_codi_staff_may_request(world, officer_d, staff_x):
    for user in (officer_d, staff_x):
        with pytest.raises(PermissionDenied):
            services.report_request(by=user, fiscal_year=2569, scope=ReportScope.NATIONAL)
    assert Report.objects.count() == 0


def test_regional_staff_limited_to_their_provinces(world, codi_regional):
    with pytest.raises(PermissionDenied):
        services.report_request(by=codi_regional, fiscal_year=2569, scope=ReportScope.NATIONAL)
    with pytest.raises(PermissionDenied):
        services.report_request(by=codi_regional, fiscal_year=2569, scope=ReportScope.PROVINCE, province=world.other_province)
    report = services.report_request(by=codi_regional, fiscal_year=2569, scope=ReportScope.PROVINCE, province=world.province)
    assert report.province == world.province


def test_christian_era_year_refused(world, codi_staff):
    with pytest.raises(ValidationError) as exc:
        services.report_request(by=codi_staff, fiscal_year=2026, scope=ReportScope.NATIONAL)
    assert "ค.ศ." in exc.value.message_dict["fiscal_year"][0]
    assert Report.objects.count() == 0


def test_generation_failure_is_recorded(world, codi_staff, monkeypatch, django_capture_on_commit_callbacks):
    def boom(*args, **kwargs):
        raise RuntimeError("ฟอนต์เสีย")

    monkeypatch.setattr("reports.services.build_pdf", boom)
    with django_capture_on_commit_callbacks(execute=True):
        report = services.report_request(by=codi_staff, fiscal_year=2569, scope=ReportScope.NATIONAL)
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert report.error == "สร้างรายงานไม่สำเร็จ: RuntimeError: ฟอนต์เสีย"
    assert not report.file


# --- pages ------------------------------------------------------------------------------

def test_codi_staff_requests_a_report_from_the_page(client, codi_staff, data, django_capture_on_commit_callbacks):
    client.force_login(codi_staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/reports/", {"fiscal_year": "2569", "scope": "national"})
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/{report.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "เสร็จแล้ว" in page and f"/reports/{report.pk}/download/" in page
    status = client.get(f"/reports/{report.pk}/status/").json()
    assert (status["status"], status["progress"], status["download_url"]) == ("done", 100, f"/reports/{report.pk}/download/")
    download = client.get(f"/reports/{report.pk}/download/")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content)[:5] == b"%PDF-"


@pytest.mark.parametrize(
    ("data_", "field", "message"),
    [
        ({"fiscal_year": "2026", "scope": "national"}, "fiscal_year", "ดูเหมือนเป็นปี ค.ศ."),
        ({"fiscal_year": "", "scope": "national"}, "fiscal_year", "กรุณาระบุปีงบประมาณ"),
        ({"fiscal_year": "สองห้า", "scope": "national"}, "fiscal_year", "ปีงบประมาณต้องเป็นตัวเลข"),
        ({"fiscal_year": "2569", "scope": "province"}, "province", "กรุณาเลือกจังหวัด"),
        ({"fiscal_year": "2569", "scope": "moon"}, "scope", "ขอบเขตไม่ถูกต้อง"),
    ],
)
def test_bad_report_request_is_refused_in_thai(client, codi_staff, data_, field, message):
    client.force_login(codi_staff)
    response = client.post("/reports/", data_)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert Report.objects.count() == 0


def test_district_officer_cannot_request_and_sees_no_reports(client, codi_staff, officer_d):
    report = services.report_request(by=codi_staff, fiscal_year=2569, scope=ReportScope.NATIONAL)
    client.force_login(officer_d)
    assert client.post("/reports/", {"fiscal_year": "2569", "scope": "national"}).status_code == 403
    assert list(client.get("/reports/").context["reports"]) == []
    for path in ("/reports/{}/", "/reports/{}/status/", "/reports/{}/download/"):
        assert client.get(path.format(report.pk)).status_code == 404


def test_regional_staff_sees_only_their_provinces_reports(
    client, world, codi_staff, codi_regional, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        national = services.report_request(by=codi_staff, fiscal_year=2569, scope=ReportScope.NATIONAL)
        mine = services.report_request(by=codi_staff, fiscal_year=2569, scope=ReportScope.PROVINCE, province=world.province)
        other = services.report_request(
            by=codi_staff, fiscal_year=2569, scope=ReportScope.PROVINCE, province=world.other_province
        )
    client.force_login(codi_regional)
    assert [r.pk for r in client.get("/reports/").context["reports"]] == [mine.pk]
    assert client.get(f"/reports/{mine.pk}/download/").status_code == 200
    assert client.get(f"/reports/{national.pk}/download/").status_code == 404
    assert client.get(f"/reports/{other.pk}/").status_code == 404


def test_anonymous_is_sent_to_login(client, world):
    assert client.get("/reports/").status_code == 302


def test_a_published_report_keeps_its_figures_whatever_is_recorded_later(
    client, world, codi_staff, data, django_capture_on_commit_callbacks
):
    """The figures are stored with the report when it is made: an activity of FY 2569 logged
    after publication changes a fresh gather, not the published report's figures or page."""
    with django_capture_on_commit_callbacks(execute=True):
        report = services.report_request(by=codi_staff, fiscal_year=2569, scope=ReportScope.NATIONAL)
    report.refresh_from_db()
    services.report_publish(report=report, by=codi_staff)
    frozen = {b["section"]: b["lines"] for b in report.figures}
    activities = frozen["กิจกรรมจำแนกตามประเภทและประเด็นงาน"]
    assert ["รวม", 3] in activities
    ActivityFactory(council=world.council_y, date=dt.date(2026, 6, 1), participants=5)  # logged late
    assert _gathered(ReportSpec(kind="annual", fiscal_year=2569, scope="national"))["activities"]["total"] == 4
    report.refresh_from_db()
    assert {b["section"]: b["lines"] for b in report.figures} == frozen
    page = client.get(f"/reports/public/{report.pk}/").content.decode()
    assert 'id="figures"' in page and "ตัวเลขตามที่บันทึกไว้เมื่อสร้างรายงานฉบับนี้" in page
    # the XLSX holds the same figures as the page
    from openpyxl import load_workbook

    with report.xlsx.open("rb") as fh:
        sheet = load_workbook(fh, read_only=True)["สรุป"]
        cells = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert ["รวม", 3] in cells


def test_the_narrative_shapes_the_report_and_its_numerals(world, codi_staff, data, django_capture_on_commit_callbacks):
    """What CODI staff wrote for FY 2569 goes into the PDF in the source's shape (title,
    subject, background in paragraphs, closing) with Arabic numerals chosen for the whole
    document; a province's report without its own narrative takes the country's."""
    services.narrative_save(
        fiscal_year=2569, by=codi_staff, title="รายงานการสังเคราะห์ผลการดำเนินงาน ปี 2569",
        subject="สภาองค์กรชุมชนตำบลกับหน่วยงานภาคี", background="ย่อหน้าแรกของความเป็นมา\nย่อหน้าที่สองของความเป็นมา",
        results="ผลการทำงานร่วมกับท้องถิ่น", closing="สถาบันพัฒนาองค์กรชุมชน", numerals="arabic",
    )
    with django_capture_on_commit_callbacks(execute=True):
        report = services.report_request(by=codi_staff, fiscal_year=2569, scope=ReportScope.PROVINCE, province=world.province)
    report.refresh_from_db()
    text = subprocess.run(["pdftotext", "-raw", report.file.path, "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    for words in ("รายงานการสังเคราะห์ผลการดำเนินงาน ปี 2569", "เรื่อง สภาองค์กรชุมชนตำบลกับหน่วยงานภาคี",
                  "ย่อหน้าแรกของความเป็นมา", "ย่อหน้าที่สองของความเป็นมา", "ผลการทำงานร่วมกับท้องถิ่น", "สถาบันพัฒนาองค์กรชุมชน"):
        assert "".join(words.split()) in flat, words
    assert "พระราชบัญญัติสภาองค์กรชุมชน" not in flat  # the written background replaces the default one
    assert not any(ch in text for ch in "๐๑๒๓๔๕๖๗๘๙")  # Arabic numerals through the whole document
    assert "1 ตุลาคม 2568" in text
