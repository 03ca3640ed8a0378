"""Import jobs take the common job shape (common.jobs.Job).

Existing import jobs are carried forward: created_by/created_at are renamed (not dropped)
to the common requested_by/requested_at, and each old status is mapped onto the common
status plus the stage it was in:

    uploaded   → queued,  check        previewed → waiting, check
    validating → running, check        importing → queued,  write
    done       → done,    write        failed    → failed,  write if it had been
                                                   previewed (valid rows), else check

``progress`` (a property before) is stored from processed_rows / total_rows.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.functions import Least

FORWARD = {
    "uploaded": ("queued", "check"),
    "validating": ("running", "check"),
    "previewed": ("waiting", "check"),
    "importing": ("queued", "write"),
    "done": ("done", "write"),
}


def to_job_shape(apps, schema_editor):
    ImportJob = apps.get_model("councils", "ImportJob")
    for old, (status, stage) in FORWARD.items():
        ImportJob.objects.filter(status=old).update(status=status, stage=stage)
    ImportJob.objects.filter(status="failed", valid_rows__gt=0).update(stage="write")
    ImportJob.objects.update(
        progress=Case(
            When(status="done", then=Value(100)),
            When(total_rows=0, then=Value(0)),
            default=Least(Value(100), F("processed_rows") * 100 / F("total_rows")),
            output_field=IntegerField(),
        )
    )


def from_job_shape(apps, schema_editor):
    ImportJob = apps.get_model("councils", "ImportJob")
    for old, (status, stage) in FORWARD.items():
        ImportJob.objects.filter(status=status, stage=stage).update(status=old)
    ImportJob.objects.filter(status="running", stage="write").update(status="importing")
    ImportJob.objects.filter(status="waiting").update(status="previewed")


JOB_STATUS = [
    ("queued", "รอคิว"), ("running", "กำลังดำเนินการ"), ("waiting", "รอยืนยัน"), ("done", "เสร็จแล้ว"), ("failed", "ล้มเหลว")
]


class Migration(migrations.Migration):

    dependencies = [
        ("councils", "0006_activity_photo_lookup_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="importjob", old_name="created_at", new_name="requested_at"),
        migrations.RenameField(model_name="importjob", old_name="created_by", new_name="requested_by"),
        migrations.AlterModelOptions(
            name="importjob",
            options={"ordering": ["-requested_at"], "verbose_name": "งานนำเข้าข้อมูล", "verbose_name_plural": "งานนำเข้าข้อมูล"},
        ),
        migrations.AlterField(
            model_name="importjob",
            name="requested_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="ขอเมื่อ"),
        ),
        migrations.AlterField(
            model_name="importjob",
            name="requested_by",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                to=settings.AUTH_USER_MODEL, verbose_name="ผู้ขอ",
            ),
        ),
        migrations.AddField(
            model_name="importjob",
            name="attempts",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="จำนวนครั้งที่พยายาม"),
        ),
        migrations.AddField(
            model_name="importjob",
            name="progress",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="ความคืบหน้า (%)"),
        ),
        migrations.AddField(
            model_name="importjob",
            name="stage",
            field=models.CharField(
                choices=[("check", "ตรวจสอบไฟล์"), ("write", "นำเข้าข้อมูล")], default="check", max_length=10,
                verbose_name="ขั้นตอน",
            ),
        ),
        migrations.AddField(
            model_name="importjob",
            name="started_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="เริ่มเมื่อ"),
        ),
        migrations.AlterField(
            model_name="importjob",
            name="status",
            field=models.CharField(choices=JOB_STATUS, default="queued", max_length=20, verbose_name="สถานะ"),
        ),
        migrations.RunPython(to_job_shape, from_job_shape),
    ]
