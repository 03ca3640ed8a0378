"""Trigram indexes for Thai substring search on names (PostgreSQL only).

Thai is written without spaces, so finding "ป่าแดด" inside a council's name is a
substring search; Django's ``icontains`` becomes ``UPPER(name::text) LIKE UPPER('%…%')``,
which a GIN trigram index on the same expression serves. SQLite (local runs) skips this.
pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
"""

from django.db import migrations

INDEXES = [
    ("council_name_trgm", "councils_council"),
    ("organization_name_trgm", "councils_communityorganization"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ((UPPER(name::text)) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("councils", "0002_registry_members_assessment_mentorship")]

    operations = [migrations.RunPython(create, drop)]
