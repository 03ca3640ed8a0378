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
