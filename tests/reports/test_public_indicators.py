"""Indicators on the public pages: as measures of the dashboard's province map, and the
charts page (target against approved actual, year-on-year comparisons). Approved values
only, a council's only while the council is published; the query count does not grow with
the catalogue or the data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from councils.choices import AssessmentLevel
from councils.models import Assessment, Council
from meetings.choices import MeetingKind, MeetingStatus
from reports.charts import Chart, Series, number
from reports.choices import Aggregation, AreaLevel, ComputedSource, IndicatorDirection, IndicatorKind, Periodicity
from reports.indicators.areas import Place
from reports.models import Indicator, IndicatorTarget, IndicatorValue, Period

from ..factories import (
    CouncilFactory,
    DistrictFactory,
    IndicatorSetFactory,
    MeetingFactory,
    ProvinceFactory,
    SubdistrictFactory,
)

pytestmark = pytest.mark.django_db

DASHBOARD = "/reports/public/dashboard/"
CHARTS = "/reports/public/charts/"


def _indicator(code, **fields) -> Indicator:
    defaults = {"name_th": "ครัวเรือนที่ร่วมกองทุนสวัสดิการ", "unit": "ครัวเรือน", "level": AreaLevel.COUNCIL,
                "periodicity": Periodicity.YEAR, "aggregation": Aggregation.SUM}  # fmt: skip
    return Indicator.objects.create(code=code, **{**defaults, **fields})


def _value(indicator, place, value, status="approved", year=2569, quarter=0):
    period, _ = Period.objects.get_or_create(fiscal_year=year, quarter=quarter)
    extra = {"return_reason": "แนบหลักฐาน"} if status == "returned" else {}
    return IndicatorValue.objects.create(
        indicator=indicator, period=period, value=Decimal(value), status=status, **place.area_fields(), **extra
    )


def _target(indicator, place, value, year=2569, quarter=0):
    period, _ = Period.objects.get_or_create(fiscal_year=year, quarter=quarter)
    return IndicatorTarget.objects.create(
        indicator=indicator, period=period, value=Decimal(value), **place.area_fields()
    )


def _council(c):
    return Place(AreaLevel.COUNCIL, c)


@pytest.fixture
def catalogue(world):
    """S01 sums councils' values: X 10 and Z 7 approved (province 50), Y 5 approved but Y is
    not published, W's value returned, X's 2568 value a draft. L01 is reported by provinces,
    lower is better. N01 (national), Q01 (qualitative), C01 (computed) and an inactive one
    have no figure per province."""
    Council.objects.filter(pk=world.council_y.pk).update(is_published=False)
    s01 = _indicator("S01")
    _value(s01, _council(world.council_x), 10)
    _value(s01, _council(world.council_z), 7)
    _value(s01, _council(world.council_y), 5)
    _value(s01, _council(world.council_w), 4321, status="returned")
    _value(s01, _council(world.council_x), 9876, status="draft", year=2568)
    _value(s01, _council(world.council_z), 5555, status="submitted", year=2568)
    _target(s01, _council(world.council_x), 12)
    _target(s01, _council(world.council_z), 8)
    _target(s01, _council(world.council_y), 100)  # unpublished: left out of the sum
    l01 = _indicator("L01", name_th="วันเฉลี่ยที่ใช้ตอบข้อติดขัด", unit="วัน", level=AreaLevel.PROVINCE,
                     direction=IndicatorDirection.LOWER, aggregation=Aggregation.AVERAGE)  # fmt: skip
    _value(l01, Place(AreaLevel.PROVINCE, world.province), 3)
    _value(l01, Place(AreaLevel.PROVINCE, world.other_province), 9)
    n01 = _indicator("N01", name_th="ตัวชี้วัดระดับประเทศ", level=AreaLevel.NATIONAL, aggregation=Aggregation.NONE)
    _value(n01, Place(AreaLevel.NATIONAL), 42)
    _target(n01, Place(AreaLevel.NATIONAL), 50)
    _indicator("Q01", kind=IndicatorKind.QUALITATIVE, aggregation=Aggregation.NONE)
    _indicator("C01", computed=ComputedSource.MEETINGS_HELD)
    _indicator("X01", is_active=False)
    return world


def _tiles(response):
    return {t.code: t for t in response.context["map"]["tiles"]}


# --- The map -----------------------------------------------------------------------------------


def test_published_indicators_with_a_figure_per_province_are_map_measures(client, catalogue):
    response = client.get(DASHBOARD)
    slugs = [slug for group, choices in response.context["form"].fields["measure"].choices[2:] for slug, _l in choices]
    assert slugs == ["indicator-L01", "indicator-S01"]


def test_the_map_by_an_indicator_counts_approved_values_of_published_councils(client, catalogue):
    response = client.get(DASHBOARD, {"measure": "indicator-S01", "year": "2569"})
    assert response.status_code == 200 and response.context["form"].errors == {}
    tiles = _tiles(response)
    assert tiles["50"].amount.value == Decimal("17.00")  # X 10 + Z 7; Y unpublished
    assert tiles["57"].amount is None and tiles["57"].fill == "#d9d9d9"  # W's value was returned
    page = response.content.decode()
    assert "<title>จังหวัดเชียงใหม่: 17 ครัวเรือน (รวมจาก 2 สภา ที่อนุมัติแล้ว)</title>" in page
    assert "<title>จังหวัดเชียงราย: ไม่มีข้อมูล</title>" in page
    assert "คำอธิบายสี (ครัวเรือน)" in page and "17 ครัวเรือน" in page
    assert "4,321" not in page and "4321" not in page
    assert 'href="/reports/public/charts/?indicator=S01"' in page


def test_drafts_and_submitted_values_never_colour_the_map(client, catalogue):
    response = client.get(DASHBOARD, {"measure": "indicator-S01", "year": "2568"})
    assert all(t.amount is None for t in response.context["map"]["tiles"])
    page = response.content.decode()
    assert "9,876" not in page and "5,555" not in page


def test_lower_is_better_darkens_the_lowest(client, catalogue):
    response = client.get(DASHBOARD, {"measure": "indicator-L01", "year": "2569"})
    tiles = _tiles(response)
    assert tiles["50"].amount.value == Decimal("3.00") and tiles["50"].fill == "#006d2c"
    assert tiles["57"].fill == "#edf8e9"
    legend = response.context["map"]["legend"]
    assert legend[0] == ("#006d2c", "#ffffff", "3–4.2 วัน") and legend[-1][2] == "ไม่มีข้อมูล"
    assert "ค่าต่ำกว่าดีกว่า" in response.content.decode()


def test_a_quarterly_indicator_shows_the_chosen_or_latest_quarter(client, catalogue):
    q01 = _indicator("M01", periodicity=Periodicity.QUARTER)
    _value(q01, _council(catalogue.council_x), 3, quarter=1)
    _value(q01, _council(catalogue.council_x), 6, quarter=2)
    _value(q01, _council(catalogue.council_x), 60, status="submitted", quarter=3)
    response = client.get(DASHBOARD, {"measure": "indicator-M01", "year": "2569"})
    assert _tiles(response)["50"].amount.value == Decimal("6.00")
    assert "แสดงผลไตรมาส 2 ของปีงบประมาณ 2569" in response.content.decode()
    response = client.get(DASHBOARD, {"measure": "indicator-M01", "year": "2569", "quarter": "1"})
    assert _tiles(response)["50"].amount.value == Decimal("3.00")
    response = client.get(DASHBOARD, {"measure": "indicator-M01", "quarter": "9"})
    assert "ไม่มีไตรมาส 9 เลือก 1 ถึง 4" in response.content.decode()


PROVINCE_CODES = ["10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21"]


@pytest.mark.parametrize("size", [1, 12])
def test_the_indicator_map_query_count_is_fixed(client, catalogue, django_assert_num_queries, size):
    """As many queries for one indicator and one province as for many of each."""
    s01 = Indicator.objects.get(code="S01")
    for n in range(size):
        _indicator(f"Z{n:02d}")
        province = ProvinceFactory(code=PROVINCE_CODES[n])
        district = DistrictFactory(province=province, code=f"{province.code}01")
        council = CouncilFactory(subdistrict=SubdistrictFactory(district=district, code=f"{district.code}01"))
        _value(s01, _council(council), n + 1)
    # headline (5), the catalogue, province names, the indicator's figures
    with django_assert_num_queries(8):
        response = client.get(DASHBOARD, {"measure": "indicator-S01", "year": "2569"})
    tiles = _tiles(response)
    assert [tiles[code].amount.value for code in PROVINCE_CODES[:size]] == [Decimal(n + 1) for n in range(size)]


# --- The charts page ----------------------------------------------------------------------------


def _chart(response, n=0):
    return response.context["indicator_charts"][n]


def test_charts_of_target_against_approved_actual(client, catalogue):
    response = client.get(CHARTS, {"indicator": "S01", "province": "50", "year": "2569"})
    assert response.status_code == 200 and response.context["form"].errors == {}
    national, province = response.context["indicator_charts"]
    assert national.categories == ["2565", "2566", "2567", "2568", "2569"]
    assert [s.label for s in national.series] == ["เป้าหมาย", "ผลที่อนุมัติแล้ว"]
    # 2569: targets X 12 + Z 8 (Y unpublished); actual X 10 + Z 7; 2568: a draft and a submitted value
    assert national.series[0].values[-2:] == [None, Decimal("20.00")]
    assert national.series[1].values[-2:] == [None, Decimal("17.00")]
    assert province.title.endswith("จังหวัดเชียงใหม่") and province.series[1].values[-1] == Decimal("17.00")
    page = response.content.decode()
    # 2 indicator charts + 2 year-on-year (no plan items: the alignment chart says so instead)
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg"') == 4 and "ไม่มีข้อมูลในช่วงปีที่เลือก" in page
    assert 'role="img"' in page and "<desc id=" in page and "ตารางข้อมูลของแผนภูมิ" in page
    for leaked in ("9,876", "5,555", "4,321", ">100<"):
        assert leaked not in page
    assert "<script" not in page.split("<main", 1)[-1].split("</main>", 1)[0]


def test_a_national_indicator_has_no_province_chart(client, catalogue):
    response = client.get(CHARTS, {"indicator": "N01", "province": "50", "year": "2569"})
    (chart,) = response.context["indicator_charts"]
    assert chart.series[0].values[-1] == Decimal("50.00") and chart.series[1].values[-1] == Decimal("42.00")
    assert "ตัวชี้วัดนี้ไม่มีผลรายจังหวัด" in response.content.decode()


def test_charts_page_offers_published_quantitative_entered_indicators_only(client, catalogue):
    response = client.get(CHARTS, {"indicator": "Q01", "province": "99"})
    assert [c for c, _l in response.context["form"].fields["indicator"].choices] == ["L01", "N01", "S01"]
    page = response.content.decode()
    assert "ไม่มีตัวชี้วัด “Q01” ที่เผยแพร่" in page and "ไม่มีจังหวัดรหัส “99”" in page


def _assess(council, level, year):
    Assessment.objects.create(council=council, fiscal_year=year, indicator_set=IndicatorSetFactory(),
                              assessed_on=dt.date(year - 544, 12, 1), level=level,
                              passed=level == AssessmentLevel.STRONG)  # fmt: skip


def test_year_on_year_charts_count_published_councils(client, catalogue):
    _assess(catalogue.council_x, AssessmentLevel.STRONG, 2568)
    _assess(catalogue.council_x, AssessmentLevel.STRONG, 2569)
    _assess(catalogue.council_z, AssessmentLevel.NEEDS_DEVELOPMENT, 2569)
    _assess(catalogue.council_y, AssessmentLevel.STRONG, 2569)  # unpublished
    _assess(catalogue.council_w, AssessmentLevel.STRONG, 2569)  # another province
    MeetingFactory(kind=MeetingKind.COUNCIL, council=catalogue.council_x, district=catalogue.district,
                   status=MeetingStatus.HELD, date=dt.date(2026, 1, 15))  # fmt: skip
    MeetingFactory(kind=MeetingKind.COUNCIL, council=catalogue.council_y, district=catalogue.district,
                   status=MeetingStatus.HELD, date=dt.date(2026, 1, 15))  # fmt: skip
    response = client.get(CHARTS, {"province": "50", "year": "2569"})
    levels, share, meetings = response.context["year_charts"]
    strong = next(s for s in levels.series if s.label == AssessmentLevel.STRONG.label)
    weak = next(s for s in levels.series if s.label == AssessmentLevel.NEEDS_DEVELOPMENT.label)
    assert strong.values[-2:] == [1, 1] and weak.values[-1] == 1
    assert meetings.series[0].values[-1] == 1
    assert share.empty  # no plan items
    national = client.get(CHARTS, {"year": "2569"}).context["year_charts"][0]
    assert next(s for s in national.series if s.label == AssessmentLevel.STRONG.label).values[-1] == 2


@pytest.mark.parametrize("size", [1, 12])
def test_charts_query_count_is_fixed(client, catalogue, django_assert_num_queries, size):
    for n in range(size):
        _indicator(f"Z{n:02d}")
        council = CouncilFactory(subdistrict=SubdistrictFactory(district=catalogue.district, code=f"5002{n + 10:02d}"))
        _value(Indicator.objects.get(code="S01"), _council(council), n + 1, year=2569 - n % 5)
    # the catalogue, provinces, two charts of two queries, five years of four figures
    with django_assert_num_queries(26):
        assert client.get(CHARTS, {"indicator": "S01", "province": "50"}).status_code == 200


# --- The chart helper ---------------------------------------------------------------------------


def test_a_chart_is_accessible_svg_with_its_figures_as_a_table():
    chart = Chart(title="ผล <ทดสอบ>", desc="คำอธิบาย", categories=["2568", "2569"], unit="คน",
                  series=[Series("เป้าหมาย", [10, None]), Series("ผล", [Decimal("1234.50"), 7])])  # fmt: skip
    svg = str(chart.svg)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and 'role="img"' in svg
    assert "<title id=" in svg and "&lt;ทดสอบ&gt;" in svg and "<ทดสอบ>" not in svg
    assert "<title>2569 ผล: 7 คน</title>" in svg and "<title>2569 เป้าหมาย: –</title>" in svg
    assert svg.count("<rect") == 3 + 2  # three bars, two legend swatches
    assert chart.rows == [("2568", ["10", "1,234.5"]), ("2569", ["–", "7"])]
    assert number(Decimal("17.00")) == "17" and number(None) == "–"
    assert Chart(title="", desc="", categories=["2569"], series=[Series("ผล", [None])]).empty
