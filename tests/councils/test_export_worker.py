"""An export job on a REAL Celery worker (prefork, one child) and a real Redis broker, with
the harness of tests/reports/test_worker.py: the page asks, the worker writes the file, the
owner downloads it and nobody else can."""

import os
import time
from pathlib import Path

import pytest

from common.jobs.choices import JobStatus
from councils.models import ExportJob
from tests.reports.conftest import point_celery_at, redis_broker, start_worker  # noqa: F401 (fixtures)

from ..factories import CommunityOrganizationFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _wait_for(pk: int, *, worker, timeout: float = 60) -> ExportJob:
    deadline = time.monotonic() + timeout
    while True:
        job = ExportJob.objects.get(pk=pk)
        if job.status in (JobStatus.DONE, JobStatus.FAILED):
            return job
        if time.monotonic() > deadline:
            pytest.fail(f"export job {pk} still {job.status!r} after {timeout}s\n{worker.log()}")
        time.sleep(0.2)


def test_worker_writes_the_export_and_only_its_owner_downloads_it(
    start_worker, world, codi_regional, codi_staff, client, settings  # noqa: F811
):
    settings.EXPORT_INLINE_MAX_ROWS = 1
    for n in range(3):
        CommunityOrganizationFactory(council=world.council_x, code=f"CO{n}", name=f"=cmd{n}")
    CommunityOrganizationFactory(council=world.council_w, code="CO9")  # outside the regional staff's province
    worker = start_worker("export")

    client.force_login(codi_regional)
    response = client.post("/councils/exports/organizations.csv")  # the job is sent on commit

    job = ExportJob.objects.get()
    assert response["Location"] == f"/councils/exports/jobs/{job.pk}/"
    job = _wait_for(job.pk, worker=worker)
    assert job.status == JobStatus.DONE, job.error
    assert (job.attempts, job.progress, job.total_rows) == (1, 100, 3)
    assert Path(settings.MEDIA_ROOT, job.file.name).is_file()
    [end] = worker.wait_for_event("task_end")
    [start] = [e for e in worker.events() if e["event"] == "task_start"]
    assert start["pid"] not in {os.getpid(), worker.pid} and end["state"] == "SUCCESS"  # really in the worker

    download = client.get(f"/councils/exports/jobs/{job.pk}/download/")
    lines = b"".join(download.streaming_content).decode("utf-8").splitlines()
    assert [line.split(",")[:2] for line in lines[1:]] == [["CO0", "'=cmd0"], ["CO1", "'=cmd1"], ["CO2", "'=cmd2"]]
    client.force_login(codi_staff)
    assert client.get(f"/councils/exports/jobs/{job.pk}/download/").status_code == 404
