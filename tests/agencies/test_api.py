import pytest

from accounts.choices import Role
from agencies.models import CooperationAgreement, Mission

from ..factories import AgencyFactory, AgreementFactory, MissionFactory, ThemeFactory, national_agency, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme(db):
    return ThemeFactory(code="welfare", name_th="สวัสดิการชุมชน")


def test_anonymous_visitors_are_refused(client, world):
    response = client.get("/api/v1/agencies/")
    assert response.status_code == 403
    assert response.json() == {"detail": "ไม่พบข้อมูลการเข้าสู่ระบบ"}


def test_signed_in_users_read_agencies_with_their_level(client, world, staff_x):
    dopa = national_agency()
    client.force_login(staff_x)
    rows = client.get("/api/v1/agencies/").json()["results"]
    assert rows[0] == {
        "id": dopa.pk, "name": "กรมการปกครอง", "kind": "dopa", "kind_label": "กรมการปกครอง", "dla_code": None,
        "area_level": "national", "province": None, "district": None, "subdistrict": None,
    }  # fmt: skip
    assert rows[1]["area_level"] == "tambon" and rows[1]["subdistrict"] == "500203"
    assert [r["id"] for r in client.get("/api/v1/agencies/", {"kind": "dopa"}).json()["results"]] == [dopa.pk]
    bad = client.get("/api/v1/agencies/", {"province": "เชียงใหม่"})
    assert bad.status_code == 400 and bad.json() == {"province": ["รหัสจังหวัดต้องเป็นตัวเลข 2 หลัก"]}


def test_agency_list_query_count(client, world, staff_x, django_assert_max_num_queries):
    for i in range(20):
        national_agency(name=f"กรม {i}")
    client.force_login(staff_x)
    client.get("/api/v1/agencies/")  # the session's first read
    with django_assert_max_num_queries(5):
        client.get("/api/v1/agencies/")


def test_agency_staff_write_missions_and_others_are_refused(client, world, agency_officer, staff_x, theme):
    body = {"agency": world.lao.pk, "theme": "welfare", "fiscal_year": 2569, "title": "ซ่อมบ้าน", "budget_amount": "1000.00"}
    client.force_login(staff_x)
    refused = client.post("/api/v1/missions/", body, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json() == {"detail": "เฉพาะเจ้าหน้าที่ของหน่วยงานนี้จึงจะแก้ไขพันธกิจและข้อตกลงของหน่วยงานได้"}
    assert Mission.objects.count() == 0

    client.force_login(agency_officer)
    created = client.post("/api/v1/missions/", body, content_type="application/json")
    assert created.status_code == 201
    mission_id = created.json()["id"]
    assert created.json()["theme"] == "welfare" and created.json()["budget_amount"] == "1000.00"
    patched = client.patch(f"/api/v1/missions/{mission_id}/", {"title": "ซ่อมบ้านผู้สูงอายุ"}, content_type="application/json")
    assert patched.status_code == 200 and patched.json()["title"] == "ซ่อมบ้านผู้สูงอายุ"

    client.force_login(staff_x)
    assert client.delete(f"/api/v1/missions/{mission_id}/").status_code == 403
    client.force_login(agency_officer)
    assert client.delete(f"/api/v1/missions/{mission_id}/").status_code == 204
    assert Mission.objects.count() == 0


def test_a_christian_era_year_is_refused_in_thai(client, world, agency_officer, theme):
    client.force_login(agency_officer)
    body = {"agency": world.lao.pk, "theme": "welfare", "fiscal_year": 2026, "title": "ซ่อมบ้าน"}
    response = client.post("/api/v1/missions/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"fiscal_year": ["ปี 2026 ดูเหมือนเป็นปี ค.ศ. กรุณากรอกเป็นปี พ.ศ. (เช่น 2569)"]}
    assert Mission.objects.count() == 0


def test_missions_filter_by_agency_and_year(client, world, staff_x, theme):
    mine = MissionFactory(agency=world.lao, theme=theme, fiscal_year=2569)
    MissionFactory(agency=world.lao, theme=theme, fiscal_year=2568)
    MissionFactory(agency=national_agency(), theme=theme, fiscal_year=2569)
    client.force_login(staff_x)
    rows = client.get("/api/v1/missions/", {"agency": world.lao.pk, "fiscal_year": 2569}).json()["results"]
    assert [r["id"] for r in rows] == [mine.pk]


def test_agreements_api(client, world, agency_officer, officer_d):
    dopa = national_agency()
    client.force_login(agency_officer)
    body = {
        "agency": world.lao.pk, "title": "ข้อตกลงกลไกอำเภอ", "signed_on": "2025-09-15", "starts_on": "2025-10-01",
        "other_agencies": [dopa.pk], "province": "50", "district": "5002",
    }  # fmt: skip
    created = client.post("/api/v1/agreements/", body, content_type="application/json")
    assert created.status_code == 201, created.json()
    data = created.json()
    assert (data["other_agencies"], data["province"], data["district"], data["file_url"]) == ([dopa.pk], "50", "5002", None)

    bad = client.patch(f"/api/v1/agreements/{data['id']}/", {"ends_on": "2025-01-01"}, content_type="application/json")
    assert bad.status_code == 400 and bad.json() == {"ends_on": ["วันสิ้นสุดต้องไม่ก่อนวันเริ่มมีผล"]}
    assert CooperationAgreement.objects.get().ends_on is None

    client.force_login(officer_d)
    assert client.get(f"/api/v1/agreements/{data['id']}/").status_code == 200
    refused = client.patch(f"/api/v1/agreements/{data['id']}/", {"is_public": True}, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json() == {"detail": "เฉพาะเจ้าหน้าที่ของหน่วยงานนี้จึงจะแก้ไขข้อตกลงนี้ได้"}


def test_another_agencys_staff_cannot_create_for_it(client, world):
    other = user_with_role("other", Role.AGENCY_STAFF, agency=AgencyFactory(subdistrict=world.council_y.subdistrict))
    client.force_login(other)
    body = {"agency": world.lao.pk, "title": "ยึด", "signed_on": "2025-09-15", "starts_on": "2025-10-01"}
    assert client.post("/api/v1/agreements/", body, content_type="application/json").status_code == 403
    assert CooperationAgreement.objects.count() == 0
    assert AgreementFactory(agency=world.lao).pk  # the factory still works


def test_national_department_staff_read_councils_everywhere_but_never_members(client, world):
    from ..factories import ActivityFactory, CouncilMemberFactory

    user = user_with_role("dopa_staff", Role.AGENCY_STAFF, agency=national_agency())
    member = CouncilMemberFactory(council=world.council_w)
    activity = ActivityFactory(council=world.council_w)
    client.force_login(user)
    assert client.get(f"/api/v1/activities/{activity.pk}/").status_code == 200
    assert client.get(f"/api/v1/members/{member.pk}/").status_code == 403
    assert client.get(f"/api/v1/people/{member.person_id}/").status_code == 403
    assert client.get("/api/v1/members/").json()["results"] == []
    edit = client.patch(f"/api/v1/activities/{activity.pk}/", {"title": "แก้"}, content_type="application/json")
    assert edit.status_code == 403
