"""A Report is one generated file: its request, its job status and the result."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.validators import validate_be_year

from .choices import ReportKind, ReportScope, ReportStatus


class Report(models.Model):
    kind = models.CharField(_("ประเภท"), max_length=20, choices=ReportKind.choices, default=ReportKind.ANNUAL)
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=[validate_be_year])
    scope = models.CharField(_("ขอบเขต"), max_length=20, choices=ReportScope.choices)
    province = models.ForeignKey(
        "councils.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("จังหวัด"),
    )
    status = models.CharField(
        _("สถานะ"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("ความคืบหน้า (%)"), default=0)
    file = models.FileField(_("ไฟล์"), upload_to="reports/%Y/", blank=True)
    error = models.TextField(_("สาเหตุที่ล้มเหลว"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("จำนวนครั้งที่พยายาม"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("ผู้ขอ"),
    )
    requested_at = models.DateTimeField(_("ขอเมื่อ"), auto_now_add=True)
    started_at = models.DateTimeField(_("เริ่มเมื่อ"), null=True, blank=True)
    finished_at = models.DateTimeField(_("เสร็จเมื่อ"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("รายงาน")
        verbose_name_plural = _("รายงาน")
        constraints = [
            models.CheckConstraint(
                name="report_province_scope_has_province",
                condition=~models.Q(scope="province") | models.Q(province__isnull=False),
            )
        ]

    def __str__(self):
        where = _("จังหวัด%(name)s") % {"name": self.province.name_th} if self.province_id else self.get_scope_display()
        return _("%(kind)s ปีงบประมาณ %(year)s %(where)s") % {
            "kind": self.get_kind_display(),
            "year": self.fiscal_year,
            "where": where,
        }

    @property
    def is_finished(self) -> bool:
        return self.status in {ReportStatus.DONE, ReportStatus.FAILED}
