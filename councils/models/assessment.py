"""Quality assessment of councils against a configurable indicator set."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.scoping import ScopedQuerySet
from common.models import TimeStampedModel
from common.validators import validate_be_year, validate_ce_date
from geo.models import Theme

from ..choices import AssessmentLevel
from .council import Council

PERCENT = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]


class IndicatorSet(TimeStampedModel):
    """A version of the assessment form. Thresholds are percentages of the maximum score."""

    name = models.CharField(_("ชื่อชุดตัวชี้วัด"), max_length=255)
    is_active = models.BooleanField(_("ใช้งานอยู่"), default=True)
    strong_min = models.DecimalField(
        _("เกณฑ์ระดับเข้มแข็ง (%)"), max_digits=5, decimal_places=2, default=Decimal("80"), validators=PERCENT
    )
    medium_min = models.DecimalField(
        _("เกณฑ์ระดับปานกลาง (%)"), max_digits=5, decimal_places=2, default=Decimal("60"), validators=PERCENT
    )
    pass_min = models.DecimalField(
        _("เกณฑ์ผ่านการประเมิน (%)"), max_digits=5, decimal_places=2, default=Decimal("70"), validators=PERCENT
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_active", "name"]
        verbose_name = _("ชุดตัวชี้วัดการประเมิน")
        verbose_name_plural = _("ชุดตัวชี้วัดการประเมิน")
        constraints = [
            models.CheckConstraint(
                name="indicator_set_medium_below_strong", condition=models.Q(medium_min__lte=models.F("strong_min"))
            )
        ]

    def __str__(self):
        return self.name


class Indicator(models.Model):
    indicator_set = models.ForeignKey(
        IndicatorSet, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("ชุดตัวชี้วัด")
    )
    code = models.CharField(_("รหัส"), max_length=20)
    name = models.CharField(_("ตัวชี้วัด"), max_length=255)
    theme = models.ForeignKey(
        Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators", verbose_name=_("ประเด็นงาน")
    )
    max_score = models.PositiveSmallIntegerField(_("คะแนนเต็ม"), default=5, validators=[MinValueValidator(1)])
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator_set", "order", "code"]
        verbose_name = _("ตัวชี้วัด")
        verbose_name_plural = _("ตัวชี้วัด")
        constraints = [models.UniqueConstraint(fields=["indicator_set", "code"], name="indicator_code_unique_in_set")]

    def __str__(self):
        return f"{self.code} {self.name}"


class AssessmentQuerySet(ScopedQuerySet):
    area_path = "council__subdistrict"



class Assessment(TimeStampedModel):
    """A council's assessment for one fiscal year. ``level``, ``percent`` and ``passed`` are
    computed by the assessment service from the scores, never typed."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("สภา"))
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=[validate_be_year])
    indicator_set = models.ForeignKey(
        IndicatorSet, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("ชุดตัวชี้วัด")
    )
    assessed_on = models.DateField(_("วันที่ประเมิน"), validators=[validate_ce_date])
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("ผู้ประเมิน")
    )
    total_score = models.DecimalField(_("คะแนนรวม"), max_digits=7, decimal_places=2, default=Decimal("0"))
    max_score = models.DecimalField(_("คะแนนเต็ม"), max_digits=7, decimal_places=2, default=Decimal("0"))
    percent = models.DecimalField(_("ร้อยละ"), max_digits=5, decimal_places=2, default=Decimal("0"))
    level = models.CharField(_("ระดับ"), max_length=20, choices=AssessmentLevel.choices)
    passed = models.BooleanField(_("ผ่านการประเมิน"), default=False)
    note = models.TextField(_("ข้อสังเกต"), blank=True)
    history = HistoricalRecords()

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["council", "-fiscal_year"]
        verbose_name = _("การประเมินคุณภาพ")
        verbose_name_plural = _("การประเมินคุณภาพ")
        constraints = [
            models.UniqueConstraint(fields=["council", "fiscal_year"], name="assessment_one_per_council_year")
        ]
        indexes = [models.Index(fields=["fiscal_year", "level"])]

    def __str__(self):
        return f"{self.council} {self.fiscal_year}: {self.get_level_display()}"


class AssessmentScore(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="scores", verbose_name=_("การประเมิน")
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="scores", verbose_name=_("ตัวชี้วัด"))
    score = models.DecimalField(
        _("คะแนน"), max_digits=5, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "indicator__order"]
        verbose_name = _("คะแนนตัวชี้วัด")
        verbose_name_plural = _("คะแนนตัวชี้วัด")
        constraints = [models.UniqueConstraint(fields=["assessment", "indicator"], name="score_one_per_indicator")]

    def __str__(self):
        return f"{self.indicator.code}: {self.score}"
