"""The district-level coordination mechanism (กลไกการเชื่อมโยงงานระดับอำเภอ) and its members."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.models import TimeStampedModel
from common.validators import validate_ce_date

from ..choices import MechanismCategory, MechanismRole
from .scoping import DistrictScopedQuerySet


class DistrictMechanism(TimeStampedModel):
    district = models.OneToOneField(
        "geo.District", on_delete=models.PROTECT, related_name="mechanism", verbose_name=_("อำเภอ")
    )
    name = models.CharField(_("ชื่อกลไก"), max_length=255)
    established_on = models.DateField(_("วันที่แต่งตั้ง"), null=True, blank=True, validators=[validate_ce_date])
    note = models.TextField(_("หมายเหตุ"), blank=True)
    history = HistoricalRecords()

    objects = DistrictScopedQuerySet.as_manager()

    class Meta:
        ordering = ["district__code"]
        verbose_name = _("กลไกการเชื่อมโยงงานระดับอำเภอ")
        verbose_name_plural = _("กลไกการเชื่อมโยงงานระดับอำเภอ")

    def __str__(self):
        return self.name


class MechanismMemberQuerySet(DistrictScopedQuerySet):
    district_path = "mechanism__district"

    def current(self, today):
        return self.filter(term_start__lte=today).filter(models.Q(term_end__isnull=True) | models.Q(term_end__gte=today))


class MechanismMember(TimeStampedModel):
    mechanism = models.ForeignKey(
        DistrictMechanism, on_delete=models.CASCADE, related_name="members", verbose_name=_("กลไก")
    )
    full_name = models.CharField(_("ชื่อ-สกุล"), max_length=255)
    position = models.CharField(_("ตำแหน่งในหน่วยงาน"), max_length=255, blank=True)
    category = models.CharField(_("ภาคส่วน"), max_length=20, choices=MechanismCategory.choices)
    role = models.CharField(_("บทบาทในกลไก"), max_length=20, choices=MechanismRole.choices, default=MechanismRole.MEMBER)
    term_start = models.DateField(_("เริ่มวาระ"), validators=[validate_ce_date])
    term_end = models.DateField(_("สิ้นสุดวาระ"), null=True, blank=True, validators=[validate_ce_date])
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("บัญชีผู้ใช้"),
    )
    council = models.ForeignKey(
        "councils.Council", on_delete=models.SET_NULL, null=True, blank=True, related_name="mechanism_seats",
        verbose_name=_("สภาที่เป็นผู้แทน"),
    )
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.SET_NULL, null=True, blank=True, related_name="mechanism_seats",
        verbose_name=_("หน่วยงานที่เป็นผู้แทน"),
    )
    history = HistoricalRecords()

    objects = MechanismMemberQuerySet.as_manager()

    class Meta:
        ordering = ["mechanism", "term_end", "role", "category", "full_name"]
        verbose_name = _("กรรมการกลไกระดับอำเภอ")
        verbose_name_plural = _("กรรมการกลไกระดับอำเภอ")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(term_end__isnull=True) | models.Q(term_end__gte=models.F("term_start")),
                name="mechanism_member_term_end_after_start",
                violation_error_message=_("วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ"),
            )
        ]

    def __str__(self):
        return self.full_name

    def is_current(self, today) -> bool:
        return self.term_start <= today and (self.term_end is None or self.term_end >= today)
