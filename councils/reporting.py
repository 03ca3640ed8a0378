"""The figures councils give to reports: read-only selectors returning plain values.

``subdistricts`` is the area a report covers, as a queryset of Subdistricts (used as a
subquery, never evaluated here), or None for the whole country. Activities are those of
``fiscal_year``, or only those held between ``dates`` (first and last day, e.g. a quarter's).
``as_of`` (a day, the period's last) counts councils and organizations as they stood at its
end (``common.history``): registered by then, with the status, kind, members and themes they
had then; None counts today's.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from common.figures import counts_by_choice
from common.history import m2m_at, states_at

from .choices import ActivityKind, AssessmentLevel, CouncilStatus, MentorshipStatus, OrganizationKind
from .models import Activity, ActivityPhoto, Assessment, CommunityOrganization, Council, Mentorship
from .permissions import public_councils

Dates = tuple[dt.date, dt.date]


def _activities(subdistricts, fiscal_year: int, dates: Dates | None) -> QuerySet[Activity]:
    qs = Activity.objects.in_subdistricts(subdistricts)
    return qs.filter(date__range=dates) if dates else qs.filter(fiscal_year=fiscal_year)


def _organizations(subdistricts) -> QuerySet[CommunityOrganization]:
    return CommunityOrganization.objects.in_subdistricts(subdistricts)


def _area(subdistricts, path: str) -> Q:
    return Q() if subdistricts is None else Q(**{f"{path}__in": subdistricts})


def _choice_counts(values, choices) -> list[tuple[str, int]]:
    found = Counter(values)
    return [(str(c.label), found.get(c.value, 0)) for c in choices]


def councils_at(*, subdistricts, as_of: dt.date, fields=("status",)):
    """{council id: State} of the area's councils as they stood at the end of ``as_of``."""
    return states_at(Council, day=as_of, area=_area(subdistricts, "subdistrict"), fields=fields)


def organizations_at(*, subdistricts, as_of: dt.date):
    return states_at(
        CommunityOrganization, day=as_of, area=_area(subdistricts, "council__subdistrict"), fields=("kind", "member_count")
    )


def councils_by_status(*, subdistricts, as_of: dt.date | None = None) -> list[tuple[str, int]]:
    if as_of is None:
        return counts_by_choice(Council.objects.in_subdistricts(subdistricts), "status", CouncilStatus)
    states = councils_at(subdistricts=subdistricts, as_of=as_of)
    return _choice_counts((s.values["status"] for s in states.values()), CouncilStatus)


def organizations_by_kind(*, subdistricts, as_of: dt.date | None = None) -> list[tuple[str, int]]:
    if as_of is None:
        return counts_by_choice(_organizations(subdistricts), "kind", OrganizationKind)
    states = organizations_at(subdistricts=subdistricts, as_of=as_of)
    return _choice_counts((s.values["kind"] for s in states.values()), OrganizationKind)


def organization_members(*, subdistricts, as_of: dt.date | None = None) -> int:
    if as_of is None:
        return _organizations(subdistricts).aggregate(n=Sum("member_count"))["n"] or 0
    states = organizations_at(subdistricts=subdistricts, as_of=as_of)
    return sum(s.values["member_count"] or 0 for s in states.values())


def organization_figures(*, subdistricts, as_of: dt.date | None = None) -> tuple[list[tuple[str, int]], int]:
    """(organizations by kind, their members) as they stood at the end of ``as_of``: one
    read of the states for both (nationally some 150,000 organizations)."""
    if as_of is None:
        return organizations_by_kind(subdistricts=subdistricts), organization_members(subdistricts=subdistricts)
    states = organizations_at(subdistricts=subdistricts, as_of=as_of).values()
    kinds = _choice_counts((s.values["kind"] for s in states), OrganizationKind)
    return kinds, sum(s.values["member_count"] or 0 for s in states)


def activities_by_kind(*, subdistricts, fiscal_year: int, dates: Dates | None = None) -> list[tuple[str, int]]:
    return counts_by_choice(_activities(subdistricts, fiscal_year, dates), "kind", ActivityKind)


def activity_participants(*, subdistricts, fiscal_year: int, dates: Dates | None = None) -> int:
    return _activities(subdistricts, fiscal_year, dates).aggregate(n=Sum("participants"))["n"] or 0


def _period_end(fiscal_year: int, dates: Dates | None) -> dt.date:
    from common.thai import fiscal_year_bounds

    return dates[1] if dates else fiscal_year_bounds(fiscal_year)[1]


def activity_themes(*, subdistricts, fiscal_year: int, dates: Dates | None = None, top: int = 10) -> list[tuple[str, int]]:
    """(theme, activities) for the themes the councils that held the activities had at the
    period's end (not the themes given since), the ``top`` themes with most activities first."""
    from geo.models import Theme

    held = dict(_activities(subdistricts, fiscal_year, dates).order_by().values_list("council_id").annotate(n=Count("pk")))
    if not held:
        return []
    states = councils_at(subdistricts=subdistricts, as_of=_period_end(fiscal_year, dates))
    themes_of = m2m_at(Council, "themes", {pk: s for pk, s in states.items() if pk in held})
    per_theme: Counter = Counter()
    for council_id, theme_ids in themes_of.items():
        for theme_id in set(theme_ids):
            per_theme[theme_id] += held[council_id]
    names = dict(Theme.objects.filter(pk__in=list(per_theme)).values_list("pk", "name_th"))
    ranked = sorted(((names[t], n) for t, n in per_theme.items()), key=lambda r: (-r[1], r[0]))
    return ranked[:top]


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
    """One dict per council of the area registered by the period's end, by tambon code:
    ``id``, ``code``, ``name``, ``status`` it had at the period's end and assessment ``level``
    of the year (Thai labels, "" when not assessed), ``activities``, and its district's and
    province's id and Thai name. Six queries."""
    status, level = dict(CouncilStatus.choices), dict(AssessmentLevel.choices)
    states = councils_at(subdistricts=subdistricts, as_of=_period_end(fiscal_year, dates))
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
        if pk in states
    }
    for pk, row in rows.items():  # the status it had at the period's end
        st = states[pk].values["status"]
        row["status"] = str(status.get(st, st))
    activities = _activities(subdistricts, fiscal_year, dates).order_by().values_list("council_id")
    for pk, n in activities.annotate(n=Count("pk")):
        if pk in rows:
            rows[pk]["activities"] = n
    assessed = Assessment.objects.in_subdistricts(subdistricts).filter(fiscal_year=fiscal_year)
    for pk, lv in assessed.values_list("council_id", "level"):
        if pk in rows:
            rows[pk]["level"] = str(level.get(lv, lv))
    return list(rows.values())


def report_photos(*, subdistricts, fiscal_year: int, limit: int) -> list[dict]:
    """The photos chosen for the annual report (``in_report``) of the area's activities of
    ``fiscal_year``, at most ``limit``, picked fairly (``fair_pick``). One query."""
    return fair_pick(activity_report_photos(subdistricts=subdistricts, fiscal_year=fiscal_year), limit)


def activity_report_photos(*, subdistricts, fiscal_year: int) -> list[dict]:
    """Every photo chosen for the annual report (``in_report``) of the area's activities of
    ``fiscal_year``. Each a dict: ``id``, ``name`` (the stored file), ``caption``, ``date``,
    ``council`` and ``place`` (the council's name), ``place_key`` (its tambon's code),
    ``province``. One query."""
    qs = (
        ActivityPhoto.objects.filter(in_report=True, activity__in=_activities(subdistricts, fiscal_year, None))
        .order_by("activity__council__subdistrict__code", "-activity__date", "-pk")
        .values_list(
            "pk", "image", "caption", "activity__date", "activity__council__name",
            "activity__council__subdistrict__code", "activity__council__subdistrict__district__province__name_th",
        )
    )  # fmt: skip
    return [
        {"id": pk, "name": name, "caption": caption, "date": date, "council": council, "place": council,
         "place_key": code, "province": province}
        for pk, name, caption, date, council, code, province in qs
    ]  # fmt: skip


def fair_pick(photos: list[dict], limit: int) -> list[dict]:
    """At most ``limit`` of ``photos`` (dicts with ``place_key``, ``province``, ``date``,
    ``id``), picked fairly: one province after another, and in each province one place
    (a council, a district) after another, each place's newest first. Places go in
    ``place_key`` order (area codes, so provinces in code order too)."""
    places: dict[str, list[dict]] = {}
    for photo in sorted(photos, key=lambda p: p["place_key"]):
        places.setdefault(photo["place_key"], []).append(photo)
    provinces: dict[str, list[list[dict]]] = {}
    for queue in places.values():
        queue.sort(key=lambda p: (p["date"], p["id"]), reverse=True)
        provinces.setdefault(queue[0]["province"], []).append(queue)
    return _round_robin([_round_robin(queues) for queues in provinces.values()])[:limit]


def _round_robin(queues: list[list]) -> list:
    """The first item of each queue in turn, then the second of each, and so on."""
    out, depth = [], max((len(q) for q in queues), default=0)
    for i in range(depth):
        out += [q[i] for q in queues if i < len(q)]
    return out


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


def councils_passed(*, subdistricts, fiscal_year: int) -> tuple[int, int]:
    """(councils that passed the year's assessment, councils assessed that year). One query."""
    assessed = Assessment.objects.in_subdistricts(subdistricts).filter(fiscal_year=fiscal_year).order_by()
    totals = assessed.aggregate(assessed=Count("council", distinct=True),
                                passed=Count("council", filter=Q(passed=True), distinct=True))  # fmt: skip
    return totals["passed"], totals["assessed"]
