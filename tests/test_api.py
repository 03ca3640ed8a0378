import datetime as dt
import subprocess
import sys

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from councils.models import Activity
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
    assert api(staff_x).get("/api/v1/activities/").json()["count"] == 1
    assert api(officer_d).get("/api/v1/activities/").json()["count"] == 2
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
