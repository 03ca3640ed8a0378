"""meetings.reporting: exact figures over a small world, in and out of the area and the year.

Fiscal year 2569 runs from 1 October 2025 to 30 September 2026. World: province P (districts
D with tambons X, Y and E with tambon Z), province Q (district F, tambon W)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from agencies.choices import AgencyKind
from geo.models import Subdistrict
from meetings import reporting
from meetings.choices import ActionStatus, MeetingKind, MeetingStatus, ObstacleStatus, SuggestionStatus
from meetings.models import Obstacle

from ..factories import (
    ActionItemFactory,
    AgencyFactory,
    DistrictMechanismFactory,
    MeetingFactory,
    ObstacleFactory,
    ResolutionFactory,
    SuggestionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

FY2569 = (dt.date(2025, 10, 1), dt.date(2026, 9, 30))
Q2 = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
BKK = ZoneInfo("Asia/Bangkok")


def at(y, m, d, hour=9, minute=0):
    return dt.datetime(y, m, d, hour, minute, tzinfo=BKK)


def district_area(district):
    return Subdistrict.objects.filter(district=district).values("pk")


def province_area(province):
    return Subdistrict.objects.filter(district__province=province).values("pk")


@pytest.fixture
def meetings(world):
    """Mechanisms in D and F (none in E); mechanism meetings: D four held in the year (one with
    its minutes published), one cancelled, one planned, one held the year before; E one held
    without a mechanism; F one held in the second quarter. A council meeting of X."""
    d, e, f = world.district, world.other_district, world.far_district
    DistrictMechanismFactory(district=d)
    DistrictMechanismFactory(district=f)
    m = {
        "d1": MeetingFactory(district=d, date=dt.date(2025, 10, 15)),
        "d2": MeetingFactory(district=d, date=dt.date(2026, 1, 15), status=MeetingStatus.PUBLISHED),
        "d3": MeetingFactory(district=d, date=dt.date(2026, 4, 15)),
        "d4": MeetingFactory(district=d, date=dt.date(2026, 7, 15)),
        "d_old": MeetingFactory(district=d, date=dt.date(2025, 9, 20)),
        "e1": MeetingFactory(district=e, date=dt.date(2026, 5, 1)),
        "f1": MeetingFactory(district=f, date=dt.date(2026, 2, 10)),
        "x1": MeetingFactory(
            kind=MeetingKind.COUNCIL, council=world.council_x, district=d, date=dt.date(2026, 3, 1)
        ),
    }
    MeetingFactory(district=d, date=dt.date(2026, 8, 1), status=MeetingStatus.CANCELLED, cancel_reason="น้ำท่วม")
    MeetingFactory(district=d, date=dt.date(2026, 9, 1), status=MeetingStatus.PLANNED)
    return m


def test_mechanism_meetings_national(meetings):
    assert reporting.mechanism_meetings(subdistricts=None, dates=FY2569) == {
        "districts": 3,
        "with_mechanism": 2,
        "held": 6,
        "met_expected": 1,
        "expected": 4,
        "by_district": [
            ("จอมทอง", "เชียงใหม่", True, 4),
            ("เชียงดาว", "เชียงใหม่", False, 1),
            ("เมืองเชียงราย", "เชียงราย", True, 1),
        ],
    }


def test_mechanism_meetings_of_a_province_and_a_quarter(meetings, world):
    province = reporting.mechanism_meetings(subdistricts=province_area(world.province), dates=FY2569)
    assert (province["districts"], province["with_mechanism"], province["held"], province["met_expected"]) == (2, 1, 5, 1)
    assert [row[0] for row in province["by_district"]] == ["จอมทอง", "เชียงดาว"]
    quarter = reporting.mechanism_meetings(subdistricts=None, dates=Q2, expected=1)
    assert (quarter["held"], quarter["met_expected"]) == (2, 2)


def test_mechanism_meetings_of_a_district_without_any(world, django_assert_num_queries):
    with django_assert_num_queries(3):
        figures = reporting.mechanism_meetings(subdistricts=district_area(world.other_district), dates=FY2569)
    assert figures == {
        "districts": 1, "with_mechanism": 0, "held": 0, "met_expected": 0, "expected": 4, "by_district": [],
    }  # fmt: skip


@pytest.fixture
def actions(meetings, world):
    """Action items of the meetings' resolutions: due in the year on time, late, not done,
    cancelled; one due the next year; one due in the year from last year's meeting."""
    d1 = ResolutionFactory(agenda_item__meeting=meetings["d1"])
    ResolutionFactory(agenda_item__meeting=meetings["d1"])
    x1 = ResolutionFactory(agenda_item__meeting=meetings["x1"])
    f1 = ResolutionFactory(agenda_item__meeting=meetings["f1"])
    old = ResolutionFactory(agenda_item__meeting=meetings["d_old"])
    council = world.council_x
    for resolution, due, status, done_on in (
        (d1, dt.date(2025, 12, 31), ActionStatus.DONE, dt.date(2025, 12, 20)),  # on time
        (d1, dt.date(2026, 1, 31), ActionStatus.DONE, dt.date(2026, 2, 5)),  # late
        (d1, dt.date(2026, 3, 31), ActionStatus.IN_PROGRESS, None),
        (d1, dt.date(2026, 2, 28), ActionStatus.CANCELLED, None),  # left out
        (d1, dt.date(2026, 12, 31), ActionStatus.OPEN, None),  # due next year
        (x1, dt.date(2026, 6, 30), ActionStatus.DONE, dt.date(2026, 6, 30)),  # on the due day
        (f1, dt.date(2026, 5, 1), ActionStatus.DONE, dt.date(2026, 4, 1)),
        (old, dt.date(2025, 10, 31), ActionStatus.DONE, dt.date(2025, 10, 30)),
    ):
        ActionItemFactory(resolution=resolution, due_date=due, status=status, done_on=done_on, assignee_council=council)


def test_action_follow_up_national(actions, django_assert_num_queries):
    with django_assert_num_queries(2):
        figures = reporting.action_follow_up(subdistricts=None, dates=FY2569)
    assert figures == {"resolutions": 4, "due": 6, "on_time": 4, "late": 1, "not_done": 1, "percent_on_time": 66.7}


def test_action_follow_up_of_a_district_and_a_province(actions, world):
    assert reporting.action_follow_up(subdistricts=district_area(world.district), dates=FY2569) == {
        "resolutions": 3, "due": 5, "on_time": 3, "late": 1, "not_done": 1, "percent_on_time": 60.0,
    }  # fmt: skip
    assert reporting.action_follow_up(subdistricts=province_area(world.other_province), dates=FY2569) == {
        "resolutions": 1, "due": 1, "on_time": 1, "late": 0, "not_done": 0, "percent_on_time": 100.0,
    }  # fmt: skip


def test_action_follow_up_with_nothing(world):
    assert reporting.action_follow_up(subdistricts=None, dates=FY2569) == {
        "resolutions": 0, "due": 0, "on_time": 0, "late": 0, "not_done": 0, "percent_on_time": 0.0,
    }  # fmt: skip


@pytest.fixture
def obstacles(world):
    """Raised in the year in D (2, 10 and 5 days to a first answer, one unanswered) and in F
    (1 day); one raised at 23:30 on the last day of the year before."""
    water, land = ThemeFactory(code="water", name_th="น้ำ"), ThemeFactory(code="land", name_th="ที่ดิน")
    lao = world.lao
    office = AgencyFactory(subdistrict=world.council_y.subdistrict, kind=AgencyKind.DISTRICT_OFFICE, name="ที่ว่าการอำเภอจอมทอง")
    x, y, w = world.council_x, world.council_y, world.council_w
    for council, agency, theme, raised, answered, status in (
        (x, lao, water, at(2025, 11, 1), at(2025, 11, 3), ObstacleStatus.RESOLVED),
        (y, lao, land, at(2026, 1, 10), at(2026, 1, 20), ObstacleStatus.IN_PROGRESS),
        (x, office, water, at(2026, 2, 1), at(2026, 2, 6), ObstacleStatus.CANNOT_ACT),
        (y, office, water, at(2026, 3, 1), None, ObstacleStatus.RAISED),
        (w, lao, water, at(2026, 4, 1), at(2026, 4, 2), ObstacleStatus.RESOLVED),
        (x, lao, water, at(2025, 9, 30, 23, 30), at(2025, 10, 1, 10), ObstacleStatus.RESOLVED),  # year before
    ):
        ObstacleFactory(
            council=council, agency=agency, theme=theme, created_at=raised, first_answered_at=answered, status=status
        )


def test_obstacle_figures_national(obstacles, django_assert_num_queries):
    with django_assert_num_queries(4):
        figures = reporting.obstacle_figures(subdistricts=None, dates=FY2569)
    assert figures == {
        "raised": 5,
        "answered": 4,
        "resolved": 2,
        "cannot_act": 1,
        "by_agency_kind": [("องค์การบริหารส่วนตำบล (อบต.)", 3, 3, 2), ("ที่ว่าการอำเภอ", 2, 1, 0)],
        "by_theme": [("น้ำ", 4, 3, 2), ("ที่ดิน", 1, 1, 0)],
        "median_days": 3.5,  # of 1, 2, 5 and 10 days
    }


def test_obstacle_figures_of_a_district(obstacles, world):
    figures = reporting.obstacle_figures(subdistricts=district_area(world.district), dates=FY2569)
    assert (figures["raised"], figures["answered"], figures["resolved"], figures["cannot_act"]) == (4, 3, 1, 1)
    assert figures["by_theme"] == [("น้ำ", 3, 2, 1), ("ที่ดิน", 1, 1, 0)]
    assert figures["median_days"] == 5.0  # of 2, 5 and 10 days


def test_obstacle_figures_with_nothing_answered(world):
    assert reporting.obstacle_figures(subdistricts=district_area(world.other_district), dates=FY2569) == {
        "raised": 0, "answered": 0, "resolved": 0, "cannot_act": 0, "by_agency_kind": [], "by_theme": [],
        "median_days": None,
    }  # fmt: skip


def test_median_days_in_python_where_the_database_has_no_percentile(obstacles, monkeypatch):
    """SQLite (``make run``) has no PERCENTILE_CONT: the same median is taken in Python."""
    in_year = Obstacle.objects.filter(created_at__date__range=FY2569)
    assert connection.vendor == "postgresql" and reporting.median_days_to_answer(in_year) == 3.5
    monkeypatch.setattr(connection, "vendor", "sqlite")
    assert reporting.median_days_to_answer(in_year) == 3.5
    assert reporting.median_days_to_answer(in_year.filter(first_answered_at__isnull=True)) is None


@pytest.fixture
def suggestions(world):
    d, e, f = world.district, world.other_district, world.far_district
    SuggestionFactory(district=d, created_at=at(2025, 12, 1), status=SuggestionStatus.PUBLISHED, answer="รับไว้", answered_at=at(2025, 12, 5))
    SuggestionFactory(district=d, created_at=at(2026, 2, 1), status=SuggestionStatus.REJECTED, reject_reason="ซ้ำ")
    SuggestionFactory(district=e, created_at=at(2026, 3, 1))
    SuggestionFactory(district=f, created_at=at(2026, 4, 1), status=SuggestionStatus.PUBLISHED)
    SuggestionFactory(district=d, created_at=at(2025, 9, 1), status=SuggestionStatus.PUBLISHED, answered_at=at(2025, 9, 2))


def test_suggestion_figures(suggestions, world, django_assert_num_queries):
    with django_assert_num_queries(1):
        national = reporting.suggestion_figures(subdistricts=None, dates=FY2569)
    assert national == {"received": 4, "published": 2, "rejected": 1, "pending": 1, "answered": 1}
    assert reporting.suggestion_figures(subdistricts=province_area(world.province), dates=FY2569) == {
        "received": 3, "published": 1, "rejected": 1, "pending": 1, "answered": 1,
    }  # fmt: skip
    assert reporting.suggestion_figures(subdistricts=district_area(world.district), dates=FY2569) == {
        "received": 2, "published": 1, "rejected": 1, "pending": 0, "answered": 1,
    }  # fmt: skip


def test_obstacles_answered_or_resolved_after_the_period_count_as_open_in_it(world):
    """Raised in FY 2569 (recorded then), answered on 10 Oct 2026 and resolved today: the
    year's figures show it raised and not answered; a report of the year after it was
    answered shows the answer."""
    obstacle = ObstacleFactory(council=world.council_x, agency=world.lao, created_at=at(2026, 8, 1))
    Obstacle.history.model.objects.filter(id=obstacle.pk).update(history_date=at(2026, 8, 1))
    obstacle.status = ObstacleStatus.RESOLVED
    obstacle.first_answered_at = at(2026, 10, 10)
    obstacle.save()
    figures = reporting.obstacle_figures(subdistricts=None, dates=FY2569)
    assert (figures["raised"], figures["answered"], figures["resolved"], figures["median_days"]) == (1, 0, 0, None)
    later = reporting.obstacle_figures(subdistricts=None, dates=(FY2569[0], dt.date(2026, 12, 31)))
    assert (later["raised"], later["answered"], later["resolved"], later["median_days"]) == (1, 1, 1, 70.0)
