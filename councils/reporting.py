"""The figures councils give to reports: read-only selectors returning plain values.

``subdistricts`` is the area a report covers, as a queryset of Subdistricts (used as a
subquery, never evaluated here), or None for the whole country. Activities are those of
``fiscal_year``, or only those held between ``dates`` (first and last day, e.g. a quarter's).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet, Sum

from common.figures import counts_by_choice

from .choices import ActivityKind, AssessmentLevel, CouncilStatus, MentorshipStatus, OrganizationKind
from .models import Activity, Assessment, CommunityOrganization, Council, Mentorship

Dates = tuple[dt.date, dt.date]


def _activities(subdistricts, fiscal_year: int, dates: Dates | None) -> QuerySet[Activity]:
    qs = Activity.objects.in_subdistricts(subdistricts)
    return qs.filter(date__range=dates) if dates else qs.filter(fiscal_year=fiscal_year)


def _organizations(subdistricts) -> QuerySet[CommunityOrganization]:
    return CommunityOrganization.objects.in_subdistricts(subdistricts)


def councils_by_status(*, subdistricts) -> list[tuple[str, int]]:
    return counts_by_choice(Council.objects.in_subdistricts(subdistricts), "status", CouncilStatus)


def organizations_by_kind(*, subdistricts) -> list[tuple[str, int]]:
    return counts_by_choice(_organizations(subdistricts), "kind", OrganizationKind)


def organization_members(*, subdistricts) -> int:
    return _organizations(subdistricts).aggregate(n=Sum("member_count"))["n"] or 0


def activities_by_kind(*, subdistricts, fiscal_year: int, dates: Dates | None = None) -> list[tuple[str, int]]:
    return counts_by_choice(_activities(subdistricts, fiscal_year, dates), "kind", ActivityKind)


def activity_participants(*, subdistricts, fiscal_year: int, dates: Dates | None = None) -> int:
    return _activities(subdistricts, fiscal_year, dates).aggregate(n=Sum("participants"))["n"] or 0


def activity_themes(*, subdistricts, fiscal_year: int, dates: Dates | None = None, top: int = 10) -> list[tuple[str, int]]:
    """(theme, activities) for the themes of the councils that held the activities, the
    ``top`` themes with most activities first."""
    return list(
        _activities(subdistricts, fiscal_year, dates)
        .order_by()
        .filter(council__themes__isnull=False)
        .values_list("council__themes__name_th")
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n", "council__themes__name_th")[:top]
    )


def joint_activities(*, subdistricts, fiscal_year: int, dates: Dates | None = None) -> int:
    """Activities held with at least one agency."""
    return _activities(subdistricts, fiscal_year, dates).filter(agencies__isnull=False).values("pk").distinct().count()


def partner_agency_ids(*, subdistricts, fiscal_year: int, dates: Dates | None = None) -> QuerySet:
    """The ids of the agencies that took part in the activities, as a subquery for
    ``agencies.reporting`` (councils know who took part, agencies what kind each is)."""
    activities = _activities(subdistricts, fiscal_year, dates)
    return Activity.agencies.through.objects.filter(activity__in=activities).values("agency_id")


def assessments_by_level(*, subdistricts, fiscal_year: int) -> list[tuple[str, int]]:
    assessed = Assessment.objects.in_subdistricts(subdistricts).filter(fiscal_year=fiscal_year)
    return counts_by_choice(assessed, "level", AssessmentLevel)


def mentorships_by_status(*, subdistricts, dates: Dates) -> list[tuple[str, int]]:
    """Mentorships of mentee councils in the area that ran at some time between ``dates``."""
    start, end = dates
    qs = Mentorship.objects.in_subdistricts(subdistricts)
    qs = qs.filter(started_on__lte=end).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    return counts_by_choice(qs, "status", MentorshipStatus)


def council_rows(*, subdistricts, fiscal_year: int, dates: Dates | None = None) -> list[dict]:
    """One dict per council in the area, by tambon code: ``id``, ``code``, ``name``,
    ``status`` and assessment ``level`` of the year (Thai labels, "" when not assessed),
    ``activities``, and its district's and province's id and Thai name. Three queries."""
    status, level = dict(CouncilStatus.choices), dict(AssessmentLevel.choices)
    councils = Council.objects.in_subdistricts(subdistricts).order_by("subdistrict__code")
    rows = {
        pk: {
            "id": pk, "code": code, "name": name, "status": str(status.get(st, st)), "level": "", "activities": 0,
            "district_id": district_id, "district": district, "province_id": province_id, "province": province,
        }
        for pk, code, name, st, district_id, district, province_id, province in councils.values_list(
            "pk",
            "subdistrict__code",
            "name",
            "status",
            "subdistrict__district_id",
            "subdistrict__district__name_th",
            "subdistrict__district__province_id",
            "subdistrict__district__province__name_th",
        )
    }
    activities = _activities(subdistricts, fiscal_year, dates).order_by().values_list("council_id")
    for pk, n in activities.annotate(n=Count("pk")):
        rows[pk]["activities"] = n
    assessed = Assessment.objects.in_subdistricts(subdistricts).filter(fiscal_year=fiscal_year)
    for pk, lv in assessed.values_list("council_id", "level"):
        rows[pk]["level"] = str(level.get(lv, lv))
    return list(rows.values())


def councils_passed(*, subdistricts, fiscal_year: int) -> tuple[int, int]:
    """(councils that passed the year's assessment, councils assessed that year). One query."""
    assessed = Assessment.objects.in_subdistricts(subdistricts).filter(fiscal_year=fiscal_year).order_by()
    totals = assessed.aggregate(assessed=Count("council", distinct=True),
                                passed=Count("council", filter=Q(passed=True), distinct=True))  # fmt: skip
    return totals["passed"], totals["assessed"]
