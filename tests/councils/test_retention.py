"""Import uploads and export files are deleted once their job settled and the retention
period passed; rows, history and fresh files stay."""

import datetime as dt
import os

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from common.jobs.choices import JobStatus
from councils.choices import ExportFormat, ImportKind
from councils.models import ExportJob, ImportJob
from councils.services.retention import job_files_sweep

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(dt.datetime(2026, 11, 27, 2, 30))


def _import(user, *, status, finished_days_ago=None, requested_days_ago=0):
    job = ImportJob.objects.create(kind=ImportKind.ORGANIZATIONS, original_name="orgs.xlsx", requested_by=user,
                                   status=status)
    job.file.save("orgs.xlsx", ContentFile(b"PK-bytes"), save=True)
    finished = NOW - dt.timedelta(days=finished_days_ago) if finished_days_ago is not None else None
    ImportJob.objects.filter(pk=job.pk).update(
        finished_at=finished, requested_at=NOW - dt.timedelta(days=requested_days_ago)
    )
    job.refresh_from_db()
    return job


def test_settled_files_past_retention_go_and_the_rest_stay(settings, codi_staff, caplog):
    settings.JOB_FILE_RETENTION_DAYS = 7
    done_old = _import(codi_staff, status=JobStatus.DONE, finished_days_ago=8, requested_days_ago=8)
    refused_old = _import(codi_staff, status=JobStatus.FAILED, finished_days_ago=10, requested_days_ago=10)
    abandoned = _import(codi_staff, status=JobStatus.WAITING, requested_days_ago=9)
    done_fresh = _import(codi_staff, status=JobStatus.DONE, finished_days_ago=6, requested_days_ago=6)
    running_old = _import(codi_staff, status=JobStatus.RUNNING, requested_days_ago=30)
    export = ExportJob.objects.create(kind=ImportKind.ORGANIZATIONS, file_format=ExportFormat.XLSX,
                                      requested_by=codi_staff, status=JobStatus.DONE)
    export.file.save("export.xlsx", ContentFile(b"PK"), save=True)
    ExportJob.objects.filter(pk=export.pk).update(finished_at=NOW - dt.timedelta(days=8))
    paths = {job.pk: job.file.path for job in (done_old, refused_old, abandoned, done_fresh, running_old)}
    export_path = export.file.path

    with caplog.at_level("INFO", logger="councils.services.retention"):
        assert job_files_sweep(now=NOW) == {"imports": 3, "exports": 1}

    for job in (done_old, refused_old, abandoned):
        job.refresh_from_db()
        assert job.file.name == "" and not os.path.exists(paths[job.pk])
        assert job.original_name == "orgs.xlsx"  # the row and what it was stay
    for job in (done_fresh, running_old):
        job.refresh_from_db()
        assert job.file.name and os.path.exists(paths[job.pk])
    export.refresh_from_db()
    assert export.file.name == "" and not os.path.exists(export_path)
    assert f"removed {paths[done_old.pk].split('media/')[-1]} of import job {done_old.pk}" in caplog.text
    # A second sweep finds nothing more to do.
    assert job_files_sweep(now=NOW) == {"imports": 0, "exports": 0}


def test_the_sweep_is_scheduled_daily():
    task = PeriodicTask.objects.get(task="councils.tasks.sweep_job_files")
    assert (task.crontab.hour, task.crontab.minute, str(task.crontab.timezone)) == ("2", "30", "Asia/Bangkok")


def test_a_removed_export_says_so_on_its_page(client, codi_staff, settings):
    export = ExportJob.objects.create(kind=ImportKind.ORGANIZATIONS, file_format=ExportFormat.XLSX,
                                      requested_by=codi_staff, status=JobStatus.DONE)
    client.force_login(codi_staff)
    page = client.get(f"/councils/exports/jobs/{export.pk}/").content.decode()
    assert f"ไฟล์นี้ถูกลบแล้วเมื่อครบ {settings.JOB_FILE_RETENTION_DAYS} วันตามระยะเวลาเก็บรักษา" in page
    assert client.get(f"/councils/exports/jobs/{export.pk}/download/").status_code == 404
