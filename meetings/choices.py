from django.db import models


class MeetingKind(models.TextChoices):
    COUNCIL = "council", "ประชุมสภาองค์กรชุมชนตำบล"
    DISTRICT = "district", "ประชุมกลไกระดับอำเภอ"
    FORUM = "forum", "เวทีปรึกษาหารือ"
