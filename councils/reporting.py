"""The figures councils give to reports: read-only selectors returning plain values.

``subdistricts`` is the area a report covers, as a queryset of Subdistricts (used as a
subquery, never evaluated here), or None for the whole country. Activities are those of
``fiscal_year``, or only those held between ``dates`` (first and last day, e.g. a quarter's).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from common.figures import counts_by_choice

from .choices import ActivityKind, AssessmentLevel, CouncilStatus, MentorshipStatus, OrganizationKind
from .models import Activity, Assessment, CommunityOrganization, Council, Mentorship
from .permissions import public_councils

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


# The public: the dashboard and the open data (published councils only) --------------------


def public_subdistricts():
    """The tambons of published councils (councils.permissions.public_councils), as a
    subquery for the ``subdistricts`` argument of every figure here and in the apps above."""
    from geo.models import Subdistrict

    return Subdistrict.objects.filter(council__in=public_councils(Council.objects.all()).values("pk"))


def assessment_pass_by_province() -> dict[str, tuple[int, int, int]]:
    """Province code → (published councils whose latest assessment passed, published
    councils assessed at least once, published councils). One query."""
    latest = Assessment.objects.filter(council=OuterRef("pk")).order_by("-fiscal_year")
    qs = (
        public_councils(Council.objects.all())
        .annotate(latest_passed=Subquery(latest.values("passed")[:1]))
        .order_by()
        .values_list("subdistrict__district__province__code")
        .annotate(
            passed=Count("pk", filter=Q(latest_passed=True)),
            assessed=Count("pk", filter=Q(latest_passed__isnull=False)),
            total=Count("pk"),
        )
    )
    return {code: (passed, assessed, total) for code, passed, assessed, total in qs}


def public_headline(*, fiscal_year: int) -> dict:
    """The public dashboard's headline figures: published councils, their community
    organizations and members, and their activities of the fiscal year. Two queries."""
    subdistricts = public_subdistricts()
    councils = public_councils(Council.objects.all()).aggregate(
        n=Count("pk"), provinces=Count("subdistrict__district__province", distinct=True)
    )
    orgs = _organizations(subdistricts).aggregate(n=Count("pk"), members=Sum("member_count"))
    activities = _activities(subdistricts, fiscal_year, None).aggregate(n=Count("pk"), participants=Sum("participants"))
    return {
        "councils": councils["n"],
        "provinces": councils["provinces"],
        "organizations": orgs["n"],
        "organization_members": orgs["members"] or 0,
        "activities": activities["n"],
        "participants": activities["participants"] or 0,
    }


def open_councils() -> QuerySet[Council]:
    """The published registry for the open data: each published council with its area, LAO,
    themes, latest level, and its community organizations counted (no person's data)."""
    orgs = CommunityOrganization.objects.filter(council=OuterRef("pk")).order_by().values("council")
    return (
        public_councils(Council.objects.all())
        .select_related("subdistrict__district__province", "lao")
        .prefetch_related("themes")
        .annotate(
            latest_level=Subquery(
                Assessment.objects.filter(council=OuterRef("pk")).order_by("-fiscal_year").values("level")[:1]
            ),
            organization_count=Coalesce(Subquery(orgs.annotate(n=Count("pk")).values("n")[:1]), Value(0)),
            organization_member_total=Coalesce(Subquery(orgs.annotate(n=Sum("member_count")).values("n")[:1]), Value(0)),
        )
        .order_by("subdistrict__code")
    )


def open_activity_counts() -> QuerySet:
    """Activities per published council and fiscal year (dicts, by tambon code then year):
    activities, council meetings among them, participants."""
    return (
        Activity.objects.filter(council__in=public_councils(Council.objects.all()).values("pk"))
        .order_by("council__subdistrict__code", "fiscal_year")
        .values("council__subdistrict__code", "council__name", "fiscal_year")
        .annotate(
            activities=Count("pk"),
            council_meetings=Count("pk", filter=Q(kind=ActivityKind.COUNCIL_MEETING)),
            participants=Coalesce(Sum("participants"), Value(0)),
        )
    )
