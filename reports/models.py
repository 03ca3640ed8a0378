"""A Report is one generated file: its request, its job (common.jobs) and the result."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.jobs.models import Job
from common.validators import validate_be_year

from .choices import ReportKind, ReportScope, ReportStatus


class Report(Job):
    """One version of one report, made by a job: status, progress, attempts, error, who
    asked and when come from ``Job``; progress also counts sections."""

    kind = models.CharField(_("ประเภท"), max_length=20, choices=ReportKind.choices, default=ReportKind.ANNUAL)
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=[validate_be_year])
    scope = models.CharField(_("ขอบเขต"), max_length=20, choices=ReportScope.choices)
    quarter = models.PositiveSmallIntegerField(
        _("ไตรมาส"), null=True, blank=True, help_text=_("ไตรมาสของปีงบประมาณ 1–4 (ไตรมาส 1 คือ ต.ค.–ธ.ค.)")
    )
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("ภาค")
    )
    district = models.ForeignKey(
        "geo.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("อำเภอ")
    )
    council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("สภา")
    )
    # What identifies a report: kind, year, quarter and scope area, as one string
    # ("annual:2568:-:province:50"). Rows sharing a key are versions of one report.
    key = models.CharField(_("รหัสรายงาน"), max_length=80, db_index=True, default="")
    version = models.PositiveIntegerField(_("ฉบับที่"), default=1)
    xlsx = models.FileField(_("ตัวเลข (XLSX)"), upload_to="reports/%Y/", blank=True)
    sections_total = models.PositiveIntegerField(_("จำนวนส่วน"), default=0)
    sections_done = models.PositiveIntegerField(_("ส่วนที่เสร็จแล้ว"), default=0)
    is_published = models.BooleanField(_("เผยแพร่ต่อสาธารณะ"), default=False)
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("ผู้เผยแพร่")
    )
    province = models.ForeignKey(
        "geo.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("จังหวัด"),
    )
    file = models.FileField(_("ไฟล์"), upload_to="reports/%Y/", blank=True)
    # The summary figures as they were when the report was made (the XLSX's "สรุป" sheet):
    # a published report shows these, never figures gathered again from later data.
    figures = models.JSONField(_("ตัวเลขสรุป"), default=list, blank=True)
    history = HistoricalRecords(excluded_fields=["figures"])

    max_attempts_setting = "REPORT_MAX_ATTEMPTS"
    queued_grace_setting = "REPORT_QUEUED_GRACE_SECONDS"
    status_labels = {ReportStatus.RUNNING: _("กำลังสร้าง")}
    detail_url_name = "reports:report_detail"

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("รายงาน")
        verbose_name_plural = _("รายงาน")
        constraints = [
            models.CheckConstraint(
                name="report_province_scope_has_province",
                condition=~models.Q(scope="province") | models.Q(province__isnull=False),
            ),
            models.CheckConstraint(
                name="report_district_scope_has_district",
                condition=~models.Q(scope="district") | models.Q(district__isnull=False),
            ),
            models.CheckConstraint(
                name="report_council_scope_has_council",
                condition=~models.Q(scope="council") | models.Q(council__isnull=False),
            ),
            models.CheckConstraint(
                name="report_region_scope_has_region",
                condition=~models.Q(scope="region") | models.Q(region__isnull=False),
            ),
            models.CheckConstraint(
                name="report_quarter_in_range",
                condition=models.Q(quarter__isnull=True) | models.Q(quarter__gte=1, quarter__lte=4),
            ),
            # One job at a time per report: asking again while one runs joins it.
            models.UniqueConstraint(
                fields=["key"], condition=models.Q(status__in=["queued", "running"]), name="report_one_active_per_key"
            ),
            models.UniqueConstraint(fields=["key", "version"], name="report_key_version_unique"),
        ]

    def __str__(self):
        where = _("จังหวัด%(name)s") % {"name": self.province.name_th} if self.province_id else self.get_scope_display()
        return _("%(kind)s ปีงบประมาณ %(year)s %(where)s") % {
            "kind": self.get_kind_display(),
            "year": self.fiscal_year,
            "where": where,
        }

    @property
    def progress_text(self) -> str:
        if not self.sections_total:
            return ""
        return _("สร้างแล้ว %(done)s / %(total)s ส่วน") % {"done": self.sections_done, "total": self.sections_total}

    def attempts_exhausted_reason(self) -> str:
        return _("สร้างรายงานไม่สำเร็จหลังพยายาม %(n)s ครั้ง") % {"n": self.attempts}

    @classmethod
    def worker_lost_reason(cls) -> str:
        return _("เครื่องประมวลผลหยุดทำงานระหว่างสร้างรายงานซ้ำหลายครั้ง")


class Numerals(models.TextChoices):
    THAI = "thai", _("เลขไทย (๑ ๒ ๓)")
    ARABIC = "arabic", _("เลขอารบิก (1 2 3)")


class ReportNarrative(models.Model):
    """What CODI staff write for a fiscal year's annual report of one scope (the whole
    country, a region, a province, a district or a council; ``area_code`` as in the report's
    key, "-" for the country), in the shape of CODI's synthesis reports: the title and
    subject line, background, results and cooperation, lessons (proposals, obstacles,
    solutions), expected results, future directions and a closing line; and which numerals
    the whole document uses. A report of a scope without its own narrative takes the
    country's of that year."""

    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=[validate_be_year])
    scope = models.CharField(_("ขอบเขต"), max_length=20, choices=ReportScope.choices, default=ReportScope.NATIONAL)
    area_code = models.CharField(_("รหัสพื้นที่"), max_length=10, default="-")
    title = models.CharField(_("ชื่อรายงาน"), max_length=255, blank=True)
    subject = models.CharField(_("เรื่อง"), max_length=255, blank=True)
    background = models.TextField(_("ความเป็นมา"), blank=True)
    results = models.TextField(_("ผลการดำเนินงานและความร่วมมือ"), blank=True)
    lessons = models.TextField(_("บทเรียน: ข้อเสนอ ข้อติดขัด และแนวทางแก้ไข"), blank=True)
    expected_results = models.TextField(_("ผลที่คาดว่าจะได้รับ"), blank=True)
    future_directions = models.TextField(_("ทิศทางในอนาคต"), blank=True)
    closing = models.TextField(_("ข้อความปิดท้าย"), blank=True)
    numerals = models.CharField(_("ตัวเลขในเอกสาร"), max_length=10, choices=Numerals.choices, default=Numerals.THAI)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("แก้ไขโดย")
    )
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-fiscal_year", "scope", "area_code"]
        verbose_name = _("บทสรุปรายงานประจำปี")
        verbose_name_plural = _("บทสรุปรายงานประจำปี")
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "scope", "area_code"], name="narrative_one_per_year_and_area"),
        ]

    def __str__(self):
        return f"{self.fiscal_year} {self.scope}:{self.area_code}"


from .indicators.models import Indicator, IndicatorTarget, IndicatorValue, Period  # noqa: E402

__all__ = ["Indicator", "IndicatorTarget", "IndicatorValue", "Numerals", "Period", "Report", "ReportNarrative"]
