from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_resolution_urgency_and_cancel"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="correspondent",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_active", True)),
                fields=("kind", "search_name", "edrpou", "address", "email"),
                name="documents_correspondent_active_once",
            ),
        ),
    ]
