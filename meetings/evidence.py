"""Evidence attached to an obstacle: a PDF or an image, recognised by its first bytes
(never by its name or the browser's content type), and no larger than the setting."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
)


def sniff(head: bytes) -> str | None:
    """The extension of what ``head`` (the file's first bytes) is, or None."""
    for magic, extension in SIGNATURES:
        if head.startswith(magic):
            return extension
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def evidence_file(upload) -> ContentFile:
    """The upload renamed to a random name with the extension its content shows, or a
    ValidationError in Thai."""
    limit = settings.OBSTACLE_EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            {"evidence": _("ไฟล์หลักฐานต้องมีขนาดไม่เกิน %(mb)s MB") % {"mb": round(limit / (1024 * 1024), 1)}}
        )
    upload.seek(0)
    content = upload.read()
    extension = sniff(content[:16])
    if extension is None:
        raise ValidationError({"evidence": _("ไฟล์หลักฐานต้องเป็น PDF หรือรูปภาพ (JPEG, PNG, GIF, WebP) เท่านั้น")})
    return ContentFile(content, name=f"{uuid.uuid4().hex}.{extension}")
