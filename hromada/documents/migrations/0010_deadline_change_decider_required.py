"""DeadlineChange.decider becomes required (0009); the indexes of the badge.

"Extensions waiting for me" and "my draft resolutions" are index lookups.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0009_deadline_change_decider'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='deadlinechange',
            name='decider',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='to be decided by'),
        ),
        migrations.AddIndex(
            model_name='deadlinechange',
            index=models.Index(fields=['decider', 'status'], name='documents_d_decider_0c37ea_idx'),
        ),
        migrations.AddIndex(
            model_name='resolution',
            index=models.Index(fields=['author', 'status'], name='documents_r_author__495f39_idx'),
        ),
    ]
