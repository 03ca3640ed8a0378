"""What councils do: activities, with the agencies that took part and their photos."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.scoping import ScopedQuerySet
from agencies.models import Agency
from common.models import TimeStampedModel
from common.validators import validate_ce_date

from ..choices import ActivityKind
from .council import Council


class ActivityQuerySet(ScopedQuerySet):
    area_path = "council__subdistrict"



class Activity(TimeStampedModel):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="activities", verbose_name=_("สภา"))
    date = models.DateField(_("วันที่จัดกิจกรรม"), validators=[validate_ce_date])
    kind = models.CharField(_("ประเภทกิจกรรม"), max_length=30, choices=ActivityKind.choices)
    title = models.CharField(_("ชื่อกิจกรรม"), max_length=255)
    description = models.TextField(_("รายละเอียด"), blank=True)
    outcomes = models.TextField(_("ผลที่เกิดขึ้น"), blank=True)
    participants = models.PositiveIntegerField(_("จำนวนผู้เข้าร่วม (คน)"), default=0, validators=[MinValueValidator(0)])
    # Participants by group where known: {"youth": 12, "elderly": 8, ...} (ParticipantGroup keys).
    participants_by_group = models.JSONField(_("ผู้เข้าร่วมจำแนกตามกลุ่ม"), default=dict, blank=True)
    agencies = models.ManyToManyField(
        Agency, blank=True, related_name="activities", verbose_name=_("หน่วยงานที่ร่วมกิจกรรม")
    )
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), db_index=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("บันทึกโดย"),
    )
    history = HistoricalRecords(m2m_fields=[agencies])

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("กิจกรรม")
        verbose_name_plural = _("กิจกรรม")
        indexes = [models.Index(fields=["council", "-date"]), models.Index(fields=["fiscal_year", "kind"])]

    def __str__(self):
        return self.title


class ActivityPhoto(models.Model):
    """A photo of an activity, resized for the web when uploaded. Its file never changes
    (a new photo is a new row under a new random name), so the name is the photo's version."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="photos", verbose_name=_("กิจกรรม"))
    image = models.ImageField(
        _("ภาพ"), upload_to="activities/%Y/%m/", width_field="width", height_field="height", db_index=True
    )
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    caption = models.CharField(_("คำบรรยายภาพ"), max_length=255, blank=True)
    # Chosen for the annual report's photo section (by the council's staff or CODI staff).
    in_report = models.BooleanField(_("เลือกลงรายงานประจำปี"), default=False)
    created_at = models.DateTimeField(_("อัปโหลดเมื่อ"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("ภาพกิจกรรม")
        verbose_name_plural = _("ภาพกิจกรรม")
        # The report's photo section reads only the chosen few.
        indexes = [
            models.Index(fields=["activity"], condition=models.Q(in_report=True), name="activityphoto_in_report")
        ]

    def __str__(self):
        return self.caption or self.image.name
