"""Reads behind the review page's suggestions: a district's candidate LAO projects and
agency missions, its councils' villages, turned into the matcher's plain data.

``suggestion_pool`` reads in five queries whatever the district's size (the district's LAOs,
their projects' fingerprint, projects with their budget years, missions, villages), four
once this process has read the district's projects for those years (``_district_projects``);
``suggestions_for_items`` ranks a page of items against it. The district is already inside
the user's scope (the view asked first)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.db.models import Count, Max, Q

from agencies.choices import LOCAL_GOVERNMENT_KINDS
from agencies.models import Agency, Mission
from councils.models import CommunityOrganization

from .. import matching
from ..matching.rank import YEAR_WINDOW
from ..models import LocalPlanProject, PlanItem


@dataclass
class SuggestionPool:
    candidates: list[matching.CandidateDoc]
    context: matching.Context


def _area_q(prefix: str, district) -> Q:
    """Agencies whose area covers some tambon of ``district``: the district's own tambons,
    the district itself, its province, or (``national``) the whole country."""
    return (
        Q(**{f"{prefix}subdistrict__district": district})
        | Q(**{f"{prefix}subdistrict__isnull": True, f"{prefix}district": district})
        | Q(**{f"{prefix}district__isnull": True, f"{prefix}province_id": district.province_id})
    )


def _window(fiscal_years) -> set[int]:
    return {y + k for y in fiscal_years for k in range(-YEAR_WINDOW, YEAR_WINDOW + 1)}


def _district_laos(district) -> tuple[tuple[int, ...], object]:
    """The LAOs whose area covers some tambon of ``district``: their ids and latest
    ``updated_at`` (a renamed LAO changes its candidates' owner name). One query, a UNION of
    the tambon route and the district/province route so each runs on its own index: the OR
    of both over a join to every tambon was a sequential scan of the agencies (11 ms of the
    national page's 25 ms fingerprint)."""
    kinds = Agency.objects.filter(kind__in=LOCAL_GOVERNMENT_KINDS).order_by()
    by_tambon = kinds.filter(subdistrict__district=district)
    wider = kinds.filter(
        Q(subdistrict__isnull=True, district=district) | Q(district__isnull=True, province_id=district.province_id)
    )
    rows = list(by_tambon.values_list("pk", "updated_at").union(wider.values_list("pk", "updated_at")))
    return tuple(sorted(pk for pk, _ in rows)), max((changed for _, changed in rows), default=None)


# The district's candidate projects, per process: {(district pk, years): (fingerprint, docs)}.
# Reading ~3,000 projects with their texts is most of a page's time at national size; the
# fingerprint (the district's LAOs, then one aggregate over their projects) says whether they
# changed. Projects are never edited in place (an amendment adds a new one and supersedes the
# old, with its budget lines), so their count, current count and latest updated_at, with the
# LAOs' ids and latest updated_at, change whenever the candidates would.
_PROJECTS: OrderedDict = OrderedDict()
_PROJECTS_MAX = 64
_PROJECTS_LOCK = threading.Lock()


def forget_district_projects() -> None:
    """Empty the per-process memo (tests that count queries start from a cold process)."""
    with _PROJECTS_LOCK:
        _PROJECTS.clear()


def _projects_fingerprint(lao_ids: tuple[int, ...], lao_changed) -> tuple:
    """Counts (of ``lao``, never null) and ``MAX(updated_at)`` over the index on
    (lao, updated_at) that carries ``superseded_by`` read only the index (0.8 ms for
    a district's 6,000 projects at national size, 18 ms through the table)."""
    row = LocalPlanProject.objects.filter(lao_id__in=lao_ids).aggregate(
        n=Count("lao"), current=Count("lao", filter=Q(superseded_by__isnull=True)), changed=Max("updated_at"),
    )
    return (lao_ids, lao_changed, row["n"], row["current"], row["changed"])


def _district_projects(district, years: set[int]) -> list[matching.CandidateDoc]:
    """The district's current LAO projects budgeted in ``years``, as the matcher's data:
    two queries (the LAOs, the fingerprint) when this process already read them unchanged,
    three otherwise."""
    key = (district.pk, frozenset(years))
    lao_ids, lao_changed = _district_laos(district)
    if not lao_ids:
        return []
    fingerprint = _projects_fingerprint(lao_ids, lao_changed)
    with _PROJECTS_LOCK:
        hit = _PROJECTS.get(key)
        if hit is not None and hit[0] == fingerprint:
            _PROJECTS.move_to_end(key)
            return hit[1]
    # One row per project and budgeted year in the window (the join is the filter).
    rows = (
        LocalPlanProject.objects.current()
        .filter(lao_id__in=lao_ids, budgets__fiscal_year__in=years)
        .values(
            "pk", "title", "objective", "target", "location", "theme_id", "budget", "lao_id", "lao__name",
            "lao__subdistrict_id", "lao__district_id", "lao__province_id", "budgets__fiscal_year",
        )
        .order_by()
    )
    budget_years: dict[int, set[int]] = {}
    projects = {}
    for row in rows:
        budget_years.setdefault(row["pk"], set()).add(row["budgets__fiscal_year"])
        projects.setdefault(row["pk"], row)
    candidates = [
        matching.CandidateDoc(
            kind=matching.PROJECT, key=p["pk"], title=p["title"],
            text=" ".join(filter(None, (p["objective"], p["target"], p["location"]))),
            theme_id=p["theme_id"], years=frozenset(budget_years[p["pk"]]), budget=float(p["budget"] or 0),
            owner_id=p["lao_id"], owner_name=p["lao__name"], tambon_id=p["lao__subdistrict_id"],
            district_id=p["lao__district_id"], province_id=p["lao__province_id"],
        )
        for p in projects.values()
    ]
    with _PROJECTS_LOCK:
        _PROJECTS[key] = (fingerprint, candidates)
        _PROJECTS.move_to_end(key)
        while len(_PROJECTS) > _PROJECTS_MAX:
            _PROJECTS.popitem(last=False)
    return candidates


def suggestion_pool(*, district, fiscal_years) -> SuggestionPool:
    """The district's LAO projects (current, budgeted within the year window of any of
    ``fiscal_years``), the missions of agencies covering its tambons, and its villages."""
    candidates = list(_district_projects(district, _window(fiscal_years)))
    missions = (
        Mission.objects.filter(
            _area_q("agency__", district) | Q(agency__province__isnull=True),
            fiscal_year__in={y + k for y in fiscal_years for k in range(-YEAR_WINDOW, 1)},
        )
        .values(
            "pk", "title", "description", "theme_id", "fiscal_year", "budget_amount", "agency_id", "agency__name",
            "agency__subdistrict_id", "agency__district_id", "agency__province_id",
        )
        .order_by()
    )
    candidates += [
        matching.CandidateDoc(
            kind=matching.MISSION, key=m["pk"], title=m["title"], text=m["description"], theme_id=m["theme_id"],
            years=frozenset([m["fiscal_year"]]), budget=float(m["budget_amount"] or 0), owner_id=m["agency_id"],
            owner_name=m["agency__name"], tambon_id=m["agency__subdistrict_id"],
            district_id=m["agency__district_id"], province_id=m["agency__province_id"],
        )
        for m in missions
    ]
    context = matching.Context()
    villages = (
        CommunityOrganization.objects.filter(council__subdistrict__district=district)
        .exclude(village_code="")
        .values_list("council__subdistrict_id", "village_code", "village_name")
        .order_by()  # the model's ordering (code) would make DISTINCT one row per organization
        .distinct()
    )
    for tambon_id, code, name in villages:
        name = (name or "").strip().removeprefix("บ้าน").strip()
        if name and code[-2:].isdigit():
            context.villages.setdefault(tambon_id, {}).setdefault(int(code[-2:]), name)
    return SuggestionPool(candidates=candidates, context=context)


def item_doc(item: PlanItem) -> matching.ItemDoc:
    """A plan item loaded with ``plan__council__subdistrict__district``."""
    tambon = item.plan.council.subdistrict
    return matching.ItemDoc(
        key=item.pk,
        title=item.title,
        text=" ".join(filter(None, (item.description, item.target_group, item.location))),
        theme_id=item.theme_id,
        fiscal_year=item.plan.fiscal_year,
        budget=float(item.budget_needed or 0),
        area=matching.Area(tambon_id=tambon.pk, district_id=tambon.district_id, province_id=tambon.district.province_id),
        target_agency_id=item.target_agency_id,
    )


def suggestions_for_items(*, items, pool: SuggestionPool, limit: int = 3) -> dict[int, list[matching.Suggestion]]:
    """{item pk: the ``limit`` best suggestions}, for items already loaded (no query)."""
    return matching.suggest([item_doc(i) for i in items], pool.candidates, context=pool.context, limit=limit)


def lao_projects_search(*, district, query: str, limit: int = 20):
    """The district's current LAO projects whose title, objective or place contains every
    word of ``query`` (the reviewer's search when no suggestion fits). One query."""
    qs = LocalPlanProject.objects.current().select_related("lao").filter(
        _area_q("lao__", district), lao__kind__in=LOCAL_GOVERNMENT_KINDS
    )
    terms = [t for t in (query or "").split() if t][:5]
    if not terms:
        return []
    for term in terms:
        qs = qs.filter(Q(title__icontains=term) | Q(objective__icontains=term) | Q(location__icontains=term))
    return list(qs.order_by("-fiscal_year", "lao__name", "title")[:limit])


def tambon_laos(*, district) -> dict[int, Agency]:
    """{tambon id: its own LAO} for the district's tambons (the budget window's default
    recipient when an item names no agency). One query."""
    rows = Agency.objects.filter(subdistrict__district=district, kind__in=LOCAL_GOVERNMENT_KINDS).order_by("pk")
    out: dict[int, Agency] = {}
    for agency in rows:
        out.setdefault(agency.subdistrict_id, agency)
    return out
