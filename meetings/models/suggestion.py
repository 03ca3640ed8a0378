"""ข้อเสนอแนะ: a suggestion to a district's mechanism, from anyone, moderated and answered.

Addressed to the district (a DistrictMechanism is one per district, so it maps 1:1)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.models import TimeStampedModel
from common.thai import thai_truncate

from ..choices import SuggestionStatus


class Suggestion(TimeStampedModel):
    district = models.ForeignKey(
        "geo.District", on_delete=models.PROTECT, related_name="suggestions", verbose_name=_("อำเภอ")
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้ส่ง (สมาชิก)"),
    )
    name = models.CharField(_("ชื่อผู้ส่ง"), max_length=150, blank=True)
    text = models.TextField(_("ข้อเสนอแนะ"))
    status = models.CharField(
        _("สถานะ"), max_length=20, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING
    )
    reject_reason = models.TextField(_("เหตุผลที่ไม่เผยแพร่"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้ตรวจสอบ"),
    )
    answer = models.TextField(_("คำตอบ"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้ตอบ"),
    )
    answered_at = models.DateTimeField(_("ตอบเมื่อ"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["name"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ข้อเสนอแนะ")
        verbose_name_plural = _("ข้อเสนอแนะ")

    def __str__(self):
        return thai_truncate(self.text, 60)
