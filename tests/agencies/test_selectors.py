import pytest

from accounts.choices import Role
from accounts.scoping import scope_for
from agencies import selectors
from agencies.choices import AgencyKind

from ..factories import AgencyFactory, national_agency, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def ladder(world):
    """One agency at every distance from tambon X."""
    p, d = world.province, world.district

    def make(name, kind, **area):
        return AgencyFactory(name=name, kind=kind, dla_code=None, **{"subdistrict": None, "district": None, "province": None, **area})

    return type("Ladder", (), {
        "tambon": world.lao,
        "district": make("ที่ว่าการอำเภอจอมทอง", AgencyKind.DISTRICT_OFFICE, district=d, province=p),
        "province": make("สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่", AgencyKind.PROVINCIAL_CDD_OFFICE, province=p),
        "national": national_agency(),
        "neighbour": AgencyFactory(subdistrict=world.council_y.subdistrict),  # tambon Y, same district
        "other_district": make("ที่ว่าการอำเภอเชียงดาว", AgencyKind.DISTRICT_OFFICE, district=world.other_district, province=p),
        "far": AgencyFactory(subdistrict=world.council_w.subdistrict),
    })  # fmt: skip


def test_agencies_covering_a_tambon_are_its_own_district_province_and_national_ones(world, ladder):
    covering = list(selectors.agencies_covering(subdistrict=world.council_x.subdistrict))
    assert covering == [ladder.tambon, ladder.district, ladder.province, ladder.national]
    assert [a.nearness for a in covering] == [0, 1, 2, 3]


def test_national_agencies_are_offered_in_every_province(world, ladder):
    covering = list(selectors.agencies_covering(subdistrict=world.council_w.subdistrict))
    assert covering == [ladder.far, ladder.national]


def test_agencies_near_adds_the_rest_of_the_province_last(world, ladder):
    near = list(selectors.agencies_near(subdistrict=world.council_x.subdistrict))
    # The district's group holds every agency of the district (the activity form's first group).
    assert near[0] == ladder.tambon and set(near[1:3]) == {ladder.district, ladder.neighbour}
    assert near[3:] == [ladder.province, ladder.national, ladder.other_district]
    assert [a.nearness for a in near] == [0, 1, 1, 2, 3, 4]
    assert ladder.far not in near


def test_agency_list_filters_and_searches_thai(world, ladder):
    assert list(selectors.agency_list(kind=AgencyKind.DISTRICT_OFFICE)) == [ladder.district, ladder.other_district]
    assert list(selectors.agency_list(district_code="5002")) == sorted(
        [ladder.tambon, ladder.district, ladder.neighbour], key=lambda a: (a.name, a.pk)
    )
    assert list(selectors.agency_list(search="พัฒนาชุมชน")) == [ladder.province]
    assert list(selectors.agency_list())[0] == ladder.national  # national ones first
    assert ladder.national not in selectors.agency_list(province_code="50")


def test_an_agency_meets_a_scope_it_covers_or_holds_part_of(world, ladder, staff_x, staff_y, officer_d, officer_e, agency_officer, codi_regional):
    def meets(user, agency):
        return selectors.agency_overlaps_scope(scope=scope_for(user), agency=agency)

    assert [meets(staff_x, a) for a in (ladder.tambon, ladder.district, ladder.province, ladder.national, ladder.neighbour, ladder.other_district)] == [
        True, True, True, True, False, False,
    ]  # fmt: skip
    assert not meets(staff_y, ladder.tambon)
    assert [meets(officer_d, a) for a in (ladder.tambon, ladder.district, ladder.province, ladder.other_district)] == [True, True, True, False]
    assert [meets(officer_e, a) for a in (ladder.tambon, ladder.district, ladder.province)] == [False, False, True]
    assert meets(agency_officer, ladder.tambon) and not meets(agency_officer, ladder.far)
    assert not meets(codi_regional, ladder.far) and meets(codi_regional, ladder.other_district)
    outsider = user_with_role("outsider", Role.COUNCIL_STAFF, council=world.council_w)
    assert not meets(outsider, ladder.province) and meets(outsider, ladder.national)


def test_search_finds_a_name_typed_with_sara_am_as_two_characters(world):
    fund = AgencyFactory(name="กองทุนสวัสดิการชุมชนตำบลบ้านหลวง", kind=AgencyKind.WELFARE_FUND, dla_code=None,
                         subdistrict=world.council_x.subdistrict)  # fmt: skip
    assert list(selectors.agency_list(search="กองทุน ต\u0e4d\u0e32บล\u200bบ้าน")) == [fund]
