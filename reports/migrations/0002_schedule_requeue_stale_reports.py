"""Schedule the stale-report sweep in django-celery-beat, so admins can see and edit it."""

from django.db import migrations

TASK_NAME = "ส่งงานรายงานที่ค้างอยู่ซ้ำ (ทุก 5 นาที)"


def schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_5, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.get_or_create(
        name=TASK_NAME,
        defaults={
            "task": "reports.tasks.requeue_stale_reports",
            "interval": every_5,
            "description": "ส่งงานสร้างรายงานที่ยังรอคิวเพราะ Redis ขัดข้อง หรือค้างเพราะเครื่องประมวลผลหยุดทำงาน ให้ทำงานอีกครั้ง",
        },
    )


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
