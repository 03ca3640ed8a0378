"""Celery entry points: take ids, call a service, nothing else."""

from celery import shared_task
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.jobs.tasks import JobTask

from . import schedule, services


@shared_task(
    base=JobTask,
    bind=True,
    job_model="reports.Report",
    error_reason=_("สร้างรายงานไม่สำเร็จ: %(error)s"),
    timeout_reason=_("ใช้เวลาสร้างรายงานนานเกินกำหนด"),
    soft_time_limit=15 * 60,
    time_limit=20 * 60,
)
def generate_report(self, report_id: int) -> None:
    services.report_generate(report_id=report_id, redelivered=self.redelivered)


@shared_task(acks_late=True, soft_time_limit=60, time_limit=120)
def requeue_stale_reports() -> dict:
    """Periodic (django-celery-beat, every 5 minutes): re-send jobs the broker lost."""
    return services.report_requeue_stale()


@shared_task(acks_late=True, soft_time_limit=10 * 60, time_limit=15 * 60)
def schedule_quarterly_reports() -> int:
    """Periodic (django-celery-beat, 1 Jan/Apr/Jul/Oct): quarterly reports of every
    province and district for the fiscal quarter just finished."""
    return len(schedule.schedule_quarterly(today=timezone.localdate()))


@shared_task(acks_late=True, soft_time_limit=10 * 60, time_limit=15 * 60)
def schedule_annual_reports() -> int:
    """Periodic (django-celery-beat, 1 October): annual reports for the fiscal year just ended."""
    return len(schedule.schedule_annual(today=timezone.localdate()))
