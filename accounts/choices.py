from django.db import models


class Role(models.TextChoices):
    COUNCIL_STAFF = "council_staff", "เจ้าหน้าที่สภาองค์กรชุมชนตำบล"
    DISTRICT_OFFICER = "district_officer", "เจ้าหน้าที่อำเภอ"
    AGENCY_STAFF = "agency_staff", "เจ้าหน้าที่หน่วยงานภาคี"
    CODI_STAFF = "codi_staff", "เจ้าหน้าที่ พอช."
    ADMINISTRATOR = "administrator", "ผู้ดูแลระบบ"
