"""What users put into the coordination app, made safe: minutes as sanitised rich text,
and uploaded files (meeting attachments, action-item and obstacle evidence) that must be a
PDF or an image by their content, not by their name: ``check_upload``."""

from __future__ import annotations

import re
from dataclasses import dataclass

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from common.uploads import IMAGES, PDF, name_agrees, recognise

# Basic formatting only: no style, script, iframe, image, form or event attribute.
MINUTES_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h3", "h4", "blockquote", "a", "table",
                "thead", "tbody", "tr", "th", "td"}
MINUTES_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
# What the coordination app accepts: a PDF or an image.
ACCEPTED = IMAGES | {PDF}
_DANGEROUS = re.compile(r"<\s*(script|style|iframe|object|embed)\b|\son[a-z]+\s*=|javascript:", re.IGNORECASE)


def sanitize_minutes(html: str) -> tuple[str, bool]:
    """The minutes with only basic tags kept, and whether something unsafe was removed
    (a script, a style, an event handler, a javascript: link)."""
    cleaned = nh3.clean(
        html or "",
        tags=MINUTES_TAGS,
        attributes=MINUTES_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        clean_content_tags={"script", "style"},
        link_rel="noopener noreferrer nofollow",
    ).strip()
    return cleaned, bool(_DANGEROUS.search(html or ""))


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    extension: str
    size: int


def check_upload(upload, *, max_bytes: int | None = None, match_name: bool = True) -> CheckedFile:
    """The one check of every file put into the coordination app (meeting attachments,
    action-item evidence, obstacle evidence): a PDF or an image (PNG, JPEG, WebP, GIF)
    recognised by its bytes (``common.uploads.recognise``: a PDF by its header, an image by
    Pillow opening and verifying it), never by its name or the browser's content type, and
    no larger than ``max_bytes`` (MEETING_ATTACHMENT_MAX_BYTES unless given). With
    ``match_name`` the name's extension must agree with what the file is. Anything else: a
    Thai ValidationError, code ``too_large`` or ``bad_type``."""
    limit = settings.MEETING_ATTACHMENT_MAX_BYTES if max_bytes is None else max_bytes
    if upload.size > limit:
        raise ValidationError(
            _("ไฟล์ “%(name)s” ใหญ่เกินไป (%(size)s) รับได้ไม่เกิน %(limit)s"),
            params={"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    found = recognise(upload)
    if found is not None and found.kind not in ACCEPTED:
        found = None
    if found is None or (match_name and not name_agrees(upload.name, found)):
        raise ValidationError(
            _("ไฟล์ “%(name)s” ไม่ใช่ไฟล์ PDF หรือภาพ (PNG, JPEG, WebP, GIF) ตามที่ชื่อไฟล์ระบุ ระบบรับเฉพาะ PDF และภาพ"),
            params={"name": upload.name},
            code="bad_type",
        )
    return CheckedFile(content_type=found.content_type, extension=found.extension, size=upload.size)
