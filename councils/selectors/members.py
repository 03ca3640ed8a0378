"""Reads of council members and the people behind them, scoped to the user.

Who may do what with them is in ``councils.permissions``. Outside the scope a council or
person is not found (404); inside, a refused rule is a 403. A person's terms on councils
outside the viewer's scope are never shown (PDPA: the least needed).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from accounts.scoping import scope_for

from ..choices import MemberPosition
from ..models import CommunityOrganization, Council, CouncilMember, NationalIdReveal, Person
from ..permissions import MEMBER_VIEW_ROLES
from .councils import councils_visible_to

POSITION_ORDER = [choice.value for choice in MemberPosition]
COUNCIL_JOINS = ("council__subdistrict__district__province",)


def person_terms(person: Person) -> list[CouncilMember]:
    """A person's terms with their councils joined: the prefetched ones (person_for_page)
    when there, else one query."""
    cache = getattr(person, "_prefetched_objects_cache", {})
    if "terms" in cache:
        return list(cache["terms"])
    qs = CouncilMember.objects.filter(person=person).select_related("organization", *COUNCIL_JOINS)
    return list(qs.order_by("-term_start", "pk"))


def person_councils(person: Person) -> list[Council]:
    return [term.council for term in person_terms(person)]


# Reads -------------------------------------------------------------------------------------


def is_current(member: CouncilMember, today: dt.date | None = None) -> bool:
    """Current term: no end date yet, or it ends today or later."""
    today = today or timezone.localdate()
    return member.term_end is None or member.term_end >= today


def _position_rank():
    return Case(
        *[When(position=value, then=Value(rank)) for rank, value in enumerate(POSITION_ORDER)],
        default=Value(len(POSITION_ORDER)),
        output_field=IntegerField(),
    )


def current_q(today: dt.date | None = None) -> Q:
    today = today or timezone.localdate()
    return Q(term_end__isnull=True) | Q(term_end__gte=today)


def council_for_members(*, user, code: str) -> Council:
    """A council whose members page the user may open (view rights checked by the caller).
    Outside the scope: Council.DoesNotExist (404)."""
    return councils_visible_to(user=user).get(subdistrict__code=code)


def council_members(*, council: Council) -> QuerySet[CouncilMember]:
    """Every term on one council, current and past, joined for the list, in position order."""
    return (
        council.members.select_related("person", "organization")
        .annotate(position_rank=_position_rank())
        .order_by("position_rank", "person__full_name", "-term_start", "pk")
    )


def split_current_past(members, today: dt.date | None = None) -> tuple[list, list]:
    today = today or timezone.localdate()
    current, past = [], []
    for member in members:
        (current if is_current(member, today) else past).append(member)
    past.sort(key=lambda m: (m.term_end, m.term_start), reverse=True)
    return current, past


def members_visible_to(*, user) -> QuerySet[CouncilMember]:
    """Terms on councils the user may view members of (the API list)."""
    if not scope_for(user).has_role(*MEMBER_VIEW_ROLES):
        return CouncilMember.objects.none()
    return (
        CouncilMember.objects.visible_to(user)
        .select_related("person", "organization", *COUNCIL_JOINS)
        .order_by("council__subdistrict__code", "-term_start", "pk")
    )


def member_for_edit(*, user, council: Council, pk: int) -> CouncilMember:
    """One term on a council the caller already found in scope. Else DoesNotExist (404)."""
    return council.members.select_related("person", "organization", *COUNCIL_JOINS).get(pk=pk)


def member_visible(*, user, pk: int) -> CouncilMember:
    return members_visible_to(user=user).get(pk=pk)


def member_in_scope(*, user, pk: int) -> CouncilMember:
    """One term on a council inside the user's scope, whatever their role (whether they may
    see it is the rule's question: 403, not 404). DoesNotExist outside the scope."""
    return CouncilMember.objects.visible_to(user).select_related("person", "organization", *COUNCIL_JOINS).get(pk=pk)


def _terms_prefetches(user) -> list[Prefetch]:
    """Every term (``person.terms``: the rules need all of them, e.g. erasure) and the terms
    the viewer may see (``person.visible_terms``: what pages, the API and exports show)."""
    terms = CouncilMember.objects.select_related("organization", *COUNCIL_JOINS).order_by("-term_start", "pk")
    return [
        Prefetch("terms", queryset=terms),
        Prefetch("terms", queryset=terms.visible_to(user), to_attr="visible_terms"),
    ]


def people_in_scope(*, user) -> QuerySet[Person]:
    """People with a term on a council in the user's scope (view rights checked by the
    caller: inside the scope but not allowed is a 403, not a 404)."""
    return Person.objects.visible_to(user).prefetch_related(*_terms_prefetches(user))


def person_terms_visible(*, person: Person, user) -> list[CouncilMember]:
    """The person's terms on councils inside the viewer's scope, newest first."""
    if hasattr(person, "visible_terms"):
        return list(person.visible_terms)
    qs = CouncilMember.objects.visible_to(user).filter(person=person)
    return list(qs.select_related("organization", *COUNCIL_JOINS).order_by("-term_start", "pk"))


def people_visible_to(*, user) -> QuerySet[Person]:
    """People whose data the user may view (the API)."""
    if not scope_for(user).has_role(*MEMBER_VIEW_ROLES):
        return Person.objects.none()
    return people_in_scope(user=user)


def person_for_page(*, user, pk: int) -> Person:
    """A person with their terms (councils joined). Outside the scope: Person.DoesNotExist."""
    return people_in_scope(user=user).get(pk=pk)


def person_reveals(*, person: Person, limit: int = 20) -> QuerySet[NationalIdReveal]:
    return person.reveals.select_related("revealed_by").order_by("-revealed_at", "-pk")[:limit]


def organizations_for_council(*, council: Council) -> QuerySet[CommunityOrganization]:
    return CommunityOrganization.objects.filter(council=council).order_by("name")
