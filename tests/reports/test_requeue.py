import datetime as dt

import pytest
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from reports import services
from reports.choices import ReportScope, ReportStatus
from reports.models import Report

pytestmark = pytest.mark.django_db


def _report(user, **fields):
    n = Report.objects.count() + 1
    report = Report.objects.create(
        fiscal_year=2569, scope=ReportScope.NATIONAL, requested_by=user, key=f"test:{n}", version=1
    )
    Report.objects.filter(pk=report.pk).update(**fields)
    report.refresh_from_db()
    return report


def test_the_sweep_is_scheduled_in_beat():
    task = PeriodicTask.objects.get(task="reports.tasks.requeue_stale_reports")
    assert (task.interval.every, task.interval.period, task.enabled) == (5, "minutes", True)


def test_lost_queued_job_is_sent_again_and_completes(world, codi_staff):
    lost = _report(codi_staff, requested_at=timezone.now() - dt.timedelta(minutes=10))
    fresh = _report(codi_staff)  # just asked for: its message may still be on its way
    result = services.report_requeue_stale()
    assert result == {"queued": 1, "stale": 0, "failed": 0}
    lost.refresh_from_db()
    fresh.refresh_from_db()
    assert (lost.status, lost.attempts) == (ReportStatus.DONE, 1)  # Celery is eager in tests
    assert fresh.status == ReportStatus.QUEUED


def test_job_of_a_dead_worker_is_retried_then_failed_when_attempts_run_out(world, codi_staff, settings):
    long_ago = timezone.now() - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 300)
    retry = _report(codi_staff, status=ReportStatus.RUNNING, started_at=long_ago, attempts=1)
    spent = _report(codi_staff, status=ReportStatus.RUNNING, started_at=long_ago, attempts=settings.REPORT_MAX_ATTEMPTS)
    recent = _report(codi_staff, status=ReportStatus.RUNNING, started_at=timezone.now(), attempts=1)
    assert services.report_requeue_stale() == {"queued": 0, "stale": 1, "failed": 1}
    retry.refresh_from_db()
    spent.refresh_from_db()
    recent.refresh_from_db()
    assert (retry.status, retry.attempts) == (ReportStatus.DONE, 2)
    assert spent.status == ReportStatus.FAILED and "หยุดทำงาน" in spent.error
    assert recent.status == ReportStatus.RUNNING


def test_duplicate_message_does_not_restart_a_running_job(world, codi_staff):
    running = _report(codi_staff, status=ReportStatus.RUNNING, started_at=timezone.now(), attempts=1)
    services.report_generate(report_id=running.pk)
    running.refresh_from_db()
    assert (running.status, running.attempts) == (ReportStatus.RUNNING, 1)
    # but a broker re-delivery after the worker died takes it over
    services.report_generate(report_id=running.pk, redelivered=True)
    running.refresh_from_db()
    assert (running.status, running.attempts) == (ReportStatus.DONE, 2)


def test_attempts_are_capped(world, codi_staff, settings):
    report = _report(codi_staff, attempts=settings.REPORT_MAX_ATTEMPTS)
    services.report_generate(report_id=report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert report.error == f"สร้างรายงานไม่สำเร็จหลังพยายาม {settings.REPORT_MAX_ATTEMPTS} ครั้ง"


def test_asking_again_while_running_joins_and_after_done_makes_a_new_version(world, codi_staff, django_capture_on_commit_callbacks):
    first = services.report_request(by=codi_staff, fiscal_year=2569, scope=ReportScope.NATIONAL)
    again = services.report_request(by=codi_staff, fiscal_year=2569, scope=ReportScope.NATIONAL)
    assert again.pk == first.pk and first.key == "annual:2569:-:national:-"
    other_year = services.report_request(by=codi_staff, fiscal_year=2568, scope=ReportScope.NATIONAL)
    assert other_year.pk != first.pk
    services.report_generate(report_id=first.pk)
    with django_capture_on_commit_callbacks(execute=True):
        second = services.report_request(by=codi_staff, fiscal_year=2569, scope=ReportScope.NATIONAL)
    assert (second.pk != first.pk, second.version) == (True, 2)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.file and second.file and first.file.name != second.file.name  # the earlier file is kept
