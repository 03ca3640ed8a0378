"""The migration that gave import jobs the common job shape carries every old row forward."""

from importlib import import_module

import pytest
from django.apps import apps

from councils.models import ImportJob

pytestmark = pytest.mark.django_db

MIGRATION = import_module("councils.migrations.0007_import_jobs_share_the_job_shape")

# old status, rows (processed, total, valid) → (status, stage, progress)
CASES = [
    ("uploaded", (0, 0, 0), ("queued", "check", 0)),
    ("validating", (30, 120, 0), ("running", "check", 25)),
    ("previewed", (120, 120, 100), ("waiting", "check", 100)),
    ("importing", (0, 120, 100), ("queued", "write", 0)),
    ("done", (120, 120, 100), ("done", "write", 100)),
    ("failed", (10, 120, 0), ("failed", "check", 8)),  # failed while checking
    ("failed", (0, 120, 100), ("failed", "write", 0)),  # failed while writing: it had a preview
]


def test_old_statuses_map_onto_the_common_status_and_a_stage(codi_staff):
    jobs = []
    for old, (processed, total, valid), _expected in CASES:
        job = ImportJob.objects.create(kind="organizations", file="imports/x.xlsx", original_name="x.xlsx",
                                       requested_by=codi_staff)
        ImportJob.objects.filter(pk=job.pk).update(
            status=old, stage="check", progress=0, processed_rows=processed, total_rows=total, valid_rows=valid
        )
        jobs.append(job)
    MIGRATION.to_job_shape(apps, None)
    got = [ImportJob.objects.values_list("status", "stage", "progress").get(pk=job.pk) for job in jobs]
    assert got == [expected for _old, _rows, expected in CASES]

    MIGRATION.from_job_shape(apps, None)
    assert [ImportJob.objects.get(pk=job.pk).status for job in jobs] == [old for old, _rows, _expected in CASES]
