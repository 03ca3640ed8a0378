import pytest
from django.core import mail
from django.urls import reverse

from accounts import notifications
from accounts.models import Notification
from accounts.tasks import email_notification, send_daily_digests

from ..conftest import client_for
from ..factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(db):
    return UserFactory(username="alice", email="alice@example.org")


def test_notify_mails_once_per_notification(alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        (row,) = notifications.notify(users=[alice, alice], text="ข้อติดขัดใหม่", url="/meetings/obstacles/1/")
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]
    assert "ข้อติดขัดใหม่" in mail.outbox[0].subject and "/meetings/obstacles/1/" in mail.outbox[0].body
    row.refresh_from_db()
    assert row.emailed_at is not None


def test_a_retried_task_sends_once(alice):
    row = Notification.objects.create(user=alice, text="เรื่องเดียว", url="/x/")
    assert email_notification.apply(args=[row.pk]).get() is True
    assert email_notification.apply(args=[row.pk]).get() is False  # the retry / redelivery
    assert len(mail.outbox) == 1


def test_a_failed_send_releases_the_claim_for_the_retry(alice, monkeypatch):
    row = Notification.objects.create(user=alice, text="เรื่องเดียว", url="/x/")

    def broken(**kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(notifications, "send_mail", broken)
    with pytest.raises(OSError):
        notifications.notification_email(notification_id=row.pk)
    row.refresh_from_db()
    assert row.emailed_at is None
    monkeypatch.undo()
    assert notifications.notification_email(notification_id=row.pk) is True
    assert len(mail.outbox) == 1


def test_digest_users_get_one_mail_a_day_not_one_per_event(alice, django_capture_on_commit_callbacks):
    alice.email_digest = True
    alice.save()
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify(users=[alice], text="เรื่องที่หนึ่ง", url="/a/")
        notifications.notify(users=[alice], text="เรื่องที่สอง", url="/b/")
    assert mail.outbox == []
    assert send_daily_digests.apply().get() == 1
    assert send_daily_digests.apply().get() == 0  # nothing left: never twice
    (message,) = mail.outbox
    assert "2 เรื่อง" in message.subject and "เรื่องที่หนึ่ง" in message.body and "เรื่องที่สอง" in message.body


def test_the_digest_is_scheduled_by_the_migration():
    from django_celery_beat.models import PeriodicTask

    assert PeriodicTask.objects.filter(task="accounts.tasks.send_daily_digests", enabled=True).count() == 1


def test_user_without_email_is_told_in_the_portal_only(db, django_capture_on_commit_callbacks):
    bob = UserFactory(username="bob", email="")
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify(users=[bob], text="เรื่อง", url="/")
    assert Notification.objects.filter(user=bob).count() == 1 and mail.outbox == []


def test_header_shows_the_unread_count_and_opening_marks_read(client, alice):
    row = notifications.notify(users=[alice], text="มีคำตอบ", url="/meetings/obstacles/")[0]
    notifications.notify(users=[alice], text="อีกเรื่อง", url="/")
    client_for(client, alice)
    assert client.get(reverse("accounts:notification_list")).context["unread_notifications"] == 2
    response = client.post(reverse("accounts:notification_open", args=[row.pk]))
    assert response.status_code == 302 and response["Location"] == "/meetings/obstacles/"
    assert client.get(reverse("accounts:notification_list")).context["unread_notifications"] == 1
    client.post(reverse("accounts:notification_open", args=[row.pk]))  # opened again: still 1
    assert client.get(reverse("accounts:notification_list")).context["unread_notifications"] == 1
    client.post(reverse("accounts:notification_read_all"))
    assert client.get(reverse("accounts:notification_list")).context["unread_notifications"] == 0


def test_an_offsite_link_is_not_followed(client, alice):
    row = Notification.objects.create(user=alice, text="แปลก", url="https://evil.example/")
    response = client_for(client, alice).post(reverse("accounts:notification_open", args=[row.pk]))
    assert response["Location"] == reverse("accounts:notification_list")


def test_another_users_notification_is_404(client, alice):
    row = Notification.objects.create(user=alice, text="ของ alice", url="/")
    other = UserFactory(username="mallory")
    assert client_for(client, other).post(reverse("accounts:notification_open", args=[row.pk])).status_code == 404
    row.refresh_from_db()
    assert row.read_at is None


def test_settings_page_switches_the_digest(client, alice):
    client_for(client, alice).post(reverse("accounts:notification_settings"), {"email_digest": "on"})
    alice.refresh_from_db()
    assert alice.email_digest is True


@pytest.mark.parametrize("count", [2, 12])
def test_list_queries_do_not_grow(client, alice, count, django_assert_max_num_queries):
    Notification.objects.bulk_create([Notification(user=alice, text=f"เรื่อง {n}", url="/") for n in range(count)])
    client_for(client, alice)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("accounts:notification_list"))
    assert len(response.context["notifications"]) == count
