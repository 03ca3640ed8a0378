"""Schedule the daily digest of notifications in django-celery-beat (editable in the admin)."""

from django.db import migrations

DIGEST = "อีเมลสรุปการแจ้งเตือนรายวัน (07:00 น.)"


def schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    daily, _ = CrontabSchedule.objects.get_or_create(
        minute="0", hour="7", day_of_month="*", month_of_year="*", day_of_week="*", timezone="Asia/Bangkok"
    )
    PeriodicTask.objects.get_or_create(
        name=DIGEST,
        defaults={
            "task": "accounts.tasks.send_daily_digests",
            "crontab": daily,
            "description": "ส่งอีเมลสรุปการแจ้งเตือนที่ยังไม่ได้ส่ง ให้ผู้ใช้ที่เลือกรับสรุปรายวัน",
        },
    )


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=DIGEST).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_notifications_and_email_digest"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
