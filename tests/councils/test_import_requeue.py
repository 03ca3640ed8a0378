"""Import jobs the broker lost are re-sent by the stale-job sweep (the beat task
requeue_stale_exports), each to its stage. Found by bench/faults.py: an import uploaded or
confirmed while Redis was down stayed "queued" for ever."""

import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

from common.jobs.choices import JobStatus
from councils.choices import ImportMode, ImportStage
from councils.models import CommunityOrganization, ImportJob
from councils.services import imports as services
from councils.tasks import requeue_stale_exports

from . import import_corpus as corpus

pytestmark = pytest.mark.django_db
URL = "/councils/imports/"


def later(settings):
    return timezone.now() + dt.timedelta(seconds=settings.JOB_QUEUED_GRACE_SECONDS + 1)


def test_an_import_sent_while_the_broker_was_down_is_checked_then_written_after_the_sweep(
    tmp_path, world, codi_staff, client, settings, django_capture_on_commit_callbacks
):
    client.force_login(codi_staff)
    path = corpus.write_csv(tmp_path / "o.csv", corpus.good_org_rows()[:1])
    with mock.patch.object(services, "_enqueue"), django_capture_on_commit_callbacks(execute=True):  # Redis down
        with path.open("rb") as handle:
            client.post(URL, {"kind": "organizations", "file": handle})
    job = ImportJob.objects.get()
    assert (job.status, job.stage) == (JobStatus.QUEUED, ImportStage.CHECK)

    assert services.import_job_requeue_stale(now=later(settings)) == {"queued": 1, "stale": 0, "failed": 0}
    job.refresh_from_db()
    assert job.status == JobStatus.WAITING  # checked (Celery runs eagerly in tests)

    with mock.patch.object(services, "_enqueue"), django_capture_on_commit_callbacks(execute=True):
        client.post(f"{URL}{job.pk}/confirm/", {"mode": ImportMode.ALL_OR_NOTHING})
    job.refresh_from_db()
    assert (job.status, job.stage) == (JobStatus.QUEUED, ImportStage.WRITE)

    assert requeue_stale_exports.apply().get()["imports"] == {"queued": 0, "stale": 0, "failed": 0}  # not yet stale
    assert services.import_job_requeue_stale(now=later(settings))["queued"] == 1
    job.refresh_from_db()
    assert (job.status, job.imported_rows, job.attempts) == (JobStatus.DONE, 1, 1)
    assert CommunityOrganization.objects.count() == 1
    assert services.import_job_requeue_stale(now=later(settings)) == {"queued": 0, "stale": 0, "failed": 0}


def test_a_running_import_is_taken_over_only_past_the_import_tasks_own_time_limit(codi_staff, settings):
    now = timezone.now()
    started = {"past the global limit only": settings.CELERY_TASK_TIME_LIMIT + 120, "past its own": 25 * 60 + 120}
    jobs = {
        name: ImportJob.objects.create(
            kind="organizations", requested_by=codi_staff, status=JobStatus.RUNNING, stage=ImportStage.WRITE,
            attempts=1, started_at=now - dt.timedelta(seconds=seconds),
        )
        for name, seconds in started.items()
    }
    sent = []
    with mock.patch.object(services, "_enqueue", side_effect=lambda task, pk: sent.append((task, pk))):
        assert services.import_job_requeue_stale(now=now) == {"queued": 0, "stale": 1, "failed": 0}
    assert sent == [("run_import", jobs["past its own"].pk)]
    assert ImportJob.objects.get(pk=jobs["past the global limit only"].pk).status == JobStatus.RUNNING
