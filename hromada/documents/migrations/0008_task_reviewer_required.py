"""Task.reviewer becomes required once every task has one (0007)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0007_task_reviewer"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="task",
            name="reviewer",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="accepts the reports",
            ),
        ),
        migrations.AddIndex(
            model_name="task",
            index=models.Index(
                fields=["reviewer", "status"], name="documents_t_reviewe_8bcab0_idx"
            ),
        ),
    ]
