"""Martial law in force since 24.02.2022 with no end yet (DOMAIN.md TIME-06).

Decree No. 64/2022 imposed it; later decrees extend it, so the period stays
open until an administrator enters the end date.
"""

import datetime

from django.db import migrations

STARTS_ON = datetime.date(2022, 2, 24)
DECREE = "Указ Президента України №64/2022"


def load(apps, schema_editor):
    MartialLawPeriod = apps.get_model("core", "MartialLawPeriod")
    if not MartialLawPeriod.objects.filter(starts_on=STARTS_ON).exists():
        MartialLawPeriod.objects.create(starts_on=STARTS_ON, ends_on=None, decree_ref=DECREE)


def unload(apps, schema_editor):
    MartialLawPeriod = apps.get_model("core", "MartialLawPeriod")
    MartialLawPeriod.objects.filter(starts_on=STARTS_ON, decree_ref=DECREE).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
