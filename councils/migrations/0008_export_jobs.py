"""Exports too large for the request become jobs (common.jobs.Job), and the stale export
sweep is scheduled in django-celery-beat beside the reports' one."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

SWEEP_NAME = "ส่งงานส่งออกข้อมูลที่ค้างอยู่ซ้ำ (ทุก 5 นาที)"
JOB_STATUS = [
    ("queued", "รอคิว"), ("running", "กำลังดำเนินการ"), ("waiting", "รอยืนยัน"), ("done", "เสร็จแล้ว"), ("failed", "ล้มเหลว")
]


def schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_5, _ = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.get_or_create(
        name=SWEEP_NAME,
        defaults={
            "task": "councils.tasks.requeue_stale_exports",
            "interval": every_5,
            "description": "ส่งงานส่งออกข้อมูลที่ยังรอคิวเพราะ Redis ขัดข้อง หรือค้างเพราะเครื่องประมวลผลหยุดทำงาน ให้ทำงานอีกครั้ง",
        },
    )


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=SWEEP_NAME).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("councils", "0007_import_jobs_share_the_job_shape"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ExportJob",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("status", models.CharField(choices=JOB_STATUS, default="queued", max_length=20, verbose_name="สถานะ")),
                ("progress", models.PositiveSmallIntegerField(default=0, verbose_name="ความคืบหน้า (%)")),
                ("error", models.TextField(blank=True, verbose_name="สาเหตุที่ล้มเหลว")),
                ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="จำนวนครั้งที่พยายาม")),
                ("requested_at", models.DateTimeField(auto_now_add=True, verbose_name="ขอเมื่อ")),
                ("started_at", models.DateTimeField(blank=True, null=True, verbose_name="เริ่มเมื่อ")),
                ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="เสร็จเมื่อ")),
                (
                    "kind",
                    models.CharField(
                        choices=[("councils", "สภาองค์กรชุมชนตำบล"), ("organizations", "องค์กรชุมชน"), ("members", "สมาชิกสภา")],
                        max_length=20, verbose_name="ข้อมูลที่ส่งออก",
                    ),
                ),
                (
                    "file_format",
                    models.CharField(choices=[("csv", "CSV"), ("xlsx", "XLSX")], max_length=10, verbose_name="รูปแบบไฟล์"),
                ),
                ("file", models.FileField(blank=True, upload_to="exports/%Y/%m/", verbose_name="ไฟล์")),
                ("total_rows", models.PositiveIntegerField(default=0, verbose_name="จำนวนแถว")),
                ("processed_rows", models.PositiveIntegerField(default=0, verbose_name="เขียนแล้ว")),
                (
                    "requested_by",
                    models.ForeignKey(
                        null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                        to=settings.AUTH_USER_MODEL, verbose_name="ผู้ขอ",
                    ),
                ),
            ],
            options={
                "verbose_name": "งานส่งออกข้อมูล",
                "verbose_name_plural": "งานส่งออกข้อมูล",
                "ordering": ["-requested_at"],
            },
        ),
        migrations.RunPython(schedule, unschedule),
    ]
