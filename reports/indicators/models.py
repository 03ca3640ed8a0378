"""Monitoring indicators, their periods, targets and values (re-exported by reports.models).

Named ``Indicator`` as in the glossary; the assessment's criteria are
``councils.Indicator``. The two never point at each other: reverse accessors here are named
``monitoring_*`` and the verbose names say ตัวชี้วัดการติดตามผล, so the admin and the ORM
keep them apart."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.thai import fiscal_year_bounds, thai_date
from common.validators import validate_be_year

from ..choices import (
    Aggregation,
    AreaLevel,
    ComputedSource,
    IndicatorDirection,
    IndicatorKind,
    Periodicity,
    ValueStatus,
)

WHOLE_YEAR = 0
QUARTER_CHOICES = [(WHOLE_YEAR, _("ทั้งปีงบประมาณ")), (1, _("ไตรมาส 1")), (2, _("ไตรมาส 2")), (3, _("ไตรมาส 3")),
                   (4, _("ไตรมาส 4"))]  # fmt: skip


class Period(models.Model):
    """A fiscal year (BE) or one quarter of it; Q1 is October–December."""

    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=[validate_be_year])
    quarter = models.PositiveSmallIntegerField(_("ไตรมาส"), choices=QUARTER_CHOICES, default=WHOLE_YEAR)

    class Meta:
        ordering = ["-fiscal_year", "quarter"]
        verbose_name = _("รอบการรายงานตัวชี้วัด")
        verbose_name_plural = _("รอบการรายงานตัวชี้วัด")
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "quarter"], name="indicator_period_unique"),
            models.CheckConstraint(name="indicator_period_quarter_0_4", condition=models.Q(quarter__lte=4)),
        ]

    def __str__(self):
        if self.quarter == WHOLE_YEAR:
            return _("ปีงบประมาณ %(year)s") % {"year": self.fiscal_year}
        return _("ไตรมาส %(q)s/%(year)s") % {"q": self.quarter, "year": self.fiscal_year}

    @property
    def is_year(self) -> bool:
        return self.quarter == WHOLE_YEAR

    @property
    def dates(self) -> tuple[dt.date, dt.date]:
        start, end = fiscal_year_bounds(self.fiscal_year)
        if self.is_year:
            return start, end
        month0 = 9 + 3 * (self.quarter - 1)  # 0-based month counted from January of start.year
        first = dt.date(start.year + month0 // 12, month0 % 12 + 1, 1)
        month3 = month0 + 3
        after = dt.date(start.year + month3 // 12, month3 % 12 + 1, 1)
        return first, after - dt.timedelta(days=1)

    @property
    def dates_label(self) -> str:
        first, last = self.dates
        return f"{thai_date(first, 'short')} – {thai_date(last, 'short')}"


class Indicator(models.Model):
    """ตัวชี้วัด of the monitoring catalogue (not an assessment criterion)."""

    code = models.CharField(_("รหัส"), max_length=20, unique=True)
    name_th = models.CharField(_("ชื่อตัวชี้วัด"), max_length=255)
    description = models.TextField(_("คำอธิบาย"), blank=True)
    kind = models.CharField(
        _("ประเภท"), max_length=20, choices=IndicatorKind.choices, default=IndicatorKind.QUANTITATIVE
    )
    unit = models.CharField(_("หน่วยนับ"), max_length=50, blank=True)
    direction = models.CharField(
        _("ทิศทาง"), max_length=10, choices=IndicatorDirection.choices, default=IndicatorDirection.HIGHER
    )
    level = models.CharField(_("ระดับที่รายงาน"), max_length=20, choices=AreaLevel.choices)
    periodicity = models.CharField(_("ความถี่"), max_length=10, choices=Periodicity.choices, default=Periodicity.YEAR)
    aggregation = models.CharField(
        _("การรวมผลขึ้นระดับบน"), max_length=10, choices=Aggregation.choices, default=Aggregation.SUM
    )
    theme = models.ForeignKey(
        "geo.Theme", on_delete=models.SET_NULL, null=True, blank=True, related_name="monitoring_indicators",
        verbose_name=_("ประเด็นงาน"),
    )  # fmt: skip
    computed = models.CharField(
        _("คำนวณจากระบบ"), max_length=40, choices=ComputedSource.choices, blank=True,
        help_text=_("เว้นว่างเมื่อเจ้าหน้าที่บันทึกค่าเอง"),
    )  # fmt: skip
    is_active = models.BooleanField(_("ใช้งาน"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("ตัวชี้วัดการติดตามผล")
        verbose_name_plural = _("ตัวชี้วัดการติดตามผล")
        constraints = [
            models.CheckConstraint(
                name="indicator_qualitative_not_aggregated",
                condition=~models.Q(kind="qualitative") | models.Q(aggregation="none"),
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name_th}"

    @property
    def is_computed(self) -> bool:
        return bool(self.computed)

    @property
    def is_quantitative(self) -> bool:
        return self.kind == IndicatorKind.QUANTITATIVE


class AreaFields(models.Model):
    """Where a target or value belongs: a council, a district, a province, or (none set) the
    whole country. ``area_key`` ("council:500202", "national") makes one row per area."""

    level = models.CharField(_("ระดับพื้นที่"), max_length=20, choices=AreaLevel.choices)
    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("สภา")
    )
    district = models.ForeignKey(
        "geo.District", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("อำเภอ")
    )
    province = models.ForeignKey(
        "geo.Province", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("จังหวัด")
    )
    area_key = models.CharField(_("รหัสพื้นที่"), max_length=30, editable=False)

    class Meta:
        abstract = True

    @property
    def area(self):
        return self.council or self.district or self.province

    @property
    def area_label(self) -> str:
        if self.council_id:
            return self.council.name
        if self.district_id:
            return _("อำเภอ%(name)s") % {"name": self.district.name_th}
        if self.province_id:
            return _("จังหวัด%(name)s") % {"name": self.province.name_th}
        return str(_("ทั้งประเทศ"))


def evidence_path(instance, filename: str) -> str:
    return f"indicators/{instance.period.fiscal_year}/{filename}"


class IndicatorTarget(AreaFields):
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="monitoring_targets", verbose_name=_("ตัวชี้วัด")
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="monitoring_targets", verbose_name=_("รอบ")
    )
    value = models.DecimalField(_("ค่าเป้าหมาย"), max_digits=14, decimal_places=2, null=True, blank=True)
    text = models.CharField(_("เป้าหมายเชิงคุณภาพ"), max_length=255, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__code", "period", "area_key"]
        verbose_name = _("เป้าหมายตัวชี้วัด")
        verbose_name_plural = _("เป้าหมายตัวชี้วัด")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period", "area_key"], name="indicator_target_one_per_area"),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.period} {self.area_key}"


class IndicatorValue(AreaFields):
    """An actual value: entered and submitted by the area's own side, approved or returned
    (with a reason) by the level above. Every change is kept (simple-history)."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="monitoring_values", verbose_name=_("ตัวชี้วัด")
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="monitoring_values", verbose_name=_("รอบ")
    )
    value = models.DecimalField(_("ผลการดำเนินงาน"), max_digits=14, decimal_places=2, null=True, blank=True)
    text = models.TextField(_("ผลเชิงคุณภาพ"), blank=True)
    comment = models.TextField(_("คำอธิบายประกอบ"), blank=True)
    evidence = models.FileField(_("ไฟล์หลักฐาน"), upload_to=evidence_path, max_length=255, blank=True)
    evidence_name = models.CharField(max_length=255, blank=True)
    evidence_type = models.CharField(max_length=80, blank=True)
    evidence_link = models.URLField(_("ลิงก์หลักฐาน"), max_length=500, blank=True)
    status = models.CharField(_("สถานะ"), max_length=20, choices=ValueStatus.choices, default=ValueStatus.DRAFT)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("ผู้บันทึก")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("ผู้ส่ง"),
    )  # fmt: skip
    submitted_at = models.DateTimeField(_("ส่งเมื่อ"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("ผู้อนุมัติหรือส่งกลับ"),
    )  # fmt: skip
    decided_at = models.DateTimeField(_("อนุมัติหรือส่งกลับเมื่อ"), null=True, blank=True)
    return_reason = models.TextField(_("เหตุผลที่ส่งกลับ"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__code", "period", "area_key"]
        verbose_name = _("ผลตัวชี้วัด")
        verbose_name_plural = _("ผลตัวชี้วัด")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period", "area_key"], name="indicator_value_one_per_area"),
            models.CheckConstraint(
                name="indicator_value_returned_has_reason",
                condition=~models.Q(status="returned") | ~models.Q(return_reason=""),
            ),
        ]
        indexes = [models.Index(fields=["status", "level"])]

    def __str__(self):
        return f"{self.indicator.code} {self.period} {self.area_key}"
