"""Import jobs: an uploaded file, its validation report and its import, run as a Celery job."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ImportKind, ImportMode, ImportStatus


class ImportJob(models.Model):
    kind = models.CharField(_("ข้อมูลที่นำเข้า"), max_length=20, choices=ImportKind.choices)
    file = models.FileField(_("ไฟล์"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    status = models.CharField(_("สถานะ"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.UPLOADED)
    mode = models.CharField(_("วิธีนำเข้า"), max_length=20, choices=ImportMode.choices, default=ImportMode.ALL_OR_NOTHING)
    total_rows = models.PositiveIntegerField(_("จำนวนแถว"), default=0)
    processed_rows = models.PositiveIntegerField(_("ประมวลผลแล้ว"), default=0)
    valid_rows = models.PositiveIntegerField(_("แถวที่ถูกต้อง"), default=0)
    error_rows = models.PositiveIntegerField(_("แถวที่ผิดพลาด"), default=0)
    imported_rows = models.PositiveIntegerField(_("นำเข้าแล้ว"), default=0)
    # [{"row": 12, "column": "รหัสตำบล", "message": "..."}], capped; file-level errors have row 0.
    errors = models.JSONField(_("ข้อผิดพลาด"), default=list, blank=True)
    error = models.TextField(_("สาเหตุที่ล้มเหลว"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("ผู้นำเข้า")
    )
    created_at = models.DateTimeField(_("อัปโหลดเมื่อ"), auto_now_add=True)
    finished_at = models.DateTimeField(_("เสร็จเมื่อ"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("งานนำเข้าข้อมูล")
        verbose_name_plural = _("งานนำเข้าข้อมูล")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.original_name}"

    @property
    def progress(self) -> int:
        return int(100 * self.processed_rows / self.total_rows) if self.total_rows else 0
