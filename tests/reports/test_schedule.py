"""Scheduled reports: the quarter/fiscal-year arithmetic, the beat entries, and the runs."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django_celery_beat.models import PeriodicTask

from geo.models import Region
from reports.choices import ReportKind, ReportStatus
from reports.models import Report
from reports.schedule import (
    finished_fiscal_year,
    finished_quarter,
    fiscal_quarter_of,
    schedule_annual,
    schedule_quarterly,
)
from reports.services import SYSTEM_USERNAME


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (dt.date(2025, 10, 1), 1), (dt.date(2025, 12, 31), 1), (dt.date(2026, 1, 1), 2),
        (dt.date(2026, 3, 31), 2), (dt.date(2026, 4, 1), 3), (dt.date(2026, 6, 30), 3),
        (dt.date(2026, 7, 1), 4), (dt.date(2026, 9, 30), 4),
    ],
)
def test_fiscal_quarter_of(day, quarter):
    assert fiscal_quarter_of(day) == quarter


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 1, 1), (2569, 1)),  # Oct–Dec 2025 is Q1 of FY 2569
        (dt.date(2026, 4, 1), (2569, 2)),
        (dt.date(2026, 7, 1), (2569, 3)),
        (dt.date(2026, 10, 1), (2569, 4)),  # the fiscal year ends on 30 September
        (dt.date(2026, 12, 31), (2569, 4)),  # a late run still means the last finished quarter
        (dt.date(2027, 1, 2), (2570, 1)),
    ],
)
def test_finished_quarter(today, expected):
    assert finished_quarter(today) == expected


@pytest.mark.parametrize(
    ("today", "year"),
    [(dt.date(2026, 10, 1), 2569), (dt.date(2026, 9, 30), 2568), (dt.date(2027, 3, 1), 2569)],
)
def test_finished_fiscal_year(today, year):
    assert finished_fiscal_year(today) == year


@pytest.mark.django_db
def test_schedules_are_in_beat_and_editable():
    quarterly = PeriodicTask.objects.get(task="reports.tasks.schedule_quarterly_reports")
    annual = PeriodicTask.objects.get(task="reports.tasks.schedule_annual_reports")
    q, a = quarterly.crontab, annual.crontab
    assert (q.minute, q.hour, q.day_of_month, q.month_of_year, str(q.timezone)) == ("0", "2", "1", "1,4,7,10", "Asia/Bangkok")
    assert (a.minute, a.hour, a.day_of_month, a.month_of_year) == ("0", "3", "1", "10")
    assert quarterly.enabled and annual.enabled and quarterly.interval is None


@pytest.mark.django_db
def test_quarterly_run_requests_every_province_and_district_as_the_system(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reports = schedule_quarterly(today=dt.date(2026, 1, 1))
    keys = sorted(r.key for r in reports)
    assert keys == sorted(
        [f"quarterly:2569:1:province:{c}" for c in ("50", "57")]
        + [f"quarterly:2569:1:district:{c}" for c in ("5002", "5004", "5701")]
    )
    system = get_user_model().objects.get(username=SYSTEM_USERNAME)
    assert not system.is_active and not system.has_usable_password()
    assert {r.requested_by_id for r in reports} == {system.pk}
    assert {r.status for r in Report.objects.all()} == {ReportStatus.DONE}  # the jobs ran (Celery is eager in tests)
    # Firing twice makes new versions (the first run finished), never a crash.
    again = schedule_quarterly(today=dt.date(2026, 1, 1))
    assert {r.version for r in again} == {2}
    # ...and firing while those are still queued joins them.
    assert [r.pk for r in schedule_quarterly(today=dt.date(2026, 2, 1))] == [r.pk for r in again]


@pytest.mark.django_db
def test_annual_run_requests_country_regions_and_provinces(world):
    north = Region.objects.create(code="north", name_th="ภาคเหนือ")
    north.provinces.set([world.province, world.other_province])
    Region.objects.create(code="empty", name_th="ไม่มีจังหวัด")
    reports = schedule_annual(today=dt.date(2026, 10, 1))
    assert sorted(r.key for r in reports) == [
        "annual:2569:-:national:-",
        "annual:2569:-:province:50",
        "annual:2569:-:province:57",
        "annual:2569:-:region:north",
    ]
    assert {r.kind for r in reports} == {ReportKind.ANNUAL}
