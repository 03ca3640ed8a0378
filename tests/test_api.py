import datetime as dt
import subprocess
import sys

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from councils.models import Activity, ActivityPhoto
from plans.models import Alignment
from reports.models import Report

from .factories import ActivityFactory, CommunityPlanFactory, LocalPlanProjectFactory, PlanItemFactory

pytestmark = pytest.mark.django_db


def api(user=None, token=False):
    client = APIClient()
    if user is not None:
        if token:
            client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
        else:
            client.force_authenticate(user)
    return client


def _activity(**kw):
    data = {"council": "500203", "date": (dt.date.today() - dt.timedelta(days=1)).isoformat(), "kind": "forum",
            "title": "เวทีประชาคม", "participants": 12}
    data.update(kw)
    return data


def test_council_staff_logs_activity_with_token(world, staff_x):
    response = api(staff_x, token=True).post("/api/v1/activities/", _activity(), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["council"] == "500203"
    assert Activity.objects.get().created_by == staff_x


def test_activity_api_refusals(world, staff_y, officer_d):
    assert api(staff_y).post("/api/v1/activities/", _activity(), format="json").status_code == 404
    assert api(officer_d).post("/api/v1/activities/", _activity(), format="json").status_code == 403
    assert api().post("/api/v1/activities/", _activity(), format="json").status_code in (401, 403)
    assert Activity.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field", "fragment"),
    [
        ({"date": "2568-11-20"}, "date", "พ.ศ."),
        ({"kind": "party"}, "kind", "ไม่ถูกต้อง"),
        ({"title": ""}, "title", "กรุณาระบุชื่อกิจกรรม"),
        ({"participants": -3}, "participants", "ต้องไม่ติดลบ"),
        ({"date": "20/11/2025"}, "date", "รูปแบบวันที่ไม่ถูกต้อง"),
    ],
)
def test_activity_api_bad_input_is_thai(world, staff_x, overrides, field, fragment):
    response = api(staff_x).post("/api/v1/activities/", _activity(**overrides), format="json")
    assert response.status_code == 400
    assert fragment in " ".join(response.json()[field])
    assert Activity.objects.count() == 0


def test_activity_list_is_scoped(world, staff_x, officer_d):
    ActivityFactory(council=world.council_x)
    ActivityFactory(council=world.council_y)
    ActivityFactory(council=world.council_z)
    assert len(api(staff_x).get("/api/v1/activities/").json()["results"]) == 1
    assert len(api(officer_d).get("/api/v1/activities/").json()["results"]) == 2
    other = ActivityFactory(council=world.council_z)
    assert api(staff_x).get(f"/api/v1/activities/{other.pk}/").status_code == 404


def test_public_councils_without_login(world):
    world.council_w.is_published = False
    world.council_w.save()
    codes = [c["code"] for c in api().get("/api/v1/councils/").json()["results"]]
    assert codes == ["500203", "500204", "500401"]
    assert api().get("/api/v1/councils/570101/").status_code == 404


def test_alignment_api(world, officer_d, officer_e, staff_x):
    item = PlanItemFactory(plan=CommunityPlanFactory(council=world.council_x))
    project = LocalPlanProjectFactory(lao=world.lao)
    url = f"/api/v1/alignments/{item.alignment.pk}/"
    assert api(officer_e).patch(url, {"status": "aligned", "note": "x"}, format="json").status_code == 404
    assert api(staff_x).patch(url, {"status": "aligned", "note": "x"}, format="json").status_code == 403
    bad = api(officer_d).patch(url, {"status": "maybe"}, format="json")
    assert bad.status_code == 400 and "ไม่ถูกต้อง" in bad.json()["status"][0]
    need = api(officer_d).patch(url, {"status": "aligned"}, format="json")
    assert need.status_code == 400 and "กรุณาเลือกโครงการ" in need.json()["note"][0]
    ok = api(officer_d).patch(url, {"status": "aligned", "local_plan_project": project.pk}, format="json")
    assert ok.status_code == 200 and ok.json()["status"] == "aligned"
    assert Alignment.objects.get(pk=item.alignment.pk).reviewed_by == officer_d
    items = api(officer_d).get("/api/v1/plan-items/").json()["results"]
    assert [(i["id"], i["alignment_status"]) for i in items] == [(item.pk, "aligned")]


def test_report_api(world, codi_staff, officer_d, django_capture_on_commit_callbacks):
    assert api(officer_d).post("/api/v1/reports/", {"fiscal_year": 2569, "scope": "national"}, format="json").status_code == 403
    bad = api(codi_staff).post("/api/v1/reports/", {"fiscal_year": 2026, "scope": "national"}, format="json")
    assert bad.status_code == 400 and "ค.ศ." in bad.json()["fiscal_year"][0]
    with django_capture_on_commit_callbacks(execute=True):
        ok = api(codi_staff).post("/api/v1/reports/", {"fiscal_year": 2569, "scope": "province", "province": "50"}, format="json")
    assert ok.status_code == 201
    report = Report.objects.get()
    detail = api(codi_staff).get(f"/api/v1/reports/{report.pk}/").json()
    assert (detail["status"], detail["province"], detail["download_url"]) == ("done", "50", f"/reports/{report.pk}/download/")
    assert api(officer_d).get(f"/api/v1/reports/{report.pk}/").status_code == 404
    assert api().get("/api/v1/reports/").status_code in (401, 403)


def test_schema_and_docs_are_served_without_cdn(client):
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/").content.decode()
    assert "cdn" not in docs.lower() and "/static/drf_spectacular_sidecar/" in docs


def test_openapi_schema_validates_without_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr


# --- Councils, organizations and activities: filters, cursors, writes --------------------------

import io  # noqa: E402

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from PIL import Image  # noqa: E402

from councils.models import CommunityOrganization, Council  # noqa: E402
from geo.models import Theme  # noqa: E402

from .factories import AgencyFactory, CommunityOrganizationFactory, CouncilFactory, SubdistrictFactory  # noqa: E402


def _pages(client, url):
    """Follow a cursor-paginated list to its end: (pages, rows)."""
    pages, rows = 0, []
    while url:
        body = client.get(url).json()
        assert "count" not in body  # a cursor never counts 150,000 rows
        pages += 1
        rows += body["results"]
        url = body["next"]
    return pages, rows


def test_activities_page_by_cursor_newest_first_without_gaps(world, officer_d):
    made = [ActivityFactory(council=world.council_x).pk for _ in range(7)]
    pages, rows = _pages(api(officer_d), "/api/v1/activities/?page_size=3")
    assert pages == 3
    assert [r["id"] for r in rows] == sorted(made, reverse=True)


def test_councils_page_by_cursor_in_code_order_with_the_html_filters(world, codi_staff):
    for _ in range(4):
        CouncilFactory(subdistrict=SubdistrictFactory(district=world.district))
    client = api(codi_staff)
    pages, rows = _pages(client, "/api/v1/councils/?page_size=3")
    codes = [r["code"] for r in rows]
    assert pages == 3 and codes == sorted(codes) and len(codes) == 8
    assert [r["code"] for r in client.get("/api/v1/councils/", {"q": "หลวง"}).json()["results"]] == ["500203"]
    assert [r["code"] for r in client.get("/api/v1/councils/", {"province": "57"}).json()["results"]] == ["570101"]
    assert {r["latest_level"] for r in client.get("/api/v1/councils/", {"level": "none"}).json()["results"]} == {None}
    bad = client.get("/api/v1/councils/", {"status": "asleep"})
    assert bad.status_code == 400 and "สถานะ “asleep” ไม่ถูกต้อง" in bad.json()["status"][0]


def test_council_profile_patch(world, staff_x, staff_y, officer_d):
    Theme.objects.create(code="forest", name_th="ป่าชุมชน")
    url = "/api/v1/councils/500203/"
    change = {"phone": "053-111 222", "lao": world.lao.pk, "themes": ["forest"], "registered_on": "2009-03-15"}
    assert api(staff_y).patch(url, change, format="json").status_code == 404
    assert api(officer_d).patch(url, change, format="json").status_code == 403
    assert api().patch(url, change, format="json").status_code in (401, 403)
    ok = api(staff_x).patch(url, change, format="json")
    assert ok.status_code == 200, ok.content
    body = ok.json()
    assert (body["phone"], body["lao"], body["themes"], body["registered_on"]) == (
        "053-111 222", {"id": world.lao.pk, "name": world.lao.name}, ["forest"], "2009-03-15"
    )
    assert Council.objects.get(pk=world.council_x.pk).history.first().history_user == staff_x
    far = AgencyFactory(subdistrict=world.council_w.subdistrict)
    bad = api(staff_x).patch(url, {"lao": far.pk}, format="json")
    assert bad.status_code == 400 and "อปท. ในอำเภอของสภา" in bad.json()["lao"][0]
    bad = api(staff_x).patch(url, {"themes": ["no-such-theme"]}, format="json")
    assert bad.status_code == 400 and "ไม่พบประเด็นงาน “no-such-theme”" in bad.json()["themes"][0]


def test_organizations_api_is_scoped_searchable_and_writable_by_own_staff(world, staff_x, staff_y, officer_d):
    CommunityOrganizationFactory(council=world.council_x, code="CO50020301", name="กลุ่มออมทรัพย์บ้านหลวงใต้")
    CommunityOrganizationFactory(council=world.council_y, code="CO50020401", name="กลุ่มทอผ้าข่วงเปา")
    CommunityOrganizationFactory(council=world.council_w, code="CO57010101", name="กลุ่มออมทรัพย์เวียง")
    assert api().get("/api/v1/organizations/").status_code in (401, 403)
    client = api(officer_d)
    assert [o["code"] for o in client.get("/api/v1/organizations/").json()["results"]] == ["CO50020301", "CO50020401"]
    found = client.get("/api/v1/organizations/", {"q": "ออมทรัพย์"}).json()["results"]
    assert [(o["code"], o["council"]) for o in found] == [("CO50020301", "500203")]
    assert client.get("/api/v1/organizations/CO57010101/").status_code == 404

    new = {"council": "500203", "code": "co50020399", "name": "กลุ่มเกษตรอินทรีย์", "kind": "occupation_group",
           "member_count": 20, "village_code": "50020303"}
    assert api(staff_y).post("/api/v1/organizations/", new, format="json").status_code == 404
    assert api(officer_d).post("/api/v1/organizations/", new, format="json").status_code == 403
    created = api(staff_x).post("/api/v1/organizations/", new, format="json")
    assert created.status_code == 201, created.content
    assert (created.json()["code"], created.json()["council"]) == ("CO50020399", "500203")
    again = api(staff_x).post("/api/v1/organizations/", new, format="json")
    assert again.status_code == 400 and "มีอยู่ในทะเบียนแล้ว" in again.json()["code"][0]
    patched = api(staff_x).patch("/api/v1/organizations/CO50020399/", {"member_count": 25}, format="json")
    assert patched.status_code == 200 and patched.json()["member_count"] == 25
    moved = api(staff_x).patch("/api/v1/organizations/CO50020399/", {"council": "500204"}, format="json")
    assert moved.status_code == 400
    assert api(officer_d).patch("/api/v1/organizations/CO50020399/", {"member_count": 1}, format="json").status_code == 403
    assert CommunityOrganization.objects.get(code="CO50020399").member_count == 25


def _jpeg(name="a.jpg"):
    buf = io.BytesIO()
    Image.new("RGB", (30, 20), (200, 120, 40)).save(buf, "JPEG")
    return SimpleUploadedFile(name, buf.getvalue(), content_type="image/jpeg")


def test_activity_api_with_agencies_groups_photos_edit_and_history(world, staff_x, officer_d):
    far = AgencyFactory(subdistrict=world.council_w.subdistrict)
    data = _activity(participants=30, outcomes="ได้ข้อเสนอ 3 เรื่อง", agencies=[world.lao.pk],
                     participants_by_group={"youth": 10, "women": 12})
    created = api(staff_x).post("/api/v1/activities/", data, format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["participants_by_group"], body["agencies"], body["outcomes"]) == (
        {"youth": 10, "women": 12}, [{"id": world.lao.pk, "name": world.lao.name}], "ได้ข้อเสนอ 3 เรื่อง"
    )
    bad = api(staff_x).post("/api/v1/activities/", _activity(agencies=[far.pk]), format="json")
    assert bad.status_code == 400 and "จังหวัดเดียวกับสภา" in " ".join(bad.json()["agencies"])
    bad = api(staff_x).post("/api/v1/activities/", _activity(participants=5, participants_by_group={"youth": 9}),
                            format="json")
    assert bad.status_code == 400 and "มากกว่าจำนวนผู้เข้าร่วมทั้งหมด" in " ".join(bad.json()["participants_by_group"])

    multipart = {k: v for k, v in _activity(title="มีภาพ").items()}
    multipart["photos"] = [_jpeg("1.jpg"), _jpeg("2.jpg")]
    with_photos = api(staff_x).post("/api/v1/activities/", multipart, format="multipart")
    assert with_photos.status_code == 201, with_photos.content
    assert [(p["width"], p["height"]) for p in with_photos.json()["photos"]] == [(30, 20), (30, 20)]

    url = f"/api/v1/activities/{body['id']}/"
    assert api(officer_d).patch(url, {"title": "ถูกแก้"}, format="json").status_code == 403
    edited = api(staff_x).patch(url, {"title": "เวทีประชาคม (แก้ไข)", "agencies": []}, format="json")
    assert edited.status_code == 200 and (edited.json()["title"], edited.json()["agencies"]) == ("เวทีประชาคม (แก้ไข)", [])
    history = api(officer_d).get(f"{url}history/").json()
    assert [h["action"] for h in history] == ["แก้ไข", "บันทึกกิจกรรม"]
    assert {c["field"]: (c["old"], c["new"]) for c in history[0]["changes"]} == {
        "title": ("เวทีประชาคม", "เวทีประชาคม (แก้ไข)"),
        "agencies": (world.lao.name, "–"),
    }
    assert api().get(f"{url}history/").status_code == 404


def test_activity_photos_caption_and_report_choice_through_the_api(world, staff_x, staff_y, officer_d):
    multipart = {**_activity(title="มีภาพ"), "photos": [_jpeg("1.jpg"), _jpeg("2.jpg")]}
    multipart.update(photo_caption="ชาวบ้านร่วมกันสร้างฝายชะลอน้ำ", photos_in_report="true")
    created = api(staff_x).post("/api/v1/activities/", multipart, format="multipart")
    assert created.status_code == 201, created.content
    photos = created.json()["photos"]
    assert [(p["caption"], p["in_report"]) for p in photos] == [("ชาวบ้านร่วมกันสร้างฝายชะลอน้ำ", True)] * 2
    url, first, second = f"/api/v1/activities/{created.json()['id']}/", photos[0]["id"], photos[1]["id"]
    edits = {"photo_edits": [{"id": first, "caption": "ฝายเสร็จแล้ว"}, {"id": second, "in_report": False}]}
    # Refused: another council's staff (not in scope: 404), the district officer (403).
    assert api(staff_y).patch(url, edits, format="json").status_code == 404
    assert api(officer_d).patch(url, edits, format="json").status_code == 403
    edited = api(staff_x).patch(url, edits, format="json")
    assert edited.status_code == 200, edited.content
    assert [(p["caption"], p["in_report"]) for p in edited.json()["photos"]] == [
        ("ฝายเสร็จแล้ว", True), ("ชาวบ้านร่วมกันสร้างฝายชะลอน้ำ", False)
    ]  # fmt: skip
    too_long = api(staff_x).patch(url, {"photo_edits": [{"id": first, "caption": "ก" * 256}]}, format="json")
    assert too_long.status_code == 400 and "ไม่เกิน 255 ตัวอักษร" in str(too_long.json())
    other = ActivityPhoto.objects.create(activity=ActivityFactory(council=world.council_x), image="activities/o.jpg", width=1, height=1)
    stranger = api(staff_x).patch(url, {"photo_edits": [{"id": other.pk, "caption": "x"}]}, format="json")
    assert stranger.status_code == 400 and "ไม่พบภาพที่ต้องการแก้ไขในกิจกรรมนี้" in str(stranger.json())
    assert api(officer_d).get(url).json()["photos"][0]["in_report"] is True  # readable by whoever reads it


def test_activity_filters(world, officer_d):
    ActivityFactory(council=world.council_x, kind="training")
    ActivityFactory(council=world.council_y, kind="forum")
    client = api(officer_d)
    assert [a["council"] for a in client.get("/api/v1/activities/", {"council": "500204"}).json()["results"]] == ["500204"]
    assert [a["kind"] for a in client.get("/api/v1/activities/", {"kind": "training"}).json()["results"]] == ["training"]
    bad = client.get("/api/v1/activities/", {"date_from": "2025-13-45"})
    assert bad.status_code == 400 and "รูปแบบวันที่ไม่ถูกต้อง" in bad.json()["date_from"][0]
    be = client.get("/api/v1/activities/", {"date_to": "25/11/2568"})  # a Buddhist-era year typed in
    assert be.status_code == 400 and "ดูเหมือนเป็นปี พ.ศ." in be.json()["date_to"][0]


# The contract the OpenAPI schema states (tests/test_api_schema.py fuzzes it) -------------------


def test_a_report_id_that_is_not_a_number_is_a_json_404_not_a_500(world, codi_staff):
    response = api(codi_staff).post("/api/v1/reports/null,null/publish/", {}, format="json")
    assert (response.status_code, response["Content-Type"]) == (404, "application/json")


def test_an_api_url_no_route_matches_answers_json_and_a_page_answers_html(client, world, codi_staff):
    response = api(codi_staff).post("/api/v1/mentorships/2.5/visits/", {}, format="json")
    assert (response.status_code, response["Content-Type"], response.json()) == (
        404, "application/json", {"detail": "ไม่พบข้อมูลที่ขอ"}
    )  # fmt: skip
    page = client.get("/no-such-page/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")


def test_every_operation_documents_its_error_answers_once():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = [(path, method, op) for path, item in schema["paths"].items() for method, op in item.items()]
    assert len(operations) == 99  # 43 + agencies (2), missions (5), agreements (5), community plans (6), plan-item writes (3), proposals (13), open data (6), indicators (8), local plan writes (8)
    for path, method, op in operations:
        takes_input = "requestBody" in op or any(p["in"] == "query" for p in op.get("parameters", []))
        expected = {"403", "404"} | ({"400"} if takes_input or method == "delete" else set())
        throttled = {"429"} if path.startswith("/api/v1/open/") else set()  # the open data: per address
        assert {code for code in op["responses"] if code.startswith("4")} == expected | throttled, (method, path)
        assert all(op["responses"][code] == {"$ref": f"#/components/responses/{code}"} for code in expected)
    assert schema["components"]["responses"]["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorDetail"
    }
