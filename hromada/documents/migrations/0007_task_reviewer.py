"""Task.reviewer: who accepts the task's reports, stored when it is made.

Existing tasks get what ``report_reviewer_id`` computed until now: a
co-executor's reviewer is the responsible executor of the same
resolution, everyone else's (or a co-executor's without one) the
controller. One statement, portable to SQLite and PostgreSQL; the next
migration makes the field required (on PostgreSQL the foreign key's
deferred checks must run before the table is altered, in a transaction
of its own).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

BACKFILL = """
UPDATE documents_task SET reviewer_id = COALESCE(
    CASE WHEN role = 'co_executor' THEN (
        SELECT responsible.executor_id
        FROM documents_task AS responsible
        WHERE responsible.resolution_id = documents_task.resolution_id
          AND responsible.role = 'responsible'
        ORDER BY responsible.id
        LIMIT 1
    ) END,
    controller_id
)
"""


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0006_route_step_term_hours"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="task",
            name="reviewer",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="accepts the reports",
            ),
        ),
        migrations.RunSQL(BACKFILL, reverse_sql=migrations.RunSQL.noop),
    ]
