"""Agencies the councils work with (LAOs are agencies of a local kind), what each can
support (``Mission``) and the cooperation agreements (MoU) it signs."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.models import TimeStampedModel
from common.validators import validate_be_year, validate_ce_date

from .choices import (
    CENTRAL_DEPARTMENT_KINDS,
    FUND_KINDS,
    KIND_AREA_LEVELS,
    LOCAL_GOVERNMENT_KINDS,
    AgencyKind,
    AreaLevel,
)


class AgencyQuerySet(models.QuerySet):
    def local_governments(self):
        return self.filter(kind__in=LOCAL_GOVERNMENT_KINDS)

    def national(self):
        return self.filter(province__isnull=True)


class Agency(TimeStampedModel):
    """The area is the narrowest of province, district and tambon that is set; none set is
    a national agency (a central department). See ``AreaLevel``."""

    name = models.CharField(_("ชื่อหน่วยงาน"), max_length=255)
    kind = models.CharField(_("ประเภท"), max_length=40, choices=AgencyKind.choices)
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
        "geo.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agencies",
        verbose_name=_("จังหวัด"),
        help_text=_("เว้นว่างสำหรับหน่วยงานส่วนกลางที่ดูแลทั้งประเทศ"),
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
        constraints = [
            # The area is a chain: a tambon needs its district, a district its province.
            models.CheckConstraint(
                condition=(Q(subdistrict__isnull=True) | Q(district__isnull=False))
                & (Q(district__isnull=True) | Q(province__isnull=False)),
                name="agency_area_is_a_chain",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_local_government(self) -> bool:
        return self.kind in LOCAL_GOVERNMENT_KINDS

    @property
    def is_central_department(self) -> bool:
        return self.kind in CENTRAL_DEPARTMENT_KINDS

    @property
    def is_fund(self) -> bool:
        return self.kind in FUND_KINDS

    @property
    def area_level(self) -> str:
        if self.subdistrict_id:
            return AreaLevel.TAMBON
        if self.district_id:
            return AreaLevel.DISTRICT
        if self.province_id:
            return AreaLevel.PROVINCE
        return AreaLevel.NATIONAL

    @property
    def is_national(self) -> bool:
        return self.province_id is None

    def clean(self):
        errors = {}
        if self.is_local_government and not self.dla_code:
            errors["dla_code"] = _("องค์กรปกครองส่วนท้องถิ่นต้องมีรหัส อปท. 7 หลัก")
        if not self.is_local_government and self.dla_code:
            errors["dla_code"] = _("รหัส อปท. ใช้เฉพาะองค์กรปกครองส่วนท้องถิ่น")
        if self.subdistrict_id and not self.district_id:
            errors["district"] = _("เลือกตำบลแล้วต้องเลือกอำเภอของตำบลนั้นด้วย")
        elif self.subdistrict_id and self.subdistrict.district_id != self.district_id:
            errors["subdistrict"] = _("ตำบลไม่อยู่ในอำเภอที่เลือก")
        if self.district_id and not self.province_id:
            errors["province"] = _("เลือกอำเภอแล้วต้องเลือกจังหวัดของอำเภอนั้นด้วย")
        elif self.district_id and self.district.province_id != self.province_id:
            errors["district"] = _("อำเภอไม่อยู่ในจังหวัดที่เลือก")
        allowed = KIND_AREA_LEVELS.get(self.kind)
        if allowed and self.area_level not in allowed and "kind" not in errors:
            errors["kind"] = _("%(kind)s ต้องมีพื้นที่ระดับ%(levels)s แต่ข้อมูลที่กรอกเป็นระดับ%(level)s") % {
                "kind": AgencyKind(self.kind).label,
                "levels": " หรือ ".join(str(AreaLevel(v).label) for v in AreaLevel if v in allowed),
                "level": AreaLevel(self.area_level).label,
            }
        if errors:
            raise ValidationError(errors)


class MissionQuerySet(models.QuerySet):
    def for_fiscal_year_first(self, fiscal_year: int):
        """The given fiscal year's missions first, then the newest years."""
        return self.annotate(
            is_current=models.Case(
                models.When(fiscal_year=fiscal_year, then=models.Value(0)),
                default=models.Value(1),
                output_field=models.IntegerField(),
            )
        ).order_by("is_current", "-fiscal_year", "theme__name_th", "title", "pk")


class Mission(TimeStampedModel):
    """พันธกิจ/ภารกิจ: what an agency can support in a fiscal year, tagged by theme, so a
    council's plan item can be matched to the agency that can act on it."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="missions", verbose_name=_("หน่วยงาน"))
    theme = models.ForeignKey(
        "geo.Theme", on_delete=models.PROTECT, related_name="missions", verbose_name=_("ประเด็นงาน")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=[validate_be_year])
    title = models.CharField(_("ภารกิจ"), max_length=255)
    description = models.TextField(_("รายละเอียด"), blank=True)
    budget_line = models.CharField(_("แผนงาน/รายการงบประมาณ"), max_length=255, blank=True)
    budget_amount = models.DecimalField(
        _("วงเงิน (บาท)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("วงเงินต้องไม่ติดลบ"))],
    )
    contact_name = models.CharField(_("ผู้ประสานงาน"), max_length=200, blank=True)
    contact_phone = models.CharField(_("โทรศัพท์ผู้ประสานงาน"), max_length=40, blank=True)
    contact_email = models.EmailField(_("อีเมลผู้ประสานงาน"), blank=True)
    history = HistoricalRecords()

    objects = MissionQuerySet.as_manager()

    class Meta:
        ordering = ["-fiscal_year", "title", "pk"]
        verbose_name = _("พันธกิจ/ภารกิจ")
        verbose_name_plural = _("พันธกิจ/ภารกิจ")

    def __str__(self):
        return self.title


def agreement_upload_to(instance, filename: str) -> str:
    return f"agreements/{instance.agency_id}/{filename}"


class CooperationAgreement(TimeStampedModel):
    """บันทึกข้อตกลงความร่วมมือ (MoU) of an agency with other agencies and parties. The
    signed PDF is served by the portal (agencies/views) to signed-in users whose scope
    covers the agency, or to everyone when ``is_public``."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("หน่วยงาน"))
    title = models.CharField(_("ชื่อข้อตกลง"), max_length=255)
    other_agencies = models.ManyToManyField(
        Agency, blank=True, related_name="agreements_joined", verbose_name=_("หน่วยงานภาคีที่ร่วมลงนาม")
    )
    other_parties = models.TextField(_("ภาคีอื่นที่ร่วมลงนาม"), blank=True, help_text=_("ภาคีที่ไม่มีในระบบ บรรทัดละหนึ่งราย"))
    signed_on = models.DateField(_("วันที่ลงนาม"), validators=[validate_ce_date])
    starts_on = models.DateField(_("เริ่มมีผล"), validators=[validate_ce_date])
    ends_on = models.DateField(_("สิ้นสุด"), null=True, blank=True, validators=[validate_ce_date])
    province = models.ForeignKey(
        "geo.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("จังหวัดที่ดำเนินการ"),
    )
    district = models.ForeignKey(
        "geo.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("อำเภอที่ดำเนินการ"),
    )
    file = models.FileField(_("ไฟล์ข้อตกลงที่ลงนามแล้ว (PDF)"), upload_to=agreement_upload_to, blank=True)
    is_public = models.BooleanField(
        _("เผยแพร่ไฟล์ต่อสาธารณะ"), default=False, help_text=_("ไม่เลือก: เฉพาะผู้ใช้ที่เข้าสู่ระบบในพื้นที่")
    )
    history = HistoricalRecords(m2m_fields=[other_agencies])

    class Meta:
        ordering = ["-signed_on", "title", "pk"]
        verbose_name = _("บันทึกข้อตกลงความร่วมมือ")
        verbose_name_plural = _("บันทึกข้อตกลงความร่วมมือ")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="agreement_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(district__isnull=True) | Q(province__isnull=False),
                name="agreement_area_is_a_chain",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def other_party_lines(self) -> list[str]:
        return [line.strip() for line in self.other_parties.splitlines() if line.strip()]

    def clean(self):
        errors = {}
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("วันสิ้นสุดต้องไม่ก่อนวันเริ่มมีผล")
        if self.district_id and not self.province_id:
            errors["province"] = _("เลือกอำเภอแล้วต้องเลือกจังหวัดของอำเภอนั้นด้วย")
        elif self.district_id and self.district.province_id != self.province_id:
            errors["district"] = _("อำเภอไม่อยู่ในจังหวัดที่เลือก")
        if errors:
            raise ValidationError(errors)
