"""Agencies the councils work with; local governments (LAOs) are agencies of a local kind."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.models import TimeStampedModel

from .choices import LOCAL_GOVERNMENT_KINDS, AgencyKind


class AgencyQuerySet(models.QuerySet):
    def local_governments(self):
        return self.filter(kind__in=LOCAL_GOVERNMENT_KINDS)


class Agency(TimeStampedModel):
    name = models.CharField(_("ชื่อหน่วยงาน"), max_length=255)
    kind = models.CharField(_("ประเภท"), max_length=30, choices=AgencyKind.choices)
    dla_code = models.CharField(
        _("รหัส อปท. (สถ.)"),
        max_length=7,
        unique=True,
        null=True,
        blank=True,
        validators=[RegexValidator(r"^\d{7}$", _("รหัส อปท. ต้องเป็นตัวเลข 7 หลัก"))],
        help_text=_("รหัส 7 หลักของกรมส่งเสริมการปกครองท้องถิ่น (เฉพาะ อปท.)"),
    )
    province = models.ForeignKey(
        "geo.Province", on_delete=models.PROTECT, related_name="agencies", verbose_name=_("จังหวัด")
    )
    district = models.ForeignKey(
        "geo.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agencies",
        verbose_name=_("อำเภอ"),
    )
    subdistrict = models.ForeignKey(
        "geo.Subdistrict",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agencies",
        verbose_name=_("ตำบล"),
    )
    history = HistoricalRecords()

    objects = AgencyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("หน่วยงานภาคี")
        verbose_name_plural = _("หน่วยงานภาคี")

    def __str__(self):
        return self.name

    @property
    def is_local_government(self) -> bool:
        return self.kind in LOCAL_GOVERNMENT_KINDS

    def clean(self):
        errors = {}
        if self.is_local_government and not self.dla_code:
            errors["dla_code"] = _("องค์กรปกครองส่วนท้องถิ่นต้องมีรหัส อปท. 7 หลัก")
        if not self.is_local_government and self.dla_code:
            errors["dla_code"] = _("รหัส อปท. ใช้เฉพาะองค์กรปกครองส่วนท้องถิ่น")
        if self.subdistrict_id and self.district_id and self.subdistrict.district_id != self.district_id:
            errors["subdistrict"] = _("ตำบลไม่อยู่ในอำเภอที่เลือก")
        if self.district_id and self.province_id and self.district.province_id != self.province_id:
            errors["district"] = _("อำเภอไม่อยู่ในจังหวัดที่เลือก")
        if errors:
            raise ValidationError(errors)
