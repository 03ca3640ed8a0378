"""The one scoping mechanism: which areas and agencies a user covers, as plain data.

A Scope answers generic questions only (``covers_subdistrict``, ``covers_district``,
``has_role``). The rules built on them ("council staff may edit their own council's
activities") live once each in the app's ``permissions.py``. Querysets know their own path
to an area (``ScopedQuerySet.area_path``), so ``Activity.objects.visible_to(user)`` narrows
to the scope and no caller writes a lookup string. Objects outside the scope are simply
not in the queryset, so looking one up answers 404; an action a rule refuses inside the
scope answers 403 (``PermissionDenied``).

A scope is a union of areas (provinces, districts, subdistricts) plus agencies:
- council staff:     the subdistrict of their council
- district officer:  their district
- agency staff:      their agency, and the area the agency serves; staff of a national
                     agency (a central department, no province) read the whole country,
                     but the rules let them act only on their own agency's records
                     (``agency_ids``), never on councils' records
- CODI staff:        the provinces assigned, or the whole country when none are
- administrator:     the whole country
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from .choices import Role


@dataclass(frozen=True)
class Scope:
    national: bool = False
    province_ids: frozenset[int] = field(default_factory=frozenset)
    district_ids: frozenset[int] = field(default_factory=frozenset)
    subdistrict_ids: frozenset[int] = field(default_factory=frozenset)
    agency_ids: frozenset[int] = field(default_factory=frozenset)
    council_ids: frozenset[int] = field(default_factory=frozenset)
    roles: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_empty(self) -> bool:
        return not (
            self.national
            or self.province_ids
            or self.district_ids
            or self.subdistrict_ids
            or self.agency_ids
        )

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    def area_q(self, subdistrict: str) -> Q:
        """A Q matching rows whose subdistrict (at the lookup path given) is in scope."""
        if self.national:
            return Q()
        q = Q(pk__in=[])
        if self.province_ids:
            q |= Q(**{f"{subdistrict}__district__province_id__in": self.province_ids})
        if self.district_ids:
            q |= Q(**{f"{subdistrict}__district_id__in": self.district_ids})
        if self.subdistrict_ids:
            q |= Q(**{f"{subdistrict}_id__in": self.subdistrict_ids})
        return q

    def restrict(self, qs: QuerySet, *, subdistrict: str | None = None, agency: str | None = None) -> QuerySet:
        """Narrow ``qs`` to the scope. ``subdistrict`` and ``agency`` are lookup paths
        from the queryset's model to a Subdistrict and to an Agency."""
        if self.national:
            return qs
        q = Q(pk__in=[])
        if subdistrict is not None:
            q |= self.area_q(subdistrict)
        if agency is not None and self.agency_ids:
            q |= Q(**{f"{agency}_id__in": self.agency_ids})
        return qs.filter(q)

    def is_codi(self) -> bool:
        """CODI staff or an administrator."""
        return self.has_role(Role.CODI_STAFF, Role.ADMINISTRATOR)

    # Generic area tests: the same answer as area_q, in Python, for one loaded object ----
    def covers_province(self, province_id: int) -> bool:
        return self.national or province_id in self.province_ids

    def covers_district(self, district) -> bool:
        """``district`` is a geo District (its province_id is read, no query)."""
        return self.national or district.pk in self.district_ids or district.province_id in self.province_ids

    def covers_subdistrict(self, subdistrict) -> bool:
        """``subdistrict`` is a geo Subdistrict with its district loaded."""
        if self.national or subdistrict.pk in self.subdistrict_ids:
            return True
        return self.covers_district(subdistrict.district)

    def covers_agency(self, agency_id: int) -> bool:
        return self.national or agency_id in self.agency_ids


ANONYMOUS = Scope()


def build_scope(user) -> Scope:
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    if user.is_superuser:
        return Scope(national=True, roles=frozenset({Role.ADMINISTRATOR}))
    national = False
    provinces: set[int] = set()
    districts: set[int] = set()
    subdistricts: set[int] = set()
    agencies: set[int] = set()
    councils: set[int] = set()
    roles: set[str] = set()
    assignments = user.role_assignments.select_related("council", "agency").prefetch_related(
        "provinces"
    )
    for a in assignments:
        roles.add(a.role)
        if a.role == Role.ADMINISTRATOR:
            national = True
        elif a.role == Role.CODI_STAFF:
            ids = {p.pk for p in a.provinces.all()}
            if ids:
                provinces |= ids
            else:
                national = True
        elif a.role == Role.DISTRICT_OFFICER:
            districts.add(a.district_id)
        elif a.role == Role.COUNCIL_STAFF:
            councils.add(a.council_id)
            subdistricts.add(a.council.subdistrict_id)
        elif a.role == Role.AGENCY_STAFF:
            agencies.add(a.agency_id)
            agency = a.agency
            if agency.subdistrict_id:
                subdistricts.add(agency.subdistrict_id)
            elif agency.district_id:
                districts.add(agency.district_id)
            elif agency.province_id:
                provinces.add(agency.province_id)
            else:  # a national agency: reads the whole country (acts on its own records only)
                national = True
    return Scope(
        national=national,
        province_ids=frozenset(provinces),
        district_ids=frozenset(districts),
        subdistrict_ids=frozenset(subdistricts),
        agency_ids=frozenset(agencies),
        council_ids=frozenset(councils),
        roles=frozenset(roles),
    )


def scope_for(user) -> Scope:
    """The user's scope, computed once per user object (so once per request)."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, "_portal_scope", None)
    if cached is None:
        cached = build_scope(user)
        user._portal_scope = cached
    return cached


class ScopedQuerySet(QuerySet):
    """A queryset that knows its own path to an area: ``area_path`` is the lookup from the
    model to its geo Subdistrict, ``agency_path`` (optional) the lookup to an Agency whose
    staff also see the row. ``visible_to(user)`` keeps the rows inside the user's scope."""

    area_path: str = ""
    agency_path: str | None = None

    def visible_to(self, user) -> QuerySet:
        return scope_for(user).restrict(self, subdistrict=self.area_path, agency=self.agency_path)

    def in_subdistricts(self, subdistricts) -> QuerySet:
        """The rows whose subdistrict is among ``subdistricts`` (ids, or a subquery of them
        such as a report's area); every row when None (the whole country)."""
        return self if subdistricts is None else self.filter(**{f"{self.area_path}__in": subdistricts})
