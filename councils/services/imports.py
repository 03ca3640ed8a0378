"""Every write of an import job (a common.jobs job in two stages): upload, check
(preview), confirm, write, fail.

    import_job_create   the upload: refused at once if the file is not a readable XLSX/CSV;
                        the job is queued for its CHECK stage
    import_job_validate the Celery job that checks every row and stages the valid ones,
                        then waits (WAITING) for the user's choice: the preview
    import_job_confirm  the user's explicit choice: all rows (only when none is wrong),
                        or the valid rows only; queues the WRITE stage
    import_job_run      the Celery job that writes the staged rows, all in one transaction
    import_job_fail     marks a job FAILED with a Thai reason

Nothing is written to the registry until the user confirms, and then either every chosen
row is written or none is.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.scoping import scope_for
from common.jobs.choices import JobStatus
from common.jobs.services import job_enqueue, job_fail, job_move, job_requeue_stale, job_start
from common.rules import require

from .. import permissions
from ..choices import ImportKind, ImportMode, ImportStage
from ..imports import kinds, readers, staging
from ..imports.validators import BATCH_ROWS, MAX_REPORTED_ERRORS, VALIDATORS, Checked, check_rows, holds_header
from ..imports.writer import write_records
from ..models import ImportJob
from .retention import import_file_discard

logger = logging.getLogger(__name__)

# pg_try_advisory_xact_lock(namespace, job id): one writer per job, even if a message is
# delivered twice.
_LOCK_NAMESPACE = 0x1A9F


def _enqueue(task_name: str, job_id: int) -> None:
    job_enqueue(f"councils.tasks.{task_name}", job_id, what=f"{task_name} for import job")


# The hard time limit of both import tasks (councils.tasks): a row running longer lost its worker.
IMPORT_TIME_LIMIT = 25 * 60


def import_job_requeue_stale(*, now=None) -> dict[str, int]:
    """Re-send import jobs the broker lost, each to the stage it is at: uploaded while Redis
    was down (the check never started), confirmed while Redis was down (the write never
    started), or left running by a worker killed whole. Found by bench/faults.py: such a
    job stayed "queued" for ever, its page saying it would start."""

    def enqueue(job_id: int) -> None:
        stage = ImportJob.objects.filter(pk=job_id).values_list("stage", flat=True).first()
        _enqueue("validate_import" if stage == ImportStage.CHECK else "run_import", job_id)

    return job_requeue_stale(model=ImportJob, enqueue=enqueue, now=now, time_limit=IMPORT_TIME_LIMIT)


def _require_import_permission(user) -> None:
    require(permissions.can_import, user=user)


def _may_import(user, job: ImportJob) -> bool:
    """Built-in kinds: CODI staff; a registered kind asks its own rule about the job."""
    spec = kinds.registered(job.kind)
    return spec.may_import(user=user, job=job) if spec else permissions.can_import(user=user)


def _validator(job: ImportJob, scope, **kwargs):
    spec = kinds.registered(job.kind)
    return spec.validator(job=job, scope=scope) if spec else VALIDATORS[job.kind](scope=scope, **kwargs)


@transaction.atomic
def import_job_create(*, by, kind: str, file) -> ImportJob:
    """Store an upload and queue its check. The file is judged by its bytes: anything
    other than a readable XLSX or CSV within the size limit is refused with a Thai
    message on the ``file`` field, and nothing is stored."""
    _require_import_permission(by)
    if kind not in ImportKind.values:
        raise ValidationError({"kind": _("กรุณาเลือกประเภทข้อมูลที่จะนำเข้า")})
    try:
        fmt = readers.sniff(file, size=file.size)
    except readers.FileProblem as problem:
        raise ValidationError({"file": problem.message}) from None
    original_name = Path(file.name or "").name[:255] or f"{kind}.{fmt}"
    file.name = f"{kind}.{fmt}"  # the stored name says what the content is, not what the user called it
    job = ImportJob(kind=kind, file=file, original_name=original_name, requested_by=by)
    job.full_clean()
    job.save()
    transaction.on_commit(lambda: _enqueue("validate_import", job.pk))
    return job


def _percent(done: int, total: int) -> int:
    return min(100, 100 * done // total) if total else 0


def import_job_validate(*, job_id: int, redelivered: bool = False) -> ImportJob:
    """Check every row of the job's file and stage the valid ones (the preview)."""
    job, started = job_start(
        model=ImportJob, job_id=job_id, redelivered=redelivered, expect={"stage": ImportStage.CHECK},
        select_related=("requested_by",), processed_rows=0, progress=0,
    )
    if not started:
        return job  # already checked, or checking elsewhere (a message delivered twice)
    if job.requested_by is None:
        raise PermissionDenied("the user who uploaded this file no longer exists")
    scope = scope_for(job.requested_by)
    if not _may_import(job.requested_by, job):
        raise PermissionDenied("the user who uploaded this file may no longer import")
    estimate = 0

    def progress(processed: int) -> None:
        total = max(estimate, processed)
        ImportJob.objects.filter(pk=job.pk).update(
            processed_rows=processed, total_rows=total, progress=_percent(processed, total)
        )

    with staging.StagingWriter(job.pk) as stage, staging.ProblemWriter(job.pk) as problems:
        checked = Checked(sink=problems.add)
        try:
            with readers.open_rows(
                job.file.path, readers.format_of(job.file.path), holds_header=partial(holds_header, job.kind)
            ) as source:
                estimate = source.estimated_rows + 1  # rows read include the header
                ImportJob.objects.filter(pk=job.pk).update(total_rows=estimate)
                check_rows(
                    kind=job.kind,
                    scope=scope,
                    rows=source.rows,
                    keep=stage.keep,
                    progress=progress,
                    checked=checked,
                    validator=_validator(job, scope),
                )
                problems.where = {"sheet": source.sheet_index, "header_row": checked.header_row}
                if source.sheet_count > 1:
                    checked.notices.insert(
                        0, _("ไฟล์มี %(count)s แผ่นงาน อ่านแผ่นงาน “%(name)s” ซึ่งมีหัวตารางตรงกับแบบฟอร์ม")
                        % {"count": source.sheet_count, "name": source.sheet_name}
                    )
        except readers.FileProblem as problem:
            checked = Checked(holds_national_ids=checked.holds_national_ids)
            checked.add(0, _("ไฟล์"), problem.message)
    if not checked.valid_rows:
        staging.discard_staged(job.pk)
    job = job_move(
        job=job,
        to=JobStatus.WAITING,
        total_rows=checked.total_rows,
        processed_rows=checked.total_rows,
        progress=100,
        valid_rows=checked.valid_rows,
        error_rows=checked.error_rows,
        errors=checked.errors,
        notices=checked.notices,
        holds_national_ids=checked.holds_national_ids,
    )
    if checked.header_row is None and job.holds_national_ids:
        # Refused as a whole (unreadable, or no header): no bad-rows file to offer, so a
        # file with national ID numbers has no reason to stay.
        import_file_discard(job=job, why="refused, holds national ID numbers")
    return job


@transaction.atomic
def import_job_confirm(*, job: ImportJob, by, mode: str) -> ImportJob:
    """The user's explicit choice. "All rows" only when no row is wrong; "valid rows only"
    must be chosen by name. Queues the writing job."""
    spec = kinds.registered(job.kind)
    if spec is None:
        _require_import_permission(by)
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if spec is None:
        require(permissions.can_confirm_import, user=by, job=job)
    elif not spec.may_import(user=by, job=job):
        raise PermissionDenied(spec.denied_message)
    if mode not in ImportMode.values:
        raise ValidationError(_("กรุณาเลือกวิธีนำเข้า"))
    if job.status != JobStatus.WAITING:
        raise ValidationError(_("งานนี้ไม่อยู่ในขั้นรอยืนยัน (สถานะ: %(status)s)") % {"status": job.status_display})
    if not job.valid_rows:
        raise ValidationError(_("ไม่มีแถวที่ถูกต้องให้นำเข้า"))
    if mode == ImportMode.ALL_OR_NOTHING and job.error_rows:
        raise ValidationError(
            _("ไฟล์ยังมีแถวที่ผิดพลาด %(count)s แถว จึงนำเข้าทั้งหมดไม่ได้ กรุณาแก้ไขไฟล์ หรือเลือกนำเข้าเฉพาะแถวที่ถูกต้อง")
            % {"count": job.error_rows}
        )
    # The WRITE stage is a run of its own: its attempts and progress start again.
    job_move(job=job, to=JobStatus.QUEUED, mode=mode, stage=ImportStage.WRITE, processed_rows=0, progress=0, attempts=0)
    transaction.on_commit(lambda: _enqueue("run_import", job.pk))
    return job


class _Progress:
    """Progress written while the import's transaction is open must be seen by the page
    polling it, so it goes through a second connection in autocommit. It never waits
    for a lock and never fails the import."""

    def __init__(self, job: ImportJob, to_write: int):
        self.job_id = job.pk
        self.total = max(job.total_rows, to_write, 1)
        self.to_write = max(to_write, 1)
        self.side = None

    def __call__(self, written: int) -> None:
        processed = min(self.total, round(self.total * written / self.to_write))
        if connections[DEFAULT_DB_ALIAS].vendor != "postgresql":
            return  # SQLite (local runs) allows one writer: progress shows when the job ends
        try:
            if self.side is None:
                main = connections[DEFAULT_DB_ALIAS]
                self.side = type(main)(dict(main.settings_dict), alias=DEFAULT_DB_ALIAS)
            with self.side.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {ImportJob._meta.db_table} SET processed_rows = %s, progress = %s WHERE id = "
                    f"(SELECT id FROM {ImportJob._meta.db_table} WHERE id = %s FOR UPDATE SKIP LOCKED)",
                    [processed, min(99, _percent(processed, self.total)), self.job_id],
                )
        except Exception:
            logger.warning("could not record progress of import job %s", self.job_id, exc_info=True)

    def close(self) -> None:
        if self.side is not None:
            self.side.close()


def import_job_run(*, job_id: int, redelivered: bool = False) -> ImportJob:
    """Write the staged rows of a confirmed job: every row, or (valid-only mode) every
    valid row, in one transaction with their history rows. The rows are checked against
    the database once more inside the transaction: if something changed since the
    preview (a code registered meanwhile), an all-or-nothing job writes nothing and
    goes back to the preview with the new problems listed.

    The row is marked RUNNING (committed) before the writing transaction opens, so the
    progress written from the side connection is never blocked by that transaction."""
    job, started = job_start(
        model=ImportJob, job_id=job_id, redelivered=redelivered, expect={"stage": ImportStage.WRITE},
        select_related=("requested_by",), processed_rows=0, progress=0,
    )
    if not started:
        return job
    records = list(staging.read_staged(job.pk))
    validator = _validator(job, scope_for(job.requested_by), areas={})
    spec = kinds.registered(job.kind)
    write = partial(spec.write, job=job) if spec else partial(write_records, kind=job.kind)
    progress = _Progress(job, len(records))
    now = timezone.now()
    conflicts: dict[int, list] = {}
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":  # SQLite (local runs) writes one at a time anyway
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", [_LOCK_NAMESPACE, job.pk])
                    if not cursor.fetchone()[0]:
                        return job  # another worker is writing this job right now
            job = ImportJob.objects.get(pk=job.pk)
            if job.status != JobStatus.RUNNING:
                return job
            for start in range(0, len(records), BATCH_ROWS):
                conflicts.update(validator.check_batch(records[start : start + BATCH_ROWS]))
            if conflicts and job.mode == ImportMode.ALL_OR_NOTHING:
                _back_to_preview(job, conflicts)
                job.refresh_from_db()
                return job
            chosen = [record for row, record in records if row not in conflicts]
            written = write(
                records=chosen,
                user_id=job.requested_by_id,
                reason=_("นำเข้าจากไฟล์ (งานนำเข้า #%(id)s)") % {"id": job.pk},
                now=now,
                progress=progress,
            )
            job_move(
                job=job,
                to=JobStatus.DONE,
                imported_rows=written,
                processed_rows=job.total_rows,
                progress=100,
                valid_rows=job.valid_rows - len(conflicts),
                error_rows=job.error_rows + len(conflicts),
                errors=_merged_errors(job, conflicts),
            )
    finally:
        progress.close()
    staging.discard_staged(job.pk)
    job.refresh_from_db()
    if job.status == JobStatus.DONE and job.holds_national_ids:
        import_file_discard(job=job, why="import finished, holds national ID numbers")
    return job


def _merged_errors(job: ImportJob, conflicts: dict[int, list]) -> list[dict]:
    staging.add_problems(job.pk, [
        (row, column, _("ข้อมูลในระบบเปลี่ยนไปหลังการตรวจสอบ: %(message)s") % {"message": message})
        for row, problems in conflicts.items()
        for column, message in problems
    ])
    extra = [
        {"row": row, "column": column, "message": _("ข้อมูลในระบบเปลี่ยนไปหลังการตรวจสอบ: %(message)s") % {"message": message}}
        for row, problems in conflicts.items()
        for column, message in problems
    ]
    return sorted([*job.errors, *extra], key=lambda error: error["row"])[:MAX_REPORTED_ERRORS]


def _back_to_preview(job: ImportJob, conflicts: dict[int, list]) -> None:
    job_move(
        job=job,
        to=JobStatus.WAITING,
        stage=ImportStage.CHECK,
        processed_rows=job.total_rows,
        progress=100,
        valid_rows=job.valid_rows - len(conflicts),
        error_rows=job.error_rows + len(conflicts),
        errors=_merged_errors(job, conflicts),
    )


def import_job_fail(*, job_id: int, reason: str) -> None:
    job_fail(model=ImportJob, job_id=job_id, reason=reason)
    staging.discard_staged(job_id)
    job = ImportJob.objects.filter(pk=job_id, holds_national_ids=True).first()
    if job is not None:
        import_file_discard(job=job, why="import failed, holds national ID numbers")
