from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    COUNCIL = "council", _("ประชุมสภาองค์กรชุมชนตำบล")
    DISTRICT = "district", _("ประชุมกลไกระดับอำเภอ")
    FORUM = "forum", _("เวทีปรึกษาหารือ")


class ObstacleStatus(models.TextChoices):
    RAISED = "raised", _("แจ้งแล้ว รอหน่วยงานรับเรื่อง")
    RECEIVED = "received", _("หน่วยงานรับเรื่องแล้ว")
    IN_PROGRESS = "in_progress", _("กำลังดำเนินการ")
    RESOLVED = "resolved", _("แก้ไขแล้ว")
    CANNOT_ACT = "cannot_act", _("ไม่สามารถดำเนินการได้")


OBSTACLE_OPEN = (ObstacleStatus.RAISED, ObstacleStatus.RECEIVED, ObstacleStatus.IN_PROGRESS)


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("รอตรวจสอบ")
    PUBLISHED = "published", _("เผยแพร่แล้ว")
    REJECTED = "rejected", _("ไม่เผยแพร่")
