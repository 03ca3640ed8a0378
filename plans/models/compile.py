"""The district plan's PDF made by a job: a large district (hundreds of items) takes
WeasyPrint longer than a web request should wait (see ``plans.compiled_pdf``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.jobs.choices import JobStatus as _S
from common.jobs.models import Job
from common.validators import validate_be_year


class DistrictPlanPdf(Job):
    """One district's plan of one fiscal year as PDF, for the user who asked (only they
    may follow and download it)."""

    district = models.ForeignKey("geo.District", on_delete=models.CASCADE, related_name="+", verbose_name=_("อำเภอ"))
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=[validate_be_year])
    file = models.FileField(_("ไฟล์"), upload_to="district_plans/%Y/%m/", blank=True)
    pages = models.PositiveIntegerField(_("จำนวนหน้า"), default=0)

    detail_url_name = "plans:district_plan_pdf_job"
    status_labels = {_S.RUNNING: _("กำลังจัดทำ PDF"), _S.DONE: _("PDF พร้อมดาวน์โหลด")}

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("งานจัดทำ PDF แผนระดับอำเภอ")
        verbose_name_plural = _("งานจัดทำ PDF แผนระดับอำเภอ")

    def __str__(self):
        return f"{self.district_id} {self.fiscal_year}"
