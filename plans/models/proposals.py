"""Subsidy proposals (โครงการขอรับงบอุดหนุน): a council asks an LAO or agency to fund one
issue drawn from its plan items, with budget lines and documents; the recipient's staff
move it through ``ProposalStatus``. Every move is one service in
``plans.services.proposals`` and leaves a ``ProposalEvent``."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.scoping import ScopedQuerySet
from common.models import TimeStampedModel
from common.validators import validate_be_year

from ..choices import ProposalStatus

MONEY = {"max_digits": 14, "decimal_places": 2}


class SubsidyProposalQuerySet(ScopedQuerySet):
    area_path = "council__subdistrict"
    agency_path = "recipient"


class SubsidyProposal(TimeStampedModel):
    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="subsidy_proposals", verbose_name=_("สภา")
    )
    recipient = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="subsidy_proposals",
        verbose_name=_("ยื่นถึง (อปท./หน่วยงาน)"),
    )
    theme = models.ForeignKey(
        "geo.Theme", on_delete=models.PROTECT, related_name="subsidy_proposals", verbose_name=_("ประเด็น")
    )
    plan_items = models.ManyToManyField(
        "plans.PlanItem", related_name="subsidy_proposals", verbose_name=_("รายการในแผนพัฒนาชุมชน")
    )
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณที่ขอ (พ.ศ.)"), validators=[validate_be_year])
    title = models.CharField(_("ชื่อโครงการ"), max_length=255)
    background = models.TextField(_("หลักการและเหตุผล"), blank=True)
    objective = models.TextField(_("วัตถุประสงค์"), blank=True)
    target_group = models.CharField(_("กลุ่มเป้าหมาย"), max_length=255, blank=True)
    expected_result = models.TextField(_("ผลที่คาดว่าจะได้รับ"), blank=True)
    amount_requested = models.DecimalField(
        _("งบประมาณที่ขอ (บาท)"), **MONEY, default=Decimal("0"), validators=[MinValueValidator(Decimal("0"))]
    )
    status = models.CharField(
        _("สถานะ"), max_length=24, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("ยื่นเมื่อ"), null=True, blank=True)
    considered_in_year = models.PositiveIntegerField(
        _("จะพิจารณาในปีงบประมาณ (พ.ศ.)"),
        null=True,
        blank=True,
        help_text=_("ตามปฏิทินงบประมาณของผู้รับ ณ วันที่ยื่น"),
    )
    amount_approved = models.DecimalField(
        _("งบประมาณที่อนุมัติ (บาท)"), **MONEY, null=True, blank=True, validators=[MinValueValidator(Decimal("0"))]
    )
    decision_reason = models.TextField(_("เหตุผลการพิจารณา"), blank=True)
    decided_at = models.DateTimeField(_("พิจารณาเมื่อ"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    result_report = models.TextField(_("รายงานผลการดำเนินงาน"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = SubsidyProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-fiscal_year", "-created_at"]
        verbose_name = _("โครงการขอรับงบอุดหนุน")
        verbose_name_plural = _("โครงการขอรับงบอุดหนุน")
        indexes = [models.Index(fields=["recipient", "status"]), models.Index(fields=["status", "fiscal_year"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_approved__isnull=True) | Q(amount_approved__gte=0),
                name="proposal_amount_approved_not_negative",
            )
        ]

    def __str__(self):
        return self.title


class ProposalBudgetLine(models.Model):
    proposal = models.ForeignKey(
        SubsidyProposal, on_delete=models.CASCADE, related_name="budget_lines", verbose_name=_("โครงการ")
    )
    description = models.CharField(_("รายการ"), max_length=255)
    amount = models.DecimalField(_("จำนวนเงิน (บาท)"), **MONEY, validators=[MinValueValidator(Decimal("0"))])
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["proposal", "position", "pk"]
        verbose_name = _("รายการงบประมาณ")
        verbose_name_plural = _("รายการงบประมาณ")

    def __str__(self):
        return f"{self.description}: {self.amount}"


class ProposalDocument(TimeStampedModel):
    proposal = models.ForeignKey(
        SubsidyProposal, on_delete=models.CASCADE, related_name="documents", verbose_name=_("โครงการ")
    )
    title = models.CharField(_("ชื่อเอกสาร"), max_length=255)
    file = models.FileField(_("ไฟล์"), upload_to="proposals/%Y/")
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["proposal", "created_at"]
        verbose_name = _("เอกสารประกอบโครงการ")
        verbose_name_plural = _("เอกสารประกอบโครงการ")

    def __str__(self):
        return self.title


class ProposalEvent(models.Model):
    """One move of a proposal: who moved it from which status to which, when, with what
    amount and note. The proposal's timeline is these rows."""

    proposal = models.ForeignKey(
        SubsidyProposal, on_delete=models.CASCADE, related_name="events", verbose_name=_("โครงการ")
    )
    from_status = models.CharField(max_length=24, choices=ProposalStatus.choices, blank=True)
    to_status = models.CharField(max_length=24, choices=ProposalStatus.choices)
    amount = models.DecimalField(**MONEY, null=True, blank=True)
    note = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["proposal", "at", "pk"]
        verbose_name = _("ความเคลื่อนไหวของโครงการ")
        verbose_name_plural = _("ความเคลื่อนไหวของโครงการ")

    def __str__(self):
        return f"{self.proposal_id}: {self.from_status} → {self.to_status}"
