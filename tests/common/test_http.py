import pytest
from django.test import RequestFactory, override_settings

from common.http import client_ip

rf = RequestFactory()


def _req(remote="10.0.0.2", xff=None):
    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return rf.get("/", **meta)


def test_without_proxies_the_header_is_ignored():
    assert client_ip(_req(remote="203.0.113.9", xff="1.2.3.4")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("count", "xff", "expected"),
    [
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # forged left part ignored
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.1", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.2"),  # chain too short: trust only REMOTE_ADDR
        (1, "not-an-ip", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_behind_trusted_proxies(count, xff, expected):
    with override_settings(TRUSTED_PROXY_COUNT=count):
        assert client_ip(_req(xff=xff)) == expected
