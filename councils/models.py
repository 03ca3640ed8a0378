"""Areas (DOPA codes), themes, councils and their activities."""

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.models import TimeStampedModel
from common.validators import validate_ce_date

from .choices import ActivityKind, CouncilStatus, OrganizationKind


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
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="districts", verbose_name=_("จังหวัด")
    )
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
    _("""ประเด็นงาน: a topic plans, missions and organizations are tagged by.""")

    code = models.SlugField(_("รหัส"), max_length=40, unique=True)
    name_th = models.CharField(_("ชื่อประเด็น"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_th"]
        verbose_name = _("ประเด็นงาน")
        verbose_name_plural = _("ประเด็นงาน")

    def __str__(self):
        return self.name_th


class Council(TimeStampedModel):
    _("""สภาองค์กรชุมชนตำบล: at most one per subdistrict.""")

    subdistrict = models.OneToOneField(
        Subdistrict, on_delete=models.PROTECT, related_name="council", verbose_name=_("ตำบล")
    )
    name = models.CharField(_("ชื่อสภา"), max_length=255)
    status = models.CharField(
        _("สถานะ"), max_length=20, choices=CouncilStatus.choices, default=CouncilStatus.ACTIVE
    )
    registration_number = models.CharField(_("เลขทะเบียนจัดตั้ง"), max_length=40, blank=True)
    registered_on = models.DateField(
        _("วันที่จดแจ้งจัดตั้ง"), null=True, blank=True, validators=[validate_ce_date]
    )
    is_published = models.BooleanField(_("เผยแพร่ต่อสาธารณะ"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["subdistrict__code"]
        verbose_name = _("สภาองค์กรชุมชนตำบล")
        verbose_name_plural = _("สภาองค์กรชุมชนตำบล")

    def __str__(self):
        return self.name

    @property
    def code(self) -> str:
        return self.subdistrict.code

    def get_absolute_url(self):
        return reverse("councils:council_detail", kwargs={"code": self.subdistrict.code})


class CommunityOrganization(TimeStampedModel):
    _("""องค์กรชุมชน registered with CODI, belonging to a council. Deepened by the registry issue.""")

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="organizations", verbose_name=_("สภา")
    )
    code = models.CharField(_("รหัส พอช."), max_length=20, unique=True)
    name = models.CharField(_("ชื่อองค์กร"), max_length=255)
    kind = models.CharField(_("ประเภท"), max_length=30, choices=OrganizationKind.choices)
    member_count = models.PositiveIntegerField(_("จำนวนสมาชิก"), default=0)
    registered_on = models.DateField(_("วันที่จดแจ้ง"), null=True, blank=True, validators=[validate_ce_date])
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("องค์กรชุมชน")
        verbose_name_plural = _("องค์กรชุมชน")

    def __str__(self):
        return self.name


class Activity(TimeStampedModel):
    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="activities", verbose_name=_("สภา")
    )
    date = models.DateField(_("วันที่จัดกิจกรรม"), validators=[validate_ce_date])
    kind = models.CharField(_("ประเภทกิจกรรม"), max_length=30, choices=ActivityKind.choices)
    title = models.CharField(_("ชื่อกิจกรรม"), max_length=255)
    description = models.TextField(_("รายละเอียด"), blank=True)
    participants = models.PositiveIntegerField(
        _("จำนวนผู้เข้าร่วม (คน)"), default=0, validators=[MinValueValidator(0)]
    )
    photo = models.ImageField(_("ภาพกิจกรรม"), upload_to="activities/%Y/%m/", blank=True)
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), db_index=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("บันทึกโดย"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("กิจกรรม")
        verbose_name_plural = _("กิจกรรม")
        indexes = [models.Index(fields=["council", "-date"])]

    def __str__(self):
        return self.title
