"""Celery entry points: take ids, call a service, nothing else."""

from celery import shared_task

from . import notifications

DIGEST_TASK = "accounts.tasks.send_daily_digests"


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=60, soft_time_limit=60, time_limit=120)
def email_notification(self, notification_id: int) -> bool:
    try:
        return notifications.notification_email(notification_id=notification_id)
    except OSError as error:  # the mail server is unreachable: try again later
        raise self.retry(exc=error) from error


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=300, soft_time_limit=60, time_limit=120)
def email_digest(self, user_id: int) -> int:
    try:
        return notifications.digest_send(user_id=user_id)
    except OSError as error:
        raise self.retry(exc=error) from error


@shared_task(acks_late=True, soft_time_limit=5 * 60, time_limit=10 * 60)
def send_daily_digests() -> int:
    """Periodic (django-celery-beat, daily 07:00): one digest task per user who has one due."""
    users = notifications.digest_recipients()
    for user_id in users:
        email_digest.delay(user_id)
    return len(users)
