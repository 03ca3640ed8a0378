"""One file check for the coordination app: meeting attachments and obstacle evidence."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from meetings.content import check_upload
from meetings.evidence import evidence_file


def _image(name, fmt):
    buffer = io.BytesIO()
    Image.new("RGB", (6, 4), (9, 8, 7)).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [("a.png", "PNG", ("image/png", "png")), ("a.jpeg", "JPEG", ("image/jpeg", "jpg")),
     ("a.webp", "WEBP", ("image/webp", "webp")), ("a.gif", "GIF", ("image/gif", "gif"))],
)  # fmt: skip
def test_images_recognised_by_their_bytes(name, fmt, expected):
    checked = check_upload(_image(name, fmt))
    assert (checked.content_type, checked.extension) == expected


def test_magic_bytes_alone_are_not_an_image_for_either_caller():
    fake = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    with pytest.raises(ValidationError) as error:
        check_upload(fake)
    assert error.value.code == "bad_type"
    with pytest.raises(ValidationError) as error:
        evidence_file(fake)
    assert error.value.message_dict == {"evidence": ["ไฟล์หลักฐานต้องเป็น PDF หรือรูปภาพ (JPEG, PNG, GIF, WebP) เท่านั้น"]}


def test_name_must_agree_for_meetings_not_for_obstacle_evidence():
    with pytest.raises(ValidationError) as error:
        check_upload(_image("scan.pdf", "PNG"))
    assert error.value.messages == [
        "ไฟล์ “scan.pdf” ไม่ใช่ไฟล์ PDF หรือภาพ (PNG, JPEG, WebP, GIF) ตามที่ชื่อไฟล์ระบุ ระบบรับเฉพาะ PDF และภาพ"
    ]
    stored = evidence_file(_image("scan.pdf", "PNG"))
    assert stored.name.endswith(".png") and stored.read().startswith(b"\x89PNG")


def test_each_caller_keeps_its_own_size_setting(settings):
    settings.MEETING_ATTACHMENT_MAX_BYTES = 1024
    settings.OBSTACLE_EVIDENCE_MAX_BYTES = 2 * 1024 * 1024
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 2000)
    with pytest.raises(ValidationError) as error:
        check_upload(upload)
    assert error.value.code == "too_large"
    assert evidence_file(upload).name.endswith(".pdf")
    settings.OBSTACLE_EVIDENCE_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        evidence_file(upload)
    assert error.value.message_dict == {"evidence": ["ไฟล์หลักฐานต้องมีขนาดไม่เกิน 1.0\xa0KB"]}
