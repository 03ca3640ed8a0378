"""A meeting's status replaces its published flag: published stays published, an
unpublished meeting already past counts as held, one still ahead as planned."""

import django.utils.timezone
from django.db import migrations


def published_flag_to_status(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    Meeting.objects.filter(is_published=True).update(status="published")
    Meeting.objects.filter(is_published=False, date__lt=django.utils.timezone.localdate()).update(status="held")


class Migration(migrations.Migration):
    dependencies = [("meetings", "0005_mechanism_meetings_actions")]

    operations = [
        # The old flag becomes the status: a published meeting's minutes were published.
        migrations.RunPython(published_flag_to_status, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='historicalmeeting',
            name='is_published',
        ),
        migrations.RemoveField(
            model_name='meeting',
            name='is_published',
        ),
    ]
