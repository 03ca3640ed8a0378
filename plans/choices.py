from django.db import models
from django.utils.translation import gettext_lazy as _


class AlignmentStatus(models.TextChoices):
    PENDING = "pending", _("รอพิจารณา")
    ALIGNED = "aligned", _("บรรจุในแผนท้องถิ่นแล้ว")
    PARTIAL = "partial", _("บรรจุบางส่วน")
    NOT_ADOPTED = "not_adopted", _("ไม่ได้บรรจุ")
