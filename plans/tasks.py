"""Celery entry points of the plans app: take ids, call a service, nothing else."""

from celery import shared_task
from django.utils.translation import gettext_lazy as _

from common.jobs.tasks import JobTask

from .services import compile as compile_services


@shared_task(
    base=JobTask,
    job_model="plans.DistrictPlanPdf",
    bind=True,
    soft_time_limit=10 * 60,
    time_limit=12 * 60,
    error_reason=_("จัดทำ PDF แผนระดับอำเภอไม่สำเร็จเพราะเกิดข้อผิดพลาดในระบบ กรุณาลองใหม่ (งาน #%(id)s)"),
)
def run_district_plan_pdf(self, job_id: int) -> None:
    compile_services.district_plan_pdf_run(job_id=job_id, redelivered=self.redelivered)
