"""Notifications: the one service domain apps call to tell users something, and the
sending of e-mail that follows (one mail per notification, or a daily digest).

Domain apps call ``notify(users=..., text=..., url=...)``; this module knows nothing of
obstacles or suggestions (accounts sits below them). E-mail is sent by Celery tasks
taking ids. A notification is e-mailed at most once: ``emailed_at`` is claimed with an
UPDATE ... WHERE emailed_at IS NULL before the mail is sent, so a retried or redelivered
task finds nothing left to send.
"""

from __future__ import annotations

import logging
import uuid

from celery import current_app
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from common.thai import thai_truncate

from .models import Notification, User

log = logging.getLogger(__name__)

EMAIL_TASK = "accounts.tasks.email_notification"


def _absolute(url: str) -> str:
    base = getattr(settings, "PORTAL_BASE_URL", "").rstrip("/")
    return f"{base}{url}" if url.startswith("/") else url


def _enqueue(notification_id: int) -> None:
    try:
        current_app.tasks[EMAIL_TASK].delay(notification_id)
    except Exception:  # the broker down must not undo the event; the digest sweep is no help here
        log.exception("could not enqueue the e-mail of notification %s", notification_id)


@transaction.atomic
def notify(*, users, text: str, url: str = "") -> list[Notification]:
    """One notification per distinct user; e-mail each at once unless the user takes the
    daily digest (or has no address)."""
    unique = {user.pk: user for user in users if user is not None and user.is_active}
    rows = Notification.objects.bulk_create(
        [Notification(user=user, text=thai_truncate(str(text), 500), url=url) for user in unique.values()]
    )
    User.objects.filter(pk__in=unique).update(unread_notifications=F("unread_notifications") + 1)
    for row in rows:
        user = unique[row.user_id]
        if user.email and not user.email_digest:
            transaction.on_commit(lambda pk=row.pk: _enqueue(pk))
    return rows


def notification_email(*, notification_id: int) -> bool:
    """Send one notification's mail if nobody has claimed it yet. True if this call sent it."""
    now = timezone.now()
    claimed = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(emailed_at=now)
    if not claimed:
        return False
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    try:
        send_mail(
            subject=_("[พอร์ทัลสภาองค์กรชุมชน] %(text)s") % {"text": thai_truncate(notification.text, 80)},
            message=f"{notification.text}\n\n{_absolute(notification.url)}".strip(),
            from_email=None,
            recipient_list=[notification.user.email],
        )
    except Exception:
        # Not sent: release the claim so the task's retry can send it.
        Notification.objects.filter(pk=notification_id, emailed_at=now).update(emailed_at=None)
        raise
    return True


def digest_send(*, user_id: int) -> int:
    """Send one user the notifications not yet e-mailed, in one mail. Returns how many."""
    claim = uuid.uuid4()
    Notification.objects.filter(user_id=user_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now(), email_claim=claim
    )
    rows = list(Notification.objects.filter(email_claim=claim).select_related("user").order_by("created_at", "pk"))
    if not rows:
        return 0
    lines = [f"- {row.text} {_absolute(row.url)}".rstrip() for row in rows]
    try:
        send_mail(
            subject=_("[พอร์ทัลสภาองค์กรชุมชน] สรุปการแจ้งเตือน %(count)s เรื่อง") % {"count": len(rows)},
            message="\n".join(lines),
            from_email=None,
            recipient_list=[rows[0].user.email],
        )
    except Exception:
        Notification.objects.filter(email_claim=claim).update(emailed_at=None, email_claim=None)
        raise
    return len(rows)


def digest_recipients() -> list[int]:
    """Users on the daily digest with something not yet e-mailed."""
    return list(
        User.objects.filter(email_digest=True, is_active=True)
        .exclude(email="")
        .filter(Q(notifications__emailed_at__isnull=True))
        .values_list("pk", flat=True)
        .distinct()
    )


@transaction.atomic
def notification_read(*, user, notification_id: int) -> Notification:
    notification = Notification.objects.get(pk=notification_id, user=user)
    if Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=timezone.now()):
        _recount(user)
    return notification


@transaction.atomic
def notifications_read_all(*, user) -> int:
    marked = Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
    _recount(user)
    return marked


def _recount(user) -> None:
    unread = Notification.objects.filter(user=user, read_at__isnull=True).count()
    User.objects.filter(pk=user.pk).update(unread_notifications=unread)
    user.unread_notifications = unread


def notification_settings_update(*, user, email_digest: bool) -> None:
    user.email_digest = email_digest
    user.save(update_fields=["email_digest"])
