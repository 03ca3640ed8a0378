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


class OrganizationKind(models.TextChoices):
    VILLAGE_GROUP = "village_group", _("กลุ่มในหมู่บ้าน")
    OCCUPATION_GROUP = "occupation_group", _("กลุ่มอาชีพ")
    WELFARE_FUND = "welfare_fund", _("กองทุนสวัสดิการ")
    SAVINGS_GROUP = "savings_group", _("กลุ่มออมทรัพย์")
    NETWORK = "network", _("เครือข่าย")
    OTHER = "other", _("อื่น ๆ")
