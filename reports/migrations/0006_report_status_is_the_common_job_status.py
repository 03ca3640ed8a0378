"""Reports are common.jobs jobs: their status field takes the common JobStatus choices.
The stored values (queued, running, done, failed) are the same, so no row changes."""

from django.db import migrations, models

JOB_STATUS = [
    ("queued", "รอคิว"), ("running", "กำลังดำเนินการ"), ("waiting", "รอยืนยัน"), ("done", "เสร็จแล้ว"), ("failed", "ล้มเหลว")
]


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0005_areas_point_at_geo"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalreport",
            name="status",
            field=models.CharField(choices=JOB_STATUS, default="queued", max_length=20, verbose_name="สถานะ"),
        ),
        migrations.AlterField(
            model_name="report",
            name="status",
            field=models.CharField(choices=JOB_STATUS, default="queued", max_length=20, verbose_name="สถานะ"),
        ),
    ]
