"""Every read of community organizations, scoped to the user."""

from django.db.models import F, QuerySet

from ..models import CommunityOrganization, Council

ORGANIZATION_JOINS = ("council__subdistrict__district__province",)


def organizations_visible_to(*, user) -> QuerySet[CommunityOrganization]:
    """Organizations of the councils in the user's scope, joined for list display, by code."""
    return CommunityOrganization.objects.visible_to(user).select_related(*ORGANIZATION_JOINS).order_by("code")


def organizations_for_api(*, user) -> QuerySet[CommunityOrganization]:
    """The API's list: the same scope, with themes, and ``council_code`` for the output."""
    return (
        organizations_visible_to(user=user)
        .prefetch_related("themes")
        .annotate(council_code=F("council__subdistrict__code"))
    )


def organization_for_edit(*, user, code: str) -> CommunityOrganization:
    """An organization inside the user's scope (DoesNotExist, a 404, otherwise). Whether the
    user may change it is the service's question (403)."""
    return organizations_visible_to(user=user).prefetch_related("themes").get(code=code)


def council_organizations(*, council: Council, limit: int | None = None) -> QuerySet[CommunityOrganization]:
    qs = council.organizations.order_by("code")
    return qs[:limit] if limit else qs
