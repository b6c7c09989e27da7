"""Load the КМУ №858 classifier's topics and categories of authors.

The lists are data (DOMAIN.md APL-13): a later edition is loaded as new
rows with their own ``valid_from``, and the old ones get a ``valid_to``.
"""

import json
from datetime import date
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "kmu858.json"


def load(apps, schema_editor):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    valid_from = date.fromisoformat(data["valid_from"])
    topic = apps.get_model("appeals", "TopicCode")
    category = apps.get_model("appeals", "AuthorCategory")
    for row in data["topics"]:
        topic.objects.update_or_create(
            code=row["code"], valid_from=valid_from, defaults={"name": row["name"]}
        )
    for row in data["author_categories"]:
        category.objects.update_or_create(
            code=row["code"],
            valid_from=valid_from,
            defaults={"name": row["name"], "privileged": row["privileged"]},
        )


class Migration(migrations.Migration):
    dependencies = [("appeals", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
