"""Schedule the quarterly and annual reports in django-celery-beat (editable in the admin).

Fiscal quarters end on 31 Dec, 31 Mar, 30 Jun and 30 Sep: the quarterly reports run at
02:00 on the 1st of January, April, July and October. The fiscal year ends on 30 September:
the annual reports run at 03:00 on 1 October (after that day's quarterly run)."""

from django.db import migrations

QUARTERLY = "รายงานความก้าวหน้ารายไตรมาส ทุกจังหวัดและอำเภอ (วันที่ 1 ม.ค./เม.ย./ก.ค./ต.ค.)"
ANNUAL = "รายงานการประเมินผลประจำปี ทั้งประเทศ ภาค และจังหวัด (วันที่ 1 ต.ค.)"


def schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    quarterly, _ = CrontabSchedule.objects.get_or_create(
        minute="0", hour="2", day_of_month="1", month_of_year="1,4,7,10", day_of_week="*", timezone="Asia/Bangkok"
    )
    annual, _ = CrontabSchedule.objects.get_or_create(
        minute="0", hour="3", day_of_month="1", month_of_year="10", day_of_week="*", timezone="Asia/Bangkok"
    )
    PeriodicTask.objects.get_or_create(
        name=QUARTERLY,
        defaults={
            "task": "reports.tasks.schedule_quarterly_reports",
            "crontab": quarterly,
            "description": "สร้างรายงานความก้าวหน้าของไตรมาสที่เพิ่งสิ้นสุด (ไตรมาส 1 คือ ต.ค.–ธ.ค.) ให้ทุกจังหวัดและทุกอำเภอ",
        },
    )
    PeriodicTask.objects.get_or_create(
        name=ANNUAL,
        defaults={
            "task": "reports.tasks.schedule_annual_reports",
            "crontab": annual,
            "description": "สร้างรายงานการประเมินผลของปีงบประมาณที่เพิ่งสิ้นสุด (30 ก.ย.) ระดับประเทศ ภาค และจังหวัด",
        },
    )


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=[QUARTERLY, ANNUAL]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_report_scopes_versions_regions"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
