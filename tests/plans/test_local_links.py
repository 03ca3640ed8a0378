"""The agency page links an LAO's local plan for those whose scope holds the LAO."""

import pytest
from django.urls import reverse

from ..conftest import client_for
from ..factories import LocalPlanFactory

pytestmark = pytest.mark.django_db


def test_the_lao_page_links_its_plan_for_those_in_scope(client, world, agency_officer, staff_x, staff_y):
    plan = LocalPlanFactory(lao=world.lao)
    page = reverse("agencies:agency_detail", args=[world.lao.pk])
    link = reverse("plans:local_plan_of_lao", args=[world.lao.pk])
    for user in (agency_officer, staff_x):
        assert link in client_for(client, user).get(page).content.decode()
        assert client.get(link).url == reverse("plans:local_plan_detail", args=[plan.pk])
    assert link not in client_for(client, staff_y).get(page).content.decode()
    assert client.get(link).status_code == 404  # another area's LAO: not found


def test_an_lao_without_a_plan_sends_its_staff_to_make_one(client, world, agency_officer, staff_x):
    link = reverse("plans:local_plan_of_lao", args=[world.lao.pk])
    assert client_for(client, agency_officer).get(link).url == reverse("plans:local_plan_create", args=[world.lao.pk])
    response = client_for(client, staff_x).get(link, follow=True)
    assert response.redirect_chain[-1][0] == reverse("plans:local_plan_list")
    assert "ยังไม่มีแผนพัฒนาท้องถิ่นในระบบ" in response.content.decode()
