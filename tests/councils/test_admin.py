"""The admin saves councils and organizations under the same rules as the pages."""

import pytest

from councils.models import CommunityOrganization

from ..factories import AgencyFactory, CommunityOrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def _council_form(council, **overrides):
    data = {
        "subdistrict": council.subdistrict_id, "name": council.name, "status": council.status,
        "registration_number": "", "registered_on": "", "address": "", "phone": "", "email": "",
        "contact_name": "", "lao": "", "is_published": "on",
    }
    data.update(overrides)
    return data


def test_an_lao_of_another_province_is_refused_in_the_admin(admin_client, world):
    far_lao = AgencyFactory(subdistrict=world.council_w.subdistrict)
    url = f"/admin/councils/council/{world.council_x.pk}/change/"
    response = admin_client.post(url, _council_form(world.council_x, lao=far_lao.pk))
    assert response.status_code == 200
    assert "องค์กรปกครองส่วนท้องถิ่นต้องเป็น อปท. ในอำเภอของสภา" in response.content.decode()
    world.council_x.refresh_from_db()
    assert world.council_x.lao_id is None
    # The council's own LAO is accepted.
    response = admin_client.post(url, _council_form(world.council_x, lao=world.lao.pk))
    assert response.status_code == 302
    world.council_x.refresh_from_db()
    assert world.council_x.lao_id == world.lao.pk


def _org_form(org, **overrides):
    data = {
        "council": org.council_id, "code": org.code, "name": org.name, "kind": org.kind,
        "founded_on": "", "registered_on": "", "village_code": "", "village_name": "", "member_count": 40,
    }
    data.update(overrides)
    return data


def test_a_village_of_another_tambon_is_refused_in_the_admin(admin_client, world):
    org = CommunityOrganizationFactory(council=world.council_x, code="CO1")
    url = f"/admin/councils/communityorganization/{org.pk}/change/"
    response = admin_client.post(url, _org_form(org, village_code="57010101"))
    assert response.status_code == 200
    assert "รหัสหมู่บ้านต้องขึ้นต้นด้วยรหัสตำบลของสภา (500203)" in response.content.decode()
    assert CommunityOrganization.objects.get(pk=org.pk).village_code == ""
    response = admin_client.post(url, _org_form(org, village_code="50020301"))
    assert response.status_code == 302
    assert CommunityOrganization.objects.get(pk=org.pk).village_code == "50020301"
