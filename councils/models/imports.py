"""Import and export jobs (common.jobs): an uploaded file checked, previewed and written;
a large export written to a file for the user who asked."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.jobs.choices import JobStatus
from common.jobs.models import Job

from ..choices import ExportFormat, ImportKind, ImportMode, ImportStage

_S, _C, _W = JobStatus, ImportStage.CHECK, ImportStage.WRITE


def _rows_text(done: int, total: int) -> str:
    return _("%(done)s จาก %(total)s แถว") % {"done": done, "total": total} if total else ""


class ImportJob(Job):
    """Two runs of one job: CHECK reads every row and stages the valid ones, then waits
    for the user's choice (the preview); WRITE writes the staged rows. Progress is the
    share of rows processed in the current run."""

    kind = models.CharField(_("ข้อมูลที่นำเข้า"), max_length=20, choices=ImportKind.choices)
    stage = models.CharField(_("ขั้นตอน"), max_length=10, choices=ImportStage.choices, default=ImportStage.CHECK)
    file = models.FileField(_("ไฟล์"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    mode = models.CharField(_("วิธีนำเข้า"), max_length=20, choices=ImportMode.choices, default=ImportMode.ALL_OR_NOTHING)
    total_rows = models.PositiveIntegerField(_("จำนวนแถว"), default=0)
    processed_rows = models.PositiveIntegerField(_("ประมวลผลแล้ว"), default=0)
    valid_rows = models.PositiveIntegerField(_("แถวที่ถูกต้อง"), default=0)
    error_rows = models.PositiveIntegerField(_("แถวที่ผิดพลาด"), default=0)
    imported_rows = models.PositiveIntegerField(_("นำเข้าแล้ว"), default=0)
    # [{"row": 12, "column": "รหัสตำบล", "message": "..."}], capped; file-level errors have row 0.
    errors = models.JSONField(_("ข้อผิดพลาด"), default=list, blank=True)
    # What the check assumed about the file (the row taken as the header, columns ignored), in Thai.
    notices = models.JSONField(_("หมายเหตุการอ่านไฟล์"), default=list, blank=True)
    # The file has national ID numbers: it is deleted as soon as the import is over
    # (councils.services.retention), not after the retention period.
    holds_national_ids = models.BooleanField(_("มีเลขประจำตัวประชาชน"), default=False)

    detail_url_name = "councils:import_detail"
    # What the user reads for each (stage, status).
    LABELS = {
        (_C, _S.QUEUED): _("อัปโหลดแล้ว"),
        (_C, _S.RUNNING): _("กำลังตรวจสอบ"),
        (_C, _S.WAITING): _("ตรวจสอบแล้ว รอยืนยัน"),
        (_W, _S.QUEUED): _("กำลังนำเข้า"),
        (_W, _S.RUNNING): _("กำลังนำเข้า"),
        (_W, _S.DONE): _("นำเข้าเสร็จแล้ว"),
    }

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("งานนำเข้าข้อมูล")
        verbose_name_plural = _("งานนำเข้าข้อมูล")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.original_name}"

    @property
    def status_display(self) -> str:
        return str(self.LABELS.get((self.stage, self.status)) or self.get_status_display())

    @property
    def progress_text(self) -> str:
        return _rows_text(self.processed_rows, self.total_rows)


class ExportJob(Job):
    """An export too large to make in the request: the same rows as the inline export
    (same selector, same user), written to a file only its requester may download."""

    kind = models.CharField(_("ข้อมูลที่ส่งออก"), max_length=20, choices=ImportKind.choices)
    file_format = models.CharField(_("รูปแบบไฟล์"), max_length=10, choices=ExportFormat.choices)
    file = models.FileField(_("ไฟล์"), upload_to="exports/%Y/%m/", blank=True)
    total_rows = models.PositiveIntegerField(_("จำนวนแถว"), default=0)
    processed_rows = models.PositiveIntegerField(_("เขียนแล้ว"), default=0)

    detail_url_name = "councils:export_detail"
    status_labels = {_S.RUNNING: _("กำลังเตรียมไฟล์"), _S.DONE: _("ไฟล์พร้อมดาวน์โหลด")}

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("งานส่งออกข้อมูล")
        verbose_name_plural = _("งานส่งออกข้อมูล")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_file_format_display()})"

    @property
    def progress_text(self) -> str:
        return _rows_text(self.processed_rows, self.total_rows)
