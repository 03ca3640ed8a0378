"""Photos for the web: checked to be images, size-limited, resized and re-encoded.

Re-encoding drops EXIF (GPS positions of people's homes), applies the EXIF orientation
first, and keeps a phone photo of several MB down to ~100–200 KB.
"""

from __future__ import annotations

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
MAX_EDGE = 1280
MAX_PIXELS = 40_000_000  # refuse decompression bombs long before Pillow's own limit
JPEG_QUALITY = 80


def web_photo(upload) -> ContentFile:
    """Return a resized JPEG of ``upload`` or raise ValidationError with a Thai message."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("ไฟล์ภาพต้องมีขนาดไม่เกิน %(mb)s MB") % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)})
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            probe.verify()
        upload.seek(0)
        image = Image.open(upload)
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(_("ภาพมีความละเอียดสูงเกินไป"))
        image = ImageOps.exif_transpose(image)
        image.thumbnail((MAX_EDGE, MAX_EDGE))
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        out = io.BytesIO()
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(_("ไฟล์ที่อัปโหลดไม่ใช่รูปภาพ หรือไฟล์เสียหาย")) from None
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.jpg")
