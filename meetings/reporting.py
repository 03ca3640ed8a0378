"""The figures meetings give to reports: read-only selectors returning plain values.

``subdistricts`` is the area a report covers, as a queryset of Subdistricts (used as a
subquery, never evaluated here), or None for the whole country. ``dates`` is the reported
period (first and last day: the fiscal year's or a quarter's).

Which rows belong to an area: a mechanism, its meetings and the suggestions to it belong to
a district, which is in the area when one of its tambons is; a council meeting and an
obstacle belong to their council's tambon; a national consultation only to the whole country.
"""

from __future__ import annotations

import datetime as dt
import statistics

from django.db import connection
from django.db.models import (
    Aggregate,
    Case,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils.translation import gettext as _

from agencies.choices import AgencyKind
from common.thai import fiscal_year_bounds
from councils import reporting as councils_reporting
from geo.models import District, Subdistrict

from .choices import ActionStatus, MeetingKind, MeetingStatus, ObstacleStatus, SuggestionStatus
from .models import ActionItem, DistrictMechanism, Meeting, MeetingPhoto, Obstacle, Resolution, Suggestion

Dates = tuple[dt.date, dt.date]

MEETINGS_EXPECTED_A_YEAR = 4  # the mechanism is expected to meet at least once a quarter
HELD = (MeetingStatus.HELD, MeetingStatus.PUBLISHED)


def _districts(subdistricts) -> QuerySet[District]:
    qs = District.objects.all()
    if subdistricts is not None:
        qs = qs.filter(pk__in=Subdistrict.objects.filter(pk__in=subdistricts).values("district_id"))
    return qs


def _meeting_in_area(subdistricts, prefix: str = "") -> Q:
    """Q for rows whose meeting (``prefix`` is the path to it) is in the area."""
    if subdistricts is None:
        return Q()
    return Q(**{f"{prefix}council__subdistrict__in": subdistricts}) | Q(
        **{f"{prefix}council__isnull": True, f"{prefix}district__in": _districts(subdistricts).values("pk")}
    )


# -- the district mechanism's meetings ----------------------------------------------------


def mechanism_meetings(*, subdistricts, dates: Dates, expected: int = MEETINGS_EXPECTED_A_YEAR) -> dict:
    """How often the districts' mechanisms met in the period, against ``expected``.

    ``districts`` (in the area), ``with_mechanism``, ``held`` (mechanism meetings held, their
    minutes published or not), ``met_expected`` (districts that held ``expected`` or more),
    ``expected``, and ``by_district``: (district, province, has a mechanism, meetings held) for each
    district with a mechanism or a held meeting, by district code. Three queries."""
    districts = _districts(subdistricts)
    held = (
        Meeting.objects.filter(
            kind=MeetingKind.DISTRICT, status__in=HELD, date__range=dates, district__in=districts.values("pk")
        )
        .order_by()
        .values_list("district_id")
        .annotate(n=Count("pk"))
    )
    per_district = dict(held)
    with_mechanism = set(
        DistrictMechanism.objects.filter(district__in=districts.values("pk")).values_list("district_id", flat=True)
    )
    shown = districts.filter(pk__in=with_mechanism | set(per_district)).order_by("code")
    rows = [
        (name, province, pk in with_mechanism, per_district.get(pk, 0))
        for pk, name, province in shown.values_list("pk", "name_th", "province__name_th")
    ]
    return {
        "districts": districts.count(),
        "with_mechanism": len(with_mechanism),
        "held": sum(per_district.values()),
        "met_expected": sum(1 for n in per_district.values() if n >= expected),
        "expected": expected,
        "by_district": rows,
    }


# -- resolutions and their action items ---------------------------------------------------


def _done_on():
    """The day an action item was marked done: the first historical record of it in the
    done status (services.action_complete is the only move into it; nothing changes a
    done item afterwards)."""
    history = ActionItem.history.model.objects.filter(id=OuterRef("pk"), status=ActionStatus.DONE)
    return Subquery(history.order_by("history_date").annotate(day=TruncDate("history_date")).values("day")[:1])


def action_follow_up(*, subdistricts, dates: Dates) -> dict:
    """``resolutions`` of the meetings in the area held in the period; of the action items
    due in the period (cancelled ones left out): ``due``, ``on_time`` (done on or before the
    due date), ``late`` (done after it), ``not_done``, and ``percent_on_time``. Two queries."""
    resolutions = Resolution.objects.filter(
        _meeting_in_area(subdistricts, "agenda_item__meeting__"), agenda_item__meeting__date__range=dates
    ).count()
    items = (
        ActionItem.objects.filter(
            _meeting_in_area(subdistricts, "resolution__agenda_item__meeting__"), due_date__range=dates
        )
        .exclude(status=ActionStatus.CANCELLED)
        .annotate(done_on=_done_on())
    )
    done = Q(status=ActionStatus.DONE)
    counts = items.aggregate(
        due=Count("pk"),
        on_time=Count("pk", filter=done & Q(done_on__lte=F("due_date"))),
        late=Count("pk", filter=done & Q(done_on__gt=F("due_date"))),
    )
    due, on_time, late = counts["due"], counts["on_time"], counts["late"]
    return {
        "resolutions": resolutions,
        "due": due,
        "on_time": on_time,
        "late": late,
        "not_done": due - on_time - late,
        "percent_on_time": round(100 * on_time / due, 1) if due else 0.0,
    }


# -- obstacles raised to agencies ---------------------------------------------------------


class Median(Aggregate):
    """PostgreSQL's continuous median of an expression (an interval gives an interval)."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"


def _obstacles(subdistricts, dates: Dates) -> QuerySet[Obstacle]:
    """Obstacles raised in the period, as they stood at its end: ``answered_then`` (first
    answered by then) and ``status_then`` (their last recorded status by then)."""
    from common.history import end_of_day

    cutoff = end_of_day(dates[1])
    then = (
        Obstacle.history.model.objects.filter(id=OuterRef("pk"), history_date__lt=cutoff)
        .order_by("-history_date", "-history_id")
        .values("status")[:1]
    )
    return (
        Obstacle.objects.in_subdistricts(subdistricts)
        .filter(created_at__date__range=dates)
        .annotate(
            status_then=Coalesce(Subquery(then), F("status")),
            answered_then=Case(When(first_answered_at__lt=cutoff, then=F("first_answered_at")), default=None),
        )
    )


def _obstacle_counts(qs: QuerySet, key: str) -> list[tuple[str, int, int, int]]:
    """(key value, raised, answered, resolved), most raised first."""
    return list(
        qs.order_by()
        .values_list(key)
        .annotate(
            raised=Count("pk"),
            answered=Count("pk", filter=Q(answered_then__isnull=False)),
            resolved=Count("pk", filter=Q(status_then=ObstacleStatus.RESOLVED)),
        )
        .order_by("-raised", key)
    )


def median_days_to_answer(qs: QuerySet[Obstacle]) -> float | None:
    """The median days from raising an obstacle to the agency's first answer, over those
    answered; None when none was. In the database on PostgreSQL, in Python on SQLite."""
    # Answered by the period's end when the obstacles come from a report's period (_obstacles).
    field = "answered_then" if "answered_then" in qs.query.annotations else "first_answered_at"
    answered = qs.filter(**{f"{field}__isnull": False}).order_by()
    if connection.vendor == "postgresql":
        waited = ExpressionWrapper(F("first_answered_at") - F("created_at"), output_field=DurationField())
        median = answered.aggregate(m=Median(waited, output_field=DurationField()))["m"]
    else:
        waits = [answer - raised for raised, answer in answered.values_list("created_at", "first_answered_at")]
        median = statistics.median(waits) if waits else None
    return None if median is None else round(median.total_seconds() / 86400, 1)


def obstacle_figures(*, subdistricts, dates: Dates) -> dict:
    """Obstacles the area's councils raised in the period: ``raised``, ``answered``,
    ``resolved``, ``cannot_act`` in all; ``by_agency_kind`` and ``by_theme`` as (Thai label,
    raised, answered, resolved), most raised first; ``median_days`` to a first answer
    (None when nothing was answered). Four queries."""
    qs = _obstacles(subdistricts, dates)
    totals = qs.aggregate(
        raised=Count("pk"),
        answered=Count("pk", filter=Q(answered_then__isnull=False)),
        resolved=Count("pk", filter=Q(status_then=ObstacleStatus.RESOLVED)),
        cannot_act=Count("pk", filter=Q(status_then=ObstacleStatus.CANNOT_ACT)),
    )
    kind_label = dict(AgencyKind.choices)
    by_kind = [(str(kind_label.get(k, k)), *n) for k, *n in _obstacle_counts(qs, "agency__kind")]
    return {
        **totals,
        "by_agency_kind": by_kind,
        "by_theme": _obstacle_counts(qs, "theme__name_th"),
        "median_days": median_days_to_answer(qs),
    }


# -- suggestions to a district ------------------------------------------------------------


def suggestion_figures(*, subdistricts, dates: Dates) -> dict:
    """Suggestions sent in the period to the area's districts: ``received`` in all,
    ``published``, ``rejected``, ``pending`` (not moderated yet) and ``answered``. One query."""
    from common.history import end_of_day

    qs = Suggestion.objects.filter(created_at__date__range=dates)
    if subdistricts is not None:
        qs = qs.filter(district__in=_districts(subdistricts).values("pk"))
    return qs.aggregate(
        received=Count("pk"),
        published=Count("pk", filter=Q(status=SuggestionStatus.PUBLISHED)),
        rejected=Count("pk", filter=Q(status=SuggestionStatus.REJECTED)),
        pending=Count("pk", filter=Q(status=SuggestionStatus.PENDING)),
        answered=Count("pk", filter=Q(answered_at__lt=end_of_day(dates[1]))),
    )


__all__ = [
    "MEETINGS_EXPECTED_A_YEAR",
    "action_follow_up",
    "mechanism_meetings",
    "median_days_to_answer",
    "obstacle_figures",
    "suggestion_figures",
]


# The public: the open data -------------------------------------------------------------------


def open_meetings() -> QuerySet[Meeting]:
    """Published meetings for the open data (the public meeting list's rows, less a council
    meeting of a council that is not published), newest first. The minutes stay on the
    meeting's page; no names of people."""
    from councils.models import Council
    from councils.permissions import public_councils

    from .selectors import public_meetings

    councils = public_councils(Council.objects.all()).values("pk")
    return public_meetings().filter(Q(council__isnull=True) | Q(council__in=councils)).order_by("-date", "-id")


# -- figures for monitoring indicators ----------------------------------------------------


def meetings_held(*, subdistricts, dates: Dates) -> int:
    """Council meetings and district mechanism meetings held in the period in the area
    (minutes published or not). One query."""
    kinds = (MeetingKind.COUNCIL, MeetingKind.DISTRICT)
    qs = Meeting.objects.filter(kind__in=kinds, status__in=HELD, date__range=dates)
    return qs.filter(_meeting_in_area(subdistricts)).order_by().count()


def obstacles_answered_in_time(*, subdistricts, dates: Dates, days: int) -> tuple[int, int]:
    """(obstacles raised in the period that the agency first answered within ``days`` days,
    all obstacles raised in the period). One query."""
    in_time = Q(first_answered_at__isnull=False, first_answered_at__lte=F("created_at") + dt.timedelta(days=days))
    totals = (
        _obstacles(subdistricts, dates).order_by().aggregate(raised=Count("pk"), in_time=Count("pk", filter=in_time))
    )
    return totals["in_time"], totals["raised"]


# -- photos chosen for the annual report ----------------------------------------------------


def report_photos(*, subdistricts, fiscal_year: int, limit: int) -> list[dict]:
    """The photos chosen for the annual report (``in_report``) of ``fiscal_year``: the
    area's activities' (``councils.reporting.activity_report_photos``) and those of the
    meetings in the area held in the year, at most ``limit``, picked fairly across provinces
    and places (``councils.reporting.fair_pick``). Each a dict: ``id``, ``name`` (the stored
    file), ``caption``, ``date``, ``place`` (the council, or the district of a mechanism
    meeting or forum), ``place_key``, ``province``. Two queries."""
    chosen = councils_reporting.activity_report_photos(subdistricts=subdistricts, fiscal_year=fiscal_year)
    return councils_reporting.fair_pick(chosen + meeting_report_photos(subdistricts=subdistricts, fiscal_year=fiscal_year), limit)


def meeting_report_photos(*, subdistricts, fiscal_year: int) -> list[dict]:
    """Every photo chosen for the annual report of the meetings in the area held (minutes
    published or not) in ``fiscal_year``, as ``report_photos`` gives them. One query."""
    qs = (
        MeetingPhoto.objects.filter(
            _meeting_in_area(subdistricts, "meeting__"), in_report=True, meeting__status__in=HELD,
            meeting__date__range=fiscal_year_bounds(fiscal_year),
        )
        .order_by("pk")
        .values_list(
            "pk", "image", "caption", "meeting__date", "meeting__council__name", "meeting__council__subdistrict__code",
            "meeting__council__subdistrict__district__province__name_th", "meeting__district__name_th",
            "meeting__district__code", "meeting__district__province__name_th",
        )
    )  # fmt: skip
    out = []
    for pk, name, caption, date, council, tambon, council_province, district, district_code, province in qs:
        if council:
            place, key, province = council, tambon, council_province
        elif district:
            place, key = _("อำเภอ%(name)s") % {"name": district}, district_code
        else:
            place, key, province = _("ระดับประเทศ"), "~", ""  # a national consultation, after every area
        out.append(
            {"id": pk, "name": name, "caption": caption, "date": date, "place": place, "council": place,
             "place_key": key, "province": province}
        )  # fmt: skip
    return out
