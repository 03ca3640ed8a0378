"""Personal data (PDPA): the Thai national ID number, and nothing else, is handled here.

- Validation: 13 digits with the mod-11 check digit. Input may carry dashes, spaces and
  Thai digits (๐-๙); anything else is refused with a Thai message.
- Storage: encrypted in the application with Fernet (``settings.FIELD_ENCRYPTION_KEY``,
  a comma-separated list of keys: the first encrypts, all of them decrypt, so a key can be
  rotated by putting the new one first and running ``manage.py rotate_national_id_key``).
- Duplicates: found by an HMAC-SHA256 of the digits keyed with
  ``settings.NATIONAL_ID_HASH_KEY`` (unique column), so the database never needs the number.
- Display: masked as ``x-xxxx-xxxxx-12-3``; the full number only through
  ``councils.services.members.national_id_reveal``, which logs every reveal.

With the two settings empty (local development and tests) both keys are derived from
SECRET_KEY with HKDF; production refuses to start without them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _

ID_LENGTH = 13
MASK = "x-xxxx-xxxxx-{}{}-{}"
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_SEPARATORS = str.maketrans("", "", " -\t\u00a0")
_ASCII_DIGITS = frozenset("0123456789")


class NationalIdKeyError(RuntimeError):
    """A stored number cannot be decrypted with any configured key (a configuration fault)."""


# Validation ------------------------------------------------------------------------------


def check_digit(first12: str) -> int:
    """The 13th digit of a Thai national ID: (11 - Σ dᵢ·(13-i) mod 11) mod 10."""
    total = sum(int(d) * (ID_LENGTH - i) for i, d in enumerate(first12))
    return (11 - total % 11) % 10


def normalize_national_id(raw: str) -> str:
    """The 13 ASCII digits of a national ID typed by a person, or a Thai ValidationError.

    Dashes, spaces and Thai digits are accepted: "๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑" is "1234567890121".
    """
    value = str(raw or "").strip().translate(_THAI_DIGITS).translate(_SEPARATORS)
    if not value or not set(value) <= _ASCII_DIGITS or len(value) != ID_LENGTH:
        raise ValidationError(
            _("เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก (พิมพ์ขีดหรือเว้นวรรคคั่นได้ ใช้เลขไทยได้)"),
            code="national_id_format",
        )
    if check_digit(value[:12]) != int(value[12]):
        raise ValidationError(
            _("เลขประจำตัวประชาชนไม่ถูกต้อง: เลขหลักสุดท้าย (เลขตรวจสอบ) ไม่ตรง กรุณาตรวจสอบอีกครั้ง"),
            code="national_id_checksum",
        )
    return value


def validate_national_id(raw: str) -> None:
    """A field validator (forms, serializers): refuse anything normalize_national_id refuses."""
    normalize_national_id(raw)


def format_national_id(digits: str) -> str:
    """13 digits in the Thai grouping: 1-2345-67890-12-3."""
    return f"{digits[0]}-{digits[1:5]}-{digits[5:10]}-{digits[10:12]}-{digits[12]}"


def mask_national_id(last_digits: str) -> str:
    """Only the last three digits shown: x-xxxx-xxxxx-12-3. Empty when no number is kept."""
    if not last_digits or len(last_digits) < 3:
        return ""
    tail = last_digits[-3:]
    return MASK.format(tail[0], tail[1], tail[2])


def person_masked_national_id(person) -> str:
    return mask_national_id(person.national_id_last4)


# Keys ------------------------------------------------------------------------------------


def _derive(info: bytes) -> bytes:
    secret = getattr(settings, "SECRET_KEY", "")
    if not secret:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEY and NATIONAL_ID_HASH_KEY need SECRET_KEY when not set")
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret.encode())


def fernet_keys() -> list[str]:
    """The configured Fernet keys, primary first (derived from SECRET_KEY when none is set)."""
    raw = getattr(settings, "FIELD_ENCRYPTION_KEY", "") or ""
    keys = [key.strip() for key in raw.split(",") if key.strip()]
    if not keys:
        keys = [base64.urlsafe_b64encode(_derive(b"tambon-portal field encryption v1")).decode()]
    return keys


def _fernet() -> MultiFernet:
    try:
        return MultiFernet([Fernet(key) for key in fernet_keys()])
    except (ValueError, TypeError):
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEY must be a comma-separated list of Fernet keys (32 url-safe base64 bytes each)"
        ) from None


def _hash_key() -> bytes:
    raw = getattr(settings, "NATIONAL_ID_HASH_KEY", "") or ""
    return raw.encode() if raw else _derive(b"tambon-portal national id hash v1")


# Encryption and hashing -------------------------------------------------------------------


def encrypt(digits: str) -> str:
    return _fernet().encrypt(digits.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise NationalIdKeyError(
            "a national ID number cannot be decrypted with any key in FIELD_ENCRYPTION_KEY"
        ) from None


def reencrypt(token: str) -> str:
    """The same number encrypted with the primary key (key rotation)."""
    try:
        return _fernet().rotate(token.encode()).decode()
    except InvalidToken:
        raise NationalIdKeyError(
            "a national ID number cannot be decrypted with any key in FIELD_ENCRYPTION_KEY"
        ) from None


def national_id_hash(digits: str) -> str:
    """HMAC-SHA256 (hex, 64 characters) of the 13 digits: equal numbers, equal hashes."""
    return hmac.new(_hash_key(), digits.encode(), hashlib.sha256).hexdigest()


def national_id_fields(raw: str | None) -> dict:
    """The stored form of a national ID typed by a person (validated and normalised), as the
    values of Person's three national_id_* fields. Empty input clears them."""
    if raw is None or not str(raw).strip():
        return {"national_id_ciphertext": "", "national_id_hash": None, "national_id_last4": ""}
    digits = normalize_national_id(raw)
    return {
        "national_id_ciphertext": encrypt(digits),
        "national_id_hash": national_id_hash(digits),
        "national_id_last4": digits[-4:],
    }


def person_national_id(person) -> str:
    """The full number, formatted, or "". Callers other than the reveal and export services
    must not use this: every reveal is logged there."""
    if not person.national_id_ciphertext:
        return ""
    return format_national_id(decrypt(person.national_id_ciphertext))
