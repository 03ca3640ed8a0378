"""A proposal's documents: a PDF, an image, an XLSX workbook or a DOCX document, known by
its bytes (``common.uploads.recognise``), never by its name, and no larger than
PROPOSAL_DOCUMENT_MAX_BYTES; stored under a random name with the extension its content
shows."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from common.uploads import DOCX, IMAGES, PDF, XLSX, recognise

ACCEPTED = IMAGES | {PDF, XLSX, DOCX}


@dataclass(frozen=True)
class CheckedDocument:
    content_type: str
    extension: str
    size: int


def stored_document(upload) -> tuple[ContentFile, CheckedDocument]:
    """The upload under a random name, or a Thai ValidationError on the ``file`` field."""
    limit = settings.PROPOSAL_DOCUMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            {
                "file": _("ไฟล์ “%(name)s” ใหญ่เกินไป (%(size)s) รับได้ไม่เกิน %(limit)s")
                % {"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            },
            code="too_large",
        )
    found = recognise(upload)
    if found is None or found.kind not in ACCEPTED:
        raise ValidationError(
            {
                "file": _("ไฟล์ “%(name)s” ไม่ใช่ PDF รูปภาพ (JPEG, PNG, GIF, WebP) XLSX หรือ DOCX ระบบรับเฉพาะไฟล์เหล่านี้")
                % {"name": upload.name}
            },
            code="bad_type",
        )
    upload.seek(0)
    stored = ContentFile(upload.read(), name=f"{uuid.uuid4().hex}.{found.extension}")
    return stored, CheckedDocument(content_type=found.content_type, extension=found.extension, size=upload.size)
