"""Writing the chosen e-Plan rows as projects of the job's plan, with their budget lines
and history rows, inside the import's transaction (the engine opens it). A local plan
holds hundreds of projects, not hundreds of thousands: the ORM's bulk inserts suffice."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from simple_history.utils import bulk_create_with_history

from ..models import LocalPlanImport, LocalPlanProject, LocalPlanProjectBudget

BATCH = 500


def write(*, job, records, user_id, reason, now, progress=None) -> int:
    link = LocalPlanImport.objects.select_related("local_plan", "amendment").get(job_id=job.pk)
    plan = link.local_plan
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    written = 0
    for start in range(0, len(records), BATCH):
        chunk = records[start : start + BATCH]
        projects = []
        for record in chunk:
            budgets = {int(year): Decimal(amount) for year, amount in record["budgets"].items()}
            fields = {k: v for k, v in record.items() if k != "budgets"}
            projects.append(
                LocalPlanProject(
                    lao_id=plan.lao_id, local_plan=plan, added_by=link.amendment,
                    fiscal_year=min(budgets), budget=sum(budgets.values(), Decimal("0")), **fields,
                )
            )
        created = bulk_create_with_history(
            projects, LocalPlanProject, batch_size=BATCH, default_user=user, default_change_reason=reason
        )
        if any(project.pk is None for project in created):  # a backend that does not return ids
            created = list(LocalPlanProject.objects.filter(local_plan=plan).order_by("-pk")[: len(chunk)])[::-1]
        LocalPlanProjectBudget.objects.bulk_create(
            LocalPlanProjectBudget(project=project, fiscal_year=int(year), amount=Decimal(amount))
            for project, record in zip(created, chunk, strict=True)
            for year, amount in record["budgets"].items()
        )
        written += len(chunk)
        if progress:
            progress(written)
    return written
