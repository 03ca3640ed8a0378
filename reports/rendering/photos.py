"""Photos made small for a PDF: downscaled to REPORT_PHOTO_EDGE px on the long side and
re-encoded as JPEG at REPORT_PHOTO_QUALITY before WeasyPrint sees them, so a national
report with its REPORT_PHOTOS_MAX photos stays within its size budget.

Each print copy is kept on disk (``common.thaipdf.pdf_image_dir``) under a name made from
the stored file's name and the print settings. A stored photo's file never changes (a new
photo gets a new random name), so regenerating a report reuses the copies; each reuse marks
the copy used (``common.thaipdf.copies``), and the daily retention sweep removes those
unused for REPORT_PHOTO_COPY_RETENTION_DAYS.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

from common.thaipdf import pdf_image_dir
from common.thaipdf.copies import mark_used

log = logging.getLogger(__name__)


def print_copy_path(name: str) -> Path:
    edge, quality = settings.REPORT_PHOTO_EDGE, settings.REPORT_PHOTO_QUALITY
    key = hashlib.sha256(f"{name}|{edge}|{quality}".encode()).hexdigest()[:32]
    return pdf_image_dir() / key[:2] / f"{key}.jpg"


def print_copy(name: str) -> Path | None:
    """The print copy of the stored photo ``name`` (made now if not yet on disk), or None
    when the stored file is missing or unreadable (the photo is then left out)."""
    path = print_copy_path(name)
    if path.exists():
        mark_used(path)
        return path
    edge = settings.REPORT_PHOTO_EDGE
    try:
        with default_storage.open(name, "rb") as source, Image.open(source) as image:
            image = ImageOps.exif_transpose(image)
            image.thumbnail((edge, edge))
            if image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written beside and renamed: two workers making the same copy never leave half a file.
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
            with os.fdopen(fd, "wb") as out:
                image.save(out, "JPEG", quality=settings.REPORT_PHOTO_QUALITY, optimize=True)
            os.replace(tmp, path)
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as error:
        log.warning("report photo %s left out: %s", name, error)
        return None
    return path
