"""The one status endpoint shape every job page polls (static/js/job-progress.js)."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View

from .choices import JobStatus
from .models import Job


def job_status_payload(job: Job, *, download_url: str | None = None, **details) -> dict:
    """The status JSON: the same keys for every job, then the job's own ``details``.

    ``running``: queued or running (the page keeps polling); ``finished``: done or failed;
    ``download_url`` only once the job is done and has a file."""
    return {
        "id": job.pk,
        "status": job.status,
        "status_display": job.status_display,
        "running": job.is_active,
        "finished": job.is_finished,
        "progress": job.progress,
        "progress_text": job.progress_text,
        "error": job.error,
        "detail_url": job.get_absolute_url(),
        "download_url": download_url if job.status == JobStatus.DONE else None,
        **details,
    }


class JobStatusView(LoginRequiredMixin, View):
    """GET: the job's status as JSON. A subclass names the selector that scopes the jobs
    to the user (another user's job is a 404) and adds its own details and links."""

    def get_queryset(self):
        raise NotImplementedError

    def get_download_url(self, job) -> str | None:
        return None

    def get_details(self, job) -> dict:
        return {}

    def get(self, request, pk):
        job = get_object_or_404(self.get_queryset(), pk=pk)
        return JsonResponse(job_status_payload(job, download_url=self.get_download_url(job), **self.get_details(job)))
