"""Schedule the daily sweep of overdue obstacles in django-celery-beat (editable in the admin)."""

from django.db import migrations

OVERDUE = "ข้อติดขัดที่เกินกำหนดตอบ แจ้งเจ้าหน้าที่อำเภอ (ทุกวัน 08:00 น.)"


def schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    daily, _ = CrontabSchedule.objects.get_or_create(
        minute="0", hour="8", day_of_month="*", month_of_year="*", day_of_week="*", timezone="Asia/Bangkok"
    )
    PeriodicTask.objects.get_or_create(
        name=OVERDUE,
        defaults={
            "task": "meetings.tasks.mark_overdue_obstacles",
            "crontab": daily,
            "description": "ทำเครื่องหมายข้อติดขัดที่ยังไม่ได้รับคำตอบเกิน OBSTACLE_ANSWER_DAYS วัน และแจ้งเจ้าหน้าที่อำเภอครั้งเดียว",
        },
    )


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=OVERDUE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0003_obstacles_responses_suggestions"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
