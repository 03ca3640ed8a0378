"""The coordination sections in the report documents: the mechanism's meetings, the follow-up
of resolutions, obstacles and suggestions, as Thai PDF text and on the XLSX summary sheet."""

import datetime as dt
import subprocess
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from meetings.choices import ActionStatus, ObstacleStatus, SuggestionStatus
from reports.rendering import build_pdf, build_xlsx
from reports.sections import gather_report
from reports.spec import ReportSpec

from ..factories import (
    ActionItemFactory,
    DistrictMechanismFactory,
    MeetingFactory,
    ObstacleFactory,
    ResolutionFactory,
    SuggestionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

BKK = ZoneInfo("Asia/Bangkok")


def annual(scope="national", **kw) -> ReportSpec:
    return ReportSpec(kind="annual", fiscal_year=2569, scope=scope, title="รายงานประจำปี ปีงบประมาณ 2569", **kw)


def pdf_text(spec, tmp_path) -> str:
    target = tmp_path / "r.pdf"
    build_pdf(gather_report(spec), str(target))
    text = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, text=True, check=True).stdout
    return text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))  # the figures, whichever numerals the PDF uses


@pytest.fixture
def coordination(world):
    """District D's mechanism met four times in FY 2569 and once in FY 2568; two of its
    action items were due in the year (one done on time); two obstacles raised in the year
    (one answered after 3 days and resolved), one the year before; two suggestions."""
    DistrictMechanismFactory(district=world.district)
    held = [
        MeetingFactory(district=world.district, date=day)
        for day in (dt.date(2025, 10, 15), dt.date(2026, 1, 15), dt.date(2026, 4, 15), dt.date(2026, 7, 15))
    ]
    MeetingFactory(district=world.district, date=dt.date(2025, 9, 15))
    resolution = ResolutionFactory(agenda_item__meeting=held[0])
    ActionItemFactory(
        resolution=resolution, due_date=dt.date(2025, 12, 31), status=ActionStatus.DONE, done_on=dt.date(2025, 12, 1),
        assignee_council=world.council_x,
    )  # fmt: skip
    ActionItemFactory(resolution=resolution, due_date=dt.date(2026, 1, 31), assignee_council=world.council_x)
    water = ThemeFactory(code="water", name_th="น้ำ")
    raised = dt.datetime(2026, 2, 1, 9, tzinfo=BKK)
    ObstacleFactory(
        council=world.council_x, agency=world.lao, theme=water, created_at=raised,
        first_answered_at=raised + dt.timedelta(days=3), status=ObstacleStatus.RESOLVED,
    )  # fmt: skip
    ObstacleFactory(council=world.council_y, agency=world.lao, theme=water, created_at=raised)
    ObstacleFactory(council=world.council_y, agency=world.lao, theme=water, created_at=dt.datetime(2025, 9, 1, tzinfo=BKK))
    SuggestionFactory(
        district=world.district, created_at=raised, status=SuggestionStatus.PUBLISHED, answer="รับไว้พิจารณา",
        answered_at=raised + dt.timedelta(days=1),
    )  # fmt: skip
    SuggestionFactory(district=world.far_district, created_at=raised)
    return world


def test_annual_pdf_shows_the_figures_in_the_lessons_chapter(coordination, tmp_path):
    text = " ".join(pdf_text(annual(), tmp_path).split())
    lessons = text.index("บทเรียน: ข้อเสนอ ข้อติดขัด และแนวทางแก้ไข", text.index("บทเรียน: ข้อเสนอ") + 1)
    for heading in (
        "การประชุมกลไกระดับอำเภอ",
        "มติที่ประชุมและการติดตามข้อสั่งการ",
        "ข้อติดขัดที่แจ้งหน่วยงาน",
        "ข้อเสนอแนะถึงกลไกระดับอำเภอ",
    ):
        assert text.index(heading, lessons) < text.index("ผลที่คาดว่าจะได้รับและทิศทางในอนาคต", lessons)
    squashed = "".join(text.split())
    for sentence in (
        "พื้นที่นี้มี3อำเภอมีกลไกระดับอำเภอแล้ว1อำเภอกลไกประชุมรวม4ครั้งอำเภอที่ประชุมครบ4ครั้งขึ้นไปตามที่กำหนด1อำเภอ",
        "ที่ประชุมมีมติ1เรื่องข้อสั่งการที่ครบกำหนดในช่วงเวลานี้2รายการเสร็จทันกำหนดร้อยละ50.0",
        "สภาแจ้งข้อติดขัดถึงหน่วยงาน2เรื่องหน่วยงานตอบแล้ว1เรื่องแก้ไขแล้ว1เรื่อง",
        "มัธยฐานระยะเวลาจนหน่วยงานตอบครั้งแรก3.0วัน",
        "กลไกระดับอำเภอได้รับข้อเสนอแนะ2เรื่องตอบแล้ว1เรื่อง",
        "เชียงใหม่141",  # the country's PDF per province: 1 district with a mechanism, 4 meetings, 1 met enough
        "น้ำ211",
    ):
        assert sentence in squashed, sentence


def test_empty_coordination_says_so_in_thai(world, tmp_path):
    text = "".join(pdf_text(annual(), tmp_path).split())
    for empty in (
        "ยังไม่มีข้อมูลกลไกระดับอำเภอและการประชุมกลไกในช่วงเวลานี้",
        "ยังไม่มีข้อมูลมติที่ประชุมและข้อสั่งการในช่วงเวลานี้",
        "ยังไม่มีข้อติดขัดที่สภาแจ้งหน่วยงานในช่วงเวลานี้",
        "ยังไม่มีข้อเสนอแนะถึงกลไกระดับอำเภอในช่วงเวลานี้",
    ):
        assert empty in text, empty


def test_quarterly_report_counts_the_quarter_against_one_meeting(coordination):
    spec = ReportSpec(kind="quarterly", fiscal_year=2569, scope="national", quarter=2)
    f = {section.slug: ctx for section, ctx in gather_report(spec).sections}
    assert (f["mechanism"]["held"], f["mechanism"]["expected"], f["mechanism"]["met_expected"]) == (1, 1, 1)
    assert (f["follow_up"]["resolutions"], f["follow_up"]["due"], f["obstacles"]["raised"]) == (0, 1, 2)


def test_xlsx_summary_sheet_has_the_coordination_figures(coordination, tmp_path):
    target = tmp_path / "r.xlsx"
    build_xlsx(gather_report(annual(scope="province", province_id=coordination.province.pk)), str(target))
    summary = [tuple(v for v in row if v is not None) for row in load_workbook(target)["สรุป"].iter_rows(values_only=True)]
    start = summary.index(("การประชุมกลไกระดับอำเภอ",))
    assert summary[start : start + 7] == [
        ("การประชุมกลไกระดับอำเภอ",),
        ("อำเภอในพื้นที่", 2),
        ("อำเภอที่มีกลไก", 1),
        ("การประชุมกลไกที่จัดแล้ว", 4),
        ("อำเภอที่ประชุมครบ 4 ครั้งขึ้นไป", 1),
        ("อำเภอ", "จังหวัด", "มีกลไก", "ครั้งที่ประชุม"),
        ("จอมทอง", "เชียงใหม่", "มี", 4),
    ]
    for line in (
        ("มติที่ประชุม", 1),
        ("เสร็จทันกำหนด", 1),
        ("ร้อยละที่เสร็จทันกำหนด", 50),
        ("ข้อติดขัดที่แจ้ง", 2),
        ("มัธยฐานจำนวนวันจนหน่วยงานตอบครั้งแรก", 3),
        ("องค์การบริหารส่วนตำบล (อบต.)", 2, 1, 1),
        ("น้ำ", 2, 1, 1),
        ("ข้อเสนอแนะที่ได้รับ", 1),
        ("ตอบแล้ว", 1),
    ):
        assert line in summary, line
