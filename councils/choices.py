from django.db import models
from django.utils.translation import gettext_lazy as _


class CouncilStatus(models.TextChoices):
    ACTIVE = "active", _("ดำเนินงานอยู่")
    DORMANT = "dormant", _("ไม่เคลื่อนไหว")
    DISSOLVED = "dissolved", _("ยุบเลิก")


class ActivityKind(models.TextChoices):
    COUNCIL_MEETING = "council_meeting", _("ประชุมสภาองค์กรชุมชน")
    FORUM = "forum", _("เวทีปรึกษาหารือ")
    PROJECT = "project", _("กิจกรรมโครงการ")
    TRAINING = "training", _("อบรม")
    ANTI_CORRUPTION = "anti_corruption", _("ต่อต้านการทุจริต")
    ELECTION_SUPPORT = "election_support", _("สนับสนุนการเลือกตั้ง")
    LEARNING_EXCHANGE = "learning_exchange", _("แลกเปลี่ยนเรียนรู้")
    OTHER = "other", _("อื่น ๆ")


# A council meeting is recorded as a Meeting (the council's meetings page), not as an
# activity: the kind stays for activities logged before, and is not offered for new ones,
# so one meeting does not count twice on the dashboard.
RETIRED_ACTIVITY_KINDS = frozenset({ActivityKind.COUNCIL_MEETING})
NEW_ACTIVITY_KIND_CHOICES = [(v, label) for v, label in ActivityKind.choices if v not in RETIRED_ACTIVITY_KINDS]
RETIRED_KIND_MESSAGE = _("บันทึกการประชุมสภาที่หน้า “การประชุมของสภา” แทนการบันทึกเป็นกิจกรรม")


class OrganizationKind(models.TextChoices):
    VILLAGE_GROUP = "village_group", _("กลุ่มในหมู่บ้าน")
    OCCUPATION_GROUP = "occupation_group", _("กลุ่มอาชีพ")
    WELFARE_FUND = "welfare_fund", _("กองทุนสวัสดิการ")
    SAVINGS_GROUP = "savings_group", _("กลุ่มออมทรัพย์")
    NETWORK = "network", _("เครือข่าย")
    OTHER = "other", _("อื่น ๆ")


class MemberPosition(models.TextChoices):
    CHAIR = "chair", _("ประธาน")
    VICE_CHAIR = "vice_chair", _("รองประธาน")
    SECRETARY = "secretary", _("เลขานุการ")
    TREASURER = "treasurer", _("เหรัญญิก")
    MEMBER = "member", _("สมาชิก")
    QUALIFIED = "qualified", _("ผู้ทรงคุณวุฒิ")


class AssessmentLevel(models.TextChoices):
    STRONG = "strong", _("เข้มแข็ง")
    MEDIUM = "medium", _("ปานกลาง")
    NEEDS_DEVELOPMENT = "needs_development", _("ต้องพัฒนา")


class MentorshipStatus(models.TextChoices):
    ACTIVE = "active", _("กำลังดำเนินการ")
    ENDED = "ended", _("สิ้นสุดแล้ว")


class ImportKind(models.TextChoices):
    COUNCILS = "councils", _("สภาองค์กรชุมชนตำบล")
    ORGANIZATIONS = "organizations", _("องค์กรชุมชน")
    MEMBERS = "members", _("สมาชิกสภา")


class ImportStage(models.TextChoices):
    """Which of its two runs an import job is in; its status is the common JobStatus.
    CHECK: queued → running → waiting (the preview) ; WRITE: queued → running → done."""

    CHECK = "check", _("ตรวจสอบไฟล์")
    WRITE = "write", _("นำเข้าข้อมูล")


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"


class ImportMode(models.TextChoices):
    ALL_OR_NOTHING = "all_or_nothing", _("นำเข้าเมื่อทุกแถวถูกต้องเท่านั้น")
    VALID_ONLY = "valid_only", _("นำเข้าเฉพาะแถวที่ถูกต้อง")


class ParticipantGroup(models.TextChoices):
    YOUTH = "youth", _("เด็กและเยาวชน")
    ELDERLY = "elderly", _("ผู้สูงอายุ")
    WOMEN = "women", _("สตรี")
    DISABLED = "disabled", _("คนพิการ")
    OFFICIALS = "officials", _("เจ้าหน้าที่หน่วยงาน")
