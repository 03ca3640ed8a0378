"""What an import of e-Plan rows is for: the local plan (and, when the rows come with an
amendment, the amendment that adds them). The job itself is the councils import engine's
``ImportJob`` (kind ``local_plan_projects``); this row ties it to its target."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.scoping import ScopedQuerySet


class LocalPlanImportQuerySet(ScopedQuerySet):
    area_path = "local_plan__lao__subdistrict"
    agency_path = "local_plan__lao"


class LocalPlanImport(models.Model):
    job = models.OneToOneField(
        "councils.ImportJob", on_delete=models.CASCADE, related_name="local_plan_import", verbose_name=_("งานนำเข้า")
    )
    local_plan = models.ForeignKey(
        "plans.LocalPlan", on_delete=models.CASCADE, related_name="imports", verbose_name=_("แผนพัฒนาท้องถิ่น")
    )
    amendment = models.ForeignKey(
        "plans.LocalPlanAmendment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="imports",
        verbose_name=_("นำเข้าเป็นโครงการของการแก้ไขแผน"),
    )

    objects = LocalPlanImportQuerySet.as_manager()

    class Meta:
        ordering = ["-job__requested_at"]
        verbose_name = _("การนำเข้าโครงการจาก e-Plan")
        verbose_name_plural = _("การนำเข้าโครงการจาก e-Plan")

    def __str__(self):
        return f"{self.local_plan} ← {self.job_id}"
