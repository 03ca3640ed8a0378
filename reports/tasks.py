"""Celery entry points: take ids, call a service, nothing else."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from . import schedule, services


def _reason(exc) -> str:
    if isinstance(exc, SoftTimeLimitExceeded):
        return _("ใช้เวลาสร้างรายงานนานเกินกำหนด")
    return _("สร้างรายงานไม่สำเร็จ: %(error)s") % {"error": f"{type(exc).__name__}: {exc}"}


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=15 * 60,
    time_limit=20 * 60,
    max_retries=settings.REPORT_MAX_ATTEMPTS - 1,
)
def generate_report(self, report_id: int) -> None:
    redelivered = bool((self.request.delivery_info or {}).get("redelivered"))
    try:
        services.report_generate(report_id=report_id, redelivered=redelivered)
    except Exception as exc:
        services.report_fail(report_id=report_id, reason=_reason(exc))
        raise


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
