"""Every read of councils and activities, scoped to the user."""

from django.db.models import Count, Q, QuerySet

from accounts.scoping import scope_for
from common.thai import current_fiscal_year

from ..models import Activity, Council, District, Province


def councils_visible_to(*, user) -> QuerySet[Council]:
    """Councils the user works with (their scope), joined for list display."""
    qs = Council.objects.select_related("subdistrict__district__province")
    return scope_for(user).restrict(qs, subdistrict="subdistrict")


def councils_public() -> QuerySet[Council]:
    return Council.objects.filter(is_published=True).select_related("subdistrict__district__province")


def council_for_page(*, user, code: str) -> Council:
    """A council's page: public councils for everyone, others only within scope.
    Raises Council.DoesNotExist (a 404) otherwise."""
    qs = councils_public() | councils_visible_to(user=user) if user.is_authenticated else councils_public()
    return qs.get(subdistrict__code=code)


def council_for_edit(*, user, code: str) -> Council:
    """A council whose records the user may change. Outside the scope: DoesNotExist (404)."""
    return councils_visible_to(user=user).get(subdistrict__code=code)


def council_activities(*, council: Council, limit: int | None = None) -> QuerySet[Activity]:
    qs = council.activities.prefetch_related("photos").order_by("-date", "-id")
    return qs[:limit] if limit else qs


def council_summary(*, council: Council, fiscal_year: int | None = None) -> dict:
    fy = fiscal_year or current_fiscal_year()
    agg = council.activities.aggregate(
        total=Count("id"),
        this_year=Count("id", filter=Q(fiscal_year=fy)),
    )
    return {"fiscal_year": fy, "activities_total": agg["total"], "activities_this_year": agg["this_year"]}


def activities_visible_to(*, user) -> QuerySet[Activity]:
    qs = Activity.objects.select_related("council__subdistrict__district__province")
    return scope_for(user).restrict(qs, subdistrict="council__subdistrict")


def district_by_code(*, code: str) -> District:
    return District.objects.select_related("province").get(code=code)


def provinces_for_choice(*, user) -> QuerySet[Province]:
    scope = scope_for(user)
    qs = Province.objects.all()
    if scope.national:
        return qs
    return qs.filter(
        Q(pk__in=scope.province_ids)
        | Q(districts__pk__in=scope.district_ids)
        | Q(districts__subdistricts__pk__in=scope.subdistrict_ids)
    ).distinct()
