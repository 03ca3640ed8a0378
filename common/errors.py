"""handler500: what a person sees when a request fails inside the portal.

Django calls it while the exception is being handled, so the exception is at hand. Two
failures are the machine's, not a bug, and pass once the fault ends; they answer 503
(``Retry-After``) with a Thai page saying to try again shortly:
- the database cannot be reached (restarting, connections refused, a connection dropped
  mid-request): ``OperationalError`` / ``InterfaceError``;
- the disk that holds uploaded files is full (``ENOSPC``, ``EDQUOT``).
Anything else is a 500 with a Thai page. Under /api/ the answer is JSON with a Thai
``detail``, like every other API answer.

The pages are rendered without the request: the context processors read the database,
which may be the very thing that is down.
"""

from __future__ import annotations

import errno
import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
DISK_FULL = {errno.ENOSPC, errno.EDQUOT}


def failure_kind(exc: BaseException | None) -> str:
    """'database', 'disk_full' or 'error', following the exception's causes too (a storage
    may wrap the OSError it got)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, (OperationalError, InterfaceError)):
            return "database"
        if isinstance(exc, OSError) and exc.errno in DISK_FULL:
            return "disk_full"
        exc = exc.__cause__ or exc.__context__
    return "error"


MESSAGES = {
    "database": (
        lambda: _("ระบบขัดข้องชั่วคราว"),
        lambda: _("ขณะนี้ระบบเชื่อมต่อฐานข้อมูลไม่ได้ กรุณาลองใหม่อีกครั้งในอีกสักครู่ ข้อมูลที่บันทึกไว้แล้วไม่สูญหาย"),
    ),
    "disk_full": (
        lambda: _("พื้นที่เก็บไฟล์เต็ม"),
        lambda: _("ระบบบันทึกไฟล์ที่ส่งมาไม่ได้เพราะพื้นที่เก็บไฟล์เต็ม รายการนี้ยังไม่ถูกบันทึก กรุณาลองใหม่ภายหลัง หรือแจ้งผู้ดูแลระบบ"),
    ),
    "error": (
        lambda: _("เกิดข้อผิดพลาดในระบบ"),
        lambda: _("ระบบทำรายการนี้ไม่สำเร็จ ผู้ดูแลระบบได้รับแจ้งแล้ว กรุณาลองใหม่อีกครั้ง"),
    ),
}


def server_error(request, template_name: str = "500.html"):
    kind = failure_kind(sys.exception())
    status = 500 if kind == "error" else 503
    title, message = (text() for text in MESSAGES[kind])
    if kind != "error":
        logger.warning("answered %s for %s: %s", status, request.path, kind)
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=status)
    else:
        body = loader.get_template(template_name).render({"error_title": title, "error_message": message})
        response = HttpResponse(body, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
