from django.db import models
from django.utils.translation import gettext_lazy as _

from common.jobs.choices import ACTIVE_STATUSES, JobStatus


class ReportKind(models.TextChoices):
    ANNUAL = "annual", _("รายงานการประเมินผลประจำปี")
    QUARTERLY = "quarterly", _("รายงานความก้าวหน้ารายไตรมาส")


class ReportScope(models.TextChoices):
    NATIONAL = "national", _("ทั้งประเทศ")
    REGION = "region", _("ภาค (พอช.)")
    PROVINCE = "province", _("จังหวัด")
    DISTRICT = "district", _("อำเภอ")
    COUNCIL = "council", _("สภาองค์กรชุมชนตำบล")


# A report is a job (common.jobs): queued → running → done or failed, never waiting.
ReportStatus = JobStatus

__all__ = ["ACTIVE_STATUSES", "ReportKind", "ReportScope", "ReportStatus"]


# Monitoring indicators (ตัวชี้วัด) ------------------------------------------------------------


class IndicatorKind(models.TextChoices):
    QUANTITATIVE = "quantitative", _("เชิงปริมาณ")
    QUALITATIVE = "qualitative", _("เชิงคุณภาพ")


class IndicatorDirection(models.TextChoices):
    HIGHER = "higher", _("ยิ่งสูงยิ่งดี")
    LOWER = "lower", _("ยิ่งต่ำยิ่งดี")


class AreaLevel(models.TextChoices):
    """The level an indicator is reported at, and the level of an area (finest first)."""

    COUNCIL = "council", _("สภาองค์กรชุมชนตำบล")
    DISTRICT = "district", _("อำเภอ")
    PROVINCE = "province", _("จังหวัด")
    NATIONAL = "national", _("ระดับประเทศ")


LEVEL_ORDER = [AreaLevel.COUNCIL, AreaLevel.DISTRICT, AreaLevel.PROVINCE, AreaLevel.NATIONAL]


class Periodicity(models.TextChoices):
    QUARTER = "quarter", _("รายไตรมาส")
    YEAR = "year", _("รายปีงบประมาณ")


class Aggregation(models.TextChoices):
    SUM = "sum", _("รวมผล")
    AVERAGE = "average", _("เฉลี่ย")
    NONE = "none", _("ไม่รวมผล")


class ComputedSource(models.TextChoices):
    """Indicators whose values the portal computes from its own records (คำนวณจากระบบ)."""

    MEETINGS_HELD = "meetings_held", _("จำนวนการประชุมที่จัดแล้ว (สภาและกลไกอำเภอ)")
    PLAN_ITEMS_ALIGNED = "plan_items_aligned", _("ร้อยละรายการแผนชุมชนที่เชื่อมโยงกับแผนหน่วยงานแล้ว")
    OBSTACLES_ANSWERED_IN_TIME = "obstacles_answered_in_time", _("ร้อยละข้อติดขัดที่หน่วยงานตอบภายในกำหนด")
    COUNCILS_PASSED = "councils_passed", _("จำนวนสภาที่ผ่านการประเมินคุณภาพ")


class ValueStatus(models.TextChoices):
    DRAFT = "draft", _("ร่าง")
    SUBMITTED = "submitted", _("ส่งแล้ว รออนุมัติ")
    APPROVED = "approved", _("อนุมัติแล้ว")
    RETURNED = "returned", _("ส่งกลับให้แก้ไข")


VALUE_EDITABLE = (ValueStatus.DRAFT, ValueStatus.RETURNED)
