import pytest
from django.test import Client, override_settings

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client, username, password, **extra):
    return client.post("/accounts/login/", {"username": username, "password": password}, **extra)


def test_login_page_is_thai(client):
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="th">' in page
    assert "ชื่อผู้ใช้" in page and "รหัสผ่าน" in page and "เข้าสู่ระบบ" in page


def test_login_and_logout(client, staff_x):
    response = _login(client, "staff_x", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"
    home = client.get("/").content.decode()
    assert "บันทึกกิจกรรม" in home and "ออกจากระบบ" in home
    assert client.post("/accounts/logout/").status_code == 302
    assert "ออกจากระบบ" not in client.get("/").content.decode()


def test_wrong_password_message_is_thai(client, staff_x):
    response = _login(client, "staff_x", "wrong")
    assert response.status_code == 200
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in response.content.decode()


def test_lockout_is_per_username_and_address(staff_x, staff_y):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(3):  # AXES_FAILURE_LIMIT is 3 in test settings
        _login(attacker, "staff_x", "wrong")
    locked = _login(attacker, "staff_x", PASSWORD)
    assert locked.status_code == 429
    assert "บัญชีถูกล็อกชั่วคราว" in locked.content.decode()
    # the same user from another address is not locked out
    assert _login(Client(REMOTE_ADDR="198.51.100.7"), "staff_x", PASSWORD).status_code == 302
    # another user from the attacker's address is not locked out either
    assert _login(attacker, "staff_y", PASSWORD).status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_client_address_is_read_behind_one_proxy(staff_x):
    from axes.models import AccessAttempt

    proxy = "10.0.0.2"
    client = Client(REMOTE_ADDR=proxy)
    for _ in range(3):
        _login(client, "staff_x", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.9")  # appended by the proxy
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}
    # a different real client behind the same proxy is not locked out
    ok = _login(client, "staff_x", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert ok.status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_spoofed_forwarded_for_does_not_escape_lockout(staff_x):
    client = Client(REMOTE_ADDR="10.0.0.2")
    # the proxy appends the real address; a client-sent value stands to its left
    for i in range(3):
        _login(client, "staff_x", "wrong", HTTP_X_FORWARDED_FOR=f"1.2.3.{i}, 203.0.113.9")
    locked = _login(client, "staff_x", PASSWORD, HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.9")
    assert locked.status_code == 429


def test_password_change_in_thai(client, staff_x):
    client.force_login(staff_x)
    page = client.get("/accounts/password/").content.decode()
    assert "รหัสผ่านเดิม" in page
    bad = client.post("/accounts/password/", {"old_password": "nope", "new_password1": "x", "new_password2": "y"})
    assert "รหัสผ่านเดิมไม่ถูกต้อง" in bad.content.decode()
    ok = client.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": "ต้นไม้ใหญ่-2569-ok", "new_password2": "ต้นไม้ใหญ่-2569-ok"},
    )
    assert ok.status_code == 302
    staff_x.refresh_from_db()
    assert staff_x.check_password("ต้นไม้ใหญ่-2569-ok")


def test_password_change_needs_login(client):
    assert client.get("/accounts/password/").status_code == 302
