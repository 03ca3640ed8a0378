from django.db import models


class CouncilStatus(models.TextChoices):
    ACTIVE = "active", "ดำเนินงานอยู่"
    DORMANT = "dormant", "ไม่เคลื่อนไหว"
    DISSOLVED = "dissolved", "ยุบเลิก"


class ActivityKind(models.TextChoices):
    COUNCIL_MEETING = "council_meeting", "ประชุมสภาองค์กรชุมชน"
    FORUM = "forum", "เวทีปรึกษาหารือ"
    PROJECT = "project", "กิจกรรมโครงการ"
    TRAINING = "training", "อบรม"
    ANTI_CORRUPTION = "anti_corruption", "ต่อต้านการทุจริต"
    ELECTION_SUPPORT = "election_support", "สนับสนุนการเลือกตั้ง"
    LEARNING_EXCHANGE = "learning_exchange", "แลกเปลี่ยนเรียนรู้"
    OTHER = "other", "อื่น ๆ"


class OrganizationKind(models.TextChoices):
    VILLAGE_GROUP = "village_group", "กลุ่มในหมู่บ้าน"
    OCCUPATION_GROUP = "occupation_group", "กลุ่มอาชีพ"
    WELFARE_FUND = "welfare_fund", "กองทุนสวัสดิการ"
    SAVINGS_GROUP = "savings_group", "กลุ่มออมทรัพย์"
    NETWORK = "network", "เครือข่าย"
    OTHER = "other", "อื่น ๆ"
