"""Health check for the `web` container: GET /healthz/ on the local gunicorn.

Sends the first ALLOWED_HOSTS entry as Host (so Django's host check passes without
adding localhost to ALLOWED_HOSTS) and X-Forwarded-Proto: https, as the proxy would.
Exit 0 when the view answers 200 (it also runs SELECT 1 on the database), 1 otherwise.
"""

import http.client
import os
import sys


def main() -> int:
    hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
    host = hosts[0].lstrip(".") if hosts else "localhost"
    if host == "*":
        host = "localhost"
    port = int(os.environ.get("PORT", "8000"))
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", "/healthz/", headers={"Host": host, "X-Forwarded-Proto": "https"})
        response = conn.getresponse()
        body = response.read(200)
    except OSError as exc:
        print(f"healthz: {exc}", file=sys.stderr)
        return 1
    finally:
        conn.close()
    if response.status != 200:
        print(f"healthz: HTTP {response.status} {body!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
