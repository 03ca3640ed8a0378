"""Evidence attached to an obstacle: checked by content.check_upload (a PDF or an image by
its bytes, never by its name, which need not agree) against OBSTACLE_EVIDENCE_MAX_BYTES,
and stored under a random name with the extension its content shows."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .content import check_upload


def evidence_file(upload) -> ContentFile:
    """The upload renamed to a random name with the extension its content shows, or a
    ValidationError in Thai on the form's ``evidence`` field."""
    limit = settings.OBSTACLE_EVIDENCE_MAX_BYTES
    try:
        checked = check_upload(upload, max_bytes=limit, match_name=False)
    except ValidationError as error:
        if error.code == "too_large":
            message = _("ไฟล์หลักฐานต้องมีขนาดไม่เกิน %(limit)s") % {"limit": filesizeformat(limit)}
        else:
            message = _("ไฟล์หลักฐานต้องเป็น PDF หรือรูปภาพ (JPEG, PNG, GIF, WebP) เท่านั้น")
        raise ValidationError({"evidence": message}) from error
    upload.seek(0)
    return ContentFile(upload.read(), name=f"{uuid.uuid4().hex}.{checked.extension}")
