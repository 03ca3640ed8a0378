"""The district plan (ประมวลแผนระดับอำเภอ) and the provincial roll-up: exact figures, the
doors from the refused side, the XLSX (typed, neutralised) and the PDF (pdftotext)."""

import io
import shutil
import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from accounts.choices import Role
from plans.choices import ProposalStatus
from plans.compiled_pdf import district_plan_pdf, pdf_page_count
from plans.models import DistrictPlanPdf
from plans.selectors.compile import compile_fiscal_year, district_plan, provincial_plan

from ..factories import (
    AgencyFactory,
    user_with_role,
)
from .compile_data import big_district, district_data

pytestmark = pytest.mark.django_db

PAGE = "/plans/district/{}/compiled/"
PROVINCE = "/plans/province/{}/"


@pytest.fixture
def data(world):
    return district_data(world)


def test_district_plan_groups_by_theme_then_tambon_with_exact_totals(world, data):
    plan = district_plan(district=world.district, fiscal_year=2569)
    assert [t.name for t in plan.themes] == ["การจัดการน้ำ", "สวัสดิการสังคม"]
    water, welfare = plan.themes
    assert [(g.name, [i.title for i in g.items]) for g in welfare.tambons] == [
        ("บ้านหลวง", ["ซ่อมบ้านผู้สูงอายุ", '=HYPERLINK("http://x")']),
        ("ข่วงเปา", ["กองทุนสวัสดิการ"]),
    ]
    t = welfare.totals
    assert (t.items, t.aligned, t.partial, t.not_adopted, t.pending, t.budget_needed) == (3, 1, 1, 1, 0, Decimal("70000"))
    assert (t.proposals, t.approved, t.amount_requested, t.amount_approved, t.missed) == (
        1, 1, Decimal("30000"), Decimal("25000"), 0
    )
    t = water.totals
    assert (t.items, t.aligned, t.pending, t.budget_needed, t.proposals, t.missed) == (2, 1, 1, Decimal("75000"), 1, 1)
    t = plan.totals
    assert (t.items, t.aligned, t.partial, t.not_adopted, t.pending) == (5, 2, 1, 1, 1)
    assert (t.budget_needed, t.project_budget) == (Decimal("145000"), Decimal("80000"))
    assert (t.proposals, t.approved, t.amount_requested, t.amount_approved, t.missed) == (
        2, 1, Decimal("45000"), Decimal("25000"), 1
    )
    assert t.percent_aligned == 40.0
    by_tambon = {g.code: g.totals for g in plan.tambons}
    assert (by_tambon["500203"].items, by_tambon["500203"].proposals, by_tambon["500203"].amount_approved) == (
        3, 1, Decimal("25000")
    )
    assert (by_tambon["500204"].items, by_tambon["500204"].missed) == (2, 1)


def test_each_item_carries_its_alignment_proposals_and_budgets(world, data):
    plan = district_plan(district=world.district, fiscal_year=2569)
    rows = {i.title: i for t in plan.themes for g in t.tambons for i in g.items}
    x1 = rows["ซ่อมบ้านผู้สูงอายุ"]
    assert (x1.status_label, x1.project_budget) == ("บรรจุในแผนท้องถิ่นแล้ว", Decimal("80000"))
    assert x1.project.endswith(": โครงการซ่อมแซมบ้านผู้ยากไร้")
    assert [(p.title, p.status_label, p.amount_approved) for p in x1.proposals] == [
        ("ซ่อมบ้านผู้สูงอายุ 2 หลัง", "อนุมัติ", Decimal("25000"))
    ]
    assert rows["กองทุนสวัสดิการ"].mission == "สำนักงานพัฒนาชุมชนอำเภอจอมทอง: ส่งเสริมสวัสดิการชุมชน"
    assert rows["กองทุนสวัสดิการ"].proposals == []  # its proposal is a draft: the council's own
    assert [p.status for p in rows["ขุดลอกลำเหมือง"].proposals] == [ProposalStatus.WITHDRAWN]


def test_what_missed_the_budget_window(world, data):
    plan = district_plan(district=world.district, fiscal_year=2569)
    assert [(p.title, p.considered_in) for p in plan.missed_proposals] == [("ฝายชะลอน้ำ", 2570)]
    assert plan.missed_proposals[0].window.message == "ยื่นหลัง 15 ส.ค. 2568: จะพิจารณาในปีงบประมาณ 2570"
    # Y's plan was adopted on 20 Aug 2568, after the draft of 2569's budget.
    assert [(i.title, i.window.considered_in) for i in plan.missed_items] == [("กองทุนสวัสดิการ", 2570), ("ฝายชะลอน้ำ", 2570)]


def test_provincial_roll_up_per_district_and_theme(world, data):
    plan = provincial_plan(province=world.province, fiscal_year=2569)
    rows = {d.code: d.totals for d in plan.districts}
    assert set(rows) == {"5002", "5004"}
    d, e = rows["5002"], rows["5004"]
    assert (d.items, d.aligned, d.partial, d.not_adopted, d.pending, d.budget_needed) == (5, 2, 1, 1, 1, Decimal("145000"))
    assert (d.proposals, d.approved, d.amount_requested, d.amount_approved, d.missed) == (
        2, 1, Decimal("45000"), Decimal("25000"), 1
    )
    assert (e.items, e.pending, e.proposals, e.amount_requested) == (1, 1, 1, Decimal("99000"))
    assert (plan.totals.items, plan.totals.proposals, plan.totals.percent_aligned) == (6, 3, 33.3)
    themes = {name: t for _pk, name, t in plan.themes}
    assert (themes["การจัดการน้ำ"].items, themes["สวัสดิการสังคม"].items) == (3, 3)
    by_district = next(r for r in plan.districts if r.code == "5002").themes
    assert by_district[data.water.pk].missed == 1 and by_district[data.welfare.pk].amount_approved == Decimal("25000")


@pytest.mark.parametrize(
    ("value", "year"), [("2568", 2568), ("๒๕๖๘", 2568), ("2025", 2568), ("", None), ("abc", None), ("99", None)]
)
def test_fiscal_year_in_the_query_string(value, year):
    from common.thai import current_fiscal_year

    assert compile_fiscal_year(value) == (year or current_fiscal_year())


# The doors ------------------------------------------------------------------------------------


def test_officer_and_codi_open_the_district_plan(client, officer_d, codi_regional, data):
    for user in (officer_d, codi_regional):
        client.force_login(user)
        response = client.get(PAGE.format("5002"), {"fiscal_year": "2569"})
        assert response.status_code == 200
        body = response.content.decode()
        assert "ซ่อมบ้านผู้สูงอายุ" in body and "ฝายชะลอน้ำ" in body and "ประปาหมู่บ้าน" not in body
        assert "ยื่นหลัง 15 ส.ค. 2568: จะพิจารณาในปีงบประมาณ 2570" in body


@pytest.mark.parametrize("suffix", ["", "xlsx/", "pdf/"])
def test_district_plan_refused(client, world, staff_x, officer_e, agency_officer, suffix):
    url = PAGE.format("5002") + suffix
    assert client.get(url).status_code == 302  # anonymous: to the login page
    assert "/accounts/login/" in client.get(url)["Location"]
    client.force_login(staff_x)  # X lies in D: inside, not allowed
    response = client.get(url)
    assert response.status_code == 403
    assert "คุณไม่มีสิทธิ์ประมวลแผนระดับอำเภอนี้" in response.content.decode()
    client.force_login(agency_officer)  # X's LAO: its area lies in D
    assert client.get(url).status_code == 403
    client.force_login(officer_e)  # another district's officer: not found
    assert client.get(url).status_code == 404
    far_lao = user_with_role("far_lao", Role.AGENCY_STAFF, agency=AgencyFactory(subdistrict=world.council_w.subdistrict))
    client.force_login(far_lao)
    assert client.get(url).status_code == 404


def test_provincial_roll_up_doors(client, world, codi_staff, officer_d, staff_x, data):
    url = PROVINCE.format("50")
    assert client.get(url).status_code == 302
    client.force_login(codi_staff)
    response = client.get(url, {"fiscal_year": "2569"})
    assert response.status_code == 200
    assert 'href="/plans/district/5002/compiled/?fiscal_year=2569"' in response.content.decode()
    for user in (officer_d, staff_x):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 403
        assert "คุณไม่มีสิทธิ์ดูแผนระดับจังหวัดนี้" in response.content.decode()
    codi_q = user_with_role("codi_q", Role.CODI_STAFF, provinces=[world.other_province])
    client.force_login(codi_q)
    assert client.get(url).status_code == 404
    assert client.get(PROVINCE.format("57")).status_code == 200


# Exports --------------------------------------------------------------------------------------


def test_district_plan_xlsx_is_typed_and_neutralised(client, officer_d, data):
    client.force_login(officer_d)
    response = client.get(PAGE.format("5002") + "xlsx/", {"fiscal_year": "2569"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="district-plan-5002-2569.xlsx"'
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["สรุปรายประเด็น", "สรุปรายตำบล", "รายการ", "ไม่ทันปฏิทินงบประมาณ"]
    themes = list(wb["สรุปรายประเด็น"].values)
    assert themes[2][:2] == ("การจัดการน้ำ", 2) and themes[-1][0] == "รวม"
    assert themes[-1][1:8] == (5, 2, 1, 1, 1, 40.0, 145000)
    assert themes[-1][8:] == (2, 1, 45000, 25000, 1)
    items = list(wb["รายการ"].values)
    titles = [r[3] for r in items[2:]]
    assert "'=HYPERLINK(\"http://x\")" in titles  # formula-like text is inert
    x1 = next(r for r in items[2:] if r[3] == "ซ่อมบ้านผู้สูงอายุ")
    assert (x1[7], x1[10], x1[14]) == (40000, 80000, 25000)
    assert wb["รายการ"].cell(3, 8).number_format == "#,##0.00"
    missed = list(wb["ไม่ทันปฏิทินงบประมาณ"].values)
    assert missed[2][:5] == ("โครงการขอรับงบ", "ข่วงเปา", "ฝายชะลอน้ำ", "องค์การบริหารส่วนตำบลบ้านหลวง", 2570)


def test_provincial_xlsx(client, codi_staff, data):
    client.force_login(codi_staff)
    response = client.get(PROVINCE.format("50") + "xlsx/", {"fiscal_year": "2569"})
    wb = load_workbook(io.BytesIO(response.content))
    rows = list(wb["รายอำเภอ"].values)
    assert rows[2][:3] == ("5002", "จอมทอง", 5) and rows[-1][2] == 6
    assert wb.sheetnames == ["รายอำเภอ", "รายประเด็น", "รายอำเภอและประเด็น"]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_district_plan_pdf(client, officer_d, data, tmp_path):
    client.force_login(officer_d)
    response = client.get(PAGE.format("5002") + "pdf/", {"fiscal_year": "2569"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "plan.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("แผนระดับอำเภอ", "อำเภอจอมทอง จังหวัดเชียงใหม่", "ปีงบประมาณ", "๒๕๖๙", "ซ่อมบ้านผู้สูงอายุ",
                     "บรรจุในแผนท้องถิ่นแล้ว", "ยื่นหลัง 15 ส.ค. 2568: จะพิจารณาในปีงบประมาณ 2570", "145,000"):  # fmt: skip
        assert expected in text, expected
    assert "ประปาหมู่บ้าน" not in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "Sarabun" in fonts


def test_pdf_table_headers_repeat_across_pages(world):
    big_district(world.district, tambons=1, items=40, themes=1)
    pdf = district_plan_pdf(district_plan(district=world.district, fiscal_year=2569))
    assert pdf_page_count(pdf) >= 3
    import pypdf

    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    with_header = [i for i, text in enumerate(pages) if "การเชื่อมโยงแผน" in text]
    assert len(with_header) >= 2  # the item table's header on each page it runs over


# Query counts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(2, 3), (6, 10)])
def test_query_counts_do_not_grow(client, world, officer_d, codi_staff, size, django_assert_max_num_queries):
    big_district(world.district, tambons=size[0], items=size[1], themes=3)
    client.force_login(officer_d)
    with django_assert_max_num_queries(14):
        assert client.get(PAGE.format("5002"), {"fiscal_year": "2569"}).status_code == 200
    client.force_login(codi_staff)
    with django_assert_max_num_queries(12):
        assert client.get(PROVINCE.format("50"), {"fiscal_year": "2569"}).status_code == 200


def test_a_large_district_plan_pdf_is_made_by_a_job(client, officer_d, codi_staff, data, monkeypatch,
                                                    django_capture_on_commit_callbacks):  # fmt: skip
    monkeypatch.setattr("plans.views.compile.PDF_INLINE_MAX_ITEMS", 3)  # D has 5 items: "large"
    client.force_login(officer_d)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(PAGE.format("5002") + "pdf/", {"fiscal_year": "2569"})
    job = DistrictPlanPdf.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/plans/district/pdf/{job.pk}/"
    job.refresh_from_db()
    assert (job.status, job.progress, job.fiscal_year, job.requested_by) == ("done", 100, 2569, officer_d)
    assert job.pages >= 2
    status = client.get(f"/plans/district/pdf/{job.pk}/status/").json()
    assert status["download_url"] == f"/plans/district/pdf/{job.pk}/download/"
    page = client.get(f"/plans/district/pdf/{job.pk}/")
    assert 'id="download-link"' in page.content.decode()
    download = client.get(status["download_url"])
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    client.force_login(codi_staff)  # someone else's job: not found
    assert client.get(f"/plans/district/pdf/{job.pk}/").status_code == 404
    assert client.get(status["download_url"]).status_code == 404
