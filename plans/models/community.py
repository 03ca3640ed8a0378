"""Community plans (แผนพัฒนาชุมชน), their items, and how each item is taken up (Alignment)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.scoping import ScopedQuerySet
from common.models import TimeStampedModel
from common.thai import thai_truncate
from common.validators import validate_be_year

from ..choices import AlignmentStatus, Priority


class CommunityPlanQuerySet(ScopedQuerySet):
    area_path = "council__subdistrict"


class CommunityPlan(TimeStampedModel):
    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="plans", verbose_name=_("สภา")
    )
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=[validate_be_year])
    title = models.CharField(_("ชื่อแผน"), max_length=255)
    adopted_on = models.DateField(_("วันที่ที่ประชุมสภาให้ความเห็นชอบ"), null=True, blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("คัดลอกจากแผน"),
    )
    history = HistoricalRecords()

    objects = CommunityPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-fiscal_year", "council__subdistrict__code"]
        verbose_name = _("แผนพัฒนาชุมชน")
        verbose_name_plural = _("แผนพัฒนาชุมชน")
        constraints = [
            models.UniqueConstraint(
                fields=["council", "fiscal_year", "title"], name="plan_unique_title_per_year"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.fiscal_year})"


class PlanItemQuerySet(ScopedQuerySet):
    area_path = "plan__council__subdistrict"


class PlanItem(TimeStampedModel):
    plan = models.ForeignKey(
        CommunityPlan, on_delete=models.CASCADE, related_name="items", verbose_name=_("แผน")
    )
    theme = models.ForeignKey(
        "geo.Theme", on_delete=models.PROTECT, related_name="plan_items", verbose_name=_("ประเด็น")
    )
    title = models.CharField(_("ชื่อรายการ/โครงการ"), max_length=255)
    description = models.TextField(_("รายละเอียด"), blank=True)
    target_group = models.CharField(_("กลุ่มเป้าหมาย"), max_length=255, blank=True)
    location = models.CharField(
        _("พื้นที่ดำเนินการ"), max_length=255, blank=True, help_text=_("เช่น หมู่ที่ 3 บ้านหนองบัว")
    )
    priority = models.PositiveSmallIntegerField(_("ลำดับความสำคัญ"), choices=Priority.choices, default=Priority.MEDIUM)
    target_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="targeted_plan_items",
        verbose_name=_("หน่วยงาน/อปท. ที่เสนอให้ดำเนินการ"),
    )
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("คัดลอกจากรายการ"),
    )
    budget_needed = models.DecimalField(
        _("งบประมาณที่ต้องการ (บาท)"),
        max_digits=14,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    history = HistoricalRecords()

    objects = PlanItemQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "id"]
        verbose_name = _("รายการในแผนพัฒนาชุมชน")
        verbose_name_plural = _("รายการในแผนพัฒนาชุมชน")

    def __str__(self):
        return self.title or thai_truncate(self.description, 60)


class AlignmentQuerySet(ScopedQuerySet):
    area_path = "plan_item__plan__council__subdistrict"


class Alignment(models.Model):
    """The current review of one plan item against the LAO's local plan (or an agency's
    mission). Every plan item has exactly one, created with it (``plan_item_add``)."""

    plan_item = models.OneToOneField(
        PlanItem, on_delete=models.CASCADE, related_name="alignment", verbose_name=_("รายการในแผน")
    )
    local_plan_project = models.ForeignKey(
        "plans.LocalPlanProject",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="alignments",
        verbose_name=_("โครงการในแผนท้องถิ่น"),
    )
    mission = models.ForeignKey(
        "agencies.Mission",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="alignments",
        verbose_name=_("ภารกิจของหน่วยงาน"),
    )
    status = models.CharField(
        _("สถานะ"), max_length=20, choices=AlignmentStatus.choices, default=AlignmentStatus.PENDING
    )
    from_suggestion = models.BooleanField(
        _("เลือกจากรายการที่ระบบแนะนำ"), default=False
    )
    note = models.TextField(_("หมายเหตุ"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้พิจารณา"),
    )
    reviewed_at = models.DateTimeField(_("พิจารณาเมื่อ"), null=True, blank=True)
    history = HistoricalRecords()

    objects = AlignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("การเชื่อมโยงแผน")
        verbose_name_plural = _("การเชื่อมโยงแผน")
        indexes = [models.Index(fields=["status"])]

    def __str__(self):
        return f"{self.plan_item} → {self.get_status_display()}"
