"""Reads for reports: which reports a user sees and which areas they may ask reports for.
(The figures a report is made of come from each app's reporting.py, see reports.sections.)"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.scoping import scope_for
from councils.models import Council
from geo.models import District, Province, Region

from .choices import ReportScope, ReportStatus
from .models import Report, ReportNarrative


def _regions_within(province_ids) -> QuerySet:
    """Regions whose provinces all lie in ``province_ids`` (a subquery, not a query)."""
    outside = Region.provinces.through.objects.exclude(province_id__in=province_ids).values("region_id")
    return Region.objects.filter(provinces__isnull=False).exclude(pk__in=outside).values("pk")


def report_area_q(scope) -> Q:
    """Reports whose area lies inside ``scope`` (CODI regional staff, district officers,
    council and agency staff): a province, a district, a council or a whole region."""
    if scope.national:
        return Q()
    q = Q(pk__in=[])
    if scope.province_ids:
        q |= Q(scope=ReportScope.PROVINCE, province_id__in=scope.province_ids)
        q |= Q(scope=ReportScope.DISTRICT, district__province_id__in=scope.province_ids)
        q |= Q(scope=ReportScope.REGION, region_id__in=_regions_within(scope.province_ids))
    if scope.district_ids:
        q |= Q(scope=ReportScope.DISTRICT, district_id__in=scope.district_ids)
    if not scope.is_empty:
        q |= Q(scope=ReportScope.COUNCIL) & scope.area_q("council__subdistrict")
    return q


def _reports() -> QuerySet[Report]:
    return Report.objects.select_related(
        "province", "district", "council__subdistrict", "region", "requested_by", "published_by"
    )


def reports_visible_to(*, user) -> QuerySet[Report]:
    """CODI staff see every report of their area, in any state; district officers, council
    and agency staff see the finished reports of their area; everyone (even without
    logging in) sees the published ones."""
    scope = scope_for(user)
    if scope.national:
        return _reports()
    area = report_area_q(scope)
    if not scope.is_codi():
        area &= Q(status=ReportStatus.DONE)
    return _reports().filter(area | Q(is_published=True, status=ReportStatus.DONE))


def reports_published() -> QuerySet[Report]:
    return _reports().filter(is_published=True, status=ReportStatus.DONE).order_by("-fiscal_year", "-published_at")


def reports_filtered(qs: QuerySet[Report], *, fiscal_year=None, kind=None, scope=None) -> QuerySet[Report]:
    if fiscal_year:
        qs = qs.filter(fiscal_year=fiscal_year)
    if kind:
        qs = qs.filter(kind=kind)
    if scope:
        qs = qs.filter(scope=scope)
    return qs.order_by("-fiscal_year", "kind", "scope", "key", "-version")


def report_versions(*, report: Report, user) -> QuerySet[Report]:
    """The other versions of the same report (same key) that ``user`` may see, newest first."""
    base = reports_visible_to(user=user) if user is not None else reports_published()
    return base.filter(key=report.key).exclude(pk=report.pk).order_by("-version")


def report_fiscal_years(*, qs: QuerySet[Report]) -> list[int]:
    return list(qs.order_by("-fiscal_year").values_list("fiscal_year", flat=True).distinct())


# What a CODI staff member may ask reports for -------------------------------------------

def regions_requestable(*, user) -> QuerySet[Region]:
    scope = scope_for(user)
    if scope.national:
        return Region.objects.order_by("code")
    return Region.objects.filter(pk__in=_regions_within(scope.province_ids)).order_by("code")


def provinces_requestable(*, user) -> QuerySet[Province]:
    scope = scope_for(user)
    qs = Province.objects.order_by("code")
    return qs if scope.national else qs.filter(pk__in=scope.province_ids)


def districts_requestable(*, user) -> QuerySet[District]:
    scope = scope_for(user)
    qs = District.objects.select_related("province").order_by("code")
    return qs if scope.national else qs.filter(province_id__in=scope.province_ids)


def councils_requestable(*, user) -> QuerySet[Council]:
    scope = scope_for(user)
    qs = Council.objects.select_related("subdistrict__district__province")
    return qs if scope.national else qs.filter(subdistrict__district__province_id__in=scope.province_ids)


def area_requestable(
    *, user, scope: str, region=None, province=None, district=None, council=None
) -> bool:
    """May ``user`` (CODI staff) ask for a report of this area? Regional staff: only areas
    lying wholly inside their provinces."""
    user_scope = scope_for(user)
    if user_scope.national:
        return True
    mine = user_scope.province_ids
    if scope == ReportScope.NATIONAL:
        return False
    if scope == ReportScope.REGION:
        ids = set(region.provinces.values_list("pk", flat=True))
        return bool(ids) and ids <= mine
    if scope == ReportScope.PROVINCE:
        return province.pk in mine
    if scope == ReportScope.DISTRICT:
        return district.province_id in mine
    if scope == ReportScope.COUNCIL:
        return council.subdistrict.district.province_id in mine
    return False



def narrative_for(spec):
    """The narrative a report of ``spec`` uses: its scope's own, else the country's of the
    year; None when neither was written."""
    found = {
        (n.scope, n.area_code): n
        for n in ReportNarrative.objects.filter(fiscal_year=spec.fiscal_year).filter(
            Q(scope=spec.scope, area_code=spec.area_code) | Q(scope=ReportScope.NATIONAL, area_code="-")
        )
    }
    return found.get((spec.scope, spec.area_code)) or found.get((ReportScope.NATIONAL, "-"))


def narrative_area(*, user, scope: str, code: str) -> str | None:
    """The Thai name of the area a narrative is written for, when ``user`` may ask a report
    of it (area_requestable); None when there is no such area or it lies outside the user's
    scope. ``code`` as in the report's key ("-" for the whole country)."""
    from django.utils.translation import gettext as _

    if scope == ReportScope.NATIONAL:
        return _("ทั้งประเทศ") if code == "-" and area_requestable(user=user, scope=scope) else None
    found = {
        ReportScope.REGION: lambda: ("region", Region.objects.filter(code=code).first()),
        ReportScope.PROVINCE: lambda: ("province", Province.objects.filter(code=code).first()),
        ReportScope.DISTRICT: lambda: ("district", District.objects.select_related("province").filter(code=code).first()),
        ReportScope.COUNCIL: lambda: (
            "council", Council.objects.select_related("subdistrict__district").filter(subdistrict__code=code).first()
        ),
    }.get(scope)
    if found is None:
        return None
    name, area = found()
    if area is None or not area_requestable(user=user, scope=scope, **{name: area}):
        return None
    if scope == ReportScope.PROVINCE:
        return _("จังหวัด%(name)s") % {"name": area.name_th}
    if scope == ReportScope.DISTRICT:
        return _("อำเภอ%(name)s จังหวัด%(province)s") % {"name": area.name_th, "province": area.province.name_th}
    return area.name_th if scope == ReportScope.REGION else area.name


def narrative_provinces(*, user) -> list[Province]:
    """Where the report page links its narratives: none for national CODI staff (they write
    the country's), the user's provinces for regional staff. One query."""
    scope = scope_for(user)
    if scope.national:
        return []
    return list(Province.objects.filter(pk__in=scope.province_ids).order_by("code"))
