"""The client's address, read correctly behind our own reverse proxies.

Each proxy of ours appends the address it received the request from to
X-Forwarded-For. With ``TRUSTED_PROXY_COUNT = n`` the client is the n-th entry from the
right; anything further left was sent by the client and may be forged (the same rule
as Werkzeug's ProxyFix ``x_for``). With no trusted proxy, REMOTE_ADDR is the client.
"""

from ipaddress import ip_address

from django.conf import settings


def _valid(value: str) -> str | None:
    try:
        return str(ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        chain = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(chain) >= count:
            found = _valid(chain[-count])
            if found:
                return found
    return _valid(remote) if remote else None
