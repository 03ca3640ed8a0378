"""ข้อติดขัด: an obstacle a council raises to an agency, and each answer the agency gives."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.scoping import ScopedQuerySet
from common.models import TimeStampedModel

from ..choices import ObstacleStatus


class ObstacleQuerySet(ScopedQuerySet):
    area_path = "council__subdistrict"
    agency_path = "agency"

    def overdue(self, *, before):
        """Still unanswered (raised) since before ``before``."""
        return self.filter(status=ObstacleStatus.RAISED, created_at__lt=before)


class Obstacle(TimeStampedModel):
    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="obstacles", verbose_name=_("สภา")
    )
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="obstacles", verbose_name=_("หน่วยงานที่รับผิดชอบ")
    )
    theme = models.ForeignKey("geo.Theme", on_delete=models.PROTECT, related_name="+", verbose_name=_("ประเด็นงาน"))
    title = models.CharField(_("เรื่อง"), max_length=255)
    detail = models.TextField(_("รายละเอียด"))
    evidence = models.FileField(_("หลักฐาน"), upload_to="obstacles/", blank=True)
    activity = models.ForeignKey(
        "councils.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="obstacles",
        verbose_name=_("กิจกรรมที่เกี่ยวข้อง"),
    )
    plan_item = models.ForeignKey(
        "plans.PlanItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="obstacles",
        verbose_name=_("รายการในแผนที่เกี่ยวข้อง"),
    )
    # Raised about an item on the agenda of a meeting the council took part in.
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="raised_obstacles",
        verbose_name=_("ระเบียบวาระที่เกี่ยวข้อง"),
    )
    status = models.CharField(_("สถานะ"), max_length=20, choices=ObstacleStatus.choices, default=ObstacleStatus.RAISED)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("ผู้แจ้ง")
    )
    first_answered_at = models.DateTimeField(_("ตอบครั้งแรกเมื่อ"), null=True, blank=True)
    overdue_notified_at = models.DateTimeField(_("แจ้งเกินกำหนดเมื่อ"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ObstacleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ข้อติดขัด")
        verbose_name_plural = _("ข้อติดขัด")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return self.title


class Response(models.Model):
    """One answer of the agency: who, when, what, and the status it moved the obstacle to."""

    obstacle = models.ForeignKey(Obstacle, on_delete=models.CASCADE, related_name="responses", verbose_name=_("ข้อติดขัด"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("ผู้ตอบ"))
    created_at = models.DateTimeField(_("ตอบเมื่อ"), auto_now_add=True)
    text = models.TextField(_("คำตอบ"))
    status = models.CharField(_("สถานะหลังตอบ"), max_length=20, choices=ObstacleStatus.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("คำตอบของหน่วยงาน")
        verbose_name_plural = _("คำตอบของหน่วยงาน")

    def __str__(self):
        return f"{self.obstacle} → {self.get_status_display()}"
