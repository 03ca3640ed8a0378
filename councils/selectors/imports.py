"""Reads for import and export jobs and for exports, scoped to the user."""

from django.db.models import QuerySet

from .. import permissions
from ..models import CommunityOrganization, Council, CouncilMember, ExportJob, ImportJob


def import_jobs_visible_to(*, user) -> QuerySet[ImportJob]:
    """A user sees the import jobs they uploaded; an administrator sees every job.
    Anyone else (not allowed to import) sees none."""
    if not user.is_authenticated or not permissions.can_import(user=user):
        return ImportJob.objects.none()
    qs = ImportJob.objects.select_related("requested_by")
    return qs if permissions.sees_every_import_job(user=user) else qs.filter(requested_by=user)


def councils_for_export(*, user) -> QuerySet[Council]:
    return Council.objects.visible_to(user).select_related("subdistrict").order_by("subdistrict__code")


def organizations_for_export(*, user) -> QuerySet[CommunityOrganization]:
    return CommunityOrganization.objects.visible_to(user).select_related("council__subdistrict").order_by("code")


def members_for_export(*, user) -> QuerySet[CouncilMember]:
    """Members by name, position, organization and term; the person's other fields (phone,
    national ID) are not even loaded. The same rows the members pages show the user: none
    for a role that may not view members (the view refuses it first)."""
    if not permissions.can_list_members(user=user):
        return CouncilMember.objects.none()
    return (
        CouncilMember.objects.visible_to(user)
        .select_related("council__subdistrict", "person", "organization")
        .only(
            "position", "term_start", "term_end", "council", "council__subdistrict", "council__subdistrict__code",
            "person", "person__full_name", "organization", "organization__code",
        )
        .order_by("council__subdistrict__code", "-term_start", "person__full_name")
    )


def export_rows_count(*, user, kind: str) -> int:
    """How many rows ``user``'s export of ``kind`` holds (inline or a job?)."""
    selector = {"councils": councils_for_export, "organizations": organizations_for_export,
                "members": members_for_export}[kind]
    return selector(user=user).count()


def export_jobs_of(*, user) -> QuerySet[ExportJob]:
    """Only the user who asked for an export sees its job and its file (not even an
    administrator: the file holds what that user's scope covers)."""
    if not user.is_authenticated:
        return ExportJob.objects.none()
    return ExportJob.objects.filter(requested_by=user)
