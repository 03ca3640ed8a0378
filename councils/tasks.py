"""Celery entry points of the councils app: take ids, call a service, nothing else."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.utils.translation import gettext as _

from .services import imports

logger = logging.getLogger(__name__)


def _reason(exc, *, job_id: int, doing: str) -> str:
    if isinstance(exc, SoftTimeLimitExceeded):
        return _("%(doing)sใช้เวลานานเกินกำหนด ไม่มีข้อมูลใดถูกบันทึก กรุณาแบ่งไฟล์ให้เล็กลงแล้วนำเข้าใหม่") % {"doing": doing}
    return _(
        "%(doing)sไม่สำเร็จเพราะเกิดข้อผิดพลาดในระบบ ไม่มีข้อมูลใดถูกบันทึก "
        "กรุณาลองใหม่หรือแจ้งผู้ดูแลระบบ (งานนำเข้า #%(id)s)"
    ) % {"doing": doing, "id": job_id}


# acks_late + reject_on_worker_lost: a worker killed mid-job leaves the message queued, and
# the services are safe to run twice (the writer holds a per-job advisory lock and writes
# in one transaction). The soft limit lets the job mark its row FAILED before the hard kill.
_OPTIONS = {"bind": True, "acks_late": True, "reject_on_worker_lost": True, "max_retries": 0}


@shared_task(soft_time_limit=20 * 60, time_limit=25 * 60, **_OPTIONS)
def validate_import(self, job_id: int) -> None:
    try:
        imports.import_job_validate(job_id=job_id)
    except Exception as exc:
        logger.exception("checking import job %s failed", job_id)
        imports.import_job_fail(job_id=job_id, reason=_reason(exc, job_id=job_id, doing=_("การตรวจสอบไฟล์")))
        raise


@shared_task(soft_time_limit=20 * 60, time_limit=25 * 60, **_OPTIONS)
def run_import(self, job_id: int) -> None:
    try:
        imports.import_job_run(job_id=job_id)
    except Exception as exc:
        logger.exception("writing import job %s failed", job_id)
        imports.import_job_fail(job_id=job_id, reason=_reason(exc, job_id=job_id, doing=_("การนำเข้าข้อมูล")))
        raise
