"""LAO local development plans (แผนพัฒนาท้องถิ่น): the 5-year plan of an LAO, the dated
amendments that add or change its projects, and each project with its budget per year.

The plan as of a date: a project counts when the document that brought it in (the plan
itself, or an amendment) took effect on or before that date, and no later amendment that
took effect on or before that date replaced or withdrew it. ``LocalPlanProject.objects
.as_of(date)`` is that rule, once.
"""

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

from ..choices import AmendmentKind

PLAN_CYCLE_YEARS = 5


class LocalPlanQuerySet(ScopedQuerySet):
    area_path = "lao__subdistrict"
    agency_path = "lao"


class LocalPlan(TimeStampedModel):
    """One LAO's local development plan for a 5-year cycle (e.g. 2566–2570)."""

    lao = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="local_plans",
        verbose_name=_("องค์กรปกครองส่วนท้องถิ่น"),
    )
    start_year = models.PositiveIntegerField(_("ปีแรกของแผน (พ.ศ.)"), validators=[validate_be_year])
    end_year = models.PositiveIntegerField(_("ปีสุดท้ายของแผน (พ.ศ.)"), validators=[validate_be_year])
    title = models.CharField(_("ชื่อแผน"), max_length=255)
    adopted_on = models.DateField(_("วันที่ประกาศใช้"), null=True, blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)
    history = HistoricalRecords()

    objects = LocalPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-start_year", "lao__name"]
        verbose_name = _("แผนพัฒนาท้องถิ่น")
        verbose_name_plural = _("แผนพัฒนาท้องถิ่น")
        constraints = [
            models.UniqueConstraint(fields=["lao", "start_year"], name="local_plan_one_per_cycle"),
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year"))
                & Q(end_year__lte=models.F("start_year") + PLAN_CYCLE_YEARS - 1),
                name="local_plan_cycle_years",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.start_year}–{self.end_year})"

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)


class LocalPlanAmendmentQuerySet(ScopedQuerySet):
    area_path = "local_plan__lao__subdistrict"
    agency_path = "local_plan__lao"


class LocalPlanAmendment(TimeStampedModel):
    """A dated document that adds projects to the plan or changes (replaces or withdraws)
    some: "เพิ่มเติม ครั้งที่ 1/2568", "เปลี่ยนแปลง ครั้งที่ 2/2569"."""

    local_plan = models.ForeignKey(
        LocalPlan, on_delete=models.CASCADE, related_name="amendments", verbose_name=_("แผนพัฒนาท้องถิ่น")
    )
    kind = models.CharField(_("ประเภท"), max_length=20, choices=AmendmentKind.choices)
    number = models.PositiveSmallIntegerField(_("ครั้งที่"), validators=[MinValueValidator(1)])
    year = models.PositiveIntegerField(_("ปี (พ.ศ.)"), validators=[validate_be_year])
    effective_on = models.DateField(_("วันที่ประกาศใช้"))
    note = models.TextField(_("สาระสำคัญ"), blank=True)
    document = models.FileField(_("เอกสารประกาศ"), upload_to="local_plans/amendments/%Y/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    objects = LocalPlanAmendmentQuerySet.as_manager()

    class Meta:
        ordering = ["local_plan", "effective_on", "pk"]
        verbose_name = _("การแก้ไขแผนพัฒนาท้องถิ่น")
        verbose_name_plural = _("การแก้ไขแผนพัฒนาท้องถิ่น")
        constraints = [
            models.UniqueConstraint(
                fields=["local_plan", "kind", "number", "year"], name="local_plan_amendment_unique_number"
            )
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return f"{self.get_kind_display()} ครั้งที่ {self.number}/{self.year}"


class LocalPlanProjectQuerySet(ScopedQuerySet):
    area_path = "lao__subdistrict"
    agency_path = "lao"

    def as_of(self, date) -> "LocalPlanProjectQuerySet":
        """The projects in force on ``date`` (see the module's docstring)."""
        brought_in = Q(added_by__isnull=True, local_plan__adopted_on__isnull=True) | Q(
            added_by__isnull=True, local_plan__adopted_on__lte=date
        ) | Q(added_by__effective_on__lte=date)
        still_there = Q(superseded_by__isnull=True) | Q(superseded_by__effective_on__gt=date)
        return self.filter(brought_in & still_there)

    def current(self) -> "LocalPlanProjectQuerySet":
        """The projects no amendment has replaced or withdrawn."""
        return self.filter(superseded_by__isnull=True)

    def budgeted_in(self, years) -> "LocalPlanProjectQuerySet":
        """Projects with a budget line in any of ``years`` (BE fiscal years)."""
        return self.filter(pk__in=LocalPlanProjectBudget.objects.filter(fiscal_year__in=years).values("project_id"))


class LocalPlanProject(TimeStampedModel):
    """A project in an LAO's local development plan, as e-Plan lists it: strategy, title,
    objective, target, budget per year, indicator, expected result, responsible unit.

    ``fiscal_year`` is the first year it has a budget and ``budget`` the sum over the years
    (kept by the services from its ``budgets`` rows, so lists and sums need no join)."""

    lao = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="local_plan_projects",
        verbose_name=_("องค์กรปกครองส่วนท้องถิ่น"),
    )
    local_plan = models.ForeignKey(
        LocalPlan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("แผนพัฒนาท้องถิ่น"),
    )
    number = models.CharField(_("ลำดับ/รหัสโครงการ"), max_length=40, blank=True)
    strategy = models.CharField(_("ยุทธศาสตร์"), max_length=255, blank=True)
    work_plan = models.CharField(_("แผนงาน"), max_length=255, blank=True)
    theme = models.ForeignKey(
        "geo.Theme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="local_plan_projects",
        verbose_name=_("ประเด็น"),
    )
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณแรก (พ.ศ.)"), validators=[validate_be_year])
    title = models.CharField(_("ชื่อโครงการ"), max_length=255)
    objective = models.TextField(_("วัตถุประสงค์"), blank=True)
    target = models.TextField(_("เป้าหมาย (ผลผลิตของโครงการ)"), blank=True)
    location = models.CharField(_("พื้นที่ดำเนินการ"), max_length=255, blank=True)
    indicator = models.CharField(_("ตัวชี้วัด (KPI)"), max_length=255, blank=True)
    expected_result = models.TextField(_("ผลที่คาดว่าจะได้รับ"), blank=True)
    responsible_unit = models.CharField(_("หน่วยงานรับผิดชอบหลัก"), max_length=255, blank=True)
    budget = models.DecimalField(
        _("งบประมาณรวม (บาท)"),
        max_digits=14,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    added_by = models.ForeignKey(
        LocalPlanAmendment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="added_projects",
        verbose_name=_("เพิ่มโดยการแก้ไขแผน"),
    )
    superseded_by = models.ForeignKey(
        LocalPlanAmendment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_projects",
        verbose_name=_("ถูกเปลี่ยนแปลง/ยกเลิกโดย"),
    )
    replaces = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("แทนโครงการเดิม"),
    )
    history = HistoricalRecords()

    objects = LocalPlanProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-fiscal_year", "title"]
        verbose_name = _("โครงการในแผนพัฒนาท้องถิ่น")
        verbose_name_plural = _("โครงการในแผนพัฒนาท้องถิ่น")
        indexes = [
            models.Index(fields=["lao", "fiscal_year"]),
            # The review page's fingerprint of a district's projects (count, current count,
            # latest change) read from the index alone (PostgreSQL; elsewhere a plain index).
            models.Index(fields=["lao", "updated_at"], include=["superseded_by"], name="plans_lpp_lao_updated_idx"),
        ]

    def __str__(self):
        return f"{self.title} ({self.fiscal_year})"


class LocalPlanProjectBudget(models.Model):
    """The budget a project plans for one fiscal year (a column "งบประมาณ 2568" in e-Plan)."""

    project = models.ForeignKey(
        LocalPlanProject, on_delete=models.CASCADE, related_name="budgets", verbose_name=_("โครงการ")
    )
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=[validate_be_year])
    amount = models.DecimalField(
        _("งบประมาณ (บาท)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )

    class Meta:
        ordering = ["project", "fiscal_year"]
        verbose_name = _("งบประมาณรายปีของโครงการ")
        verbose_name_plural = _("งบประมาณรายปีของโครงการ")
        constraints = [
            models.UniqueConstraint(fields=["project", "fiscal_year"], name="local_project_budget_one_per_year")
        ]
        indexes = [models.Index(fields=["fiscal_year", "project"])]

    def __str__(self):
        return f"{self.project_id} {self.fiscal_year}: {self.amount}"
