"""The table behind the "shared" cache (config.settings.base CACHES): counters every web
worker must see, such as the public suggestion form's hourly limit per client address."""

from django.core.management import call_command
from django.db import migrations


def create(apps, schema_editor):
    call_command("createcachetable", "portal_shared_cache", database=schema_editor.connection.alias, verbosity=0)


def drop(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS portal_shared_cache")


class Migration(migrations.Migration):
    dependencies = [("meetings", "0009_agenda_item_obstacle")]

    operations = [migrations.RunPython(create, drop)]
