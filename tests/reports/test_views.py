"""Report pages and API: who sees which report, publishing, versions, the request form,
narratives. Every rule is tested from the refused side too."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from geo.models import Region
from reports import services
from reports.choices import ReportStatus
from reports.models import Report, ReportNarrative

pytestmark = pytest.mark.django_db


def _done(*, scope, key, status=ReportStatus.DONE, published=False, version=1, **area):
    report = Report.objects.create(
        fiscal_year=2569, scope=scope, key=key, version=version, status=status, progress=100, is_published=published, **area
    )
    if status == ReportStatus.DONE:
        report.file.save(f"r{report.pk}.pdf", ContentFile(b"%PDF-1.4 test"))
    return report


@pytest.fixture
def reports(world):
    north = Region.objects.create(code="north", name_th="ภาคเหนือ")
    north.provinces.set([world.province])
    return {
        "N": _done(scope="national", key="n"),
        "R": _done(scope="region", key="r", region=north),
        "P50": _done(scope="province", key="p50", province=world.province),
        "P57": _done(scope="province", key="p57", province=world.other_province),
        "D": _done(scope="district", key="d", district=world.district),
        "E": _done(scope="district", key="e", district=world.other_district),
        "Cx": _done(scope="council", key="cx", council=world.council_x),
        "Cw": _done(scope="council", key="cw", council=world.council_w),
        "Dq": _done(scope="district", key="dq", district=world.district, status=ReportStatus.QUEUED),
        "Pub": _done(scope="province", key="pub", province=world.other_province, published=True),
    }


VISIBLE = {
    "codi_staff": {"N", "R", "P50", "P57", "D", "E", "Cx", "Cw", "Dq", "Pub"},
    "codi_regional": {"R", "P50", "D", "E", "Cx", "Dq", "Pub"},
    "officer_d": {"D", "Cx", "Pub"},  # finished reports of their district only, not the queued one
    "officer_e": {"E", "Pub"},
    "staff_x": {"Cx", "Pub"},
    "staff_y": {"Pub"},
    "agency_officer": {"Cx", "Pub"},
    "plain_user": {"Pub"},
}


@pytest.mark.parametrize("persona", sorted(VISIBLE))
def test_each_persona_sees_and_downloads_only_their_reports(request, client, reports, persona):
    client.force_login(request.getfixturevalue(persona))
    listed = {r.pk for r in client.get("/reports/").context["reports"]}
    names = {name for name, r in reports.items() if r.pk in listed}
    assert names == VISIBLE[persona]
    for name, report in reports.items():
        detail = client.get(f"/reports/{report.pk}/")
        download = client.get(f"/reports/{report.pk}/download/")
        if name in VISIBLE[persona]:
            assert detail.status_code == 200, name
            assert download.status_code == (200 if report.status == ReportStatus.DONE else 404), name
        else:
            assert (detail.status_code, download.status_code) == (404, 404), name
            assert client.get(f"/reports/{report.pk}/status/").status_code == 404


def test_anonymous_sees_only_published_reports(client, reports):
    assert client.get("/reports/").status_code == 302
    page = client.get("/reports/public/")
    assert [r.pk for r in page.context["reports"]] == [reports["Pub"].pk]
    pub = reports["Pub"].pk
    assert client.get(f"/reports/public/{pub}/").status_code == 200
    download = client.get(f"/reports/public/{pub}/download/")
    assert download.status_code == 200 and b"".join(download.streaming_content)[:5] == b"%PDF-"
    for name in ("N", "P50", "Cx"):
        pk = reports[name].pk
        assert client.get(f"/reports/public/{pk}/").status_code == 404
        assert client.get(f"/reports/public/{pk}/download/").status_code == 404
    assert client.get(f"/reports/public/{pub}/download/xlsx/").status_code == 404  # no XLSX made


def test_xlsx_download_when_it_exists(client, codi_staff, reports):
    report = reports["P50"]
    report.xlsx.save("f.xlsx", ContentFile(b"PK\x03\x04"))
    client.force_login(codi_staff)
    assert "/download/xlsx/" in client.get(f"/reports/{report.pk}/").content.decode()
    response = client.get(f"/reports/{report.pk}/download/xlsx/")
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.xlsx"')
    assert client.get(f"/reports/{report.pk}/status/").json()["xlsx_url"] == f"/reports/{report.pk}/download/xlsx/"


def test_the_status_endpoint_while_running_and_when_done(client, codi_staff, reports):
    """The common job status shape (common.jobs.views), with the report's sections and XLSX."""
    report = reports["Dq"]
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.RUNNING, progress=40, sections_done=2, sections_total=5)
    client.force_login(codi_staff)
    url = f"/reports/{report.pk}/status/"
    assert client.get(url).json() == {
        "id": report.pk, "status": "running", "status_display": "กำลังสร้าง", "running": True, "finished": False,
        "progress": 40, "progress_text": "สร้างแล้ว 2 / 5 ส่วน", "error": "", "detail_url": f"/reports/{report.pk}/",
        "download_url": None, "sections_done": 2, "sections_total": 5, "xlsx_url": None,
    }
    done = reports["P50"]
    done.xlsx.save("f.xlsx", ContentFile(b"PK\x03\x04"))
    assert client.get(f"/reports/{done.pk}/status/").json() == {
        "id": done.pk, "status": "done", "status_display": "เสร็จแล้ว", "running": False, "finished": True,
        "progress": 100, "progress_text": "", "error": "", "detail_url": f"/reports/{done.pk}/",
        "download_url": f"/reports/{done.pk}/download/", "sections_done": 0, "sections_total": 0,
        "xlsx_url": f"/reports/{done.pk}/download/xlsx/",
    }
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert f'data-job-status-url="/reports/{report.pk}/status/"' in page and "js/job-progress.js" in page


def test_list_filters(client, codi_staff, reports):
    client.force_login(codi_staff)
    Report.objects.filter(pk=reports["N"].pk).update(fiscal_year=2568)
    got = lambda q: {r.pk for r in client.get("/reports/" + q).context["reports"]}  # noqa: E731
    assert got("?year=2568") == {reports["N"].pk}
    assert got("?level=district") == {reports[n].pk for n in ("D", "E", "Dq")}
    assert got("?type=quarterly") == set()
    assert len(got("?year=1999")) == 10  # not an offered year: the filter is ignored


def test_list_query_count_does_not_grow(client, codi_staff, officer_d, world):
    def count(user):
        client.force_login(user)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/reports/").status_code == 200
        return len(ctx)

    def public_count():
        client.logout()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/reports/public/").status_code == 200
        return len(ctx)

    _done(scope="national", key="n", published=True)
    small = {u.username: count(u) for u in (codi_staff, officer_d)} | {"public": public_count()}
    for i in range(12):
        _done(scope="council", key=f"c{i}", council=world.council_x, published=True)
        _done(scope="district", key=f"d{i}", district=world.district)
        _done(scope="region", key=f"r{i}", region=Region.objects.create(code=f"r{i}", name_th="ภาค"))
    large = {u.username: count(u) for u in (codi_staff, officer_d)} | {"public": public_count()}
    # session, user, roles (+ provinces), years, reports; CODI also the region/province/district selects
    assert large == small == {"codi_staff": 9, "officer_d": 6, "public": 1}


def test_publish_from_the_page(client, reports, codi_staff, codi_regional, officer_d, officer_e):
    d = reports["D"]
    client.force_login(officer_e)
    assert client.post(f"/reports/{d.pk}/publish/", {"publish": "1"}).status_code == 404
    client.force_login(officer_d)
    assert client.post(f"/reports/{d.pk}/publish/", {"publish": "1"}).status_code == 403
    client.force_login(codi_regional)
    assert client.post(f"/reports/{reports['P57'].pk}/publish/", {"publish": "1"}).status_code == 404
    page = client.get(f"/reports/{d.pk}/").content.decode()
    assert "เผยแพร่ต่อสาธารณะ" in page and "สร้างฉบับใหม่" in page
    assert client.post(f"/reports/{d.pk}/publish/", {"publish": "1"}).status_code == 302
    d.refresh_from_db()
    assert (d.is_published, d.published_by) == (True, codi_regional)
    assert client.get(f"/reports/public/{d.pk}/").status_code == 200
    client.post(f"/reports/{d.pk}/publish/", {"publish": "0"})
    d.refresh_from_db()
    assert d.is_published is False
    queued = reports["Dq"]
    client.post(f"/reports/{queued.pk}/publish/", {"publish": "1"})
    queued.refresh_from_db()
    assert queued.is_published is False
    client.force_login(officer_d)
    assert "สร้างฉบับใหม่" not in client.get(f"/reports/{d.pk}/").content.decode()
    # A published report outside a regional officer's provinces: readable, not theirs to manage.
    client.force_login(codi_regional)
    pub = reports["Pub"]
    page = client.get(f"/reports/{pub.pk}/").content.decode()
    assert "สร้างฉบับใหม่" not in page and "ยกเลิกการเผยแพร่" not in page
    assert client.post(f"/reports/{pub.pk}/publish/", {"publish": "0"}).status_code == 403
    assert client.post(f"/reports/{pub.pk}/regenerate/").status_code == 403
    pub.refresh_from_db()
    assert pub.is_published is True and Report.objects.filter(key=pub.key).count() == 1


def test_regenerate_and_versions_on_the_page(client, world, codi_staff, officer_d, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.report_request(by=codi_staff, fiscal_year=2569, scope="district", district=world.district)
    client.force_login(officer_d)
    assert client.post(f"/reports/{first.pk}/regenerate/").status_code == 403
    client.force_login(codi_staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/reports/{first.pk}/regenerate/")
    second = Report.objects.get(version=2)
    assert response["Location"] == f"/reports/{second.pk}/"
    page = client.get(f"/reports/{second.pk}/").content.decode()
    assert "ฉบับที่ 2" in page and f"/reports/{first.pk}/download/" in page
    status = client.get(f"/reports/{second.pk}/status/").json()
    assert status["status"] == "done" and status["sections_done"] == status["sections_total"] > 1
    assert client.get(f"/reports/{second.pk}/download/")["Content-Disposition"].endswith(
        'filename="report-annual-2569-district-5002-v2.pdf"'
    )


@pytest.mark.parametrize(
    ("data", "expect"),
    [
        ({"scope": "district", "district": "DISTRICT"}, "annual:2569:-:district:5002"),
        ({"scope": "council", "council_code": "500203"}, "annual:2569:-:council:500203"),
        ({"scope": "region", "region": "REGION"}, "annual:2569:-:region:north"),
        ({"scope": "province", "province": "PROVINCE", "kind": "quarterly", "quarter": "3"}, "quarterly:2569:3:province:50"),
    ],
)
def test_request_form_supports_every_scope(client, world, codi_regional, data, expect):
    north = Region.objects.create(code="north", name_th="ภาคเหนือ")
    north.provinces.set([world.province])
    ids = {"DISTRICT": world.district.pk, "REGION": north.pk, "PROVINCE": world.province.pk}
    data = {k: ids.get(v, v) for k, v in data.items()}
    client.force_login(codi_regional)
    response = client.post("/reports/", {"fiscal_year": "2569", **data})
    assert response.status_code == 302
    assert Report.objects.get().key == expect


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"scope": "district", "district": "FAR"}, "district", "อยู่นอกพื้นที่ที่คุณรับผิดชอบ"),
        ({"scope": "council", "council_code": "570101"}, "council_code", "ไม่พบสภาองค์กรชุมชนตำบลรหัส 570101"),
        ({"scope": "council", "council_code": ""}, "council_code", "กรุณาระบุรหัสตำบล"),
        ({"scope": "district"}, "district", "กรุณาเลือกอำเภอ"),
        ({"scope": "region"}, "region", "กรุณาเลือกภาค"),
        ({"scope": "national", "kind": "quarterly"}, "quarter", "กรุณาเลือกไตรมาส"),
        ({"scope": "national", "kind": "quarterly", "quarter": "5"}, "quarter", "ไตรมาสต้องเป็น 1 ถึง 4"),
        ({"scope": "province", "province": "PROVINCE", "fiscal_year": "2026"}, "fiscal_year", "ดูเหมือนเป็นปี ค.ศ."),
    ],
)
def test_request_form_refuses_in_thai(client, world, codi_regional, data, field, message):
    ids = {"FAR": world.far_district.pk, "PROVINCE": world.province.pk}
    data = {"fiscal_year": "2569", **{k: ids.get(v, v) for k, v in data.items()}}
    client.force_login(codi_regional)
    response = client.post("/reports/", data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert Report.objects.count() == 0


def test_narrative_page(client, world, codi_staff, officer_d):
    assert client.get("/reports/narratives/2569/").status_code == 302  # log in first
    client.force_login(officer_d)
    assert client.get("/reports/narratives/2569/").status_code == 403
    assert client.post("/reports/narratives/2569/", {"lessons": "x"}).status_code == 403
    client.force_login(codi_staff)
    assert client.get("/reports/narratives/2026/").status_code == 404
    assert client.get("/reports/narratives/2569/").status_code == 200
    response = client.post(
        "/reports/narratives/2569/", {"lessons": "บทเรียน", "expected_results": "ผล", "future_directions": "ทิศทาง"}
    )
    assert response.status_code == 302
    n = ReportNarrative.objects.get(fiscal_year=2569)
    assert (n.lessons, n.expected_results, n.future_directions, n.updated_by) == ("บทเรียน", "ผล", "ทิศทาง", codi_staff)
    assert "บทเรียน" in client.get("/reports/narratives/2569/").content.decode()
    full = client.post("/reports/narratives/2569/", {
        "title": "รายงานการสังเคราะห์ผลการดำเนินงาน", "subject": "สภาองค์กรชุมชนตำบลกับหน่วยงานภาคี",
        "background": "ย่อหน้าที่หนึ่ง\n\nย่อหน้าที่สอง", "results": "ผลการดำเนินงาน", "lessons": "บทเรียน",
        "expected_results": "ผล", "future_directions": "ทิศทาง", "closing": "จึงเรียนมาเพื่อโปรดทราบ", "numerals": "arabic",
    })
    assert full.status_code == 302
    n.refresh_from_db()
    assert (n.title, n.background, n.closing, n.numerals) == (
        "รายงานการสังเคราะห์ผลการดำเนินงาน", "ย่อหน้าที่หนึ่ง\n\nย่อหน้าที่สอง", "จึงเรียนมาเพื่อโปรดทราบ", "arabic",
    )
    assert client.post("/reports/narratives/2569/", {"numerals": "roman"}).status_code == 200  # refused, shown again


# --- API -------------------------------------------------------------------------------

def _api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_api_lists_scoped_reports_with_new_fields(reports, codi_regional):
    rows = _api(codi_regional).get("/api/v1/reports/?page_size=100").json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert {r["id"] for r in rows} == {reports[n].pk for n in VISIBLE["codi_regional"]}
    d = next(r for r in rows if r["id"] == reports["D"].pk)
    assert (d["scope"], d["district"], d["version"], d["sections_total"], d["is_published"]) == ("district", "5002", 1, 0, False)
    assert _api(codi_regional).get(f"/api/v1/reports/{reports['P57'].pk}/").status_code == 404


def test_api_create_every_scope_and_refusals(world, codi_regional, officer_d):
    api = _api(codi_regional)
    created = api.post("/api/v1/reports/", {"fiscal_year": 2569, "scope": "council", "council": "500203"}, format="json")
    assert created.status_code == 201 and created.json()["council"] == "500203"
    quarterly = api.post(
        "/api/v1/reports/", {"fiscal_year": 2569, "scope": "district", "district": "5004", "kind": "quarterly", "quarter": 1},
        format="json",
    )
    assert quarterly.status_code == 201 and quarterly.json()["key"] == "quarterly:2569:1:district:5004"
    assert api.post("/api/v1/reports/", {"fiscal_year": 2569, "scope": "district", "district": "5701"}, format="json").status_code == 404
    assert api.post("/api/v1/reports/", {"fiscal_year": 2569, "scope": "national"}, format="json").status_code == 403
    bad = api.post("/api/v1/reports/", {"fiscal_year": 2569, "scope": "national", "kind": "quarterly"}, format="json")
    assert bad.status_code == 400 and "กรุณาเลือกไตรมาส" in bad.json()["quarter"][0]
    ce = api.post("/api/v1/reports/", {"fiscal_year": 2026, "scope": "national"}, format="json")
    assert ce.status_code == 400 and "ค.ศ." in ce.json()["fiscal_year"][0]
    assert _api(officer_d).post("/api/v1/reports/", {"fiscal_year": 2569, "scope": "district", "district": "5002"}, format="json").status_code == 403
    assert Report.objects.count() == 2


def test_api_publish(reports, codi_staff, officer_d):
    d = reports["D"]
    assert _api(officer_d).post(f"/api/v1/reports/{d.pk}/publish/", {}, format="json").status_code == 403
    assert _api(officer_d).post(f"/api/v1/reports/{reports['E'].pk}/publish/", {}, format="json").status_code == 404
    response = _api(codi_staff).post(f"/api/v1/reports/{d.pk}/publish/", {}, format="json")
    assert response.status_code == 200 and response.json()["is_published"] is True
    bad = _api(codi_staff).post(f"/api/v1/reports/{reports['Dq'].pk}/publish/", {}, format="json")
    assert bad.status_code == 400
    assert _api().get("/api/v1/reports/").status_code in (401, 403)


def test_narrative_of_an_area(client, world, codi_staff, codi_regional):
    """A province's narrative is its own; a regional CODI officer writes only inside their
    provinces (404 outside), and an area that does not exist is 404."""
    url = "/reports/narratives/2569/province/50/"
    client.force_login(codi_staff)
    page = client.get(url)
    assert page.status_code == 200 and "จังหวัดเชียงใหม่" in page.content.decode()
    assert client.post(url, {"title": "รายงานจังหวัดเชียงใหม่", "numerals": "arabic"}).status_code == 302
    n = ReportNarrative.objects.get(fiscal_year=2569, scope="province", area_code="50")
    assert (n.title, n.numerals) == ("รายงานจังหวัดเชียงใหม่", "arabic")
    assert not ReportNarrative.objects.filter(scope="national").exists()
    assert client.get("/reports/narratives/2569/province/99/").status_code == 404
    assert client.get("/reports/narratives/2569/planet/50/").status_code == 404
    client.force_login(codi_regional)  # CODI staff of province 50 only
    assert client.get(url).status_code == 200
    assert client.get("/reports/narratives/2569/province/57/").status_code == 404
    assert client.post("/reports/narratives/2569/province/57/", {"title": "x"}).status_code == 404
    assert client.get("/reports/narratives/2569/").status_code == 404  # the country's: national staff only
    listing = client.get("/reports/").content.decode()  # the report page links their province's narrative
    assert "/province/50/" in listing and 'href="/reports/narratives/2570/"' not in listing
