"""The signed PDF of a cooperation agreement: only a real PDF, no larger than
``AGREEMENT_MAX_BYTES``. The bytes are read (pypdf parses the file and counts its pages),
never the name or the browser's content type."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError


def check_agreement_pdf(upload) -> None:
    """Raise a Thai ValidationError on the ``file`` field unless ``upload`` is a PDF."""
    limit = settings.AGREEMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            {"file": _("ไฟล์ใหญ่เกินไป (ไม่เกิน %(limit)s)") % {"limit": filesizeformat(limit)}}, code="too_large"
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if b"%PDF-" not in head:
        raise ValidationError({"file": _("ไฟล์นี้ไม่ใช่ PDF กรุณาแนบไฟล์ข้อตกลงที่ลงนามแล้วเป็น PDF")}, code="not_pdf")
    try:
        pages = len(PdfReader(upload).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        pages = 0
    finally:
        upload.seek(0)
    if pages < 1:
        raise ValidationError({"file": _("เปิดไฟล์ PDF นี้ไม่ได้ (ไฟล์เสียหรือไม่ครบ) กรุณาแนบใหม่")}, code="broken_pdf")
