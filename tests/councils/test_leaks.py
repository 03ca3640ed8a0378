"""The leaks found by probing every route as every persona, closed and tested from the
side that must be refused: the members export, a person's terms on another council, and
the photos of an unpublished council."""

import datetime as dt
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook
from PIL import Image
from rest_framework.test import APIClient

from councils.choices import MemberPosition
from councils.services import activities as activity_services
from councils.services import members as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_councils_person(world, staff_x, codi_staff):
    """One person with a term on council X (district D) and one on council Z (district E)."""
    member = services.member_add(
        council=world.council_x, by=staff_x, full_name="นายสองสภา ทำงานดี", position=MemberPosition.CHAIR,
        term_start=dt.date(2024, 1, 15),
    )
    services.member_add(
        council=world.council_z, by=codi_staff, person=member.person, position=MemberPosition.SECRETARY,
        term_start=dt.date(2023, 5, 1),
    )
    return member.person


# 1. The members export applies the members pages' rule --------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_agency_staff_may_not_export_members(client, world, two_councils_person, agency_officer, fmt):
    client.force_login(agency_officer)
    assert client.get(f"/councils/{world.council_x.subdistrict.code}/members/").status_code == 403
    response = client.get(f"/councils/exports/members.{fmt}")
    assert response.status_code == 403
    assert "นายสองสภา".encode() not in response.content
    # The refusal is a Thai page naming the rule's own message.
    assert "คุณไม่มีสิทธิ์ดูรายชื่อสมาชิกสภา" in response.content.decode()


def test_the_members_export_holds_the_scope_only(client, world, two_councils_person, staff_x, codi_staff):
    client.force_login(staff_x)
    body = b"".join(client.get("/councils/exports/members.csv").streaming_content).decode("utf-8-sig")
    rows = body.strip().splitlines()[1:]
    assert len(rows) == 1 and "500203" in rows[0] and "500401" not in body
    client.force_login(codi_staff)
    response = client.get("/councils/exports/members.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)).active
    assert sheet.max_row == 3  # header and both terms


# 2. A person's terms on another council stay out of view ------------------------------------


@pytest.mark.parametrize("persona", ["staff_x", "officer_d"])
def test_the_person_page_shows_only_terms_in_scope(client, request, two_councils_person, persona):
    client.force_login(request.getfixturevalue(persona))
    page = client.get(f"/councils/people/{two_councils_person.pk}/").content.decode()
    assert "บ้านหลวง" in page
    assert "เชียงดาว" not in page and "เลขานุการ" not in page


def test_codi_staff_with_the_wider_scope_see_every_term(client, two_councils_person, codi_staff):
    client.force_login(codi_staff)
    page = client.get(f"/councils/people/{two_councils_person.pk}/").content.decode()
    assert "บ้านหลวง" in page and "เชียงดาว" in page


@pytest.mark.parametrize(("persona", "codes"), [("staff_x", ["500203"]), ("officer_d", ["500203"]),
                                                ("officer_e", ["500401"]), ("codi_staff", ["500203", "500401"])])
def test_the_people_api_shows_only_terms_in_scope(request, two_councils_person, persona, codes):
    client = APIClient()
    client.force_authenticate(request.getfixturevalue(persona))
    response = client.get(f"/api/v1/people/{two_councils_person.pk}/")
    assert response.status_code == 200
    assert sorted(t["council"] for t in response.json()["terms"]) == codes


def test_the_person_export_holds_only_terms_in_scope(client, two_councils_person, staff_x):
    client.force_login(staff_x)
    response = client.post(f"/councils/people/{two_councils_person.pk}/export/", {"format": "json"})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert [t["council_code"] for t in data["terms"]] == ["500203"]
    assert {row["term_id"] for row in data["term_history"]} == {data["terms"][0]["id"]}


# 3. Photos of an unpublished council ---------------------------------------------------------


def _jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (11, 93, 59)).save(buffer, "JPEG")
    return SimpleUploadedFile("p.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def photo_url(world, staff_x):
    activity = activity_services.activity_log(
        council=world.council_x, by=staff_x, date=dt.date(2025, 3, 1), kind="forum", title="เวทีประชาคม",
        photos=[_jpeg()],
    )
    return activity.photos.get().image.url


def test_a_published_councils_photo_is_public(client, photo_url):
    response = client.get(photo_url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache, public"


def test_a_cached_photo_is_asked_again_and_refused_once_the_council_is_unpublished(client, world, photo_url):
    """Caches must revalidate: while the council is published the answer is a 304; once it
    is unpublished, the same conditional request gets a 404, not the cached bytes."""
    last_modified = client.get(photo_url)["Last-Modified"]
    assert client.get(photo_url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    world.council_x.is_published = False
    world.council_x.save()
    assert client.get(photo_url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 404


@pytest.mark.parametrize("persona", [None, "staff_z", "officer_e", "agency_of_far_province"])
def test_an_unpublished_councils_photo_is_not_found_outside_its_scope(client, world, photo_url, request, persona):
    world.council_x.is_published = False
    world.council_x.save()
    if persona == "staff_z":
        from accounts.choices import Role

        from ..factories import user_with_role

        client.force_login(user_with_role("staff_z", Role.COUNCIL_STAFF, council=world.council_z))
    elif persona == "agency_of_far_province":
        from accounts.choices import Role

        from ..factories import AgencyFactory, user_with_role

        far = AgencyFactory(subdistrict=world.council_w.subdistrict)
        client.force_login(user_with_role("far", Role.AGENCY_STAFF, agency=far))
    elif persona:
        client.force_login(request.getfixturevalue(persona))
    assert client.get(photo_url).status_code == 404


@pytest.mark.parametrize("persona", ["staff_x", "officer_d", "codi_staff"])
def test_an_unpublished_councils_photo_is_served_inside_its_scope(client, world, photo_url, request, persona):
    world.council_x.is_published = False
    world.council_x.save()
    client.force_login(request.getfixturevalue(persona))
    response = client.get(photo_url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache, private"


def test_a_file_that_is_no_photo_is_not_served(client, photo_url, settings):
    assert client.get("/media/activities/2025/03/not-there.jpg").status_code == 404
    assert client.get("/media/activities/../reports/x.pdf").status_code == 404
