"""What an uploaded file is, read from its bytes, never from its name or the browser's
content type: a PDF by its header, an image by Pillow opening and verifying it, an Office
workbook or document (XLSX, DOCX) by the parts its ZIP container holds. Every app that
takes files asks ``recognise`` (meetings.content.check_upload for attachments and
evidence, plans for proposal documents) and keeps only the kinds it accepts."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

PDF, PNG, JPEG, WEBP, GIF, XLSX, DOCX = "pdf", "png", "jpg", "webp", "gif", "xlsx", "docx"
IMAGES = frozenset({PNG, JPEG, WEBP, GIF})

CONTENT_TYPES = {
    PDF: "application/pdf",
    PNG: "image/png",
    JPEG: "image/jpeg",
    WEBP: "image/webp",
    GIF: "image/gif",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
# The extensions a file's name may carry for each kind.
NAME_EXTENSIONS = {PDF: {"pdf"}, PNG: {"png"}, JPEG: {"jpg", "jpeg"}, WEBP: {"webp"}, GIF: {"gif"},
                   XLSX: {"xlsx"}, DOCX: {"docx"}}  # fmt: skip
_PILLOW_FORMATS = {"PNG": PNG, "JPEG": JPEG, "WEBP": WEBP, "GIF": GIF}
# The part an Office Open XML package must hold to be that kind of file.
_OFFICE_PARTS = {"xl/workbook.xml": XLSX, "word/document.xml": DOCX}


@dataclass(frozen=True)
class Recognised:
    kind: str  # one of PDF, PNG, JPEG, WEBP, GIF, XLSX, DOCX (also the extension to store it under)

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]

    @property
    def extension(self) -> str:
        return self.kind


def recognise(upload) -> Recognised | None:
    """What the upload's bytes are, or None when they are none of the kinds above. The
    upload is left at its start."""
    try:
        upload.seek(0)
        head = upload.read(8)
        upload.seek(0)
        if head.startswith(b"%PDF-"):
            return Recognised(PDF)
        if head.startswith(b"PK\x03\x04"):
            return _office(upload)
        return _image(upload)
    finally:
        upload.seek(0)


def name_agrees(name: str, found: Recognised) -> bool:
    """Whether the file's name ends with an extension of the kind its bytes are."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return extension in NAME_EXTENSIONS[found.kind]


def _office(upload) -> Recognised | None:
    try:
        with zipfile.ZipFile(io.BytesIO(upload.read())) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for part, kind in _OFFICE_PARTS.items():
        if part in names:
            return Recognised(kind)
    return None


def _image(upload) -> Recognised | None:
    try:
        with Image.open(io.BytesIO(upload.read())) as image:
            image.verify()
            kind = _PILLOW_FORMATS.get(image.format)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    return Recognised(kind) if kind else None
