"""DeadlineChange.decider: who decides an extension, stored when asked.

Existing requests get their resolution's author, as the rules decided
until now. One statement, portable to SQLite and PostgreSQL; the next
migration makes the field required (on PostgreSQL the foreign key's
deferred checks must run before the table is altered, in a transaction
of its own).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

BACKFILL = """
UPDATE documents_deadlinechange SET decider_id = (
    SELECT resolution.author_id
    FROM documents_task AS task
    JOIN documents_resolution AS resolution ON resolution.id = task.resolution_id
    WHERE task.id = documents_deadlinechange.task_id
)
"""


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0008_task_reviewer_required"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="deadlinechange",
            name="decider",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="to be decided by",
            ),
        ),
        migrations.RunSQL(BACKFILL, reverse_sql=migrations.RunSQL.noop),
    ]
