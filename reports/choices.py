from django.db import models


class ReportKind(models.TextChoices):
    ANNUAL = "annual", "รายงานประจำปี"


class ReportScope(models.TextChoices):
    NATIONAL = "national", "ทั้งประเทศ"
    PROVINCE = "province", "จังหวัด"


class ReportStatus(models.TextChoices):
    QUEUED = "queued", "รอคิว"
    RUNNING = "running", "กำลังสร้าง"
    DONE = "done", "เสร็จแล้ว"
    FAILED = "failed", "ล้มเหลว"
