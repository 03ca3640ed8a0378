"""The members and people API: scoped lists, masked IDs only, the logged reveal action, and
every refusal (404 outside the scope, 403 inside but not allowed)."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from councils.choices import MemberPosition
from councils.models import CouncilMember, NationalIdReveal, Person
from councils.services import members as services

from ..factories import CouncilMemberFactory

pytestmark = pytest.mark.django_db

VALID = "1234567890121"
VALID_FORMATTED = "1-2345-67890-12-1"


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def chair_x(world, staff_x):
    return services.member_add(
        council=world.council_x, by=staff_x, full_name="นายสมชาย ใจดี", national_id=VALID,
        position=MemberPosition.CHAIR, term_start=dt.date(2024, 1, 15),
    )


@pytest.fixture
def member_y(world, staff_y):
    return services.member_add(council=world.council_y, by=staff_y, full_name="นางข่วงเปา", term_start=dt.date(2024, 1, 15))


@pytest.fixture
def member_w(world, codi_staff):
    return services.member_add(council=world.council_w, by=codi_staff, full_name="นางเวียง", term_start=dt.date(2024, 1, 15))


def _ids(response):
    assert response.status_code == 200, response.content
    return sorted(row["id"] for row in response.json()["results"])


def test_lists_are_scoped_and_show_the_id_masked_only(chair_x, member_y, member_w, staff_x, officer_d, codi_regional,
                                                      codi_staff, agency_officer):
    response = api(staff_x).get("/api/v1/members/")
    assert _ids(response) == [chair_x.pk]
    row = response.json()["results"][0]
    assert row == {
        "id": chair_x.pk, "council": "500203",
        "person": {"id": chair_x.person_id, "full_name": "นายสมชาย ใจดี", "national_id_masked": "x-xxxx-xxxxx-12-1"},
        "organization": None, "organization_name": "", "position": "chair",
        "term_start": "2024-01-15", "term_end": None, "is_current": True,
    }
    assert _ids(api(officer_d).get("/api/v1/members/")) == sorted([chair_x.pk, member_y.pk])
    assert _ids(api(codi_regional).get("/api/v1/members/")) == sorted([chair_x.pk, member_y.pk])
    assert _ids(api(codi_staff).get("/api/v1/members/")) == sorted([chair_x.pk, member_y.pk, member_w.pk])
    assert _ids(api(agency_officer).get("/api/v1/members/")) == []
    assert api().get("/api/v1/members/").status_code in (401, 403)


def test_list_filters_by_council_and_current(world, chair_x, member_y, codi_staff):
    past = CouncilMemberFactory(council=world.council_x, term_start=dt.date(2019, 1, 1), term_end=dt.date(2020, 1, 1))
    client = api(codi_staff)
    assert _ids(client.get("/api/v1/members/?council=500203")) == sorted([chair_x.pk, past.pk])
    assert _ids(client.get("/api/v1/members/?council=500203&current=true")) == [chair_x.pk]
    assert _ids(client.get("/api/v1/members/?council=500203&current=false")) == [past.pk]


def test_person_detail_masked_and_refused_outside(chair_x, staff_x, staff_y, agency_officer):
    response = api(staff_x).get(f"/api/v1/people/{chair_x.person_id}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert response.json()["national_id_masked"] == "x-xxxx-xxxxx-12-1"
    assert VALID not in body and VALID_FORMATTED not in body and "ciphertext" not in body and "hash" not in body
    assert api(staff_y).get(f"/api/v1/people/{chair_x.person_id}/").status_code == 404
    assert api(agency_officer).get(f"/api/v1/people/{chair_x.person_id}/").status_code == 403


def _new(**overrides):
    data = {"council": "500203", "full_name": "นางสาวมาลี ศรีสุข", "national_id": "๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑",
            "position": "secretary", "term_start": "2024-06-01"}
    data.update(overrides)
    return data


def test_council_staff_creates_a_member(world, staff_x):
    response = api(staff_x).post("/api/v1/members/", _new(), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["person"]["national_id_masked"] == "x-xxxx-xxxxx-12-1"
    assert VALID not in response.content.decode()
    member = CouncilMember.objects.select_related("person").get()
    assert (member.council, member.person.full_name, member.position) == (world.council_x, "นางสาวมาลี ศรีสุข", "secretary")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"national_id": "1234567890123"}, "national_id", "เลขหลักสุดท้าย (เลขตรวจสอบ) ไม่ตรง"),
        ({"term_end": "2024-05-01"}, "term_end", "วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ"),
        ({"term_start": "2567-06-01"}, "term_start", "ดูเหมือนเป็นปี พ.ศ."),
        ({"term_start": "1 มิ.ย. 67"}, "term_start", "รูปแบบวันที่ไม่ถูกต้อง"),
        ({"full_name": ""}, "full_name", "กรุณาระบุชื่อ-สกุล"),
        ({"position": "king"}, "position", "ตำแหน่ง “king” ไม่ถูกต้อง"),
    ],
)
def test_bad_input_is_answered_in_thai(world, staff_x, overrides, field, message):
    response = api(staff_x).post("/api/v1/members/", _new(**overrides), format="json")
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])
    assert Person.objects.count() == 0


def test_duplicate_national_id_is_refused_in_thai(chair_x, codi_staff):
    response = api(codi_staff).post("/api/v1/members/", _new(council="570101", national_id=VALID), format="json")
    assert response.status_code == 400
    assert "เลขประจำตัวประชาชนนี้มีอยู่แล้วในระบบ" in response.json()["national_id"][0]
    assert Person.objects.count() == 1


def test_create_and_update_are_refused_from_the_outside(chair_x, staff_y, officer_d):
    assert api(staff_y).post("/api/v1/members/", _new(), format="json").status_code == 404
    assert api(officer_d).post("/api/v1/members/", _new(), format="json").status_code == 403
    assert api(staff_y).patch(f"/api/v1/members/{chair_x.pk}/", {"position": "member"}, format="json").status_code == 404
    assert api(officer_d).patch(f"/api/v1/members/{chair_x.pk}/", {"position": "member"}, format="json").status_code == 403
    assert api(officer_d).post(f"/api/v1/members/{chair_x.pk}/end-term/", {}, format="json").status_code == 403
    chair_x.refresh_from_db()
    assert (chair_x.position, chair_x.term_end, Person.objects.count()) == ("chair", None, 1)


def test_update_and_end_a_term(chair_x, staff_x):
    client = api(staff_x)
    response = client.patch(f"/api/v1/members/{chair_x.pk}/", {"position": "treasurer"}, format="json")
    assert response.status_code == 200 and response.json()["position"] == "treasurer"
    bad = client.patch(f"/api/v1/members/{chair_x.pk}/", {"term_end": "2023-01-01"}, format="json")
    assert bad.status_code == 400 and "วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ" in bad.json()["term_end"][0]
    ended = client.post(f"/api/v1/members/{chair_x.pk}/end-term/", {"term_end": "2025-01-31"}, format="json")
    assert ended.status_code == 200
    assert (ended.json()["term_end"], ended.json()["is_current"]) == ("2025-01-31", False)


def test_reveal_action_for_codi_is_logged(chair_x, codi_staff):
    response = api(codi_staff).post(f"/api/v1/people/{chair_x.person_id}/reveal-national-id/",
                                    {"purpose": "ยืนยันตัวตนก่อนโอนเงินอุดหนุน"}, format="json")
    assert response.status_code == 200
    assert response.json() == {"national_id": VALID_FORMATTED}
    assert response["Cache-Control"] == "no-store"
    reveal = NationalIdReveal.objects.get()
    assert (reveal.person_id, reveal.revealed_by, reveal.purpose) == (
        chair_x.person_id, codi_staff, "ยืนยันตัวตนก่อนโอนเงินอุดหนุน"
    )


def test_reveal_action_needs_a_purpose(chair_x, codi_staff):
    response = api(codi_staff).post(f"/api/v1/people/{chair_x.person_id}/reveal-national-id/", {}, format="json")
    assert response.status_code == 400
    assert response.json()["purpose"] == ["กรุณาระบุวัตถุประสงค์ของการเปิดดูเลขประจำตัวประชาชน"]
    assert NationalIdReveal.objects.count() == 0


@pytest.mark.parametrize(("persona", "status"), [
    ("staff_x", 403), ("officer_d", 403), ("agency_officer", 403), ("staff_y", 404), ("officer_e", 404),
])
def test_reveal_action_is_refused_to_others(chair_x, request, persona, status):
    response = api(request.getfixturevalue(persona)).post(
        f"/api/v1/people/{chair_x.person_id}/reveal-national-id/", {"purpose": "อยากรู้เฉย ๆ ครับ"}, format="json"
    )
    assert response.status_code == status
    assert VALID_FORMATTED not in response.content.decode()
    assert NationalIdReveal.objects.count() == 0


def test_reveal_action_outside_a_regional_scope_is_404(world, codi_staff, codi_regional):
    member = services.member_add(council=world.council_w, by=codi_staff, full_name="นางเวียง",
                                 national_id="3100600001231", term_start=dt.date(2024, 1, 15))
    response = api(codi_regional).post(f"/api/v1/people/{member.person_id}/reveal-national-id/",
                                       {"purpose": "ตรวจสอบข้อมูลสมาชิก"}, format="json")
    assert response.status_code == 404
    assert NationalIdReveal.objects.count() == 0
