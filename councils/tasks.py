"""Celery entry points of the councils app: take ids, call a service, nothing else.

Every task is a common.jobs JobTask: acks late, re-delivered when its worker dies (the
services are safe to run twice: job_start locks the row and caps attempts, the import
writer also holds a per-job advisory lock and writes in one transaction), and an error
or the soft time limit marks the row FAILED with the Thai reason below.
"""

from celery import shared_task
from django.utils.translation import gettext_lazy as _

from common.jobs.tasks import JobTask

from .services import exports, imports, retention


class ImportTask(JobTask):
    job_model = "councils.ImportJob"

    def fail_job(self, job_id, reason: str) -> None:
        imports.import_job_fail(job_id=job_id, reason=reason)  # also drops the staged rows



@shared_task(
    base=ImportTask,
    bind=True,
    soft_time_limit=20 * 60,
    time_limit=imports.IMPORT_TIME_LIMIT,
    error_reason=_(
        "การตรวจสอบไฟล์ไม่สำเร็จเพราะเกิดข้อผิดพลาดในระบบ ไม่มีข้อมูลใดถูกบันทึก "
        "กรุณาลองใหม่หรือแจ้งผู้ดูแลระบบ (งานนำเข้า #%(id)s)"
    ),
    timeout_reason=_(
        "การตรวจสอบไฟล์ใช้เวลานานเกินกำหนด ไม่มีข้อมูลใดถูกบันทึก กรุณาแบ่งไฟล์ให้เล็กลงแล้วนำเข้าใหม่"
    ),
)
def validate_import(self, job_id: int) -> None:
    imports.import_job_validate(job_id=job_id, redelivered=self.redelivered)


@shared_task(
    base=ImportTask,
    bind=True,
    soft_time_limit=20 * 60,
    time_limit=imports.IMPORT_TIME_LIMIT,
    error_reason=_(
        "การนำเข้าข้อมูลไม่สำเร็จเพราะเกิดข้อผิดพลาดในระบบ ไม่มีข้อมูลใดถูกบันทึก "
        "กรุณาลองใหม่หรือแจ้งผู้ดูแลระบบ (งานนำเข้า #%(id)s)"
    ),
    timeout_reason=_(
        "การนำเข้าข้อมูลใช้เวลานานเกินกำหนด ไม่มีข้อมูลใดถูกบันทึก กรุณาแบ่งไฟล์ให้เล็กลงแล้วนำเข้าใหม่"
    ),
)
def run_import(self, job_id: int) -> None:
    imports.import_job_run(job_id=job_id, redelivered=self.redelivered)


@shared_task(
    base=JobTask,
    bind=True,
    job_model="councils.ExportJob",
    soft_time_limit=15 * 60,
    time_limit=20 * 60,
    error_reason=_("ส่งออกข้อมูลไม่สำเร็จเพราะเกิดข้อผิดพลาดในระบบ กรุณาลองใหม่หรือแจ้งผู้ดูแลระบบ (งานส่งออก #%(id)s)"),
    timeout_reason=_("การส่งออกข้อมูลใช้เวลานานเกินกำหนด กรุณาลองใหม่หรือแจ้งผู้ดูแลระบบ (งานส่งออก #%(id)s)"),
)
def run_export(self, job_id: int) -> None:
    exports.export_job_run(job_id=job_id, redelivered=self.redelivered)


@shared_task(acks_late=True, soft_time_limit=10 * 60, time_limit=15 * 60)
def sweep_job_files() -> dict:
    """Periodic (django-celery-beat, daily): delete import and export files past retention,
    and the PDF print copies no report has used lately."""
    return {**retention.job_files_sweep(), **retention.print_copies_sweep()}


@shared_task(acks_late=True, soft_time_limit=60, time_limit=120)
def requeue_stale_exports() -> dict:
    """Periodic (django-celery-beat, every 5 minutes): re-send the export and import jobs the
    broker lost. (One schedule for both: the beat row keeps its name, so no migration.)"""
    return {"exports": exports.export_job_requeue_stale(), "imports": imports.import_job_requeue_stale()}
