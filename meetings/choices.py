from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    COUNCIL = "council", _("ประชุมสภาองค์กรชุมชนตำบล")
    DISTRICT = "district", _("ประชุมกลไกระดับอำเภอ")
    FORUM = "forum", _("เวทีปรึกษาหารือ")
