"""Suggestions to a district's mechanism: sent by anyone (throttled per client address),
moderated by the district's officers (pending → published / rejected with a reason),
answered publicly."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.choices import Role
from accounts.notifications import notify
from accounts.selectors import users_with_role
from common.rules import require

from .. import permissions
from ..choices import SuggestionStatus
from ..models import Suggestion

THROTTLE_SECONDS = 60 * 60


class Throttled(Exception):
    """Too many suggestions from one client address within the hour."""


def suggestion_throttle(*, client: str | None) -> None:
    """Count one suggestion for ``client``; raise Throttled past the hourly limit."""
    cache = caches["shared"]  # one count across every web worker
    key = f"suggestion-rate:{client or 'unknown'}"
    cache.add(key, 0, THROTTLE_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, THROTTLE_SECONDS)
        count = 1
    if count > settings.SUGGESTION_RATE_PER_HOUR:
        raise Throttled


@transaction.atomic
def suggestion_send(*, district, text: str, name: str = "", sender=None) -> Suggestion:
    text = (text or "").strip()
    if len(text) < 10:
        raise ValidationError({"text": _("กรุณาเขียนข้อเสนอแนะอย่างน้อย 10 ตัวอักษร")})
    if sender is not None and not sender.is_authenticated:
        sender = None
    suggestion = Suggestion.objects.create(district=district, text=text, name=(name or "").strip()[:150], sender=sender)
    notify(
        users=users_with_role(Role.DISTRICT_OFFICER, district=district),
        text=_("มีข้อเสนอแนะใหม่ถึงกลไกอำเภอ%(district)s รอตรวจสอบ") % {"district": district.name_th},
        url=reverse("meetings:suggestion_moderation", kwargs={"code": district.code}),
    )
    return suggestion


def _locked(suggestion_id: int) -> Suggestion:
    return Suggestion.objects.select_for_update(of=("self",)).select_related("district", "sender").get(pk=suggestion_id)


@transaction.atomic
def suggestion_publish(*, suggestion_id: int, by) -> Suggestion:
    suggestion = _locked(suggestion_id)
    require(permissions.can_moderate_suggestion, user=by, suggestion=suggestion)
    if suggestion.status != SuggestionStatus.PENDING:
        raise ValidationError(_("ข้อเสนอแนะนี้ตรวจสอบไปแล้ว"))
    suggestion.status = SuggestionStatus.PUBLISHED
    suggestion.moderated_by = by
    suggestion.save(update_fields=["status", "moderated_by", "updated_at"])
    return suggestion


@transaction.atomic
def suggestion_reject(*, suggestion_id: int, by, reason: str) -> Suggestion:
    suggestion = _locked(suggestion_id)
    require(permissions.can_moderate_suggestion, user=by, suggestion=suggestion)
    if suggestion.status != SuggestionStatus.PENDING:
        raise ValidationError(_("ข้อเสนอแนะนี้ตรวจสอบไปแล้ว"))
    if not (reason or "").strip():
        raise ValidationError({"text": _("กรุณาระบุเหตุผลที่ไม่เผยแพร่")})
    suggestion.status = SuggestionStatus.REJECTED
    suggestion.reject_reason = reason.strip()
    suggestion.moderated_by = by
    suggestion.save(update_fields=["status", "reject_reason", "moderated_by", "updated_at"])
    return suggestion


@transaction.atomic
def suggestion_answer(*, suggestion_id: int, by, answer: str) -> Suggestion:
    """A public answer to a published suggestion (it may be revised); the sender, if signed
    in when sending, is told."""
    suggestion = _locked(suggestion_id)
    require(permissions.can_moderate_suggestion, user=by, suggestion=suggestion)
    if suggestion.status != SuggestionStatus.PUBLISHED:
        raise ValidationError(_("ตอบได้เฉพาะข้อเสนอแนะที่เผยแพร่แล้ว"))
    if not (answer or "").strip():
        raise ValidationError({"text": _("กรุณาเขียนคำตอบ")})
    suggestion.answer = answer.strip()
    suggestion.answered_by = by
    suggestion.answered_at = timezone.now()
    suggestion.save(update_fields=["answer", "answered_by", "answered_at", "updated_at"])
    if suggestion.sender_id:
        notify(
            users=[suggestion.sender],
            text=_("กลไกอำเภอ%(district)s ตอบข้อเสนอแนะของคุณแล้ว") % {"district": suggestion.district.name_th},
            url=reverse("meetings:suggestion_public", kwargs={"code": suggestion.district.code})
            + f"#suggestion-{suggestion.pk}",
        )
    return suggestion


MODERATION = {
    "publish": lambda *, suggestion_id, by, text: suggestion_publish(suggestion_id=suggestion_id, by=by),
    "reject": lambda *, suggestion_id, by, text: suggestion_reject(suggestion_id=suggestion_id, by=by, reason=text),
    "answer": lambda *, suggestion_id, by, text: suggestion_answer(suggestion_id=suggestion_id, by=by, answer=text),
}
