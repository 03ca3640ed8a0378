from django.db import models


class AlignmentStatus(models.TextChoices):
    PENDING = "pending", "รอพิจารณา"
    ALIGNED = "aligned", "บรรจุในแผนท้องถิ่นแล้ว"
    PARTIAL = "partial", "บรรจุบางส่วน"
    NOT_ADOPTED = "not_adopted", "ไม่ได้บรรจุ"
