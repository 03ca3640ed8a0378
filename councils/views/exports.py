"""Exports of councils, organizations and members, scoped to the user.

A small export (up to settings.EXPORT_INLINE_MAX_ROWS rows) is made in the request: CSV
streamed, XLSX written to a temporary file and sent. A larger one is made by a job
(councils.services.exports): the GET shows how many rows it holds and a button; the POST
asks for the job and leads to its progress page, where the file is downloaded when done.
Only the user who asked sees the job and its file; anyone else gets 404.
"""

import tempfile

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView

from common.jobs.choices import JobStatus
from common.jobs.views import JobStatusView
from common.rules import require

from .. import permissions
from ..choices import ExportFormat, ImportKind
from ..selectors.imports import export_jobs_of, export_rows_count
from ..services import exports as services


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _allowed(request, kind: str, fmt: str) -> None:
    if kind not in services.EXPORTS or fmt not in ExportFormat.values:
        raise Http404(_("ไม่พบไฟล์ส่งออกนี้"))
    if kind == ImportKind.MEMBERS:  # the same rule as the members pages
        require(permissions.can_list_members, user=request.user)


class ExportView(LoginRequiredMixin, View):
    def get(self, request, kind, fmt):
        _allowed(request, kind, fmt)
        rows = export_rows_count(user=request.user, kind=kind)
        if rows > settings.EXPORT_INLINE_MAX_ROWS:
            return render(request, "councils/export_large.html", {"kind": ImportKind(kind), "fmt": fmt, "rows": rows})
        filename = services.export_filename(kind=kind, fmt=fmt)
        if fmt == ExportFormat.CSV:
            lines = services.export_csv_lines(user=request.user, kind=kind)
            return _attachment(StreamingHttpResponse(lines, content_type=services.CONTENT_TYPES[fmt]), filename)
        spool = tempfile.TemporaryFile()
        services.export_write(user=request.user, kind=kind, fmt=fmt, target=spool)
        spool.seek(0)
        return _attachment(FileResponse(spool, content_type=services.CONTENT_TYPES[fmt]), filename)

    def post(self, request, kind, fmt):
        _allowed(request, kind, fmt)
        job = services.export_job_create(by=request.user, kind=kind, fmt=fmt)
        return redirect(job)


class ExportJobDetailView(LoginRequiredMixin, DetailView):
    template_name = "councils/export_detail.html"
    context_object_name = "job"

    def get_queryset(self):
        return export_jobs_of(user=self.request.user)

    def get_context_data(self, **kwargs):
        job = self.object
        done = job.status == JobStatus.DONE and job.file
        links = [{
            "key": "download_url", "id": "download-link", "label": _("ดาวน์โหลดไฟล์"),
            "url": reverse("councils:export_download", kwargs={"pk": job.pk}) if done else None,
        }]
        return super().get_context_data(links=links, retention_days=settings.JOB_FILE_RETENTION_DAYS, **kwargs)


class ExportJobStatusView(JobStatusView):
    def get_queryset(self):
        return export_jobs_of(user=self.request.user)

    def get_download_url(self, job):
        return reverse("councils:export_download", kwargs={"pk": job.pk}) if job.file else None

    def get_details(self, job):
        return {"kind": job.kind, "format": job.file_format, "processed_rows": job.processed_rows,
                "total_rows": job.total_rows}


class ExportJobDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk):
        job = get_object_or_404(export_jobs_of(user=request.user), pk=pk)
        if job.status != JobStatus.DONE or not job.file:
            raise Http404(_("ไฟล์นี้ยังไม่พร้อมดาวน์โหลด"))
        filename = services.export_filename(kind=job.kind, fmt=job.file_format, on=timezone.localdate(job.finished_at))
        response = FileResponse(job.file.open("rb"), content_type=services.CONTENT_TYPES[job.file_format])
        return _attachment(response, filename)
