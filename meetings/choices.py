from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    COUNCIL = "council", _("ประชุมสภาองค์กรชุมชนตำบล")
    DISTRICT = "district", _("ประชุมกลไกระดับอำเภอ")
    FORUM = "forum", _("เวทีปรึกษาหารือ")
    NATIONAL = "national", _("ปรึกษาหารือระดับประเทศ")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("นัดประชุมแล้ว")
    HELD = "held", _("ประชุมแล้ว")
    PUBLISHED = "published", _("เผยแพร่รายงานการประชุมแล้ว")
    CANCELLED = "cancelled", _("ยกเลิก")


class MechanismCategory(models.TextChoices):
    COUNCIL = "council", _("ผู้แทนสภาองค์กรชุมชนตำบล")
    LAO = "lao", _("ผู้บริหารองค์กรปกครองส่วนท้องถิ่น")
    YOUTH_COUNCIL = "youth_council", _("สภาเด็กและเยาวชน")
    FUND = "fund", _("กองทุนในพื้นที่")
    PRIVATE = "private", _("ภาคเอกชน")
    DISTRICT_OFFICE = "district_office", _("ที่ว่าการอำเภอ")


class MechanismRole(models.TextChoices):
    CHAIR = "chair", _("ประธาน")
    SECRETARY = "secretary", _("เลขานุการ")
    MEMBER = "member", _("กรรมการ")


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("มาประชุม")
    ABSENT = "absent", _("ไม่มาประชุม")
    REPRESENTED = "represented", _("มอบหมายผู้แทน")
    GUEST = "guest", _("ผู้เข้าร่วมประชุม")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("ยังไม่เริ่ม")
    IN_PROGRESS = "in_progress", _("กำลังดำเนินการ")
    DONE = "done", _("เสร็จแล้ว")
    CANCELLED = "cancelled", _("ยกเลิก")


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
