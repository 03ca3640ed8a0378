"""The public dashboard (headline figures, the province tile map) and the open data (files,
data dictionary, licence, read-only API): published data only, no person's data."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from openpyxl import load_workbook

from councils.choices import AssessmentLevel
from councils.models import Assessment, Council
from meetings.choices import MeetingKind, MeetingStatus
from plans.choices import AlignmentStatus
from reports import dashboard
from reports.models import Report

from ..factories import (
    ActivityFactory,
    CommunityOrganizationFactory,
    CommunityPlanFactory,
    CouncilFactory,
    CouncilMemberFactory,
    IndicatorSetFactory,
    MeetingFactory,
    PlanItemFactory,
    SubdistrictFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

DASHBOARD = "/reports/public/dashboard/"
OPEN_DATA = "/reports/public/data/"


def _assess(council, *, passed, fiscal_year=2569):
    level = AssessmentLevel.STRONG if passed else AssessmentLevel.NEEDS_DEVELOPMENT
    return Assessment.objects.create(
        council=council,
        fiscal_year=fiscal_year,
        indicator_set=IndicatorSetFactory(),
        assessed_on=dt.date(fiscal_year - 544, 12, 1),
        level=level,
        passed=passed,
    )


@pytest.fixture
def published(world):
    """X, Y (district D), Z (district E) in province 50, W in 57; Y is not published."""
    Council.objects.filter(pk=world.council_y.pk).update(is_published=False)
    x, y, w = world.council_x, world.council_y, world.council_w
    _assess(x, passed=True)
    _assess(world.council_z, passed=False)
    _assess(y, passed=True)  # unpublished: counted nowhere
    _assess(w, passed=True)
    CommunityOrganizationFactory(council=x, member_count=40)
    CommunityOrganizationFactory(council=x, member_count=15)
    CommunityOrganizationFactory(council=y, member_count=99)
    ActivityFactory(council=x, date=dt.date(2025, 11, 20), participants=30)
    ActivityFactory(council=x, date=dt.date(2025, 9, 20), participants=12, kind="council_meeting")
    ActivityFactory(council=y, date=dt.date(2025, 11, 20), participants=500)
    plan = CommunityPlanFactory(council=x, fiscal_year=2569)
    PlanItemFactory(plan=plan, alignment__status=AlignmentStatus.ALIGNED)
    PlanItemFactory(plan=plan, alignment__status=AlignmentStatus.NOT_ADOPTED)
    PlanItemFactory(plan=plan, alignment__status=AlignmentStatus.ALIGNED)
    PlanItemFactory(plan=plan, alignment__status=AlignmentStatus.PENDING)
    PlanItemFactory(plan=CommunityPlanFactory(council=y, fiscal_year=2569), alignment__status=AlignmentStatus.ALIGNED)
    MeetingFactory(
        kind=MeetingKind.COUNCIL,
        council=x,
        district=world.district,
        title="ประชุมสภาเดือนมกราคม",
        status=MeetingStatus.PUBLISHED,
        published_at=dt.datetime(2026, 1, 20, 3, 0, tzinfo=dt.UTC),
    )
    MeetingFactory(kind=MeetingKind.COUNCIL, council=y, district=world.district, status=MeetingStatus.PUBLISHED)
    MeetingFactory(kind=MeetingKind.DISTRICT, district=world.district, status=MeetingStatus.HELD)
    report = Report.objects.create(
        fiscal_year=2569, scope="national", key="n", status="done", progress=100, is_published=True,
        figures=[{"section": "สภาองค์กรชุมชนตำบลจำแนกตามสถานะ", "lines": [["ดำเนินงานอยู่", 3], ["รวม", 4]]},
                 {"section": "แผนระดับอำเภอ", "lines": [["จอมทอง", 5, 2, 25000.0]]}],
    )
    report.file.save("n.pdf", ContentFile(b"%PDF-1.4 test"))
    Report.objects.create(fiscal_year=2569, scope="national", key="n", version=2, status="done", progress=100)
    return world


# --- The dashboard -------------------------------------------------------------------------


def test_dashboard_headline_counts_only_published_data(client, published):
    response = client.get(DASHBOARD, {"year": "2569"})
    assert response.status_code == 200
    assert response.context["figures"] == {
        "councils": 3, "provinces": 2, "organizations": 2, "organization_members": 55,
        "activities": 1, "participants": 30, "meetings": 1, "reports": 1,
    }  # fmt: skip


def test_the_map_has_77_tiles_with_titles_and_the_pass_share(client, published):
    response = client.get(DASHBOARD)
    page = response.content.decode()
    assert page.count('<g class="tile">') == 77
    by_code = {t.code: t for t in response.context["map"]["tiles"]}
    # province 50: X passed, Z did not (Y is unpublished) -> 50 %; 57: W passed -> 100 %
    assert (by_code["50"].share, by_code["50"].percent) == (dashboard.Share(1, 2), 50.0)
    assert by_code["57"].percent == 100.0 and by_code["57"].fill == "#006d2c"
    assert by_code["10"].percent is None and by_code["10"].fill == "#d9d9d9"
    assert "<title>จังหวัดเชียงใหม่: ร้อยละ 50.0 (ผ่าน 1 จาก 2 สภาที่ประเมิน)</title>" in page
    assert 'href="/councils/public/?province=50"' in page
    assert "<script" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_the_map_by_alignment_share(client, published):
    response = client.get(DASHBOARD, {"measure": "alignment", "year": "2569"})
    by_code = {t.code: t for t in response.context["map"]["tiles"]}
    assert (by_code["50"].share, by_code["50"].percent) == (dashboard.Share(2, 4), 50.0)  # Y's item left out
    assert by_code["57"].share is None
    assert "บรรจุ 2 จาก 4 รายการ" in response.content.decode()


def test_a_registered_measure_colours_the_map(client, published):
    measure = dashboard.Measure(
        slug="test-indicator",
        label="ตัวชี้วัดทดสอบ",
        explanation="ทดสอบ",
        part_label="%(part)s/%(whole)s",
        compute=lambda fiscal_year: {"57": dashboard.Share(fiscal_year - 2569, 4)},
    )
    dashboard.register_measure(measure)
    try:
        response = client.get(DASHBOARD, {"measure": "test-indicator", "year": "2568"})
        assert response.context["form"].errors == {}
        response = client.get(DASHBOARD, {"measure": "test-indicator", "year": str(response.context["fiscal_year"])})
        by_code = {t.code: t for t in response.context["map"]["tiles"]}
        assert by_code["57"].share.whole == 4 and by_code["50"].share is None
    finally:
        dashboard.MEASURES.pop("test-indicator")


def test_bad_dashboard_choices_answer_in_thai(client, published):
    response = client.get(DASHBOARD, {"measure": "gdp", "year": "1999"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "ไม่มีตัวชี้วัด “gdp” ให้เลือก" in page
    assert "เลือกปีงบประมาณ 1999 ไม่ได้" in page
    assert response.context["measure"].slug == "assessment"


@pytest.mark.parametrize("size", [2, 20])
def test_dashboard_query_count_is_fixed(client, published, django_assert_num_queries, size):
    for n in range(size):
        council = CouncilFactory(
            subdistrict=SubdistrictFactory(district=published.far_district, code=f"5701{n + 10:02d}")
        )
        _assess(council, passed=n % 2 == 0)
        ActivityFactory(council=council, date=dt.date(2025, 11, 20))
    # councils, organizations, activities, meetings, reports; the pass shares; province names;
    # the theme-less form needs none; the published indicators offered as measures: one
    with django_assert_num_queries(8):
        assert client.get(DASHBOARD).status_code == 200
    # alignment: items per district, proposals per district (the unknown-window proposals: none)
    with django_assert_num_queries(10):
        assert client.get(DASHBOARD, {"measure": "alignment"}).status_code == 200


# --- Open data files --------------------------------------------------------------------------


def _body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def test_the_page_lists_every_dataset_its_dictionary_and_the_licence(client, published):
    page = client.get(OPEN_DATA).content.decode()
    assert "สัญญาอนุญาตครีเอทีฟคอมมอนส์ แบบแสดงที่มา 4.0 (CC BY 4.0)" in page
    for slug in ("councils", "activities", "meetings", "reports", "dictionary"):
        for fmt in ("csv", "xlsx", "json"):
            assert f'href="/reports/public/data/{slug}.{fmt}"' in page
    assert 'href="/api/v1/open/councils/"' in page
    assert "<code>organization_members</code>" in page and "สมาชิกองค์กรชุมชน" in page
    assert 'href="/api/docs/"' in page


def test_councils_csv_holds_published_councils_and_no_personal_data(client, published):
    Council.objects.filter(pk=published.council_x.pk).update(
        contact_name="นายประสาน งานดี", phone="081-234-5678", name="=HYPERLINK(1)"
    )
    CouncilMemberFactory(council=published.council_x, person__full_name="นางสมาชิก ลับเฉพาะ")
    response = client.get(f"{OPEN_DATA}councils.csv")
    assert response.streaming and response["Content-Type"] == "text/csv; charset=utf-8"
    text = _body(response)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["code"] for r in rows] == ["500203", "500401", "570101"]
    x = rows[0]
    assert (x["name"], x["province"], x["organizations"], x["organization_members"]) == (
        "'=HYPERLINK(1)",
        "เชียงใหม่",
        "2",
        "55",
    )
    assert x["latest_level"] == "เข้มแข็ง" and x["url"] == "http://testserver/councils/500203/"
    for private in ("นายประสาน", "081-234-5678", "นางสมาชิก"):
        assert private not in text


def test_activities_json_counts_per_council_and_fiscal_year(client, published):
    response = client.get(f"{OPEN_DATA}activities.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(_body(response)) == [
        {"council_code": "500203", "council_name": published.council_x.name, "fiscal_year": 2568,
         "activities": 1, "council_meetings": 1, "participants": 12},
        {"council_code": "500203", "council_name": published.council_x.name, "fiscal_year": 2569,
         "activities": 1, "council_meetings": 0, "participants": 30},
    ]  # fmt: skip


def test_meetings_xlsx_is_typed_with_buddhist_era_dates(client, published):
    response = client.get(f"{OPEN_DATA}meetings.xlsx")
    assert response["Content-Disposition"].startswith('attachment; filename="meetings-')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["meetings"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("id", "date", "kind", "title") and rows[1][:2] == ("รหัสการประชุม", "วันที่ประชุม")
    assert len(rows) == 3  # Y's meeting (unpublished council) and the held one are left out
    assert rows[2][1] == dt.datetime(2026, 1, 15) and rows[2][3] == "ประชุมสภาเดือนมกราคม"
    assert isinstance(rows[2][0], int)
    assert sheet.cell(row=3, column=2).number_format == "[$-107041E]d/m/yyyy"


def test_reports_and_dictionary_downloads(client, published):
    rows = list(csv.DictReader(io.StringIO(_body(client.get(f"{OPEN_DATA}reports.csv")).lstrip("\ufeff"))))
    assert len(rows) == 1 and rows[0]["fiscal_year"] == "2569" and rows[0]["version"] == "1"
    assert rows[0]["pdf_url"].endswith(f"/reports/public/{rows[0]['id']}/download/") and rows[0]["xlsx_url"] == ""
    dictionary = json.loads(_body(client.get(f"{OPEN_DATA}dictionary.json")))
    assert {"dataset": "activities", "column": "fiscal_year", "label": "ปีงบประมาณ (พ.ศ.)", "type": "integer",
            "meaning": "ปีงบประมาณแบบไทย 1 ต.ค.–30 ก.ย. เรียกตามปีที่สิ้นสุด"} in dictionary  # fmt: skip
    assert len({(d["dataset"], d["column"]) for d in dictionary}) == len(dictionary) == 66


def test_a_published_reports_figures_are_open_data(client, published):
    """The figures a published report was made from, one row per figure; an unpublished
    version's are not there."""
    rows = list(csv.DictReader(io.StringIO(_body(client.get(f"{OPEN_DATA}report_figures.csv")).lstrip("\ufeff"))))
    assert [(r["section"], r["line"], r["label"], r["column"], r["value"]) for r in rows] == [
        ("สภาองค์กรชุมชนตำบลจำแนกตามสถานะ", "1", "ดำเนินงานอยู่", "1", "3"),
        ("สภาองค์กรชุมชนตำบลจำแนกตามสถานะ", "2", "รวม", "1", "4"),
        ("แผนระดับอำเภอ", "1", "จอมทอง", "1", "5"), ("แผนระดับอำเภอ", "1", "จอมทอง", "2", "2"),
        ("แผนระดับอำเภอ", "1", "จอมทอง", "3", "25000.0"),
    ]  # fmt: skip
    assert {r["fiscal_year"] for r in rows} == {"2569"}
    api = client.get("/api/v1/open/report_figures/").json()
    assert api["count"] == 1 and len(api["results"]) == 5 and api["results"][0]["value"] == "3"


@pytest.mark.parametrize("path", ["nothing.csv", "councils.pdf", "councils.CSV"])
def test_unknown_dataset_or_format_is_404(client, published, path):
    assert client.get(f"{OPEN_DATA}{path}").status_code == 404


# --- The open data API ------------------------------------------------------------------------


def test_api_pages_the_same_rows_without_sign_in(client, published):
    body = client.get("/api/v1/open/councils/", {"page_size": 2}).json()
    assert body["count"] == 3 and body["next"].endswith("page=2&page_size=2")
    assert [r["code"] for r in body["results"]] == ["500203", "500401"]
    assert body["results"][0]["organizations"] == 2 and "contact_name" not in body["results"][0]
    meetings = client.get("/api/v1/open/meetings/").json()["results"]
    assert meetings[0]["date"] == "2026-01-15" and meetings[0]["published_at"] == "2026-01-20T10:00:00+07:00"


def test_api_is_throttled_per_address(client, published, settings):
    settings.OPEN_DATA_API_RATE = "2/minute"
    caches["shared"].clear()
    assert client.get("/api/v1/open/reports/", REMOTE_ADDR="10.0.0.1").status_code == 200
    assert client.get("/api/v1/open/activities/", REMOTE_ADDR="10.0.0.1").status_code == 200
    refused = client.get("/api/v1/open/reports/", REMOTE_ADDR="10.0.0.1")
    assert refused.status_code == 429 and "Retry-After" in refused
    assert refused.json()["detail"].startswith("เรียกข้อมูลถี่เกินไป ลองใหม่อีก ")
    assert client.get("/api/v1/open/reports/", REMOTE_ADDR="10.0.0.2").status_code == 200


@pytest.mark.parametrize("raw", ["fast", "60/week", "0/minute", "60 per minute"])
def test_the_rate_is_read_strictly(monkeypatch, raw):
    from config.settings.base import env_rate

    monkeypatch.setenv("OPEN_DATA_API_RATE", raw)
    with pytest.raises(ImproperlyConfigured, match="OPEN_DATA_API_RATE"):
        env_rate("OPEN_DATA_API_RATE", "60/minute")
    monkeypatch.setenv("OPEN_DATA_API_RATE", "100/hour")
    assert env_rate("OPEN_DATA_API_RATE", "60/minute") == "100/hour"


def test_files_are_read_in_chunks_never_whole(client, world, monkeypatch, django_assert_num_queries):
    """The rows come from iterator(): with chunks of 2, the four councils are one query
    read through a cursor, and their themes are fetched chunk by chunk (2 queries)."""
    from reports.opendata import datasets

    monkeypatch.setattr(datasets, "CHUNK", 2)
    response = client.get(f"{OPEN_DATA}councils.csv")
    assert response.streaming
    with django_assert_num_queries(3):
        lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + 4


@pytest.mark.parametrize("size", [2, 20])
def test_open_api_query_count_is_fixed(client, published, django_assert_num_queries, size):
    for n in range(size):
        council = CouncilFactory(
            subdistrict=SubdistrictFactory(district=published.far_district, code=f"5701{n + 10:02d}")
        )
        council.themes.add(ThemeFactory())
        ActivityFactory(council=council, date=dt.date(2025, 11, 20))
    caches["shared"].clear()
    # the count, the page of councils (area, LAO, level and organizations joined), their themes;
    # and 6 for the throttle's counter in the shared database cache (read; on write Django's
    # cache counts its rows to cull, then looks up, inserts, in a savepoint)
    with django_assert_num_queries(3 + 6):
        body = client.get("/api/v1/open/councils/", {"page_size": 1000}).json()
    assert len(body["results"]) == 3 + size
    with django_assert_num_queries(2 + 6):
        body = client.get("/api/v1/open/activities/", {"page_size": 1000}).json()
    assert len(body["results"]) == 2 + size


def test_approved_indicator_values_are_open_data(client, published, world):
    """Approved values only, and a council's only when the council is published (Y is not)."""
    from reports.models import Indicator, IndicatorValue, Period

    indicator = Indicator.objects.create(code="M01", name_th="ครัวเรือนที่ร่วมกองทุนสวัสดิการ", unit="ครัวเรือน",
                                         level="council", periodicity="quarter")  # fmt: skip
    q1 = Period.objects.create(fiscal_year=2569, quarter=1)
    x, y = world.council_x, world.council_y
    for council, status, amount in ((x, "approved", "120"), (y, "approved", "999"), (world.council_z, "submitted", "5")):
        IndicatorValue.objects.create(indicator=indicator, period=q1, level="council", council=council,
                                      area_key=f"council:{council.subdistrict.code}", value=amount, status=status)  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(_body(client.get(f"{OPEN_DATA}indicators.csv")).lstrip("\ufeff"))))
    assert [(r["indicator_code"], r["fiscal_year"], r["quarter"], r["area_code"], r["area"], r["value"]) for r in rows] == [
        ("M01", "2569", "1", f"council:{x.subdistrict.code}", x.name, "120.00"),
    ]
    assert client.get("/api/v1/open/indicators/").json()["count"] == 1
