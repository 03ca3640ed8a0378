"""Exports of councils, organizations and members: inline when small, a job when large.

    export_csv_lines     the inline CSV, streamed line by line
    export_write         write the whole export (CSV or XLSX) into a binary file
    export_job_create    ask for a large export: a job, joined if one is already under way
    export_job_run       the Celery job: the same rows as inline, into a file under MEDIA_ROOT
    export_job_requeue_stale  re-send export jobs the broker lost

Columns and headers come from the django-import-export resources (councils/resources.py).
CSV: every formula-like text cell gets an apostrophe in front (CSV has no styles), dates
are Buddhist-era text. XLSX: typed cells (councils/imports/excel.py): member counts are
numbers, dates are date cells shown in the Buddhist era, and formula-like text is a text
cell with the quote-prefix style (no visible apostrophe). The rows come from the same scoped selectors
for the same user, so a job's file holds exactly what the inline export would. Rows are
read from the database in chunks, so a national export does not sit in memory.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from common.jobs.choices import ACTIVE_STATUSES, JobStatus
from common.jobs.services import (
    job_enqueue,
    job_move,
    job_requeue_stale,
    job_start,
    remove_partial_files,
    write_atomically,
)
from common.rules import require
from common.thai import thai_truncate

from .. import permissions
from ..choices import ExportFormat, ImportKind
from ..imports.excel import text_cell, xlsx_cell
from ..models import ExportJob
from ..resources import CommunityOrganizationResource, CouncilMemberResource, CouncilResource
from ..selectors import imports as selectors

logger = logging.getLogger(__name__)

EXPORTS = {
    ImportKind.COUNCILS: (CouncilResource, selectors.councils_for_export),
    ImportKind.ORGANIZATIONS: (CommunityOrganizationResource, selectors.organizations_for_export),
    ImportKind.MEMBERS: (CouncilMemberResource, selectors.members_for_export),
}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {ExportFormat.CSV: "text/csv; charset=utf-8", ExportFormat.XLSX: XLSX_TYPE}
# Progress is written at most this often (in rows), and at least every 2 % of the export.
PROGRESS_EVERY_ROWS = 500


def _check(kind: str, fmt: str) -> None:
    if kind not in EXPORTS or fmt not in ExportFormat.values:
        raise ValidationError(_("ไม่พบไฟล์ส่งออกนี้"))


def export_filename(*, kind: str, fmt: str, on=None) -> str:
    return f"{kind}-{(on or timezone.localdate()):%Y%m%d}.{fmt}"


def _rows(*, user, kind: str, typed: bool = False) -> tuple[list[str], Iterator[list]]:
    """Headers and rows: CSV text (formula-like text with an apostrophe), or for XLSX
    (``typed``) dates and numbers as they are and text left for a quote-prefixed cell."""
    resource_class, selector = EXPORTS[kind]
    resource = resource_class()
    queryset = selector(user=user)
    export = resource.export_typed if typed else resource.export_resource
    rows = (export(instance) for instance in resource.iter_queryset(queryset))
    return resource.get_export_headers(), rows


class _Echo:
    def write(self, value):
        return value


def export_csv_lines(*, user, kind: str) -> Iterator[str]:
    """The CSV export line by line (streamed to the client), with a BOM so Excel reads UTF-8."""
    headers, rows = _rows(user=user, kind=kind)
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(headers)
    for row in rows:
        yield writer.writerow(row)


def export_write(*, user, kind: str, fmt: str, target, progress: Callable[[int], None] | None = None) -> int:
    """Write the export into ``target`` (a binary file); returns the number of rows.
    ``progress(rows_written)`` is called every few hundred rows."""
    _check(kind, fmt)
    headers, rows = _rows(user=user, kind=kind, typed=fmt == ExportFormat.XLSX)
    written = 0
    if fmt == ExportFormat.CSV:
        text = io.TextIOWrapper(target, encoding="utf-8", newline="", write_through=True)
        text.write("\ufeff")
        writer = csv.writer(text)
        writer.writerow(headers)
        for row in rows:
            writer.writerow(row)
            written += 1
            if progress and written % PROGRESS_EVERY_ROWS == 0:
                progress(written)
        text.detach()  # the caller closes target
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(thai_truncate(str(ImportKind(kind).label), 31))
        sheet.append([text_cell(sheet, header) for header in headers])
        for row in rows:
            sheet.append([xlsx_cell(sheet, value) for value in row])
            written += 1
            if progress and written % PROGRESS_EVERY_ROWS == 0:
                progress(written)
        workbook.save(target)
    return written


def _enqueue(job_id: int) -> None:
    job_enqueue("councils.tasks.run_export", job_id, what="export job")


def export_job_create(*, by, kind: str, fmt: str) -> ExportJob:
    """Ask for an export made by a job. While the same user's export of the same kind and
    format is queued or running, asking again joins it."""
    if not by.is_authenticated:
        raise PermissionDenied(_("กรุณาเข้าสู่ระบบก่อนส่งออกข้อมูล"))
    _check(kind, fmt)
    if kind == ImportKind.MEMBERS:
        require(permissions.can_list_members, user=by)
    with transaction.atomic():
        running = (
            ExportJob.objects.select_for_update()
            .filter(requested_by=by, kind=kind, file_format=fmt, status__in=ACTIVE_STATUSES)
            .first()
        )
        if running is not None:
            return running
        job = ExportJob.objects.create(requested_by=by, kind=kind, file_format=fmt)
        transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _progress_saver(job: ExportJob, total: int) -> Callable[[int], None]:
    step = max(PROGRESS_EVERY_ROWS, total // 50)
    last = [0]

    def save(written: int) -> None:
        if written - last[0] < step:
            return
        last[0] = written
        # Never 100 before the file is in place (that is the DONE state's job).
        share = min(99, 100 * written // total) if total else 0
        ExportJob.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(processed_rows=written, progress=share)

    return save


def export_job_run(*, job_id: int, redelivered: bool = False) -> ExportJob:
    """Write the export of a job into MEDIA_ROOT/exports/ under a temporary name, move it
    into place and mark the job done. The rows are those of the inline export for the
    user who asked (same selector, same user, read now)."""
    job, started = job_start(model=ExportJob, job_id=job_id, redelivered=redelivered, select_related=("requested_by",),
                             processed_rows=0, progress=0)
    if not started:
        return job
    user = job.requested_by
    if user is None or not user.is_active:
        raise PermissionDenied("the user who asked for this export no longer exists or may not sign in")
    total = selectors.export_rows_count(user=user, kind=job.kind)
    ExportJob.objects.filter(pk=job.pk).update(total_rows=total)
    job.total_rows = total
    relative = Path("exports") / f"{timezone.localdate():%Y/%m}" / f"export-{job.pk}.{job.file_format}"
    final_path = Path(settings.MEDIA_ROOT) / relative
    prefix = f"export-{job.pk}-"
    remove_partial_files(final_path.parent, prefix=prefix, suffix=".part")
    written = [0]

    def write(target) -> None:
        written[0] = export_write(
            user=user, kind=job.kind, fmt=job.file_format, target=target, progress=_progress_saver(job, total)
        )

    write_atomically(final_path, write, prefix=prefix, suffix=f".{job.file_format}.part")
    job.file.name = str(relative)
    return job_move(
        job=job, to=JobStatus.DONE, file=job.file, total_rows=written[0], processed_rows=written[0], progress=100
    )


def export_job_requeue_stale(*, now=None) -> dict[str, int]:
    return job_requeue_stale(model=ExportJob, enqueue=_enqueue, now=now)
