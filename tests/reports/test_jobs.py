"""Report jobs: requesting every scope and kind, the job lifecycle, joining and versions."""

import dataclasses
import subprocess
from collections import Counter

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from geo.models import Region
from reports import sections, services, tasks
from reports.choices import ReportKind, ReportStatus
from reports.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def north(world):
    region = Region.objects.create(code="north", name_th="ภาคเหนือ")
    region.provinces.set([world.province])
    return region


@pytest.fixture
def upper_north(world):
    region = Region.objects.create(code="upper-north", name_th="ภาคเหนือตอนบน")
    region.provinces.set([world.province, world.other_province])
    return region


def _queued(codi_staff, **fields):
    """A request whose job is not run (the on-commit send is not executed)."""
    return services.report_request(by=codi_staff, fiscal_year=2569, **fields)


def test_every_scope_and_kind_gets_its_own_key(world, codi_staff, north):
    cases = [
        ({"scope": "national"}, "annual:2569:-:national:-"),
        ({"scope": "region", "region": north}, "annual:2569:-:region:north"),
        ({"scope": "province", "province": world.province}, "annual:2569:-:province:50"),
        ({"scope": "district", "district": world.district}, "annual:2569:-:district:5002"),
        ({"scope": "council", "council": world.council_x}, "annual:2569:-:council:500203"),
        ({"scope": "district", "district": world.district, "kind": "quarterly", "quarter": 2}, "quarterly:2569:2:district:5002"),
    ]
    for fields, key in cases:
        report = _queued(codi_staff, **fields)
        assert (report.key, report.version, report.status) == (key, 1, ReportStatus.QUEUED)
    assert Report.objects.count() == len(cases)


def test_area_fields_not_matching_the_scope_are_dropped(world, codi_staff):
    report = _queued(codi_staff, scope="district", district=world.district, province=world.other_province)
    assert (report.province_id, report.district_id) == (None, world.district.pk)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"scope": "quarterly_missing", "kind": "quarterly"}, "quarter", "กรุณาเลือกไตรมาส"),
        ({"scope": "national", "kind": "annual", "quarter": 1}, "quarter", "ไม่ต้องระบุไตรมาส"),
        ({"scope": "region"}, "region", "กรุณาเลือกภาค"),
        ({"scope": "province"}, "province", "กรุณาเลือกจังหวัด"),
        ({"scope": "district"}, "district", "กรุณาเลือกอำเภอ"),
        ({"scope": "council"}, "council", "กรุณาระบุรหัสตำบล"),
    ],
)
def test_bad_requests_are_refused_in_thai(world, codi_staff, fields, field, message):
    if fields["scope"] == "quarterly_missing":
        fields = {**fields, "scope": "national"}
    with pytest.raises(ValidationError) as exc:
        _queued(codi_staff, **fields)
    assert message in exc.value.message_dict[field][0]
    assert Report.objects.count() == 0


def test_quarter_out_of_range_refused(world, codi_staff):
    with pytest.raises(ValidationError) as exc:
        _queued(codi_staff, scope="national", kind=ReportKind.QUARTERLY, quarter=5)
    assert "1–4" in exc.value.message_dict["quarter"][0]


def test_christian_era_year_refused(world, codi_staff):
    with pytest.raises(ValidationError) as exc:
        services.report_request(by=codi_staff, fiscal_year=2025, scope="district", district=world.district)
    assert "ค.ศ." in exc.value.message_dict["fiscal_year"][0]


def test_regional_staff_may_request_only_areas_inside_their_provinces(world, codi_regional, north, upper_north):
    allowed = [
        {"scope": "region", "region": north},
        {"scope": "province", "province": world.province},
        {"scope": "district", "district": world.other_district},
        {"scope": "council", "council": world.council_z},
    ]
    refused = [
        {"scope": "national"},
        {"scope": "region", "region": upper_north},  # also covers Chiang Rai
        {"scope": "province", "province": world.other_province},
        {"scope": "district", "district": world.far_district},
        {"scope": "council", "council": world.council_w},
    ]
    for fields in refused:
        with pytest.raises(PermissionDenied):
            _queued(codi_regional, **fields)
    assert Report.objects.count() == 0
    for fields in allowed:
        assert _queued(codi_regional, **fields).status == ReportStatus.QUEUED
    assert Report.objects.count() == 4


def test_district_officers_and_council_staff_may_not_request(world, officer_d, staff_x, agency_officer):
    for user in (officer_d, staff_x, agency_officer):
        with pytest.raises(PermissionDenied):
            _queued(user, scope="district", district=world.district)
        with pytest.raises(PermissionDenied):
            _queued(user, scope="council", council=world.council_x)
    assert Report.objects.count() == 0


def test_lifecycle_queued_running_done_with_sections(world, codi_staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = _queued(codi_staff, scope="province", province=world.province)
    assert len(callbacks) == 1
    report.refresh_from_db()
    assert (report.status, report.progress, report.sections_total, report.attempts) == ("queued", 0, 0, 0)
    services.report_generate(report_id=report.pk)  # what the worker runs
    report.refresh_from_db()
    total = report.sections_total
    assert (report.status, report.progress, report.sections_done) == ("done", 100, total)
    with report.xlsx.open("rb") as fh:
        assert fh.read(2) == b"PK"  # the figures as XLSX too
    assert total > 1
    with report.file.open("rb") as fh:
        assert fh.read(5) == b"%PDF-"
    # The row went through every state, section by section (simple_history keeps each save).
    steps = [(h.status, h.progress, h.sections_done) for h in report.history.order_by("history_id")]
    assert steps[:2] == [("queued", 0, 0), ("running", 5, 0)]
    assert steps[-1] == ("done", 100, total)
    running = steps[2:-1]
    assert [done for _s, _p, done in running] == list(range(1, total + 1))  # one save per section
    assert {s for s, _p, _d in running} == {"running"}
    progress = [p for _s, p, _d in running]
    assert progress == sorted(progress) and progress[0] > 0 and progress[-1] == 95  # 100 only once the file is in place


def test_failed_job_keeps_reason_and_a_new_request_makes_version_2(world, codi_staff):
    first = _queued(codi_staff, scope="national")
    services.report_fail(report_id=first.pk, reason="ทดสอบ")
    first.refresh_from_db()
    assert (first.status, first.error) == (ReportStatus.FAILED, "ทดสอบ")
    second = _queued(codi_staff, scope="national")
    assert (second.pk != first.pk, second.version, second.key) == (True, 2, first.key)


def test_asking_again_while_queued_or_running_joins_the_job(world, codi_staff, officer_d):
    first = _queued(codi_staff, scope="district", district=world.district)
    assert _queued(codi_staff, scope="district", district=world.district).pk == first.pk
    Report.objects.filter(pk=first.pk).update(status=ReportStatus.RUNNING)
    assert services.report_regenerate(report=first, by=codi_staff).pk == first.pk
    assert Report.objects.count() == 1


def test_regenerate_makes_the_next_version_and_keeps_the_earlier_file(world, codi_staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = _queued(codi_staff, scope="council", council=world.council_x)
    with django_capture_on_commit_callbacks(execute=True):
        second = services.report_regenerate(report=first, by=codi_staff)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.version, second.version) == (1, 2)
    assert first.status == second.status == ReportStatus.DONE
    assert first.file.name != second.file.name and first.file.storage.exists(first.file.name)


def test_publish_needs_codi_staff_and_a_finished_report(world, codi_staff, officer_d, django_capture_on_commit_callbacks):
    queued = _queued(codi_staff, scope="national")
    with pytest.raises(ValidationError):
        services.report_publish(report=queued, by=codi_staff)
    services.report_generate(report_id=queued.pk)
    with pytest.raises(PermissionDenied):
        services.report_publish(report=queued, by=officer_d)
    report = services.report_publish(report=queued, by=codi_staff)
    assert (report.is_published, report.published_by) == (True, codi_staff)
    report = services.report_publish(report=queued, by=codi_staff, publish=False)
    assert (report.is_published, report.published_at, report.published_by) == (False, None, None)


def test_narrative_save_is_for_codi_staff(world, codi_staff, officer_d):
    with pytest.raises(PermissionDenied):
        services.narrative_save(fiscal_year=2569, by=officer_d, lessons="x")
    n = services.narrative_save(fiscal_year=2569, by=codi_staff, lessons=" บทเรียน ", future_directions="ทิศทาง")
    again = services.narrative_save(fiscal_year=2569, by=codi_staff, expected_results="ผล")
    assert again.pk == n.pk and (again.lessons, again.expected_results, again.updated_by) == ("", "ผล", codi_staff)
    with pytest.raises(ValidationError):
        services.narrative_save(fiscal_year=2026, by=codi_staff)


def test_pdf_and_xlsx_are_made_from_one_gather(world, codi_staff, monkeypatch):
    gathered = Counter()

    def counted(section):
        def gather(area):
            gathered[section.slug] += 1
            return section.gather(area)

        return dataclasses.replace(section, gather=gather)

    monkeypatch.setitem(sections.SECTIONS, ReportKind.ANNUAL, tuple(counted(s) for s in sections.ANNUAL))
    report = _queued(codi_staff, scope="province", province=world.province)
    services.report_generate(report_id=report.pk)
    assert gathered == {s.slug: 1 for s in sections.ANNUAL}
    report.refresh_from_db()
    with report.xlsx.open("rb") as fh:
        summary = [tuple(r[:2]) for r in load_workbook(fh)["สรุป"].iter_rows(values_only=True)]
    assert ("ดำเนินงานอยู่", 3) in summary
    text = subprocess.run(
        ["pdftotext", "-raw", report.file.path, "-"], capture_output=True, text=True, check=True
    ).stdout.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    assert text.count("ดำเนินงานอยู่ 3") == 2  # the same figure in the chart and its table


def test_the_job_is_sent_by_its_task_name():
    # services send the task by name (tasks import services, never the reverse)
    assert tasks.generate_report.name == services.GENERATE_TASK
