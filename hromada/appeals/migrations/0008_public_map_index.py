"""A covering index for the public map on PostgreSQL.

The map counts the public appeals of a period inside a box
(``selectors.public.appeal_map_cells``). With the columns it reads kept in
the index, PostgreSQL answers from the index alone: at one Kyiv year of
appeals (1.2 million, 25,000 in the map's 90 days) the count took 13 ms
instead of 25 ms and read 259 pages instead of 3,582 (bench/appeals.py's
history, EXPLAIN ANALYZE). SQLite has no INCLUDE, and Django's own
``Index(include=...)`` would warn there (models.W040), so the index is
made here for PostgreSQL only.
"""

from django.db import migrations

NAME = "appeals_public_map"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} ON appeals_appeal (registered_at) "
        "INCLUDE (id, lon, lat, category_id, district_id, status) "
        "WHERE is_public"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("appeals", "0007_event_text")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
