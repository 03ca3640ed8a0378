"""Reads of LAO local plans, scoped to the user: the LAO's staff, and everyone whose area
holds the LAO (the district's officers, CODI staff, the staff of the councils of the
tambon the LAO covers)."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from accounts.scoping import scope_for
from agencies.models import Agency
from councils.models import ImportJob

from ..models import LocalPlan, LocalPlanAmendment, LocalPlanImport, LocalPlanProject, LocalPlanProjectBudget


def local_plans_visible_to(*, user) -> QuerySet[LocalPlan]:
    return (
        LocalPlan.objects.visible_to(user)
        .select_related("lao__subdistrict__district__province")
        .annotate(project_count=Count("projects", filter=Q(projects__superseded_by__isnull=True)))
        .order_by("lao__name", "-start_year")
    )


def local_plan_in_scope(*, user, pk: int) -> LocalPlan:
    """The plan when the user's scope holds its LAO (``LocalPlan.DoesNotExist`` otherwise)."""
    return LocalPlan.objects.visible_to(user).select_related("lao__subdistrict__district__province").get(pk=pk)


def laos_in_scope(*, user) -> QuerySet[Agency]:
    """The LAOs whose plans the user's scope holds (their own LAO for its staff)."""
    scope = scope_for(user)
    qs = Agency.objects.local_governments().select_related("subdistrict")
    if not scope.national:
        qs = qs.filter(scope.area_q("subdistrict") | Q(pk__in=scope.agency_ids))
    return qs.order_by("name")


def lao_in_scope(*, user, pk: int) -> Agency:
    return laos_in_scope(user=user).get(pk=pk)


def local_plan_of_lao(*, lao: Agency, fiscal_year: int) -> LocalPlan | None:
    """The LAO's plan of the cycle holding ``fiscal_year``, else its newest (None: no plan)."""
    plans = LocalPlan.objects.filter(lao=lao)
    return (
        plans.filter(start_year__lte=fiscal_year, end_year__gte=fiscal_year).first()
        or plans.order_by("-start_year").first()
    )


def own_laos(*, user) -> QuerySet[Agency]:
    """The LAOs the user is staff of (where they keep plans)."""
    return Agency.objects.local_governments().filter(pk__in=scope_for(user).agency_ids).order_by("name")


def _project_qs() -> QuerySet[LocalPlanProject]:
    return LocalPlanProject.objects.select_related("theme", "added_by", "superseded_by", "replaces").prefetch_related(
        Prefetch("budgets", queryset=LocalPlanProjectBudget.objects.order_by("fiscal_year"))
    )


def local_plan_projects_as_of(*, plan: LocalPlan, on) -> QuerySet[LocalPlanProject]:
    """The plan's projects in force on ``on`` (``None``: those no amendment has superseded)."""
    qs = _project_qs().filter(local_plan=plan)
    qs = qs.as_of(on) if on is not None else qs.current()
    return qs.annotate(alignment_count=Count("alignments", distinct=True)).order_by(
        "strategy", "work_plan", "fiscal_year", "pk"
    )


def local_plan_superseded_projects(*, plan: LocalPlan) -> QuerySet[LocalPlanProject]:
    """Projects a change replaced or withdrew, with how many community plan items are still
    aligned to them (the alignment keeps pointing at the old project: history)."""
    return (
        _project_qs()
        .filter(local_plan=plan, superseded_by__isnull=False)
        .annotate(alignment_count=Count("alignments", distinct=True))
        .prefetch_related("replaced_by")
        .order_by("superseded_by__effective_on", "pk")
    )


def local_plan_amendments(*, plan: LocalPlan) -> QuerySet[LocalPlanAmendment]:
    return (
        LocalPlanAmendment.objects.filter(local_plan=plan)
        .annotate(
            added_count=Count("added_projects", distinct=True),
            superseded_count=Count("superseded_projects", distinct=True),
        )
        .order_by("effective_on", "pk")
    )


def local_plan_amendment_in_plan(*, plan: LocalPlan, pk: int) -> LocalPlanAmendment:
    return LocalPlanAmendment.objects.select_related("local_plan__lao").get(local_plan=plan, pk=pk)


def local_plan_project_in_plan(*, plan: LocalPlan, pk: int) -> LocalPlanProject:
    return _project_qs().get(local_plan=plan, pk=pk)


def local_plan_projects_visible_to(*, user) -> QuerySet[LocalPlanProject]:
    return _project_qs().select_related("lao", "local_plan").visible_to(user)


def local_plan_amendments_visible_to(*, user) -> QuerySet[LocalPlanAmendment]:
    return LocalPlanAmendment.objects.select_related("local_plan__lao").visible_to(user)


def local_import_jobs(*, plan: LocalPlan) -> QuerySet[ImportJob]:
    return (
        ImportJob.objects.filter(local_plan_import__local_plan=plan)
        .select_related("requested_by", "local_plan_import__amendment")
        .order_by("-requested_at")
    )


def local_import_job_in_scope(*, user, pk: int) -> ImportJob:
    """An e-Plan import job whose plan the user's scope holds."""
    link = LocalPlanImport.objects.visible_to(user).select_related(
        "job__requested_by", "local_plan__lao", "amendment"
    ).get(job_id=pk)
    return link.job
