"""A Report is one generated file: its request, its job status and the result."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from common.validators import validate_be_year

from .choices import ReportKind, ReportScope, ReportStatus


class Report(models.Model):
    kind = models.CharField("ประเภท", max_length=20, choices=ReportKind.choices, default=ReportKind.ANNUAL)
    fiscal_year = models.PositiveIntegerField("ปีงบประมาณ (พ.ศ.)", validators=[validate_be_year])
    scope = models.CharField("ขอบเขต", max_length=20, choices=ReportScope.choices)
    province = models.ForeignKey(
        "councils.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="จังหวัด",
    )
    status = models.CharField(
        "สถานะ", max_length=20, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField("ความคืบหน้า (%)", default=0)
    file = models.FileField("ไฟล์", upload_to="reports/%Y/", blank=True)
    error = models.TextField("สาเหตุที่ล้มเหลว", blank=True)
    attempts = models.PositiveSmallIntegerField("จำนวนครั้งที่พยายาม", default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="ผู้ขอ",
    )
    requested_at = models.DateTimeField("ขอเมื่อ", auto_now_add=True)
    started_at = models.DateTimeField("เริ่มเมื่อ", null=True, blank=True)
    finished_at = models.DateTimeField("เสร็จเมื่อ", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = "รายงาน"
        verbose_name_plural = "รายงาน"
        constraints = [
            models.CheckConstraint(
                name="report_province_scope_has_province",
                condition=~models.Q(scope="province") | models.Q(province__isnull=False),
            )
        ]

    def __str__(self):
        where = self.province.name_th if self.province_id else self.get_scope_display()
        return f"{self.get_kind_display()} ปีงบประมาณ {self.fiscal_year} {where}"

    @property
    def is_finished(self) -> bool:
        return self.status in {ReportStatus.DONE, ReportStatus.FAILED}
