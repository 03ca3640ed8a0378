from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    PAO = "pao", _("องค์การบริหารส่วนจังหวัด (อบจ.)")
    CITY_MUNICIPALITY = "city_municipality", _("เทศบาลนคร")
    TOWN_MUNICIPALITY = "town_municipality", _("เทศบาลเมือง")
    SUBDISTRICT_MUNICIPALITY = "subdistrict_municipality", _("เทศบาลตำบล")
    SAO = "sao", _("องค์การบริหารส่วนตำบล (อบต.)")
    DISTRICT_OFFICE = "district_office", _("ที่ว่าการอำเภอ")
    CDD = "cdd", _("สำนักงานพัฒนาชุมชน")
    PROVINCIAL_OFFICE = "provincial_office", _("หน่วยงานระดับจังหวัด")
    FUND = "fund", _("กองทุน")
    YOUTH_COUNCIL = "youth_council", _("สภาเด็กและเยาวชน")
    FIRM = "firm", _("ภาคเอกชน")
    OTHER = "other", _("อื่น ๆ")


LOCAL_GOVERNMENT_KINDS = frozenset(
    {
        AgencyKind.PAO,
        AgencyKind.CITY_MUNICIPALITY,
        AgencyKind.TOWN_MUNICIPALITY,
        AgencyKind.SUBDISTRICT_MUNICIPALITY,
        AgencyKind.SAO,
    }
)
