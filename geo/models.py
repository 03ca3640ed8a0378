"""Areas (DOPA codes), CODI regions and themes: the reference data every app stands on."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def _code_validator(digits: int):
    return RegexValidator(
        rf"^\d{{{digits}}}$",
        format_lazy(_("รหัสต้องเป็นตัวเลขอารบิก {digits} หลัก"), digits=digits),
        code="bad_code",
    )


class Province(models.Model):
    code = models.CharField(_("รหัสจังหวัด"), max_length=2, unique=True, validators=[_code_validator(2)])
    name_th = models.CharField(_("ชื่อ (ไทย)"), max_length=100)
    name_en = models.CharField(_("ชื่อ (อังกฤษ)"), max_length=100)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("จังหวัด")
        verbose_name_plural = _("จังหวัด")

    def __str__(self):
        return self.name_th


class District(models.Model):
    code = models.CharField(_("รหัสอำเภอ"), max_length=4, unique=True, validators=[_code_validator(4)])
    name_th = models.CharField(_("ชื่อ (ไทย)"), max_length=100)
    name_en = models.CharField(_("ชื่อ (อังกฤษ)"), max_length=100)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="districts", verbose_name=_("จังหวัด"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("อำเภอ/เขต")
        verbose_name_plural = _("อำเภอ/เขต")

    def __str__(self):
        return self.name_th


class Subdistrict(models.Model):
    code = models.CharField(_("รหัสตำบล"), max_length=6, unique=True, validators=[_code_validator(6)])
    name_th = models.CharField(_("ชื่อ (ไทย)"), max_length=100)
    name_en = models.CharField(_("ชื่อ (อังกฤษ)"), max_length=100)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="subdistricts", verbose_name=_("อำเภอ")
    )
    postal_codes = models.CharField(_("รหัสไปรษณีย์"), max_length=60, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("ตำบล/แขวง")
        verbose_name_plural = _("ตำบล/แขวง")

    def __str__(self):
        return self.name_th


class Theme(models.Model):
    """ประเด็นงาน: a topic plans, missions and organizations are tagged by."""

    code = models.SlugField(_("รหัส"), max_length=40, unique=True)
    name_th = models.CharField(_("ชื่อประเด็น"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_th"]
        verbose_name = _("ประเด็นงาน")
        verbose_name_plural = _("ประเด็นงาน")

    def __str__(self):
        return self.name_th


class Region(models.Model):
    """A CODI region (ภาค): a named set of provinces a regional office serves."""

    code = models.SlugField(_("รหัส"), max_length=20, unique=True)
    name_th = models.CharField(_("ชื่อภาค"), max_length=100)
    provinces = models.ManyToManyField(Province, related_name="regions", verbose_name=_("จังหวัด"))
    history = HistoricalRecords(m2m_fields=[provinces])

    class Meta:
        ordering = ["code"]
        verbose_name = _("ภาค (พอช.)")
        verbose_name_plural = _("ภาค (พอช.)")

    def __str__(self):
        return self.name_th
