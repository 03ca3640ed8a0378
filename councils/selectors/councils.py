"""Every read of councils and activities, scoped to the user."""

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.scoping import scope_for
from agencies.selectors import local_governments_for
from common.thai import current_fiscal_year
from geo.models import District, Province, Theme

from ..choices import ActivityKind, MentorshipStatus
from ..dashboard import extra_dashboard_figures
from ..models import Activity, Assessment, CommunityOrganization, Council, CouncilMember, Mentorship
from ..permissions import public_councils

COUNCIL_JOINS = ("subdistrict__district__province",)


def latest_assessment(field: str, council_ref: str = "pk") -> Subquery:
    """A subquery of one field of the council's latest assessment (by fiscal year)."""
    return Subquery(Assessment.objects.filter(council=OuterRef(council_ref)).order_by("-fiscal_year").values(field)[:1])


def with_latest_level(qs: QuerySet[Council]) -> QuerySet[Council]:
    """Annotate ``latest_level`` (an AssessmentLevel value or None): what the level filter
    and the lists show."""
    return qs.annotate(latest_level=latest_assessment("level"))


def councils_visible_to(*, user) -> QuerySet[Council]:
    """Councils the user works with (their scope), joined for list display."""
    return Council.objects.visible_to(user).select_related(*COUNCIL_JOINS)


def councils_public() -> QuerySet[Council]:
    """Published councils (councils.permissions.public_councils), joined for display."""
    return public_councils(Council.objects.all()).select_related(*COUNCIL_JOINS)


def councils_for_public_list() -> QuerySet[Council]:
    """The public directory: published councils with their latest level, by tambon code."""
    return with_latest_level(councils_public()).order_by("subdistrict__code")


def councils_readable_by(*, user) -> QuerySet[Council]:
    """Published councils for everyone, plus the unpublished ones inside the user's scope."""
    if not user.is_authenticated:
        return councils_public()
    return councils_public() | councils_visible_to(user=user)


def councils_for_list(*, user) -> QuerySet[Council]:
    """The council list: the user's scope, with the latest assessment level, by tambon code."""
    return with_latest_level(councils_visible_to(user=user)).order_by("subdistrict__code")


def councils_for_api(*, user) -> QuerySet[Council]:
    """What the API lists: published councils and the user's scope, with ``tambon_code``
    (the cursor's ordering key) and the latest level."""
    qs = councils_readable_by(user=user).select_related("lao").prefetch_related("themes")
    return with_latest_level(qs).annotate(tambon_code=F("subdistrict__code"))


def council_for_page(*, user, code: str) -> Council:
    """A council's page: public councils for everyone, others only within scope.
    Raises Council.DoesNotExist (a 404) otherwise."""
    qs = councils_readable_by(user=user).select_related("lao").prefetch_related("themes")
    return with_latest_level(qs).get(subdistrict__code=code)


def councils_staffed_by(*, user) -> list[Council]:
    """The councils the user is staff of (no query when there are none)."""
    ids = scope_for(user).council_ids
    if not ids:
        return []
    return list(Council.objects.filter(pk__in=ids).select_related("subdistrict").order_by("subdistrict__code"))


def council_for_edit(*, user, code: str) -> Council:
    """A council whose records the user may change. Outside the scope: DoesNotExist (404)."""
    return councils_visible_to(user=user).get(subdistrict__code=code)


def council_activities(*, council: Council, limit: int | None = None) -> QuerySet[Activity]:
    qs = council.activities.prefetch_related("photos", "agencies").order_by("-date", "-id")
    return qs[:limit] if limit else qs


def council_summary(*, council: Council, fiscal_year: int | None = None) -> dict:
    fy = fiscal_year or current_fiscal_year()
    agg = council.activities.aggregate(
        total=Count("id"),
        this_year=Count("id", filter=Q(fiscal_year=fy)),
    )
    return {"fiscal_year": fy, "activities_total": agg["total"], "activities_this_year": agg["this_year"]}


def _count(qs: QuerySet, ref: str = "council") -> Subquery:
    """A correlated COUNT(*) of ``qs`` for the outer council, as a subquery."""
    return Coalesce(
        Subquery(
            qs.filter(**{ref: OuterRef("pk")}).order_by().values(ref).annotate(n=Count("*")).values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _sum(qs: QuerySet, field: str, ref: str = "council") -> Subquery:
    return Coalesce(
        Subquery(
            qs.filter(**{ref: OuterRef("pk")}).order_by().values(ref).annotate(n=Sum(field)).values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def council_dashboard(*, council: Council, fiscal_year: int | None = None, today=None) -> dict:
    """Figures for a council's dashboard in a fixed number of queries (one for the figures,
    one for the mentor), whatever the council's size."""
    fy = fiscal_year or current_fiscal_year()
    today = today or timezone.localdate()
    activities = Activity.objects.filter(fiscal_year=fy)
    current_terms = CouncilMember.objects.filter(term_start__lte=today).filter(
        Q(term_end__isnull=True) | Q(term_end__gte=today)
    )
    extra = extra_dashboard_figures(fiscal_year=fy)
    figures = (
        Council.objects.filter(pk=council.pk)
        .annotate(
            activities_this_year=_count(activities),
            meetings_this_year=_count(activities.filter(kind=ActivityKind.COUNCIL_MEETING)),
            participants_this_year=_sum(activities, "participants"),
            members_current=_count(current_terms),
            organizations_total=_count(CommunityOrganization.objects.all()),
            organization_members=_sum(CommunityOrganization.objects.all(), "member_count"),
            level=latest_assessment("level"),
            level_year=latest_assessment("fiscal_year"),
            level_percent=latest_assessment("percent"),
        )
        .annotate(**extra)  # figures of the apps above (meetings held, from meetings): same query
        .values(
            "activities_this_year",
            "meetings_this_year",
            "participants_this_year",
            "members_current",
            "organizations_total",
            "organization_members",
            "level",
            "level_year",
            "level_percent",
            *extra,
        )
        .get()
    )
    return {"fiscal_year": fy, **figures, "mentorship": council_mentorship(council=council)}


def council_mentorship(*, council: Council) -> Mentorship | None:
    """The active mentorship in which this council is the mentee (at most one), with the mentor."""
    return (
        Mentorship.objects.filter(mentee=council, status=MentorshipStatus.ACTIVE)
        .select_related("mentor__subdistrict__district__province")
        .first()
    )


def council_recent_activities(*, council: Council, fiscal_year: int, limit: int = 10) -> QuerySet[Activity]:
    return council.activities.filter(fiscal_year=fiscal_year).order_by("-date", "-id")[:limit]


def activities_visible_to(*, user) -> QuerySet[Activity]:
    return Activity.objects.visible_to(user).select_related("council__subdistrict__district__province")


def district_in_scope(*, user, code: str) -> District:
    """A district inside the user's scope (District.DoesNotExist otherwise: a 404). The one
    lookup behind every page about a district: plan review, mechanism, meetings, obstacles."""
    district = District.objects.select_related("province").get(code=code)
    if not scope_for(user).covers_district(district):
        raise District.DoesNotExist(code)
    return district


def provinces_for_choice(*, user, public: bool = False) -> QuerySet[Province]:
    """Provinces to choose from in a filter: the user's scope, or all of them (``public``)."""
    scope = scope_for(user)
    qs = Province.objects.order_by("code")
    if public or scope.national:
        return qs
    return qs.filter(
        Q(pk__in=scope.province_ids)
        | Q(districts__pk__in=scope.district_ids)
        | Q(districts__subdistricts__pk__in=scope.subdistrict_ids)
    ).distinct()


def districts_for_choice(*, user, province_code: str | None = None, public: bool = False) -> QuerySet[District]:
    """Districts to choose from in a filter: those of the chosen province, else the user's
    scope. A national user (or the public directory, ``public``) who has not chosen a
    province gets none (928 would be too many for a phone); the form asks for the province
    first."""
    scope = scope_for(user)
    national = public or scope.national
    qs = District.objects.select_related("province").order_by("code")
    if province_code:
        qs = qs.filter(province__code=province_code)
    elif national:
        return qs.none()
    if national:
        return qs
    return qs.filter(
        Q(province_id__in=scope.province_ids)
        | Q(pk__in=scope.district_ids)
        | Q(subdistricts__pk__in=scope.subdistrict_ids)
    ).distinct()


def themes_for_choice() -> QuerySet[Theme]:
    return Theme.objects.order_by("name_th")


def laos_for_council(*, council: Council) -> QuerySet:
    """Local governments a council may name as its LAO."""
    return local_governments_for(subdistrict=council.subdistrict)
