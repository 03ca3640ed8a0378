"""The indicator pages, API and report section: a value entered and submitted on the page,
approved or returned from the value's page, refused sides, query counts pinned on lists,
and the targets-against-actuals section in the PDF and XLSX."""

from __future__ import annotations

import subprocess
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from accounts.choices import Role
from councils.models import Council
from reports.choices import AreaLevel, Periodicity, ValueStatus
from reports.indicators import services
from reports.indicators.areas import Place
from reports.models import Indicator, IndicatorValue
from reports.rendering import build_pdf, build_xlsx
from reports.sections import gather_report
from reports.spec import ReportSpec

from ..factories import CouncilFactory, SubdistrictFactory, user_with_role


@pytest.fixture
def indicator(db):
    return Indicator.objects.create(
        code="M01", name_th="ครัวเรือนที่ร่วมกองทุนสวัสดิการ", unit="ครัวเรือน", level=AreaLevel.COUNCIL,
        periodicity=Periodicity.QUARTER,
    )  # fmt: skip


def _entry(indicator, council, quarter=1) -> str:
    return reverse("reports:indicator_entry", kwargs={
        "indicator_id": indicator.pk, "level": "council", "code": council.code, "fiscal_year": 2569, "quarter": quarter,
    })  # fmt: skip


def _submitted(indicator, council, by, value=10, quarter=1) -> IndicatorValue:
    row = services.value_save(indicator=indicator, fiscal_year=2569, quarter=quarter, place=Place("council", council),
                              by=by, value=value)  # fmt: skip
    return services.value_submit(value_id=row.pk, by=by)


def test_council_enters_and_submits_the_officer_approves_the_council_sees_it(
    client, world, indicator, staff_x, officer_d
):
    client.force_login(staff_x)
    page = client.get(reverse("reports:indicator_area", kwargs={"level": "council", "code": world.council_x.code}),
                      {"fiscal_year": "2569"})  # fmt: skip
    assert page.status_code == 200 and _entry(indicator, world.council_x).encode() in page.content
    response = client.post(_entry(indicator, world.council_x), {
        "value": "๑,๒๕๐", "comment": "นับจากสมุดทะเบียน", "evidence_link": "https://example.org/list",
        "evidence": SimpleUploadedFile("list.pdf", b"%PDF-1.4 list"), "submit": "1",
    })  # fmt: skip
    value = IndicatorValue.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reports:indicator_value", args=[value.pk])
    assert (value.status, value.value, value.comment) == (ValueStatus.SUBMITTED, Decimal("1250.00"), "นับจากสมุดทะเบียน")
    client.force_login(officer_d)
    queue = client.get(reverse("reports:indicator_queue"))
    assert f'id="value-{value.pk}"'.encode() in queue.content
    evidence = client.get(reverse("reports:indicator_evidence", args=[value.pk]))
    assert b"".join(evidence.streaming_content) == b"%PDF-1.4 list"
    detail = client.get(reverse("reports:indicator_value", args=[value.pk]))
    assert b'id="approve"' in detail.content
    assert client.post(reverse("reports:indicator_value_approve", args=[value.pk])).status_code == 302
    value.refresh_from_db()
    assert (value.status, value.decided_by) == (ValueStatus.APPROVED, officer_d)
    client.force_login(staff_x)
    detail = client.get(reverse("reports:indicator_value", args=[value.pk]))
    assert 'data-status="approved">อนุมัติแล้ว'.encode() in detail.content and b'id="approve"' not in detail.content


def test_a_return_without_a_reason_is_refused_in_thai(client, world, indicator, staff_x, officer_d):
    value = _submitted(indicator, world.council_x, staff_x)
    client.force_login(officer_d)
    response = client.post(reverse("reports:indicator_value_return", args=[value.pk]), {"reason": ""}, follow=True)
    assert "กรุณาระบุเหตุผลที่ส่งกลับ" in response.content.decode()
    value.refresh_from_db()
    assert value.status == ValueStatus.SUBMITTED
    client.post(reverse("reports:indicator_value_return", args=[value.pk]), {"reason": "ขาดรายชื่อ"})
    value.refresh_from_db()
    assert (value.status, value.return_reason) == (ValueStatus.RETURNED, "ขาดรายชื่อ")


def test_refused_sides_of_the_pages(client, world, indicator, staff_x, staff_y, officer_d, officer_e, codi_staff):
    value = _submitted(indicator, world.council_x, staff_x)
    cases = [
        (staff_y, "get", _entry(indicator, world.council_x), 404),  # another council's staff
        (officer_d, "get", _entry(indicator, world.council_x), 403),  # the district enters no council value
        (officer_e, "get", reverse("reports:indicator_value", args=[value.pk]), 404),  # another district
        (officer_e, "post", reverse("reports:indicator_value_approve", args=[value.pk]), 404),
        (staff_x, "post", reverse("reports:indicator_value_approve", args=[value.pk]), 403),  # council staff approving
        (staff_x, "get", reverse("reports:indicator_queue"), 403),
        (staff_x, "get", reverse("reports:indicator_create"), 403),
        (staff_y, "get", reverse("reports:indicator_evidence", args=[value.pk]), 404),
        (codi_staff, "post", reverse("reports:indicator_value_submit", args=[value.pk]), 403),
    ]
    for user, method, url, expected in cases:
        client.force_login(user)
        assert getattr(client, method)(url).status_code == expected, (user.username, url)
    value.refresh_from_db()
    assert value.status == ValueStatus.SUBMITTED


def test_the_api_writes_through_the_same_services(client, world, indicator, staff_x, staff_y, officer_d):
    body = {"indicator": "M01", "fiscal_year": 2569, "quarter": 2, "level": "council", "area": world.council_x.code,
            "value": "7"}  # fmt: skip
    client.force_login(staff_y)
    assert client.post("/api/v1/indicator-values/", body, content_type="application/json").status_code == 404
    client.force_login(officer_d)
    assert client.post("/api/v1/indicator-values/", body, content_type="application/json").status_code == 403
    client.force_login(staff_x)
    created = client.post("/api/v1/indicator-values/", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["status"] == "draft"
    pk = created.json()["id"]
    assert client.post(f"/api/v1/indicator-values/{pk}/submit/").json()["status"] == "submitted"
    assert client.post(f"/api/v1/indicator-values/{pk}/approve/").status_code == 403
    client.force_login(officer_d)
    refused = client.post(f"/api/v1/indicator-values/{pk}/return/", {"reason": ""}, content_type="application/json")
    assert refused.status_code == 400 and refused.json()["reason"] == ["กรุณาระบุเหตุผลที่ส่งกลับ"]
    stale = client.post(
        f"/api/v1/indicator-values/{pk}/approve/", {"seen_status": "draft"}, content_type="application/json"
    )
    assert stale.status_code == 400 and stale.json()["seen_status"] == ["สถานะเปลี่ยนเป็น “ส่งแล้ว รออนุมัติ” แล้ว"]
    assert client.post(f"/api/v1/indicator-values/{pk}/approve/").json()["status"] == "approved"
    again = client.post(f"/api/v1/indicator-values/{pk}/approve/")
    assert again.status_code == 400


# Query counts ---------------------------------------------------------------------------------


def _councils_in_district(world, n: int, officer) -> list[Council]:
    councils = []
    for i in range(n):
        council = CouncilFactory(subdistrict=SubdistrictFactory(district=world.district, code=f"5002{50 + i}"))
        staff = user_with_role(f"qc{i}", Role.COUNCIL_STAFF, council=council)
        councils.append((council, staff))
    return councils


@pytest.mark.parametrize("size", [2, 12])
def test_list_pages_query_counts_do_not_grow(client, world, indicator, officer_d, codi_staff, size,
                                             django_assert_max_num_queries):  # fmt: skip
    Indicator.objects.create(code="S01", name_th="รวมผล", level=AreaLevel.COUNCIL, periodicity=Periodicity.YEAR)
    for council, staff in _councils_in_district(world, size, officer_d):
        for quarter in (1, 2):
            value = _submitted(indicator, council, staff, quarter=quarter)
        services.value_approve(value_id=value.pk, by=officer_d)
    client.force_login(officer_d)
    area = reverse("reports:indicator_area", kwargs={"level": "district", "code": world.district.code})
    with django_assert_max_num_queries(16):
        assert client.get(area, {"fiscal_year": "2569"}).status_code == 200
    with django_assert_max_num_queries(10):
        page = client.get(reverse("reports:indicator_queue"))
    assert page.content.decode().count('id="value-') == size
    client.force_login(codi_staff)
    with django_assert_max_num_queries(10):
        listed = client.get("/api/v1/indicator-values/")
    assert listed.json()["count"] == 2 * size
    with django_assert_max_num_queries(8):
        assert client.get(reverse("reports:indicator_list")).status_code == 200


# The report section ---------------------------------------------------------------------------


def test_the_report_shows_targets_against_actuals_with_their_state(world, indicator, staff_x, staff_y, officer_d,
                                                                   codi_staff, tmp_path):  # fmt: skip
    x = _submitted(indicator, world.council_x, staff_x, value=30, quarter=2)
    services.value_approve(value_id=x.pk, by=officer_d)
    _submitted(indicator, world.council_y, staff_y, value=5, quarter=2)
    services.target_set(indicator=indicator, fiscal_year=2569, quarter=2, place=Place("district", world.district),
                        by=codi_staff, value=40)  # fmt: skip
    spec = ReportSpec(kind="quarterly", fiscal_year=2569, quarter=2, scope="district", district_id=world.district.pk,
                      title="รายงานไตรมาส 2/2569")  # fmt: skip
    data = gather_report(spec)
    target = tmp_path / "r.pdf"
    build_pdf(data, str(target))
    text = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, text=True, check=True).stdout.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))  # the figures, whichever numerals the PDF uses
    assert "ตัวชี้วัด: เป้าหมายเทียบกับผลการดำเนินงาน" in text
    assert "ไตรมา\nส" not in text  # the period never splits across lines
    line = "M01 ครัวเรือนที่ร่วมกองทุนสวัสดิการ (ครัวเรือน) ไตรมาส 2 40 30 อนุมัติ 1 จาก 2 · รออนุมัติ 1"
    assert "".join(line.split()) in "".join(text.split())  # the name may wrap inside its cell
    book = tmp_path / "r.xlsx"
    build_xlsx(data, str(book))
    summary = [tuple(v for v in row if v is not None) for row in load_workbook(book)["สรุป"].iter_rows(values_only=True)]
    assert ("M01", "ครัวเรือนที่ร่วมกองทุนสวัสดิการ", "ครัวเรือน", "ไตรมาส 2", 40, 30, "อนุมัติ 1 จาก 2 · รออนุมัติ 1") in summary


def test_year_on_year_figures_of_the_annual_report(world, staff_x, codi_staff):
    import datetime as dt

    from councils.services.assessments import assessment_record
    from meetings.choices import MeetingKind
    from meetings.services import meetings as meeting_services
    from reports.sections.indicators import gather_year_on_year

    from ..factories import IndicatorFactory, IndicatorSetFactory

    criterion = IndicatorFactory(indicator_set=IndicatorSetFactory(is_active=True), max_score=5)
    assessment_record(council=world.council_x, fiscal_year=2568, scores={criterion.pk: 1}, by=codi_staff)
    assessment_record(council=world.council_x, fiscal_year=2569, scores={criterion.pk: 5}, by=codi_staff)
    assessment_record(council=world.council_z, fiscal_year=2569, scores={criterion.pk: 5}, by=codi_staff)  # elsewhere
    for day in (dt.date(2025, 11, 3), dt.date(2026, 2, 9)):
        meeting = meeting_services.meeting_call(by=staff_x, kind=MeetingKind.COUNCIL, title="ประชุมสภา", date=day,
                                                council=world.council_x)  # fmt: skip
        meeting_services.meeting_mark_held(meeting=meeting, by=staff_x)
    spec = ReportSpec(kind="annual", fiscal_year=2569, scope="district", district_id=world.district.pk, title="ประจำปี")
    area = gather_report(spec).area
    ctx = gather_year_on_year(area)
    rows = dict(ctx["rows"])
    assert ctx["years"] == [2567, 2568, 2569]
    assert rows["สภาที่ผ่านการประเมิน"] == [0, 0, 1]
    assert rows["การประชุมสภาและกลไกอำเภอที่จัดแล้ว"] == [0, 0, 2]
    assert rows["ร้อยละที่บรรจุในแผน"] == ["-", "-", "-"]
