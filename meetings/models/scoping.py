"""How a meeting-side row is narrowed to a user's scope.

A mechanism and its meetings belong to a district (a national consultation to none), a
council meeting to a council's tambon: the Q below matches a row when the user's scope
covers its district (or province), or covers the tambon of its council, or when the
user's agency holds a seat invited to the meeting. A national scope sees everything. Rows outside the scope are not in the queryset: a 404.
"""

from django.apps import apps
from django.db.models import Q, QuerySet

from accounts.scoping import scope_for


def meeting_scope_q(scope, prefix: str = "") -> Q:
    """``prefix`` is the lookup path from the queryset's model to a Meeting ('' for one)."""
    if scope.national:
        return Q()
    q = Q(pk__in=[])
    if scope.province_ids:
        q |= Q(**{f"{prefix}district__province_id__in": scope.province_ids})
    if scope.district_ids:
        q |= Q(**{f"{prefix}district_id__in": scope.district_ids})
    if scope.subdistrict_ids:
        q |= Q(**{f"{prefix}council__subdistrict_id__in": scope.subdistrict_ids})
    if scope.agency_ids:  # a meeting the user's agency is invited to (a mechanism seat)
        invitation = apps.get_model("meetings", "Invitation")  # meeting.py imports this module
        invited = invitation.objects.filter(member__agency_id__in=scope.agency_ids).values("meeting_id")
        q |= Q(**{f"{prefix}pk__in": invited})
    return q


class DistrictScopedQuerySet(QuerySet):
    """Rows of one district (``district_path``): seen by whoever's scope covers it."""

    district_path = "district"

    def visible_to(self, user) -> QuerySet:
        scope = scope_for(user)
        if scope.national:
            return self
        q = Q(pk__in=[])
        if scope.province_ids:
            q |= Q(**{f"{self.district_path}__province_id__in": scope.province_ids})
        if scope.district_ids:
            q |= Q(**{f"{self.district_path}_id__in": scope.district_ids})
        return self.filter(q)


class MeetingScopedQuerySet(QuerySet):
    """Rows of a meeting (``meeting_path``, '' for a Meeting itself)."""

    meeting_path = ""

    def visible_to(self, user) -> QuerySet:
        return self.filter(meeting_scope_q(scope_for(user), self.meeting_path))
