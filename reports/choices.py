from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    ANNUAL = "annual", _("รายงานการประเมินผลประจำปี")
    QUARTERLY = "quarterly", _("รายงานความก้าวหน้ารายไตรมาส")


class ReportScope(models.TextChoices):
    NATIONAL = "national", _("ทั้งประเทศ")
    REGION = "region", _("ภาค (พอช.)")
    PROVINCE = "province", _("จังหวัด")
    DISTRICT = "district", _("อำเภอ")
    COUNCIL = "council", _("สภาองค์กรชุมชนตำบล")


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("รอคิว")
    RUNNING = "running", _("กำลังสร้าง")
    DONE = "done", _("เสร็จแล้ว")
    FAILED = "failed", _("ล้มเหลว")


ACTIVE_STATUSES = (ReportStatus.QUEUED, ReportStatus.RUNNING)
