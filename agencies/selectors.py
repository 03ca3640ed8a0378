"""Every read of agencies, missions and agreements.

Agencies and their missions are public information: the lists and pages read them for
everyone. An agreement's signed PDF is read through ``agreement_for_download``, which keeps
the scope (see ``agency_overlaps_scope``).
"""

from __future__ import annotations

import re

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When

from accounts.scoping import Scope, scope_for
from common.thai import current_fiscal_year
from geo.models import Subdistrict

from .choices import AreaLevel
from .models import Agency, CooperationAgreement, Mission

# Nearness of an agency to a tambon, the order the pickers offer them in.
NEAR_TAMBON, NEAR_DISTRICT, NEAR_PROVINCE, NEAR_NATIONAL, NEAR_OTHER_DISTRICT = range(5)
# (agencies_covering never offers a neighbour tambon's agency; agencies_near ranks it
# NEAR_DISTRICT, with its district.)


def _covering_q(subdistrict: Subdistrict) -> Q:
    """Agencies whose area covers the tambon: its own, its district's (district level),
    its province's (province level) and the national ones."""
    district = subdistrict.district
    return (
        Q(subdistrict_id=subdistrict.pk)
        | Q(district_id=district.pk, subdistrict__isnull=True)
        | Q(province_id=district.province_id, district__isnull=True)
        | Q(province__isnull=True)
    )


def _with_nearness(qs: QuerySet, subdistrict: Subdistrict) -> QuerySet:
    return qs.annotate(
        nearness=Case(
            When(subdistrict_id=subdistrict.pk, then=Value(NEAR_TAMBON)),
            When(district_id=subdistrict.district_id, then=Value(NEAR_DISTRICT)),
            When(province__isnull=True, then=Value(NEAR_NATIONAL)),
            When(district__isnull=True, then=Value(NEAR_PROVINCE)),
            default=Value(NEAR_OTHER_DISTRICT),
            output_field=IntegerField(),
        )
    ).order_by("nearness", "district__code", "name", "pk")


def agencies_covering(*, subdistrict: Subdistrict) -> QuerySet[Agency]:
    """The agencies whose area covers the tambon, the nearest first (tambon, district,
    province, national), each with ``nearness``."""
    return _with_nearness(Agency.objects.filter(_covering_q(subdistrict)).select_related("district"), subdistrict)


def agencies_near(*, subdistrict: Subdistrict) -> QuerySet[Agency]:
    """What a council of the tambon may name (its activities' agencies): the agencies whose
    area covers it and the other agencies of its province (a neighbour's agency may take
    part in an activity), each with ``nearness``: its tambon's, its district's (the
    district-level ones and those of its neighbour tambons), province-level, national,
    then those of the province's other districts."""
    province_id = subdistrict.district.province_id
    return _with_nearness(
        Agency.objects.filter(_covering_q(subdistrict) | Q(province_id=province_id)).select_related("district"),
        subdistrict,
    )


def local_governments_for(*, subdistrict: Subdistrict) -> QuerySet[Agency]:
    """Local governments a council of this tambon may name as its LAO: those of its
    district, and the provincial one (อบจ.)."""
    return (
        Agency.objects.local_governments()
        .filter(province_id=subdistrict.district.province_id)
        .filter(Q(district_id=subdistrict.district_id) | Q(district__isnull=True))
        .order_by("name", "pk")
    )


def agency_names(ids) -> dict[int, str]:
    ids = set(ids)
    return dict(Agency.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}


# Lists and pages --------------------------------------------------------------------------

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def search_words(value: str) -> list[str]:
    """Thai has no spaces between words: each word a person separates is a substring to
    find. Zero-width characters dropped; SARA AM typed as two characters made one."""
    value = _INVISIBLE.sub("", value or "").replace("\u0e4d\u0e32", "\u0e33")
    return [word for word in value.split() if word]


def search_names(qs: QuerySet, value: str) -> QuerySet:
    """Rows whose name holds every word of ``value``."""
    for word in search_words(value):
        qs = qs.filter(name__icontains=word)
    return qs



def agency_list(
    *, kind: str = "", province_code: str = "", district_code: str = "", search: str = ""
) -> QuerySet[Agency]:
    """Agencies by kind, province (its agencies at every level inside it), district and
    Thai substrings of the name (every word given), national ones first, then by name."""
    qs = Agency.objects.select_related("province", "district", "subdistrict")
    if kind:
        qs = qs.filter(kind=kind)
    if province_code:
        qs = qs.filter(province__code=province_code)
    if district_code:
        qs = qs.filter(district__code=district_code)
    qs = search_names(qs, search)
    return qs.order_by(Case(When(province__isnull=True, then=Value(0)), default=Value(1)), "name", "pk")


def agency_detail(*, pk) -> Agency:
    return Agency.objects.select_related("province", "district", "subdistrict").get(pk=pk)


def missions_of(*, agency: Agency, fiscal_year: int | None = None) -> QuerySet[Mission]:
    """The agency's missions, the given (by default the current) fiscal year first."""
    return (
        Mission.objects.filter(agency=agency)
        .select_related("theme")
        .for_fiscal_year_first(fiscal_year or current_fiscal_year())
    )


def agreements_of(*, agency: Agency) -> QuerySet[CooperationAgreement]:
    """Agreements the agency made or joined, the newest signed first."""
    return (
        CooperationAgreement.objects.filter(Q(agency=agency) | Q(other_agencies=agency))
        .distinct()
        .select_related("agency", "province", "district")
        .prefetch_related(Prefetch("other_agencies", queryset=Agency.objects.order_by("name", "pk")))
        .order_by("-signed_on", "title", "pk")
    )


def mission_for_edit(*, agency: Agency, pk) -> Mission:
    return Mission.objects.select_related("agency", "theme").get(agency=agency, pk=pk)


def agreement_for_edit(*, agency: Agency, pk) -> CooperationAgreement:
    return CooperationAgreement.objects.select_related("agency").get(agency=agency, pk=pk)


def missions_for_api() -> QuerySet[Mission]:
    return Mission.objects.select_related("agency", "theme").order_by("-fiscal_year", "agency__name", "title", "pk")


def agreements_for_api() -> QuerySet[CooperationAgreement]:
    return (
        CooperationAgreement.objects.select_related("agency", "province", "district")
        .prefetch_related(Prefetch("other_agencies", queryset=Agency.objects.order_by("name", "pk")))
        .order_by("-signed_on", "title", "pk")
    )


# The scope of an agreement's file ---------------------------------------------------------


def agency_overlaps_scope(*, scope: Scope, agency: Agency) -> bool:
    """Whether the agency's area meets the scope: a national agency meets every signed-in
    user's; otherwise the scope covers the agency's area, or holds a part of it (a
    council's staff meet their district office and their province's offices). At most one
    query (the tambons of the scope, for a district or province agency)."""
    if scope.is_empty:
        return False
    if scope.national or agency.pk in scope.agency_ids:
        return True
    level = agency.area_level
    if level == AreaLevel.NATIONAL:
        return True
    if level == AreaLevel.TAMBON:
        return scope.covers_subdistrict(agency.subdistrict)
    if level == AreaLevel.DISTRICT:
        if scope.covers_district(agency.district):
            return True
        return Subdistrict.objects.filter(pk__in=scope.subdistrict_ids, district_id=agency.district_id).exists()
    if scope.covers_province(agency.province_id):
        return True
    return (
        Subdistrict.objects.filter(pk__in=scope.subdistrict_ids, district__province_id=agency.province_id).exists()
        or agency.province.districts.filter(pk__in=scope.district_ids).exists()
    )


def agreement_for_download(*, user, pk) -> CooperationAgreement:
    """An agreement with a file the user may fetch: a public one for everyone, otherwise
    only for signed-in users whose scope meets the agency's area (DoesNotExist, a 404,
    for anyone else)."""
    agreement = (
        CooperationAgreement.objects.select_related(
            "agency__province", "agency__district__province", "agency__subdistrict__district"
        )
        .exclude(file="")
        .get(pk=pk)
    )
    if agreement.is_public or agency_overlaps_scope(scope=scope_for(user), agency=agreement.agency):
        return agreement
    raise CooperationAgreement.DoesNotExist
