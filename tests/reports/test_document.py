"""The report document: section pipeline, official Thai PDF (fonts, text extraction, page
numbers, A4), quarterly periods, the split-and-merged appendix, and the XLSX figures."""

import datetime as dt
import subprocess

import pytest
from openpyxl import load_workbook

from common.thaipdf.thaifix import sarabun_glyphs
from councils.models import Council
from geo.models import Region
from reports.models import ReportNarrative
from reports.rendering import build, build_pdf, build_xlsx
from reports.sections import ANNUAL, ReportArea, gather_report, period_of
from reports.sections.appendix import council_rows, province_rows
from reports.spec import ReportSpec

from ..factories import ActivityFactory, CommunityOrganizationFactory, CommunityPlanFactory, PlanItemFactory

pytestmark = pytest.mark.django_db

THAI = "ตำบล น้ำ ปี่ กตัญญู กำลัง ค่ำ นา ที่"
LESSONS = (
    "ที่ประชุมสภาองค์กรชุมชนตำบลเห็นพ้องว่าน้ำประปาหมู่บ้านยังไม่เพียงพอในฤดูแล้ง กำลังคนของกลุ่มผู้ใช้น้ำมีจำกัด "
    "ปี่พาทย์ของวงดนตรีพื้นบ้านได้รับการฟื้นฟูโดยเยาวชนผู้มีความกตัญญูต่อผู้สูงอายุ ค่ำคืนนั้นชาวบ้านร่ำลากันด้วยความซาบซึ้ง "
    "ตำบลน้ำเกี๋ยน ผู้ใหญ่บ้านเจ้าหน้าที่ฝ่ายปกครอง ญาติพี่น้อง ฐานข้อมูลตำบล"
)


def run(*args) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def squash(text: str) -> str:
    """Text without line breaks or spaces (a wrapped line loses the space it broke at)."""
    return "".join(text.split())


def national(**kw) -> ReportSpec:
    return ReportSpec(
        kind="annual", fiscal_year=2569, scope="national", title="รายงานการประเมินผลประจำปี ปีงบประมาณ 2569", **kw
    )


@pytest.fixture
def data(world):
    a = ActivityFactory(council=world.council_x, date=dt.date(2025, 11, 1), participants=40)
    a.agencies.add(world.lao)
    ActivityFactory(council=world.council_y, date=dt.date(2026, 3, 1), participants=10, kind="training")
    ActivityFactory(council=world.council_w, date=dt.date(2026, 5, 1), participants=7)
    CommunityOrganizationFactory(council=world.council_x, name="กลุ่มผู้ใช้น้ำตำบลบ้านหลวง", kind="network")
    plan = CommunityPlanFactory(council=world.council_x, fiscal_year=2569)
    item = PlanItemFactory(plan=plan)
    item.alignment.status = "aligned"
    item.alignment.save()
    PlanItemFactory(plan=plan)
    return world


def test_periods_and_quarters():
    assert period_of(national()) == (dt.date(2025, 10, 1), dt.date(2026, 9, 30))
    q = lambda n: period_of(ReportSpec(kind="quarterly", fiscal_year=2569, scope="national", quarter=n))  # noqa: E731
    assert q(1) == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert q(2) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert q(4) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))


def test_sections_gather_figures_of_their_area(data):
    by_slug = {s.slug: s for s in ANNUAL}
    area = ReportArea(national())
    acts = by_slug["activities"].gather(area)
    assert (acts["total"], acts["participants"]) == (3, 57)
    assert by_slug["agencies"].gather(area)["total"] == 1
    assert by_slug["alignment"].gather(area)["percent_aligned"] == 50.0
    quarter = ReportArea(ReportSpec(kind="quarterly", fiscal_year=2569, scope="national", quarter=1))
    assert by_slug["activities"].gather(quarter)["total"] == 1  # only November 2025
    region = Region.objects.create(code="north", name_th="ภาคเหนือตอนบน")
    region.provinces.add(data.province)
    region_area = ReportArea(ReportSpec(kind="annual", fiscal_year=2569, scope="region", region_id=region.pk))
    assert by_slug["councils"].gather(region_area)["total"] == 3 and region_area.label == "ภาคเหนือตอนบน"
    assert by_slug["activities"].gather(region_area)["total"] == 2
    council = ReportArea(ReportSpec(kind="annual", fiscal_year=2569, scope="council", council_id=data.council_y.pk))
    assert [r.code for r in council_rows(council)] == ["500204"]
    province = ReportArea(ReportSpec(kind="annual", fiscal_year=2569, scope="province", province_id=data.other_province.pk))
    assert by_slug["councils"].gather(province)["total"] == 1
    rows = council_rows(
        ReportArea(ReportSpec(kind="annual", fiscal_year=2569, scope="district", district_id=data.district.pk))
    )
    assert [(r.code, r.activities, r.plan_items, r.percent_aligned) for r in rows] == [
        ("500203", 1, 2, 50.0),
        ("500204", 1, 0, 0.0),
    ]


def test_official_thai_pdf(data, tmp_path):
    ReportNarrative.objects.create(
        fiscal_year=2569, lessons=f"{THAI}\n{LESSONS}", expected_results="ชุมชนเข้มแข็ง", future_directions=""
    )
    target = tmp_path / "r.pdf"
    progress = []
    on_progress = lambda done, total: progress.append((done, total))  # noqa: E731
    build_pdf(gather_report(national(), on_progress), str(target), on_progress=on_progress)
    assert progress[-1] == (len(ANNUAL) + 1, len(ANNUAL) + 1)
    assert [d for d, _t in progress] == sorted(d for d, _t in progress)

    fonts = run("pdffonts", str(target)).splitlines()[2:]
    assert fonts
    for line in fonts:
        assert "Sarabun" in line, line
        assert line.split()[-5:-2] == ["yes", "yes", "yes"], line  # embedded, subset, unicode map
    assert "A4" in run("pdfinfo", str(target))

    text = run("pdftotext", "-raw", str(target), "-")
    assert THAI in text  # ำ, stacked tone marks and vowels extract exactly as written
    assert squash(LESSONS) in squash(text)  # every character of a wrapped paragraph, in order
    assert "ฟื้นฟู" in text and "พื้นบ้าน" in text  # marks pulled back over their vowel
    assert "ตาบล" not in text and "นำ้" not in text
    # Thai numerals through the whole document: dates, figures, codes, page numbers
    assert "๑ ตุลาคม ๒๕๖๘" in text and "๓๐ กันยายน ๒๕๖๙" in text  # Buddhist-era dates
    assert not any(ch in text for ch in "0123456789"), [line for line in text.splitlines() if any(c.isascii() and c.isdigit() for c in line)][:5]
    assert "ชุมชนเข้มแข็ง" in text
    assert "ยังไม่มีข้อมูลทิศทางในอนาคตสำหรับปีงบประมาณนี้" in text  # empty part says so
    # the country's appendix: one row per province (every council's row is in the XLSX)
    chiang_mai = next(p for p in province_rows(council_rows(ReportArea(national()))) if p.province == "เชียงใหม่")
    row = [chiang_mai.province, chiang_mai.councils, chiang_mai.active, chiang_mai.assessed, chiang_mai.activities,
           chiang_mai.plan_items, chiang_mai.percent_aligned]  # fmt: skip
    assert (chiang_mai.councils, chiang_mai.plan_items) == (3, 2)
    assert " ".join(str(v) for v in row).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) in text
    assert "๕๐๐๒๐๓ บ้านหลวง" not in text
    # page numbers in Thai numerals; the table of contents points at the right page
    pages = [run("pdftotext", "-f", str(n), "-l", str(n), "-raw", str(target), "-") for n in (1, 2, 3)]
    assert "พระราชบัญญัติ" in pages[2] and "๓" in pages[2].split()  # ความเป็นมา is on page ๓
    assert "๑" not in pages[0].split()  # the cover has no page number
    toc_entry = pages[1].split("๑. ความเป็นมา")[1].split("๒.")[0]
    assert "สารบัญ" in pages[1] and toc_entry.split()[-1] == "๓"  # target-counter page number


def test_empty_narrative_sections_say_so(data, tmp_path):
    target = tmp_path / "r.pdf"
    build_pdf(gather_report(national()), str(target), thai_numerals=False)
    text = run("pdftotext", "-raw", str(target), "-")
    assert squash("ยังไม่มีบทสรุปบทเรียนของปีงบประมาณนี้ ตัวเลขจากระบบแสดงในหัวข้อต่อไปนี้") in squash(text)
    assert squash("ยังไม่มีข้อมูลผลที่คาดว่าจะได้รับสำหรับปีงบประมาณนี้") in squash(text)
    assert "\n2\n" in text and "๒" not in text.split("สารบัญ")[0]


def test_big_appendix_is_laid_out_apart_and_numbered(data, world, tmp_path, monkeypatch):
    """A province's report lists every council: a big appendix is laid out in worker
    processes, a district at a time here, and numbered on."""
    monkeypatch.setattr(build, "INLINE_APPENDIX_ROWS", 1)
    monkeypatch.setattr(build, "CHUNK_ROWS", 1)  # one chunk per district, two worker processes
    target = tmp_path / "r.pdf"
    spec = ReportSpec(kind="annual", fiscal_year=2569, scope="province", province_id=world.province.pk, title="รายงานจังหวัด")
    build_pdf(gather_report(spec), str(target))
    pages = int(next(line.split()[-1] for line in run("pdfinfo", str(target)).splitlines() if line.startswith("Pages")))
    last = run("pdftotext", "-f", str(pages), "-l", str(pages), "-raw", str(target), "-")
    digits = str(pages).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert digits in last.split()  # stamped from the page-number overlay
    text = run("pdftotext", "-raw", str(target), "-").translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))  # the figures, whichever numerals the PDF uses
    for council in Council.objects.filter(subdistrict__district__province=world.province):
        assert f"{council.subdistrict.code} {council.subdistrict.name_th} " in text
    assert "อำเภอเชียงดาว" in text and "เวียง" not in text.split("ภาคผนวก")[-1]


def test_xlsx_has_the_same_figures(data, tmp_path):
    Council.objects.filter(pk=data.council_z.pk).update(name='=HYPERLINK("http://x")')
    target = tmp_path / "r.xlsx"
    build_xlsx(gather_report(national()), str(target))
    wb = load_workbook(target)
    summary = [row for row in wb["สรุป"].iter_rows(values_only=True)]
    assert ("อบรม", 1) in [tuple(r[:2]) for r in summary]
    assert ("ดำเนินงานอยู่", 4) in [tuple(r[:2]) for r in summary]
    rows = {r[0]: r for r in wb["รายสภา"].iter_rows(min_row=2, values_only=True)}
    assert rows["500203"][4:] == (1, 2, 1, 50.0)
    assert rows["500401"][1] == '=HYPERLINK("http://x")'  # the name as it is, no apostrophe added ...
    name = next(row[1] for row in wb["รายสภา"].iter_rows(min_row=2) if row[0].value == "500401")
    assert name.data_type == "s" and name.quotePrefix  # ... a quote-prefixed text cell, never run
    assert all(c.data_type != "f" for row in wb["รายสภา"].iter_rows() for c in row)
    assert all(isinstance(v, (int, float)) for v in rows["500203"][4:])  # numbers, not text


def test_all_sarabun_weights_share_the_glyph_order_thaifix_relies_on():
    from fontTools.ttLib import TTFont

    from common.thaipdf.fetcher import FONT_DIR

    nik, aa = sarabun_glyphs()
    for weight in ("Bold", "Italic", "BoldItalic"):
        font = TTFont(FONT_DIR / f"Sarabun-{weight}.ttf", lazy=True)
        assert all(font.getGlyphName(g).startswith("uni0E4D") for g in nik)
        assert all(font.getGlyphName(g) == "uni0E32" for g in aa)


def test_each_kind_lists_its_sections(world):
    quarterly = ReportSpec(kind="quarterly", fiscal_year=2569, scope="national", quarter=2)
    slugs = [section.slug for section, _ctx in gather_report(quarterly).sections]
    # The lessons and future chapters are written for the annual report only, and so is the
    # comparison with earlier years (a quarter has none to compare with) and the chosen photos.
    assert slugs == [s.slug for s in ANNUAL if s.slug not in ("lessons", "future", "year_on_year", "photos")]
    # The coordination figures follow the lessons narrative (the annual report) or close the
    # results chapter (the quarterly one); the indicators' targets against actuals follow them.
    assert [s.slug for s in ANNUAL][-9:] == [
        "lessons", "mechanism", "follow_up", "obstacles", "suggestions", "indicators", "year_on_year", "future",
        "appendix",
    ]  # fmt: skip
