from django.db import models


class AgencyKind(models.TextChoices):
    PAO = "pao", "องค์การบริหารส่วนจังหวัด (อบจ.)"
    CITY_MUNICIPALITY = "city_municipality", "เทศบาลนคร"
    TOWN_MUNICIPALITY = "town_municipality", "เทศบาลเมือง"
    SUBDISTRICT_MUNICIPALITY = "subdistrict_municipality", "เทศบาลตำบล"
    SAO = "sao", "องค์การบริหารส่วนตำบล (อบต.)"
    DISTRICT_OFFICE = "district_office", "ที่ว่าการอำเภอ"
    CDD = "cdd", "สำนักงานพัฒนาชุมชน"
    PROVINCIAL_OFFICE = "provincial_office", "หน่วยงานระดับจังหวัด"
    FUND = "fund", "กองทุน"
    YOUTH_COUNCIL = "youth_council", "สภาเด็กและเยาวชน"
    FIRM = "firm", "ภาคเอกชน"
    OTHER = "other", "อื่น ๆ"


LOCAL_GOVERNMENT_KINDS = frozenset(
    {
        AgencyKind.PAO,
        AgencyKind.CITY_MUNICIPALITY,
        AgencyKind.TOWN_MUNICIPALITY,
        AgencyKind.SUBDISTRICT_MUNICIPALITY,
        AgencyKind.SAO,
    }
)
