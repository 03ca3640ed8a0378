"""Reports made on a timetable (Celery beat, editable in the admin):

- after each fiscal quarter (1 January, 1 April, 1 July, 1 October): the quarterly
  progress report of every province and every district, for the quarter just finished;
- after the fiscal year ends on 30 September (1 October): the annual evaluation report of
  the whole country, of every CODI region and of every province, for the year just finished.

The date arithmetic is pure (``finished_quarter``, ``finished_fiscal_year``); the
requests go through ``services.report_request`` as ``services.system_user()``, so a
schedule that fires twice joins the jobs already running instead of doubling them.
"""

from __future__ import annotations

import datetime as dt

from common.thai import fiscal_year_of
from geo.models import District, Province, Region

from . import services
from .choices import ReportKind, ReportScope


def fiscal_quarter_of(day: dt.date) -> int:
    """1..4; quarter 1 is October–December."""
    return (day.month - 10) % 12 // 3 + 1


def quarter_start(day: dt.date) -> dt.date:
    """First day of the calendar quarter (so of the fiscal quarter) ``day`` falls in."""
    return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def finished_quarter(today: dt.date) -> tuple[int, int]:
    """(Buddhist-era fiscal year, quarter) of the last fiscal quarter that ended before
    ``today``: on 1 January 2026 that is (2569, 1); on 1 October 2026 it is (2569, 4)."""
    last_day = quarter_start(today) - dt.timedelta(days=1)
    return fiscal_year_of(last_day), fiscal_quarter_of(last_day)


def finished_fiscal_year(today: dt.date) -> int:
    """The last Buddhist-era fiscal year that ended before ``today`` (on 30 September)."""
    return fiscal_year_of(today) - 1


def schedule_quarterly(*, today: dt.date) -> list:
    """Request the quarterly report of every province and district for the quarter just finished."""
    fiscal_year, quarter = finished_quarter(today)
    by = services.system_user()
    reports = []
    for province in Province.objects.order_by("code"):
        reports.append(
            services.report_request(
                by=by, kind=ReportKind.QUARTERLY, fiscal_year=fiscal_year, quarter=quarter,
                scope=ReportScope.PROVINCE, province=province,
            )
        )
    for district in District.objects.order_by("code"):
        reports.append(
            services.report_request(
                by=by, kind=ReportKind.QUARTERLY, fiscal_year=fiscal_year, quarter=quarter,
                scope=ReportScope.DISTRICT, district=district,
            )
        )
    return reports


def schedule_annual(*, today: dt.date) -> list:
    """Request the annual report of the country, every region and every province for the
    fiscal year just finished."""
    fiscal_year = finished_fiscal_year(today)
    by = services.system_user()
    common = {"by": by, "kind": ReportKind.ANNUAL, "fiscal_year": fiscal_year}
    reports = [services.report_request(scope=ReportScope.NATIONAL, **common)]
    for region in Region.objects.filter(provinces__isnull=False).distinct().order_by("code"):
        reports.append(services.report_request(scope=ReportScope.REGION, region=region, **common))
    for province in Province.objects.order_by("code"):
        reports.append(services.report_request(scope=ReportScope.PROVINCE, province=province, **common))
    return reports
