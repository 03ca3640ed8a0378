"""Personal API tokens: make, revoke, find (the services and selectors of accounts.ApiToken).

A key is ``tcp_`` and 43 URL-safe characters (256 random bits). Only its SHA-256 is stored;
the first 12 characters are kept to tell tokens apart. A user finds only their own tokens:
another user's token is not found (404), whoever asks.
"""

from __future__ import annotations

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiToken, User

KEY_PREFIX = "tcp_"
SHOWN_PREFIX = 12
MAX_ACTIVE_TOKENS = 10
LAST_USED_EVERY_SECONDS = 300  # last_used_at is written at most this often per token


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def api_tokens_of(*, user) -> QuerySet[ApiToken]:
    """The user's own tokens, newest first (revoked ones too, marked)."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


def api_token_of(*, user, pk: int) -> ApiToken:
    """One of the user's own tokens; ApiToken.DoesNotExist (a 404) for anyone else's."""
    return api_tokens_of(user=user).get(pk=pk)


@transaction.atomic
def api_token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """Make a token; returns it and its key (the only time the key exists in clear)."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("กรุณาตั้งชื่อโทเค็น เช่น ชื่อระบบที่จะใช้")})
    # Lock the user's row so two requests at once cannot pass the limit together.
    User.objects.select_for_update().filter(pk=user.pk).first()
    if api_tokens_of(user=user).filter(revoked_at__isnull=True).count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(_("มีโทเค็นที่ใช้งานอยู่ครบ %(n)s รายการแล้ว เพิกถอนรายการที่ไม่ใช้ก่อน") % {"n": MAX_ACTIVE_TOKENS})
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=key[:SHOWN_PREFIX], key_hash=hash_key(key))
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(key: str) -> ApiToken | None:
    """The active token of an active user holding ``key``, or None; notes when it was used."""
    if not key.startswith(KEY_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_key(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > LAST_USED_EVERY_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
