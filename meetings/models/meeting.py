"""Meetings of councils and district mechanisms. Deepened by a later issue."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.models import TimeStampedModel
from common.validators import validate_ce_date

from ..choices import MeetingKind


class Meeting(TimeStampedModel):
    kind = models.CharField(_("ประเภท"), max_length=20, choices=MeetingKind.choices)
    district = models.ForeignKey(
        "geo.District", on_delete=models.PROTECT, related_name="meetings", verbose_name=_("อำเภอ")
    )
    council = models.ForeignKey(
        "councils.Council",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("สภา"),
    )
    date = models.DateField(_("วันที่ประชุม"), validators=[validate_ce_date])
    title = models.CharField(_("เรื่อง"), max_length=255)
    minutes = models.TextField(_("บันทึกการประชุม"), blank=True)
    is_published = models.BooleanField(_("เผยแพร่ต่อสาธารณะ"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("การประชุม")
        verbose_name_plural = _("การประชุม")

    def __str__(self):
        return self.title
