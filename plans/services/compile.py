"""The district plan's PDF by a job (``models.DistrictPlanPdf``): asked for by someone the
rule lets compile the district's plan, made by ``plans.tasks.run_district_plan_pdf``.

    district_plan_pdf_request  ask (joins the same user's job for the same plan under way)
    district_plan_pdf_run      the job: gather, lay out, write the file, done
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from common.jobs.choices import ACTIVE_STATUSES, JobStatus
from common.jobs.services import job_enqueue, job_move, job_start, remove_partial_files, write_atomically
from common.rules import require

from .. import permissions
from ..compiled_pdf import district_plan_pdf, pdf_page_count
from ..models import DistrictPlanPdf
from ..selectors.compile import district_plan


def _enqueue(job_id: int) -> None:
    job_enqueue("plans.tasks.run_district_plan_pdf", job_id, what="district plan PDF")


def district_plan_pdf_request(*, by, district, fiscal_year: int) -> DistrictPlanPdf:
    require(permissions.can_compile_district_plan, user=by, district=district)
    with transaction.atomic():
        running = (
            DistrictPlanPdf.objects.select_for_update()
            .filter(requested_by=by, district=district, fiscal_year=fiscal_year, status__in=ACTIVE_STATUSES)
            .first()
        )
        if running is not None:
            return running
        job = DistrictPlanPdf.objects.create(requested_by=by, district=district, fiscal_year=fiscal_year)
        transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def district_plan_pdf_run(*, job_id: int, redelivered: bool = False) -> DistrictPlanPdf:
    job, started = job_start(
        model=DistrictPlanPdf, job_id=job_id, redelivered=redelivered,
        select_related=("requested_by", "district__province"), progress=5,
    )  # fmt: skip
    if not started:
        return job
    user = job.requested_by
    if user is None or not user.is_active:
        raise PermissionDenied("the user who asked for this PDF no longer exists or may not sign in")
    require(permissions.can_compile_district_plan, user=user, district=job.district)  # still allowed?
    plan = district_plan(district=job.district, fiscal_year=job.fiscal_year)
    DistrictPlanPdf.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(progress=20)
    pdf = district_plan_pdf(plan)
    relative = Path("district_plans") / f"{timezone.localdate():%Y/%m}" / f"district-plan-{job.pk}.pdf"
    final_path = Path(settings.MEDIA_ROOT) / relative
    prefix = f"district-plan-{job.pk}-"
    remove_partial_files(final_path.parent, prefix=prefix, suffix=".part")
    write_atomically(final_path, lambda f: f.write(pdf), prefix=prefix, suffix=".pdf.part")
    job.file.name = str(relative)
    return job_move(job=job, to=JobStatus.DONE, file=job.file, pages=pdf_page_count(pdf), progress=100)
