"""An LAO's staff import e-Plan rows into their local plan, through the councils import
engine (the same check → preview → confirm → write job, progress and retention). Only
the upload differs: the job is tied to its plan (and, optionally, the addition amendment
that brings the projects in), and only the LAO's own staff (and administrators) may do it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.jobs.services import job_enqueue
from common.rules import require
from councils.imports import readers
from councils.models import ImportJob

from .. import permissions
from ..choices import AmendmentKind
from ..local_import import KIND
from ..models import LocalPlan, LocalPlanAmendment, LocalPlanImport


@transaction.atomic
def local_plan_import_create(
    *, plan: LocalPlan, by, file, amendment: LocalPlanAmendment | None = None
) -> ImportJob:
    """Store the upload (refused at once unless it is a readable XLSX or CSV) and queue
    its check. Nothing is written to the plan until the user confirms the preview."""
    require(permissions.can_edit_local_plan, user=by, lao=plan.lao)
    if amendment is not None:
        if amendment.local_plan_id != plan.pk:
            raise ValidationError({"amendment": _("การแก้ไขแผนนี้เป็นของแผนอื่น")})
        if amendment.kind != AmendmentKind.ADDITION:
            raise ValidationError({"amendment": _("โครงการใหม่เพิ่มได้ด้วยการแก้ไขแผนแบบ “เพิ่มเติม” เท่านั้น")})
    try:
        fmt = readers.sniff(file, size=file.size)
    except readers.FileProblem as problem:
        raise ValidationError({"file": problem.message}) from None
    original_name = (file.name or "").rsplit("/", 1)[-1][:255] or f"{KIND}.{fmt}"
    file.name = f"{KIND}.{fmt}"
    # kind is a registered kind of the engine (councils/imports/kinds.py), not one of the
    # councils' own choices, so the row is saved without the choices check.
    job = ImportJob(kind=KIND, file=file, original_name=original_name, requested_by=by)
    job.full_clean(exclude=["kind"])
    job.save()
    LocalPlanImport.objects.create(job=job, local_plan=plan, amendment=amendment)
    transaction.on_commit(
        lambda: job_enqueue("councils.tasks.validate_import", job.pk, what="validate_import for local plan import")
    )
    return job
