"""Kinds of agency and the levels of area an agency serves.

Code asks what an agency is through the sets below (``LOCAL_GOVERNMENT_KINDS``,
``CENTRAL_DEPARTMENT_KINDS``, ``FUND_KINDS`` ...), never by comparing bare strings. The
values of the first twelve kinds are those stored before issue 8 and must not change.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    # Local governments (LAOs)
    PAO = "pao", _("องค์การบริหารส่วนจังหวัด (อบจ.)")
    CITY_MUNICIPALITY = "city_municipality", _("เทศบาลนคร")
    TOWN_MUNICIPALITY = "town_municipality", _("เทศบาลเมือง")
    SUBDISTRICT_MUNICIPALITY = "subdistrict_municipality", _("เทศบาลตำบล")
    SAO = "sao", _("องค์การบริหารส่วนตำบล (อบต.)")
    # Central departments (national: no province)
    DOPA = "dopa", _("กรมการปกครอง")
    DLA = "dla", _("กรมส่งเสริมการปกครองท้องถิ่น")
    CDD_DEPARTMENT = "cdd_department", _("กรมการพัฒนาชุมชน")
    CENTRAL_DEPARTMENT = "central_department", _("หน่วยงานส่วนกลางอื่น")
    # Provincial offices
    PROVINCIAL_ADMINISTRATION_OFFICE = "provincial_administration_office", _("ที่ทำการปกครองจังหวัด")
    PROVINCIAL_LOCAL_OFFICE = "provincial_local_office", _("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด")
    PROVINCIAL_CDD_OFFICE = "provincial_cdd_office", _("สำนักงานพัฒนาชุมชนจังหวัด")
    PROVINCIAL_OFFICE = "provincial_office", _("หน่วยงานระดับจังหวัดอื่น")
    # District offices
    DISTRICT_OFFICE = "district_office", _("ที่ว่าการอำเภอ")
    DISTRICT_LOCAL_OFFICE = "district_local_office", _("สำนักงานท้องถิ่นอำเภอ")
    CDD = "cdd", _("สำนักงานพัฒนาชุมชนอำเภอ")
    # Local funds
    VILLAGE_FUND = "village_fund", _("กองทุนหมู่บ้านและชุมชนเมือง")
    WELFARE_FUND = "welfare_fund", _("กองทุนสวัสดิการชุมชน")
    HEALTH_FUND = "health_fund", _("กองทุนหลักประกันสุขภาพระดับท้องถิ่น")
    FUND = "fund", _("กองทุนอื่น")
    # Others
    YOUTH_COUNCIL = "youth_council", _("สภาเด็กและเยาวชน")
    FIRM = "firm", _("ภาคเอกชน")
    CIVIL_NETWORK = "civil_network", _("เครือข่ายภาคประชาสังคม")
    OTHER = "other", _("อื่น ๆ")


class AreaLevel(models.TextChoices):
    """The area an agency serves. Derived from which area fields are set (the narrowest
    one wins): none → national, a province → province, a district → district, a tambon →
    tambon. ``Agency.area_level`` reads it; no column can disagree with the fields."""

    NATIONAL = "national", _("ทั้งประเทศ")
    PROVINCE = "province", _("จังหวัด")
    DISTRICT = "district", _("อำเภอ")
    TAMBON = "tambon", _("ตำบล")


LOCAL_GOVERNMENT_KINDS = frozenset(
    {
        AgencyKind.PAO,
        AgencyKind.CITY_MUNICIPALITY,
        AgencyKind.TOWN_MUNICIPALITY,
        AgencyKind.SUBDISTRICT_MUNICIPALITY,
        AgencyKind.SAO,
    }
)
MOI_DEPARTMENT_KINDS = frozenset({AgencyKind.DOPA, AgencyKind.DLA, AgencyKind.CDD_DEPARTMENT})
"""The three Ministry of Interior departments of the 2022 agreement with CODI."""
CENTRAL_DEPARTMENT_KINDS = MOI_DEPARTMENT_KINDS | {AgencyKind.CENTRAL_DEPARTMENT}
PROVINCIAL_OFFICE_KINDS = frozenset(
    {
        AgencyKind.PROVINCIAL_ADMINISTRATION_OFFICE,
        AgencyKind.PROVINCIAL_LOCAL_OFFICE,
        AgencyKind.PROVINCIAL_CDD_OFFICE,
        AgencyKind.PROVINCIAL_OFFICE,
    }
)
DISTRICT_OFFICE_KINDS = frozenset({AgencyKind.DISTRICT_OFFICE, AgencyKind.DISTRICT_LOCAL_OFFICE, AgencyKind.CDD})
FUND_KINDS = frozenset({AgencyKind.VILLAGE_FUND, AgencyKind.WELFARE_FUND, AgencyKind.HEALTH_FUND, AgencyKind.FUND})

_ANY_LEVEL = frozenset(AreaLevel)
_LOCAL_LEVELS = frozenset({AreaLevel.PROVINCE, AreaLevel.DISTRICT, AreaLevel.TAMBON})
KIND_AREA_LEVELS: dict[str, frozenset[str]] = {
    **{kind: frozenset({AreaLevel.NATIONAL}) for kind in CENTRAL_DEPARTMENT_KINDS},
    **{kind: frozenset({AreaLevel.PROVINCE}) for kind in PROVINCIAL_OFFICE_KINDS},
    **{kind: frozenset({AreaLevel.DISTRICT}) for kind in DISTRICT_OFFICE_KINDS},
    AgencyKind.PAO: frozenset({AreaLevel.PROVINCE}),
    # A city or town municipality may reach past one tambon: its district is then its area.
    AgencyKind.CITY_MUNICIPALITY: frozenset({AreaLevel.DISTRICT, AreaLevel.TAMBON}),
    AgencyKind.TOWN_MUNICIPALITY: frozenset({AreaLevel.DISTRICT, AreaLevel.TAMBON}),
    AgencyKind.SUBDISTRICT_MUNICIPALITY: frozenset({AreaLevel.TAMBON}),
    AgencyKind.SAO: frozenset({AreaLevel.TAMBON}),
    **{kind: _LOCAL_LEVELS for kind in FUND_KINDS},
    AgencyKind.YOUTH_COUNCIL: _ANY_LEVEL,
    AgencyKind.FIRM: _ANY_LEVEL,
    AgencyKind.CIVIL_NETWORK: _ANY_LEVEL,
    AgencyKind.OTHER: _ANY_LEVEL,
}
"""The levels of area each kind may serve (checked by ``Agency.clean``)."""

assert set(KIND_AREA_LEVELS) == set(AgencyKind), "every kind says the levels it may serve"
