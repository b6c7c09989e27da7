"""A card closed «До справи»; addressee rows that wait for a resolution.

The backfill marks the addressees of every registered card that has no
live (draft or active) resolution, as services/awaiting.py keeps them
from now on; no card was closed before this migration. One statement,
portable to SQLite and PostgreSQL, before the partial indexes are built.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

BACKFILL = """
UPDATE documents_documentaddressee SET awaiting_resolution = TRUE
WHERE document_id IN (
    SELECT card.id FROM documents_document AS card
    WHERE card.status = 'registered'
    AND NOT EXISTS (
        SELECT 1 FROM documents_resolution AS resolution
        WHERE resolution.document_id = card.id
        AND resolution.status IN ('draft', 'active')
    )
)
"""


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0010_deadline_change_decider_required'),
        ('org', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='document',
            name='closed_as',
            field=models.CharField(blank=True, choices=[('to_file', 'To file («До справи»)')], max_length=16, verbose_name='closed as'),
        ),
        migrations.AddField(
            model_name='document',
            name='closed_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='closed at'),
        ),
        migrations.AddField(
            model_name='document',
            name='closed_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='closed by'),
        ),
        migrations.AddField(
            model_name='document',
            name='closed_note',
            field=models.CharField(blank=True, max_length=500, verbose_name='note'),
        ),
        migrations.AddField(
            model_name='documentaddressee',
            name='awaiting_resolution',
            field=models.BooleanField(default=False, verbose_name='awaiting a resolution'),
        ),
        migrations.RunSQL(BACKFILL, reverse_sql=migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name='documentaddressee',
            index=models.Index(condition=models.Q(('awaiting_resolution', True)), fields=['org_unit'], name='documents_addressee_unit_waits'),
        ),
        migrations.AddIndex(
            model_name='documentaddressee',
            index=models.Index(condition=models.Q(('awaiting_resolution', True)), fields=['user'], name='documents_addressee_user_waits'),
        ),
        migrations.AddConstraint(
            model_name='document',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('closed_as', ''), ('closed_at__isnull', True)), models.Q(('closed_as__in', ['to_file']), ('closed_at__isnull', False), ('registered_on__isnull', False)), _connector='OR'), name='documents_document_closed_once_registered'),
        ),
    ]
