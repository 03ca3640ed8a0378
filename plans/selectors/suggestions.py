"""Reads behind the review page's suggestions: a district's candidate LAO projects and
agency missions, its councils' villages, turned into the matcher's plain data.

``suggestion_pool`` reads in four queries whatever the district's size (the projects'
fingerprint, projects with their budget years, missions, villages), three once this process
has read the district's projects for those years (see ``_district_projects``);
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


def _projects_q(district) -> Q:
    return _area_q("lao__", district) & Q(lao__kind__in=LOCAL_GOVERNMENT_KINDS)


# The district's candidate projects, per process: {(district pk, years): (fingerprint, docs)}.
# Reading ~3,000 projects with their texts is most of a page's time at national size; the
# fingerprint (one aggregate over the district's LAOs' projects) says whether they changed.
# Projects are never edited in place (an amendment adds a new one and supersedes the old,
# with its budget lines), so their count, current count and latest updated_at, with the
# LAOs' latest updated_at (a renamed LAO), change whenever the candidates would.
_PROJECTS: OrderedDict = OrderedDict()
_PROJECTS_MAX = 64
_PROJECTS_LOCK = threading.Lock()


def forget_district_projects() -> None:
    """Empty the per-process memo (tests that count queries start from a cold process)."""
    with _PROJECTS_LOCK:
        _PROJECTS.clear()


def _projects_fingerprint(district) -> tuple:
    row = LocalPlanProject.objects.filter(_projects_q(district)).aggregate(
        n=Count("pk"), current=Count("pk", filter=Q(superseded_by__isnull=True)), changed=Max("updated_at"),
        lao_changed=Max("lao__updated_at"),
    )
    return (row["n"], row["current"], row["changed"], row["lao_changed"])


def _district_projects(district, years: set[int]) -> list[matching.CandidateDoc]:
    """The district's current LAO projects budgeted in ``years``, as the matcher's data:
    one query (the fingerprint) when this process already read them unchanged, two otherwise."""
    key = (district.pk, frozenset(years))
    fingerprint = _projects_fingerprint(district)
    with _PROJECTS_LOCK:
        hit = _PROJECTS.get(key)
        if hit is not None and hit[0] == fingerprint:
            _PROJECTS.move_to_end(key)
            return hit[1]
    # One row per project and budgeted year in the window (the join is the filter).
    rows = (
        LocalPlanProject.objects.current()
        .filter(_projects_q(district), budgets__fiscal_year__in=years)
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
