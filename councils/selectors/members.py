"""Reads of council members and the people behind them, scoped to the user.

Who may do what with members (PDPA: the fewest people see personal data):
- view a council's members: its own staff, district officers and CODI staff in scope
  (agency staff are refused even inside their area);
- manage (add, edit, end terms, set the national ID, export, erase): the council's own
  staff and CODI staff in scope;
- reveal a national ID in full: ``scope.can_reveal_national_id()`` (CODI) in scope.
Outside the scope a council or person is not found (404); inside, refused (403).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from accounts.choices import Role
from accounts.scoping import Scope, scope_for

from ..choices import MemberPosition
from ..models import CommunityOrganization, Council, CouncilMember, NationalIdReveal, Person
from .councils import councils_visible_to

MEMBER_VIEW_ROLES = (Role.COUNCIL_STAFF, Role.DISTRICT_OFFICER, Role.CODI_STAFF, Role.ADMINISTRATOR)
POSITION_ORDER = [choice.value for choice in MemberPosition]
COUNCIL_JOINS = ("council__subdistrict__district__province",)


# Permissions (answer from what is already loaded: no queries when the council is joined) ----


def council_in_scope(scope: Scope, council: Council) -> bool:
    """The same test as Scope.area_q, in Python, for one council."""
    if scope.national:
        return True
    subdistrict = council.subdistrict
    return (
        subdistrict.pk in scope.subdistrict_ids
        or subdistrict.district_id in scope.district_ids
        or subdistrict.district.province_id in scope.province_ids
    )


def can_view_members(*, user, council: Council) -> bool:
    scope = scope_for(user)
    return scope.has_role(*MEMBER_VIEW_ROLES) and council_in_scope(scope, council)


def can_manage_members(*, user, council: Council) -> bool:
    scope = scope_for(user)
    return scope.can_edit_council(council) or (scope.is_codi() and council_in_scope(scope, council))


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


def can_view_person(*, user, person: Person) -> bool:
    scope = scope_for(user)
    if not scope.has_role(*MEMBER_VIEW_ROLES):
        return False
    councils = person_councils(person)
    return any(council_in_scope(scope, c) for c in councils) if councils else scope.national


def can_manage_person(*, user, person: Person) -> bool:
    """Edit the person, set the ID, export: allowed to manage at least one of their councils."""
    councils = person_councils(person)
    if not councils:
        return scope_for(user).is_codi() and scope_for(user).national
    return any(can_manage_members(user=user, council=c) for c in councils)


def can_erase_person(*, user, person: Person) -> bool:
    """Erasure removes every term, so the user must be allowed to manage all of them."""
    councils = person_councils(person)
    if not councils:
        return scope_for(user).is_codi() and scope_for(user).national
    return all(can_manage_members(user=user, council=c) for c in councils)


def can_reveal_national_id(*, user, person: Person) -> bool:
    scope = scope_for(user)
    if not scope.can_reveal_national_id():
        return False
    councils = person_councils(person)
    return any(council_in_scope(scope, c) for c in councils) if councils else scope.national


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
    scope = scope_for(user)
    qs = CouncilMember.objects.select_related("person", "organization", *COUNCIL_JOINS)
    if not scope.has_role(*MEMBER_VIEW_ROLES):
        return qs.none()
    return scope.restrict(qs, subdistrict="council__subdistrict").order_by(
        "council__subdistrict__code", "-term_start", "pk"
    )


def member_for_edit(*, user, council: Council, pk: int) -> CouncilMember:
    """One term on a council the caller already found in scope. Else DoesNotExist (404)."""
    return council.members.select_related("person", "organization", *COUNCIL_JOINS).get(pk=pk)


def member_visible(*, user, pk: int) -> CouncilMember:
    return members_visible_to(user=user).get(pk=pk)


def _terms_prefetch() -> Prefetch:
    return Prefetch(
        "terms",
        queryset=CouncilMember.objects.select_related("organization", *COUNCIL_JOINS).order_by("-term_start", "pk"),
    )


def people_in_scope(*, user) -> QuerySet[Person]:
    """People with a term on a council in the user's scope (view rights checked by the
    caller: inside the scope but not allowed is a 403, not a 404)."""
    scope = scope_for(user)
    if scope.national:
        return Person.objects.prefetch_related(_terms_prefetch())
    ids = scope.restrict(CouncilMember.objects.all(), subdistrict="council__subdistrict").values("person_id")
    return Person.objects.filter(pk__in=ids).prefetch_related(_terms_prefetch())


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
