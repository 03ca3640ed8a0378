from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COUNCIL_STAFF = "council_staff", _("เจ้าหน้าที่สภาองค์กรชุมชนตำบล")
    DISTRICT_OFFICER = "district_officer", _("เจ้าหน้าที่อำเภอ")
    AGENCY_STAFF = "agency_staff", _("เจ้าหน้าที่หน่วยงานภาคี")
    CODI_STAFF = "codi_staff", _("เจ้าหน้าที่ พอช.")
    ADMINISTRATOR = "administrator", _("ผู้ดูแลระบบ")
