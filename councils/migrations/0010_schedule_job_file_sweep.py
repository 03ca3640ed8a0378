"""Schedule the daily retention sweep of import and export files in django-celery-beat."""

from django.db import migrations

TASK_NAME = "ลบไฟล์นำเข้าและส่งออกที่ครบระยะเวลาเก็บรักษา (ทุกวัน 02:30 น.)"


def schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    nightly, _ = CrontabSchedule.objects.get_or_create(
        minute="30", hour="2", day_of_week="*", day_of_month="*", month_of_year="*", timezone="Asia/Bangkok"
    )
    PeriodicTask.objects.get_or_create(
        name=TASK_NAME,
        defaults={
            "task": "councils.tasks.sweep_job_files",
            "crontab": nightly,
            "description": "ลบไฟล์ที่อัปโหลดเพื่อนำเข้าและไฟล์ส่งออก เมื่อพ้น JOB_FILE_RETENTION_DAYS วันหลังงานจบ",
        },
    )


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("councils", "0009_import_jobs_note_what_they_assumed"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
