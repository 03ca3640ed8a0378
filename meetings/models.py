"""Meetings of councils and district mechanisms. Deepened by a later issue."""

from django.db import models
from simple_history.models import HistoricalRecords

from common.models import TimeStampedModel
from common.validators import validate_ce_date

from .choices import MeetingKind


class Meeting(TimeStampedModel):
    kind = models.CharField("ประเภท", max_length=20, choices=MeetingKind.choices)
    district = models.ForeignKey(
        "councils.District", on_delete=models.PROTECT, related_name="meetings", verbose_name="อำเภอ"
    )
    council = models.ForeignKey(
        "councils.Council",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name="สภา",
    )
    date = models.DateField("วันที่ประชุม", validators=[validate_ce_date])
    title = models.CharField("เรื่อง", max_length=255)
    minutes = models.TextField("บันทึกการประชุม", blank=True)
    is_published = models.BooleanField("เผยแพร่ต่อสาธารณะ", default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date"]
        verbose_name = "การประชุม"
        verbose_name_plural = "การประชุม"

    def __str__(self):
        return self.title
