"""handler500 (common.errors): a database outage or a full media disk answers a Thai 503
that says to try again; any other failure a Thai 500; JSON under /api/. Found by
bench/faults.py: before, a PostgreSQL restart answered Django's bare English 500."""

import errno
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_500(settings):
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def _failing(exc):
    cursor = mock.MagicMock()
    cursor.__enter__.return_value.execute.side_effect = exc
    return mock.patch("config.views.connection.cursor", return_value=cursor)


@pytest.mark.parametrize("exc", [OperationalError("connection refused"), InterfaceError("connection already closed")])
def test_database_down_is_a_thai_503(client_500, exc):
    with _failing(exc):
        response = client_500.get("/healthz/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "ระบบขัดข้องชั่วคราว" in body
    assert "กรุณาลองใหม่อีกครั้งในอีกสักครู่" in body
    assert "Server Error" not in body


def test_disk_full_is_a_thai_503(client_500):
    with _failing(OSError(errno.ENOSPC, "No space left on device")):
        response = client_500.get("/healthz/")
    assert response.status_code == 503
    assert "พื้นที่เก็บไฟล์เต็ม" in response.content.decode()


def test_disk_full_wrapped_by_another_error_is_still_named():
    from common.errors import failure_kind

    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as inner:
            raise RuntimeError("storage failed") from inner
    except RuntimeError as outer:
        assert failure_kind(outer) == "disk_full"


def test_any_other_failure_is_a_thai_500(client_500):
    with _failing(ZeroDivisionError("bug")):
        response = client_500.get("/healthz/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "เกิดข้อผิดพลาดในระบบ" in response.content.decode()


def test_api_answers_json_with_a_thai_detail(client_500):
    with mock.patch("councils.api.views.CouncilViewSet.list", side_effect=OperationalError("down")):
        response = client_500.get("/api/v1/councils/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert "ฐานข้อมูล" in response.json()["detail"]


def test_the_error_page_reads_nothing_from_the_database(client_500, django_assert_num_queries):
    with _failing(OperationalError("down")):
        with django_assert_num_queries(0):
            client_500.get("/healthz/")
