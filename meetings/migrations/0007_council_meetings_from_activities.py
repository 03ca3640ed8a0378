"""Each council-meeting activity (ActivityKind.COUNCIL_MEETING) becomes a held council
Meeting linked to it (``source_activity``). The activities stay: they are the council's
activity log. Idempotent: an activity already linked to a meeting is skipped, so running
it again (or after new activities were logged) adds only what is missing."""

from django.db import migrations

COUNCIL_MEETING = "council_meeting"


def meetings_from_activities(apps, schema_editor):
    Activity = apps.get_model("councils", "Activity")
    Meeting = apps.get_model("meetings", "Meeting")
    pending = (
        Activity.objects.filter(kind=COUNCIL_MEETING, meeting__isnull=True)
        .select_related("council__subdistrict")
        .order_by("id")
    )
    batch = []
    for activity in pending.iterator(chunk_size=2000):
        batch.append(
            Meeting(
                kind="council", title=activity.title[:255], date=activity.date, council_id=activity.council_id,
                district_id=activity.council.subdistrict.district_id, status="held", source_activity_id=activity.pk,
                created_by_id=activity.created_by_id,
            )
        )
        if len(batch) == 2000:
            Meeting.objects.bulk_create(batch)
            batch = []
    Meeting.objects.bulk_create(batch)


def unlink(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    Meeting.objects.filter(source_activity__isnull=False).delete()  # only this migration sets it


class Migration(migrations.Migration):
    dependencies = [
        ("councils", "0008_export_jobs"),
        ("meetings", "0006_meeting_status_from_published_flag"),
    ]

    operations = [migrations.RunPython(meetings_from_activities, unlink)]
