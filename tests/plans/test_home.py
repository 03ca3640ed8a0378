"""The plans hub: each persona reaches the plan pages of their own areas, and no others."""

import pytest
from django.urls import reverse

from ..conftest import client_for

pytestmark = pytest.mark.django_db

URL = reverse("plans:home")


def test_council_staff_see_their_council_s_plans_only(client, staff_x, world):
    body = client_for(client, staff_x).get(URL).content.decode()
    assert reverse("plans:community_plan_list", kwargs={"code": world.council_x.subdistrict.code}) in body
    assert reverse("plans:community_plan_list", kwargs={"code": world.council_y.subdistrict.code}) not in body
    assert reverse("plans:alignment_review", kwargs={"code": world.district.code}) not in body


def test_district_officer_sees_review_and_district_plan(client, officer_d, world):
    body = client_for(client, officer_d).get(URL).content.decode()
    assert reverse("plans:alignment_review", kwargs={"code": world.district.code}) in body
    assert reverse("plans:district_plan", kwargs={"code": world.district.code}) in body
    assert reverse("plans:district_plan", kwargs={"code": world.other_district.code}) not in body


def test_lao_staff_see_their_local_plan_and_proposals(client, agency_officer, world):
    body = client_for(client, agency_officer).get(URL).content.decode()
    assert reverse("plans:local_plan_list") in body
    assert reverse("plans:budget_calendar", kwargs={"lao_id": world.lao.pk}) in body


def test_codi_staff_see_the_provinces_they_cover(client, codi_regional, world):
    body = client_for(client, codi_regional).get(URL).content.decode()
    assert reverse("plans:provincial_plan", kwargs={"code": world.province.code}) in body


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_the_hub_costs_a_fixed_number_of_queries(client, codi_staff, django_assert_max_num_queries):
    signed_in = client_for(client, codi_staff)
    with django_assert_max_num_queries(12):
        assert signed_in.get(URL).status_code == 200
