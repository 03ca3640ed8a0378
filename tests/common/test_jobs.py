"""The common job shape (common.jobs): legal moves only, capped attempts, one failure path.

ExportJob stands in for every job model here; imports and reports have their own tests
of the same services through their own flows."""

import datetime as dt

import pytest
from django.utils import timezone

from common.jobs.choices import TRANSITIONS, JobStatus, sources_of
from common.jobs.services import JobTransitionError, job_fail, job_move, job_requeue_stale, job_start, jobs_move
from common.thai import thai_truncate
from councils.models import ExportJob

pytestmark = pytest.mark.django_db

Q, R, W, D, F = JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.WAITING, JobStatus.DONE, JobStatus.FAILED
LEGAL = {(Q, R), (Q, F), (R, R), (R, Q), (R, W), (R, D), (R, F), (W, Q), (W, F)}


def _job(user, status=Q, **fields) -> ExportJob:
    job = ExportJob.objects.create(requested_by=user, kind="organizations", file_format="csv")
    ExportJob.objects.filter(pk=job.pk).update(status=status, **fields)
    job.refresh_from_db()
    return job


def test_the_table_of_legal_moves():
    assert {(a, b) for a, targets in TRANSITIONS.items() for b in targets} == LEGAL
    assert sources_of(F) == (Q, R, W) and sources_of(R) == (Q, R) and sources_of(D) == (R,)


@pytest.mark.parametrize(("start", "to"), sorted({(a, b) for a in JobStatus for b in JobStatus} - LEGAL))
def test_an_illegal_move_is_refused_in_thai_and_changes_nothing(start, to, codi_staff):
    job = _job(codi_staff, status=start)
    with pytest.raises(JobTransitionError) as refused:
        job_move(job=job, to=to, progress=50)
    assert refused.value.messages == [
        f"เปลี่ยนสถานะงานจาก “{JobStatus(start).label}” เป็น “{JobStatus(to).label}” ไม่ได้"
    ]
    job.refresh_from_db()
    assert (job.status, job.progress, job.started_at, job.finished_at) == (start, 0, None, None)


def test_legal_moves_stamp_the_times(codi_staff):
    job = _job(codi_staff)
    job_move(job=job, to=R)
    job.refresh_from_db()
    assert job.status == R and job.started_at is not None and job.finished_at is None
    job_move(job=job, to=D, progress=100)
    job.refresh_from_db()
    assert (job.status, job.progress) == (D, 100) and job.finished_at >= job.started_at
    assert (job.is_active, job.is_finished) == (False, True)


def test_bulk_moves_touch_only_rows_that_may_move(codi_staff):
    rows = [_job(codi_staff, status=s) for s in (Q, R, W, D, F)]
    assert jobs_move(ExportJob.objects.all(), to=Q) == 2  # running (the sweep) and waiting (confirmed)
    assert [ExportJob.objects.get(pk=j.pk).status for j in rows] == [Q, Q, Q, D, F]


def test_fail_leaves_a_finished_job_alone_and_keeps_the_first_reason(codi_staff):
    done, running = _job(codi_staff, status=D), _job(codi_staff, status=R)
    assert job_fail(model=ExportJob, job_id=done.pk, reason="x") is False
    assert job_fail(model=ExportJob, job_id=running.pk, reason="ล้มครั้งแรก" * 500) is True
    assert job_fail(model=ExportJob, job_id=running.pk, reason="ล้มครั้งที่สอง") is False
    done.refresh_from_db()
    running.refresh_from_db()
    assert (done.status, done.error) == (D, "")
    assert running.status == F and running.finished_at
    # The first reason, cut to the column at a word boundary with "…", never mid-word.
    assert running.error == thai_truncate("ล้มครั้งแรก" * 500, 2000) and len(running.error) <= 2000
    assert running.error.startswith("ล้มครั้งแรก") and running.error.endswith(("ล้ม…", "ครั้ง…", "แรก…"))


def test_start_counts_attempts_and_fails_the_row_once_they_are_used(codi_staff, settings):
    settings.JOB_MAX_ATTEMPTS = 2
    job = _job(codi_staff)
    job, started = job_start(model=ExportJob, job_id=job.pk, progress=1)
    assert started and (job.status, job.attempts, job.progress) == (R, 1, 1)
    job, started = job_start(model=ExportJob, job_id=job.pk, redelivered=True)  # its worker died
    assert started and job.attempts == 2
    job, started = job_start(model=ExportJob, job_id=job.pk, redelivered=True)
    assert not started
    job.refresh_from_db()
    assert (job.status, job.attempts, job.error) == (F, 2, "งานไม่สำเร็จหลังพยายาม 2 ครั้ง")


def test_start_leaves_a_row_running_elsewhere_finished_waiting_or_of_another_stage(codi_staff, settings):
    running = _job(codi_staff, status=R, started_at=timezone.now(), attempts=1)
    assert job_start(model=ExportJob, job_id=running.pk)[1] is False  # a duplicate message
    for status in (W, D, F):
        assert job_start(model=ExportJob, job_id=_job(codi_staff, status=status).pk)[1] is False
    assert job_start(model=ExportJob, job_id=_job(codi_staff).pk, expect={"file_format": "xlsx"})[1] is False
    # past the hard time limit its attempt cannot be alive: the row is taken over
    long_ago = timezone.now() - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 1)
    ExportJob.objects.filter(pk=running.pk).update(started_at=long_ago)
    job, started = job_start(model=ExportJob, job_id=running.pk)
    assert started and job.attempts == 2
    assert ExportJob.objects.filter(status=Q).count() == 1  # only the other-format row is untouched


def test_the_sweep_resends_lost_jobs_and_fails_those_out_of_attempts(codi_staff, settings):
    now = timezone.now()
    stale_start = now - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 120)
    lost = _job(codi_staff, requested_at=now - dt.timedelta(seconds=settings.JOB_QUEUED_GRACE_SECONDS + 1))
    fresh = _job(codi_staff)
    stale = _job(codi_staff, status=R, started_at=stale_start, attempts=1, progress=40)
    spent = _job(codi_staff, status=R, started_at=stale_start, attempts=settings.JOB_MAX_ATTEMPTS)
    sent = []
    assert job_requeue_stale(model=ExportJob, enqueue=sent.append, now=now) == {"queued": 1, "stale": 1, "failed": 1}
    assert sorted(sent) == sorted([lost.pk, stale.pk])
    statuses = {j.pk: (j.status, j.progress) for j in ExportJob.objects.all()}
    assert statuses == {lost.pk: (Q, 0), fresh.pk: (Q, 0), stale.pk: (Q, 0), spent.pk: (F, 0)}
    assert ExportJob.objects.get(pk=spent.pk).error == "เครื่องประมวลผลหยุดทำงานระหว่างทำงานนี้ซ้ำหลายครั้ง"


def test_a_task_that_raises_marks_its_row_failed_with_its_thai_reason(codi_staff, monkeypatch):
    from councils import tasks

    def boom(**kwargs):
        raise RuntimeError("ดิสก์เต็ม")

    monkeypatch.setattr(tasks.exports, "export_job_run", boom)
    job = _job(codi_staff)
    tasks.run_export.apply(args=[job.pk])
    job.refresh_from_db()
    assert (job.status, job.error) == (
        F, f"ส่งออกข้อมูลไม่สำเร็จเพราะเกิดข้อผิดพลาดในระบบ กรุณาลองใหม่หรือแจ้งผู้ดูแลระบบ (งานส่งออก #{job.pk})"
    )


def test_a_task_over_its_soft_time_limit_says_so(codi_staff, monkeypatch):
    from celery.exceptions import SoftTimeLimitExceeded

    from reports import tasks
    from reports.models import Report

    def slow(**kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(tasks.services, "report_generate", slow)
    report = Report.objects.create(fiscal_year=2569, scope="national", requested_by=codi_staff, key="t", version=1)
    tasks.generate_report.apply(args=[report.pk])
    report.refresh_from_db()
    assert (report.status, report.error) == (F, "ใช้เวลาสร้างรายงานนานเกินกำหนด")


def test_a_job_that_loses_the_database_is_tried_again_and_finishes_once(codi_staff, monkeypatch):
    """Found by bench/faults.py: PostgreSQL restarting under a running job left its row
    RUNNING (on_failure could not write either) until the 20-minute sweep."""
    from django.db import OperationalError

    from councils import tasks

    calls = []

    def flaky(*, job_id, redelivered):
        job, started = job_start(model=ExportJob, job_id=job_id, redelivered=redelivered)
        calls.append((redelivered, started))
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        if started:
            job_move(job=job, to=JobStatus.DONE)

    monkeypatch.setattr(tasks.exports, "export_job_run", flaky)
    job = _job(codi_staff)
    tasks.run_export.apply(args=[job.pk])
    job.refresh_from_db()
    assert calls == [(False, True), (True, True)]  # the try after the outage takes its own RUNNING row over
    assert (job.status, job.attempts) == (JobStatus.DONE, 2)


def test_a_database_that_stays_down_fails_the_job_with_its_thai_reason(codi_staff, monkeypatch):
    from django.db import InterfaceError

    from councils import tasks

    def down(**kwargs):
        raise InterfaceError("connection already closed")

    monkeypatch.setattr(tasks.exports, "export_job_run", down)
    job = _job(codi_staff)
    tasks.run_export.apply(args=[job.pk])
    job.refresh_from_db()
    assert job.status == F and "ส่งออกข้อมูลไม่สำเร็จ" in job.error
