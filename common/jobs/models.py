"""Job: the abstract model every background job row is built on."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .choices import ACTIVE_STATUSES, FINISHED_STATUSES, TRANSITIONS, JobStatus


class Job(models.Model):
    """Status, progress (0–100), attempts, the reason it failed, who asked and when.

    Rows are only moved by ``common.jobs.services`` (``job_move`` refuses an illegal
    move); a subclass names the settings that cap its attempts and, for the status
    endpoint, may give a more precise Thai label per state and a line of progress text.
    """

    status = models.CharField(_("สถานะ"), max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("ความคืบหน้า (%)"), default=0)
    error = models.TextField(_("สาเหตุที่ล้มเหลว"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("จำนวนครั้งที่พยายาม"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("ผู้ขอ")
    )
    requested_at = models.DateTimeField(_("ขอเมื่อ"), auto_now_add=True)
    started_at = models.DateTimeField(_("เริ่มเมื่อ"), null=True, blank=True)
    finished_at = models.DateTimeField(_("เสร็จเมื่อ"), null=True, blank=True)

    # Settings read by job_start and job_requeue_stale.
    max_attempts_setting = "JOB_MAX_ATTEMPTS"
    queued_grace_setting = "JOB_QUEUED_GRACE_SECONDS"
    # Thai labels that say more than the common ones (e.g. "กำลังสร้าง" for a report).
    status_labels: dict = {}
    # The URL name of the job's own page (takes pk).
    detail_url_name = ""

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        return reverse(self.detail_url_name, kwargs={"pk": self.pk})

    @classmethod
    def max_attempts(cls) -> int:
        return getattr(settings, cls.max_attempts_setting)

    @classmethod
    def queued_grace_seconds(cls) -> int:
        return getattr(settings, cls.queued_grace_setting)

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    def can_move_to(self, status: str) -> bool:
        return status in TRANSITIONS.get(self.status, ())

    @property
    def status_display(self) -> str:
        return str(self.status_labels.get(self.status) or self.get_status_display())

    @property
    def progress_text(self) -> str:
        """One line under the progress bar ("120 จาก 300 แถว"); empty when nothing to say."""
        return ""

    def attempts_exhausted_reason(self) -> str:
        return _("งานไม่สำเร็จหลังพยายาม %(n)s ครั้ง") % {"n": self.attempts}

    @classmethod
    def worker_lost_reason(cls) -> str:
        return _("เครื่องประมวลผลหยุดทำงานระหว่างทำงานนี้ซ้ำหลายครั้ง")
