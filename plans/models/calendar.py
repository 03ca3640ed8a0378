"""The budget calendar: the key dates of an LAO's planning and budget year. A row here is
an administrator's override for one LAO and fiscal year; without one, the default from the
rules (``plans.budget_calendar``) applies."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.scoping import ScopedQuerySet
from common.validators import validate_be_year

from ..choices import BudgetDateKind


class BudgetCalendarDateQuerySet(ScopedQuerySet):
    area_path = "lao__subdistrict"
    agency_path = "lao"


class BudgetCalendarDate(models.Model):
    lao = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.CASCADE,
        related_name="budget_calendar_dates",
        verbose_name=_("องค์กรปกครองส่วนท้องถิ่น"),
    )
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=[validate_be_year])
    kind = models.CharField(_("กำหนดการ"), max_length=24, choices=BudgetDateKind.choices)
    date = models.DateField(_("วันที่"))
    note = models.CharField(_("หมายเหตุ"), max_length=255, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = BudgetCalendarDateQuerySet.as_manager()

    class Meta:
        ordering = ["lao", "fiscal_year", "date"]
        verbose_name = _("ปฏิทินงบประมาณ")
        verbose_name_plural = _("ปฏิทินงบประมาณ")
        constraints = [
            models.UniqueConstraint(fields=["lao", "fiscal_year", "kind"], name="budget_calendar_one_per_kind")
        ]

    def __str__(self):
        return f"{self.lao_id} {self.fiscal_year} {self.get_kind_display()}: {self.date}"
