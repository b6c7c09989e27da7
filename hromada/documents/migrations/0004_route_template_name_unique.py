from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_correspondent_active_once"),
        ("org", "0001_initial"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="routetemplate",
            constraint=models.UniqueConstraint(
                condition=models.Q(("org_unit__isnull", False)),
                fields=("org_unit", "kind", "name"),
                name="documents_routetemplate_name_unique_in_unit",
            ),
        ),
        migrations.AddConstraint(
            model_name="routetemplate",
            constraint=models.UniqueConstraint(
                condition=models.Q(("org_unit__isnull", True)),
                fields=("kind", "name"),
                name="documents_routetemplate_name_unique_council_wide",
            ),
        ),
    ]
