import pytest

from accounts.choices import Role
from accounts.scoping import scope_for
from councils.permissions import can_edit_council
from councils.selectors import councils_visible_to

from ..factories import AgencyFactory, UserFactory, national_agency, user_with_role

pytestmark = pytest.mark.django_db


def _codes(user):
    return sorted(councils_visible_to(user=user).values_list("subdistrict__code", flat=True))


def test_each_persona_sees_exactly_its_area(world, staff_x, officer_d, agency_officer, codi_staff, codi_regional, plain_user):
    assert _codes(staff_x) == ["500203"]
    assert _codes(officer_d) == ["500203", "500204"]
    assert _codes(agency_officer) == ["500203"]  # the LAO of tambon บ้านหลวง
    assert _codes(codi_staff) == ["500203", "500204", "500401", "570101"]
    assert _codes(codi_regional) == ["500203", "500204", "500401"]
    assert _codes(plain_user) == []


def test_anonymous_sees_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    assert scope_for(AnonymousUser()).is_empty
    assert _codes(AnonymousUser()) == []


def test_provincial_agency_sees_its_province(world):
    agency = AgencyFactory(
        name="สำนักงานพัฒนาชุมชนจังหวัดเชียงราย", kind="provincial_office", dla_code=None,
        subdistrict=None, district=None, province=world.other_province,
    )
    user = user_with_role("prov", Role.AGENCY_STAFF, agency=agency)
    assert _codes(user) == ["570101"]


def test_national_agency_staff_read_the_whole_country_but_edit_no_council(world):
    user = user_with_role("dopa", Role.AGENCY_STAFF, agency=national_agency())
    scope = scope_for(user)
    assert scope.national and not scope.is_codi()
    assert _codes(user) == ["500203", "500204", "500401", "570101"]
    assert not can_edit_council(user=user, council=world.council_x)


def test_superuser_is_national(world):
    admin = UserFactory(username="root", is_superuser=True)
    assert scope_for(admin).national
    assert len(_codes(admin)) == 4


def test_scope_is_computed_once_per_user_object(world, officer_d, django_assert_num_queries):
    scope_for(officer_d)
    with django_assert_num_queries(0):
        scope_for(officer_d)
        scope_for(officer_d)


def test_can_edit_only_own_council(world, staff_x, officer_d):
    assert can_edit_council(user=staff_x, council=world.council_x)
    assert not can_edit_council(user=staff_x, council=world.council_y)
    assert not can_edit_council(user=officer_d, council=world.council_x)


def test_role_assignment_requires_its_target(world):
    from django.core.exceptions import ValidationError

    from accounts.models import RoleAssignment

    with pytest.raises(ValidationError) as exc:
        RoleAssignment(user=UserFactory(), role=Role.DISTRICT_OFFICER).full_clean()
    assert exc.value.message_dict["district"] == ["กรุณาเลือกอำเภอ"]
