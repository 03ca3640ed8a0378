"""Every read of obstacles and suggestions: scoped to the user, joined, ordered."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.choices import Role
from accounts.scoping import scope_for
from agencies.selectors import agencies_near
from councils.models import Activity, Council
from geo.models import District
from plans.models import PlanItem

from .choices import SuggestionStatus
from .models import Obstacle, Response, Suggestion

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


def district_in_scope(*, user, code: str) -> District:
    """A district inside the user's scope (District.DoesNotExist otherwise: a 404)."""
    district = District.objects.select_related("province").get(code=code)
    if not scope_for(user).covers_district(district):
        raise District.DoesNotExist(code)
    return district


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
