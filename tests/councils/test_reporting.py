"""councils.reporting: the figures councils give to reports, per area and period."""

import datetime as dt

import pytest

from councils import reporting
from councils.models import Assessment, Mentorship
from geo.models import Subdistrict

from ..factories import ActivityFactory, CommunityOrganizationFactory, IndicatorSetFactory, ThemeFactory

pytestmark = pytest.mark.django_db

FY = 2569
Q1 = (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
YEAR = (dt.date(2025, 10, 1), dt.date(2026, 9, 30))


@pytest.fixture
def data(world):
    water, jobs = ThemeFactory(name_th="น้ำ"), ThemeFactory(name_th="อาชีพ")
    world.council_x.themes.set([water])
    world.council_y.themes.set([water, jobs])
    world.council_z.status = "dormant"
    world.council_z.save()
    joint = ActivityFactory(council=world.council_x, date=dt.date(2025, 11, 1), participants=40)
    joint.agencies.add(world.lao)
    ActivityFactory(council=world.council_y, date=dt.date(2026, 3, 1), participants=10, kind="training")
    ActivityFactory(council=world.council_w, date=dt.date(2026, 5, 1), participants=7)
    ActivityFactory(council=world.council_x, date=dt.date(2024, 11, 1), participants=99)  # FY 2568
    CommunityOrganizationFactory(council=world.council_x, kind="network", member_count=12)
    CommunityOrganizationFactory(council=world.council_w, kind="welfare_fund", member_count=30)
    indicators = IndicatorSetFactory()
    for council, year, level in ((world.council_x, FY, "strong"), (world.council_w, FY - 1, "medium")):
        Assessment.objects.create(
            council=council, fiscal_year=year, indicator_set=indicators, assessed_on=dt.date(2026, 1, 5), level=level
        )
    Mentorship.objects.create(mentor=world.council_x, mentee=world.council_y, started_on=dt.date(2025, 12, 1))
    Mentorship.objects.create(
        mentor=world.council_x, mentee=world.council_z, started_on=dt.date(2024, 1, 1),
        ended_on=dt.date(2025, 6, 1), status="ended",
    )
    return world


def in_district(world):
    return Subdistrict.objects.filter(district=world.district).values("pk")  # 500203 (x), 500204 (y)


def test_councils_by_status(data):
    assert reporting.councils_by_status(subdistricts=None) == [("ดำเนินงานอยู่", 3), ("ไม่เคลื่อนไหว", 1), ("ยุบเลิก", 0)]
    assert reporting.councils_by_status(subdistricts=in_district(data)) == [
        ("ดำเนินงานอยู่", 2), ("ไม่เคลื่อนไหว", 0), ("ยุบเลิก", 0),
    ]


def test_organizations_by_kind_and_members(data):
    rows = dict(reporting.organizations_by_kind(subdistricts=None))
    assert (rows["เครือข่าย"], rows["กองทุนสวัสดิการ"], sum(rows.values())) == (1, 1, 2)
    assert reporting.organization_members(subdistricts=None) == 42
    assert reporting.organization_members(subdistricts=in_district(data)) == 12


def test_activities_of_the_year_or_of_a_quarter(data):
    year = {"subdistricts": None, "fiscal_year": FY}
    assert dict(reporting.activities_by_kind(**year)) == {
        "ประชุมสภาองค์กรชุมชน": 0, "เวทีปรึกษาหารือ": 2, "กิจกรรมโครงการ": 0, "อบรม": 1,
        "ต่อต้านการทุจริต": 0, "สนับสนุนการเลือกตั้ง": 0, "แลกเปลี่ยนเรียนรู้": 0, "อื่น ๆ": 0,
    }
    assert reporting.activity_participants(**year) == 57
    assert reporting.activity_participants(**year, dates=Q1) == 40
    assert reporting.activity_participants(subdistricts=in_district(data), fiscal_year=FY) == 50
    assert reporting.activity_themes(**year) == [("น้ำ", 2), ("อาชีพ", 1)]
    assert reporting.activity_themes(**year, top=1) == [("น้ำ", 2)]


def test_joint_activities_and_their_agencies(data):
    assert reporting.joint_activities(subdistricts=None, fiscal_year=FY) == 1
    assert reporting.joint_activities(subdistricts=None, fiscal_year=FY - 1) == 0
    assert list(reporting.partner_agency_ids(subdistricts=None, fiscal_year=FY)) == [{"agency_id": data.lao.pk}]
    assert list(reporting.partner_agency_ids(subdistricts=None, fiscal_year=FY, dates=(YEAR[1], YEAR[1]))) == []


def test_assessments_of_the_year_by_level(data):
    assert reporting.assessments_by_level(subdistricts=None, fiscal_year=FY) == [
        ("เข้มแข็ง", 1), ("ปานกลาง", 0), ("ต้องพัฒนา", 0),
    ]
    assert reporting.assessments_by_level(subdistricts=None, fiscal_year=FY - 1)[1] == ("ปานกลาง", 1)


def test_mentorships_running_in_the_period(data):
    assert reporting.mentorships_by_status(subdistricts=None, dates=YEAR) == [("กำลังดำเนินการ", 1), ("สิ้นสุดแล้ว", 0)]
    earlier = (dt.date(2025, 1, 1), dt.date(2025, 11, 30))  # the ended one ran, the other had not started
    assert reporting.mentorships_by_status(subdistricts=None, dates=earlier) == [("กำลังดำเนินการ", 0), ("สิ้นสุดแล้ว", 1)]


def test_council_rows(data, django_assert_num_queries):
    with django_assert_num_queries(3):
        rows = reporting.council_rows(subdistricts=None, fiscal_year=FY)
    assert [(r["code"], r["status"], r["level"], r["activities"], r["district"], r["province"]) for r in rows] == [
        ("500203", "ดำเนินงานอยู่", "เข้มแข็ง", 1, "จอมทอง", "เชียงใหม่"),
        ("500204", "ดำเนินงานอยู่", "", 1, "จอมทอง", "เชียงใหม่"),
        ("500401", "ไม่เคลื่อนไหว", "", 0, "เชียงดาว", "เชียงใหม่"),
        ("570101", "ดำเนินงานอยู่", "", 1, "เมืองเชียงราย", "เชียงราย"),
    ]
    assert rows[0]["id"] == data.council_x.pk and rows[0]["name"] == "สภาองค์กรชุมชนตำบลบ้านหลวง"
    assert (rows[0]["district_id"], rows[0]["province_id"]) == (data.district.pk, data.province.pk)
    quarter = reporting.council_rows(subdistricts=in_district(data), fiscal_year=FY, dates=Q1)
    assert [(r["code"], r["activities"]) for r in quarter] == [("500203", 1), ("500204", 0)]
