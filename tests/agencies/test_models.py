import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agencies.choices import (
    CENTRAL_DEPARTMENT_KINDS,
    FUND_KINDS,
    KIND_AREA_LEVELS,
    LOCAL_GOVERNMENT_KINDS,
    MOI_DEPARTMENT_KINDS,
    AgencyKind,
)
from agencies.models import Agency

from ..factories import AgencyFactory, national_agency

pytestmark = pytest.mark.django_db


def test_kinds_keep_the_values_stored_before_and_are_grouped():
    before = {
        "pao", "city_municipality", "town_municipality", "subdistrict_municipality", "sao", "district_office",
        "cdd", "provincial_office", "fund", "youth_council", "firm", "other",
    }  # fmt: skip
    assert before <= set(AgencyKind.values)
    assert MOI_DEPARTMENT_KINDS == {"dopa", "dla", "cdd_department"}
    assert CENTRAL_DEPARTMENT_KINDS == MOI_DEPARTMENT_KINDS | {"central_department"}
    assert FUND_KINDS == {"village_fund", "welfare_fund", "health_fund", "fund"}
    assert len(LOCAL_GOVERNMENT_KINDS) == 5
    assert set(KIND_AREA_LEVELS) == set(AgencyKind.values)


def test_the_area_level_is_what_the_fields_imply(world):
    lao = world.lao
    district_office = AgencyFactory(name="ที่ว่าการอำเภอจอมทอง", kind=AgencyKind.DISTRICT_OFFICE, dla_code=None, subdistrict=None, district=world.district, province=world.province)
    provincial = AgencyFactory(name="สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่", kind=AgencyKind.PROVINCIAL_CDD_OFFICE, dla_code=None, subdistrict=None, district=None, province=world.province)
    dopa = national_agency()
    assert [a.area_level for a in (lao, district_office, provincial, dopa)] == ["tambon", "district", "province", "national"]
    assert dopa.is_national and dopa.is_central_department and not lao.is_national
    assert list(Agency.objects.national()) == [dopa]


def test_a_national_department_is_valid_without_a_province(world):
    national_agency().full_clean()


@pytest.mark.parametrize(
    ("kind", "area", "field", "message"),
    [
        (AgencyKind.DOPA, "province", "kind", "กรมการปกครอง ต้องมีพื้นที่ระดับทั้งประเทศ แต่ข้อมูลที่กรอกเป็นระดับจังหวัด"),
        (AgencyKind.DISTRICT_OFFICE, "province", "kind", "ที่ว่าการอำเภอ ต้องมีพื้นที่ระดับอำเภอ แต่ข้อมูลที่กรอกเป็นระดับจังหวัด"),
        (AgencyKind.PROVINCIAL_CDD_OFFICE, "national", "kind", "ต้องมีพื้นที่ระดับจังหวัด แต่ข้อมูลที่กรอกเป็นระดับทั้งประเทศ"),
        (AgencyKind.VILLAGE_FUND, "national", "kind", "ต้องมีพื้นที่ระดับจังหวัด หรือ อำเภอ หรือ ตำบล"),
    ],
)
def test_a_kind_outside_its_levels_is_refused_in_thai(world, kind, area, field, message):
    fields = {"province": world.province} if area == "province" else {"province": None}
    agency = Agency(name="หน่วยงานทดสอบ", kind=kind, **fields)
    with pytest.raises(ValidationError) as error:
        agency.full_clean()
    assert message in " ".join(error.value.message_dict[field])


def test_a_tambon_without_its_district_is_refused(world):
    agency = Agency(name="กองทุน", kind=AgencyKind.WELFARE_FUND, province=world.province, subdistrict=world.council_x.subdistrict)
    with pytest.raises(ValidationError) as error:
        agency.full_clean()
    assert error.value.message_dict["district"] == ["เลือกตำบลแล้วต้องเลือกอำเภอของตำบลนั้นด้วย"]


def test_a_district_of_another_province_is_refused(world):
    agency = Agency(name="อำเภอ", kind=AgencyKind.DISTRICT_OFFICE, province=world.other_province, district=world.district)
    with pytest.raises(ValidationError) as error:
        agency.full_clean()
    assert error.value.message_dict["district"] == ["อำเภอไม่อยู่ในจังหวัดที่เลือก"]


def test_the_database_refuses_a_broken_area_chain(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Agency.objects.create(name="ขาดจังหวัด", kind=AgencyKind.OTHER, district=world.district)
