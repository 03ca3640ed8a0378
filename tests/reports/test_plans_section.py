"""The annual report's alignment section per district and province: items aligned, partly,
not, pending; proposals asked, approved and their amounts; those that missed the budget
window. Exact figures, the XLSX lines, and the section in the PDF (pdftotext)."""

import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from plans import reporting
from reports.rendering import build_pdf, build_xlsx
from reports.sections import ReportArea, gather_report
from reports.sections.plans import ALIGNMENT
from reports.spec import ReportSpec

from ..plans.compile_data import district_data

pytestmark = pytest.mark.django_db


def spec(**kw) -> ReportSpec:
    return ReportSpec(kind="annual", fiscal_year=2569, title="รายงานประจำปี ปีงบประมาณ 2569", **kw)


@pytest.fixture
def data(world):
    return district_data(world)


def test_figures_per_district(world, data):
    rows = reporting.plan_figures_by_district(subdistricts=None, fiscal_year=2569)
    assert [(r.code, r.name, r.province) for r in rows] == [("5002", "จอมทอง", "เชียงใหม่"), ("5004", "เชียงดาว", "เชียงใหม่")]
    d, e = rows
    assert (d.items, d.aligned, d.partial, d.not_adopted, d.pending) == (5, 2, 1, 1, 1)
    assert (d.proposals, d.approved, d.amount_requested, d.amount_approved, d.missed) == (
        2, 1, Decimal("30000") + Decimal("15000"), Decimal("25000"), 1
    )
    assert (e.items, e.pending, e.proposals, e.approved, e.amount_requested, e.missed) == (1, 1, 1, 0, Decimal("99000"), 0)
    (p,) = reporting.plan_figures_by_province(rows)
    assert (p.code, p.name, p.items, p.proposals, p.amount_requested, p.missed) == ("50", "เชียงใหม่", 6, 3, Decimal("144000"), 1)
    assert reporting.plan_figures_by_district(subdistricts=None, fiscal_year=2568) == []


def test_a_submitted_proposal_without_its_year_is_placed_by_the_calendar(world, data):
    late = data.proposals["late"]
    late.considered_in_year = None  # submitted on 1 Sep 2568, after the draft of 2569's budget
    late.save(update_fields=["considered_in_year"])
    rows = reporting.plan_figures_by_district(subdistricts=None, fiscal_year=2569)
    assert rows[0].missed == 1


def test_section_lists_districts_for_a_province_and_provinces_for_the_country(world, data):
    ctx = ALIGNMENT.gather(ReportArea(spec(scope="province", province_id=world.province.pk)))
    assert ctx["by_province"] is False
    assert [r.name for r in ctx["areas"]] == ["จอมทอง", "เชียงดาว"]
    assert (ctx["total"], ctx["plan_total"].items, ctx["plan_total"].amount_approved) == (6, 6, Decimal("25000"))
    ctx = ALIGNMENT.gather(ReportArea(spec(scope="national")))
    assert ctx["by_province"] is True and [r.name for r in ctx["areas"]] == ["เชียงใหม่"]
    district = ALIGNMENT.gather(ReportArea(spec(scope="district", district_id=world.district.pk)))
    assert [(r.name, r.items, r.missed) for r in district["areas"]] == [("จอมทอง", 5, 1)]
    lines = ALIGNMENT.xlsx_rows(ctx)
    assert ["จอมทอง", "เชียงใหม่", 5, 2, 1, 1, 1, 2, 1, Decimal("45000"), Decimal("25000"), 1] in lines


def test_the_annual_report_pdf_and_xlsx_show_the_section(world, data, tmp_path):
    data_ = gather_report(spec(scope="province", province_id=world.province.pk))
    pdf = tmp_path / "r.pdf"
    build_pdf(data_, pdf)
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))  # the figures, whichever numerals the PDF uses
    flat = "".join(text.split())
    assert "การเชื่อมโยงแผนพัฒนาชุมชนกับแผนพัฒนาท้องถิ่น" in flat
    assert "".join("ยื่นโครงการขอรับงบอุดหนุน 3 โครงการ ขอรวม 144,000 บาท ได้รับอนุมัติ 1 โครงการ รวม 25,000 บาท".split()) in flat
    assert "จอมทอง521112145,00025,0001" in flat  # the district's row: items…missed
    xlsx = tmp_path / "r.xlsx"
    build_xlsx(data_, xlsx)
    values = [r for r in load_workbook(xlsx)["สรุป"].values]
    assert ("จอมทอง", "เชียงใหม่", 5, 2, 1, 1, 1, 2, 1, 45000, 25000, 1) in values
