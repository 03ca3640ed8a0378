"""Personal API tokens: a user makes (named, shown once), lists (prefix only) and revokes their
own; a token authenticates the API as its user until revoked; anyone else's is a 404."""

import re

import pytest

from accounts.models import ApiToken
from accounts.tokens import MAX_ACTIVE_TOKENS, api_token_create, hash_key

pytestmark = pytest.mark.django_db

TOKENS = "/accounts/tokens/"
KEY = re.compile(r"tcp_[A-Za-z0-9_-]{43}")


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(TOKENS)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.post(TOKENS, {"name": "x"}).status_code == 302
    assert ApiToken.objects.count() == 0


def test_make_a_token_shown_once_then_only_its_prefix(client, world, staff_x):
    client.force_login(staff_x)
    response = client.post(TOKENS, {"name": "สคริปต์ดึงข้อมูลรายเดือน"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    page = response.content.decode()
    (key,) = KEY.findall(page)
    token = ApiToken.objects.get()
    assert (token.user, token.name, token.prefix, token.key_hash) == (
        staff_x,
        "สคริปต์ดึงข้อมูลรายเดือน",
        key[:12],
        hash_key(key),
    )
    assert key not in str(ApiToken.objects.values_list())  # only the hash is stored
    again = client.get(TOKENS).content.decode()
    assert KEY.findall(again) == [] and f"{key[:12]}…" in again and "สคริปต์ดึงข้อมูลรายเดือน" in again
    assert 'href="/api/docs/"' in again


def test_several_named_tokens_and_a_limit(client, world, staff_x):
    client.force_login(staff_x)
    assert "กรุณาตั้งชื่อโทเค็น" in client.post(TOKENS, {"name": "  "}).content.decode()
    for n in range(MAX_ACTIVE_TOKENS):
        api_token_create(user=staff_x, name=f"ระบบที่ {n}")
    page = client.post(TOKENS, {"name": "เกิน"}).content.decode()
    assert f"มีโทเค็นที่ใช้งานอยู่ครบ {MAX_ACTIVE_TOKENS} รายการแล้ว" in page
    assert ApiToken.objects.filter(user=staff_x).count() == MAX_ACTIVE_TOKENS


def test_a_token_authenticates_the_api_until_revoked(client, world, staff_x):
    _token, key = api_token_create(user=staff_x, name="สคริปต์")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert client.get("/api/v1/organizations/").status_code == 403  # no token: refused
    response = client.get("/api/v1/organizations/", **auth)
    assert response.status_code == 200
    assert ApiToken.objects.get().last_used_at is not None
    client.force_login(staff_x)
    token = ApiToken.objects.get()
    response = client.post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    client.logout()
    refused = client.get("/api/v1/organizations/", **auth)  # 403: the API's first scheme (session) sends no challenge
    assert refused.status_code == 403 and "ถูกเพิกถอนแล้ว" in refused.json()["detail"]
    assert client.get("/api/v1/organizations/", HTTP_AUTHORIZATION="Bearer tcp_wrong").status_code == 403


def test_another_users_token_is_not_found(client, world, staff_x, staff_y):
    token, _key = api_token_create(user=staff_x, name="ของ X")
    client.force_login(staff_y)
    assert client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    assert "ของ X" not in client.get(TOKENS).content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None


def test_drf_admin_tokens_keep_working(client, world, staff_x):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=staff_x)
    assert client.get("/api/v1/organizations/", HTTP_AUTHORIZATION=f"Token {token.key}").status_code == 200


@pytest.mark.parametrize("size", [1, 8])
def test_token_list_query_count_is_fixed(client, world, staff_x, django_assert_num_queries, size):
    for n in range(size):
        api_token_create(user=staff_x, name=f"ระบบที่ {n}")
    client.force_login(staff_x)
    # session, user, the tokens; the menu's unread notifications and the user's roles
    with django_assert_num_queries(5):
        response = client.get(TOKENS)
    assert response.content.decode().count("เพิกถอน<span") == size
