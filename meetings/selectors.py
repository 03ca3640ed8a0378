"""Every read of the coordination app (obstacles and suggestions; the district mechanism,
meetings and their follow-up): scoped to the user, joined, ordered."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Case, Count, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.choices import Role
from accounts.scoping import scope_for
from agencies.selectors import agencies_near
from common.thai import fiscal_year_bounds
from councils.choices import ActivityKind
from councils.models import Activity, Council
from geo.models import District
from plans.models import PlanItem

from .choices import ActionStatus, AttendanceStatus, MeetingKind, MeetingStatus, SuggestionStatus
from .models import (
    ActionItem,
    AgendaItem,
    DistrictMechanism,
    Invitation,
    MechanismMember,
    Meeting,
    Obstacle,
    Resolution,
    Response,
    Suggestion,
)

OBSTACLE_JOINS = ("council__subdistrict__district__province", "agency", "theme")


def overdue_before(now: dt.datetime | None = None) -> dt.datetime:
    """Obstacles raised before this moment and still unanswered are overdue."""
    return (now or timezone.now()) - dt.timedelta(days=settings.OBSTACLE_ANSWER_DAYS)


def council_for_obstacle(*, user, code: str) -> Council:
    return Council.objects.visible_to(user).select_related("subdistrict__district").get(subdistrict__code=code)


def agencies_for_obstacle(*, council):
    return agencies_near(subdistrict=council.subdistrict)


def activities_for_obstacle(*, council) -> QuerySet[Activity]:
    return Activity.objects.filter(council=council).order_by("-date", "-pk")


def agenda_items_for_obstacle(*, council) -> QuerySet[AgendaItem]:
    """Agenda items of the meetings the council takes part in: its own council meetings and
    its district's mechanism meetings and forums (not cancelled), newest first."""
    district_id = council.subdistrict.district_id
    return (
        AgendaItem.objects.filter(
            Q(meeting__council=council)
            | Q(meeting__council__isnull=True, meeting__district_id=district_id,
                meeting__kind__in=(MeetingKind.DISTRICT, MeetingKind.FORUM))
        )
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .select_related("meeting")
        .order_by("-meeting__date", "-meeting_id", "order")
    )


def plan_items_for_obstacle(*, council) -> QuerySet[PlanItem]:
    return PlanItem.objects.filter(plan__council=council).select_related("plan").order_by("-plan__fiscal_year", "pk")


def _readable_q(user) -> Q:
    """The obstacles ``can_view_obstacle`` allows, as a Q (rows already in scope)."""
    scope = scope_for(user)
    if scope.has_role(Role.ADMINISTRATOR):
        return Q()
    q = Q(council_id__in=scope.council_ids) | Q(agency_id__in=scope.agency_ids)
    if scope.has_role(Role.DISTRICT_OFFICER):
        q |= Q(council__subdistrict__district_id__in=scope.district_ids)
    if scope.has_role(Role.CODI_STAFF):
        q |= scope.area_q("council__subdistrict")
    return q


def obstacles_for(*, user) -> QuerySet[Obstacle]:
    """The obstacles the user may read, newest first."""
    return Obstacle.objects.visible_to(user).filter(_readable_q(user)).select_related(*OBSTACLE_JOINS)


def obstacle_for(*, user, pk: int) -> Obstacle:
    """One obstacle inside the user's scope (Obstacle.DoesNotExist otherwise: a 404)."""
    return (
        Obstacle.objects.visible_to(user)
        .select_related(*OBSTACLE_JOINS, "activity", "plan_item", "raised_by")
        .get(pk=pk)
    )


def obstacle_responses(*, obstacle) -> QuerySet[Response]:
    return obstacle.responses.select_related("by").order_by("created_at", "pk")


def overdue_obstacles(*, district, now: dt.datetime | None = None) -> QuerySet[Obstacle]:
    return (
        Obstacle.objects.overdue(before=overdue_before(now))
        .filter(council__subdistrict__district=district)
        .select_related(*OBSTACLE_JOINS)
        .order_by("created_at", "pk")
    )


def overdue_to_notify(*, now: dt.datetime | None = None) -> QuerySet[Obstacle]:
    """Overdue obstacles whose district officers have not been told yet."""
    return Obstacle.objects.overdue(before=overdue_before(now)).filter(overdue_notified_at__isnull=True)


def overdue_obstacles_off_agenda(*, now: dt.datetime | None = None, district=None) -> QuerySet[Obstacle]:
    """Overdue obstacles not on the agenda of any meeting that is not cancelled (one put
    on a meeting later cancelled goes onto the next one), oldest first."""
    on_agenda = AgendaItem.objects.filter(obstacle__isnull=False).exclude(meeting__status=MeetingStatus.CANCELLED)
    qs = Obstacle.objects.overdue(before=overdue_before(now)).exclude(pk__in=on_agenda.values("obstacle_id"))
    if district is not None:
        qs = qs.filter(council__subdistrict__district=district)
    return qs.order_by("created_at", "pk")


def next_mechanism_meeting(*, district, today: dt.date) -> Meeting | None:
    """The district mechanism's next planned meeting (today or later), or None."""
    return (
        Meeting.objects.filter(
            kind=MeetingKind.DISTRICT, district=district, status=MeetingStatus.PLANNED, date__gte=today
        )
        .order_by("date", "start_time", "id")
        .first()
    )


def obstacles_for_agencies(*, agency_ids) -> QuerySet[Obstacle]:
    return (
        Obstacle.objects.filter(agency_id__in=agency_ids).select_related(*OBSTACLE_JOINS).order_by("created_at", "pk")
    )


# Suggestions ---------------------------------------------------------------------------------


def district_public(*, code: str) -> District:
    return District.objects.select_related("province").get(code=code)


def published_suggestions(*, district) -> QuerySet[Suggestion]:
    return Suggestion.objects.filter(district=district, status=SuggestionStatus.PUBLISHED).order_by(
        "-created_at", "-pk"
    )


def suggestions_for_moderation(*, district) -> QuerySet[Suggestion]:
    return (
        Suggestion.objects.filter(district=district).select_related("sender").order_by("status", "-created_at", "-pk")
    )


def suggestion_for_moderation(*, district, pk: int) -> Suggestion:
    return Suggestion.objects.select_related("district", "sender").get(district=district, pk=pk)


# The district mechanism and meetings ===========================================================

MEETING_ORDER = ("-date", "-start_time", "-id")  # GROUP BY queries drop Meta.ordering: say it
MEETING_JOINS = ("district__province", "council__subdistrict__district__province", "mechanism")


# The mechanism ---------------------------------------------------------------------------------


def mechanism_of(*, district) -> DistrictMechanism | None:
    return DistrictMechanism.objects.filter(district=district).first()


def mechanism_members(*, mechanism) -> QuerySet[MechanismMember]:
    """Every member, current terms first, with what each seat is linked to."""
    return mechanism.members.select_related("council", "agency", "user").order_by(
        "term_end", "role", "category", "full_name"
    )


def mechanism_member_for_edit(*, mechanism, pk: int) -> MechanismMember:
    return mechanism.members.select_related("mechanism__district").get(pk=pk)


# Meetings --------------------------------------------------------------------------------------


def meetings_visible_to(*, user) -> QuerySet[Meeting]:
    return Meeting.objects.select_related(*MEETING_JOINS).visible_to(user)


def meetings_of_district(*, user, district) -> QuerySet[Meeting]:
    """The district's mechanism meetings and forums, and its councils' meetings."""
    return (
        meetings_visible_to(user=user)
        .filter(district=district)
        .annotate(agenda_count=Count("agenda", distinct=True))
        .order_by(*MEETING_ORDER)
    )


def meetings_of_council(*, user, council) -> QuerySet[Meeting]:
    return (
        meetings_visible_to(user=user)
        .filter(council=council)
        .annotate(agenda_count=Count("agenda", distinct=True))
        .order_by(*MEETING_ORDER)
    )


def meeting_for_page(*, user, pk: int) -> Meeting:
    """A meeting the user may see: inside the scope, or published. Else DoesNotExist."""
    qs = Meeting.objects.select_related(*MEETING_JOINS)
    return qs.filter(Q(pk__in=Meeting.objects.visible_to(user).values("pk")) | Q(status=MeetingStatus.PUBLISHED)).get(
        pk=pk
    )


def meeting_in_scope(*, user, pk: int) -> Meeting:
    return meetings_visible_to(user=user).get(pk=pk)


def public_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.published().select_related(*MEETING_JOINS)


def public_meeting(*, pk: int) -> Meeting:
    return public_meetings().get(pk=pk)


def meeting_agenda(*, meeting) -> list[AgendaItem]:
    """The agenda in order, each item with its resolutions and their action items."""
    actions = ActionItem.objects.select_related("assignee_agency", "assignee_council").order_by("due_date", "id")
    resolutions = Resolution.objects.prefetch_related(Prefetch("actions", queryset=actions)).order_by("id")
    return list(meeting.agenda.prefetch_related(Prefetch("resolutions", queryset=resolutions)).order_by("order"))


def meeting_attendance(*, meeting) -> dict:
    """Who came, grouped as a Thai minutes lists them, and the quorum: more than half of
    the invited members present in person or by a representative."""
    rows = list(meeting.attendance.order_by("id"))
    invited = meeting.invitations.count()
    present = [r for r in rows if r.status in (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED)]
    return {
        "present": present,
        "absent": [r for r in rows if r.status == AttendanceStatus.ABSENT],
        "guests": [r for r in rows if r.status == AttendanceStatus.GUEST],
        "invited": invited,
        "present_count": len(present),
        "quorum_needed": invited // 2 + 1 if invited else 0,
        "has_quorum": bool(invited) and len(present) > invited / 2,
        "recorded": bool(rows),
    }


def meeting_invitations(*, meeting):
    return meeting.invitations.select_related("member").order_by("member__role", "member__full_name")


# Action items ----------------------------------------------------------------------------------


def action_for_page(*, user, pk: int) -> ActionItem:
    return (
        ActionItem.objects.visible_to(user)
        .select_related(
            "assignee_agency", "assignee_council__subdistrict",
            *(f"resolution__agenda_item__meeting__{j}" for j in MEETING_JOINS),
        )
        .get(pk=pk)
    )


def action_updates(*, action):
    return action.updates.select_related("by").order_by("-created_at", "-id")


def open_actions_of_district(*, user, district) -> QuerySet[ActionItem]:
    return (
        ActionItem.objects.visible_to(user)
        .filter(resolution__agenda_item__meeting__district=district)
        .filter(status__in=(ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
        .select_related("assignee_agency", "assignee_council", "resolution__agenda_item__meeting")
        .order_by("due_date", "id")
    )


# Figures ---------------------------------------------------------------------------------------


def _held_council_meetings(fiscal_year: int) -> QuerySet[Meeting]:
    start, end = fiscal_year_bounds(fiscal_year)
    return Meeting.objects.filter(
        kind=MeetingKind.COUNCIL, date__range=(start, end), status__in=(MeetingStatus.HELD, MeetingStatus.PUBLISHED)
    )


def _unlinked_meeting_activities(fiscal_year: int) -> QuerySet[Activity]:
    return Activity.objects.filter(kind=ActivityKind.COUNCIL_MEETING, fiscal_year=fiscal_year, meeting__isnull=True)


def _count_for_council(qs: QuerySet) -> Coalesce:
    """COUNT(*) of ``qs`` for the outer council (``OuterRef("pk")``), as a subquery."""
    counted = qs.filter(council=OuterRef("pk")).order_by().values("council").annotate(n=Count("*")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def council_meetings_held(*, council: Council, fiscal_year: int) -> int:
    """Council meetings held (or with minutes published) in the fiscal year: the figure
    councils are expected to reach four times a year. A council-meeting activity logged
    in the activity log and not (yet) made a Meeting counts too; one that was (migration
    0007 links it as ``source_activity``) counts once, as its meeting."""
    return (
        _held_council_meetings(fiscal_year).filter(council=council).count()
        + _unlinked_meeting_activities(fiscal_year).filter(council=council).count()
    )


def council_dashboard_figures(*, fiscal_year: int) -> dict:
    """What meetings adds to a council's dashboard (registered in MeetingsConfig.ready):
    the same count as council_meetings_held, as an expression of the dashboard's query."""
    return {
        "meetings_this_year": _count_for_council(_held_council_meetings(fiscal_year))
        + _count_for_council(_unlinked_meeting_activities(fiscal_year))
    }


def feed_meetings(*, district=None, council=None) -> QuerySet[Meeting]:
    """The public meetings of a district (its mechanism's, its forums and its councils') or
    of one council, for a calendar feed: only meetings whose minutes are published."""
    qs = Meeting.objects.select_related(*MEETING_JOINS).filter(status=MeetingStatus.PUBLISHED)
    if district is not None:
        qs = qs.filter(district=district)
    if council is not None:
        qs = qs.filter(council=council)
    return qs.order_by("-date", "-id")[:500]


# The agency inbox ------------------------------------------------------------------------------

ACTION_OPEN = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


def open_actions_for_agencies(*, agency_ids) -> QuerySet[ActionItem]:
    """The agencies' open and in-progress action items, overdue first (by due date, the
    oldest first), each with its meeting."""
    return (
        ActionItem.objects.filter(assignee_agency_id__in=agency_ids, status__in=ACTION_OPEN)
        .select_related("assignee_agency", "resolution__agenda_item__meeting__district")
        .order_by("due_date", "id")
    )


def invited_meetings_for_agencies(*, agency_ids, today: dt.date) -> QuerySet[Meeting]:
    """Meetings the agencies are invited to (a mechanism member's seat linked to the
    agency), not cancelled: upcoming ones first (soonest first), then past ones still
    carrying the agencies' overdue action items (latest first). Each is annotated with
    ``overdue_actions``: how many of those items are past their due date."""
    invited = Invitation.objects.filter(member__agency_id__in=agency_ids).values("meeting_id")
    overdue = (
        ActionItem.objects.filter(
            resolution__agenda_item__meeting=OuterRef("pk"), assignee_agency_id__in=agency_ids,
            status__in=ACTION_OPEN, due_date__lt=today,
        )
        .order_by()
        .values("resolution__agenda_item__meeting")
        .annotate(n=Count("*"))
        .values("n")[:1]
    )  # fmt: skip
    upcoming = Q(date__gte=today, status=MeetingStatus.PLANNED)
    return (
        Meeting.objects.filter(pk__in=invited)
        .exclude(status=MeetingStatus.CANCELLED)
        .annotate(overdue_actions=Coalesce(Subquery(overdue, output_field=IntegerField()), Value(0)))
        .filter(upcoming | Q(overdue_actions__gt=0))
        .annotate(upcoming=Case(When(upcoming, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .select_related("district", "council")
        .order_by("upcoming", Case(When(upcoming, then=F("date"))), "-date", "-id")
    )
