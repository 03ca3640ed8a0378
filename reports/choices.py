from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    ANNUAL = "annual", _("รายงานประจำปี")


class ReportScope(models.TextChoices):
    NATIONAL = "national", _("ทั้งประเทศ")
    PROVINCE = "province", _("จังหวัด")


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("รอคิว")
    RUNNING = "running", _("กำลังสร้าง")
    DONE = "done", _("เสร็จแล้ว")
    FAILED = "failed", _("ล้มเหลว")
