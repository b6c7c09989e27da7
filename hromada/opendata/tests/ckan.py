"""What the tests of the CKAN-compatible Action API share: a catalogue of
twelve published datasets and a draft, and how a client calls an action."""

import json
from urllib.parse import urlencode

from django.test import Client

from hromada.opendata.models import Dataset, Resource
from hromada.opendata.tests.factories import dataset_make
from hromada.org.tests.factories import OrgUnitFactory

JSON = "application/json;charset=utf-8"


def make_catalogue() -> list[Dataset]:
    """Twelve published datasets of two publishers, and a draft."""
    finance = OrgUnitFactory.create(name="Фінансове управління")
    education = OrgUnitFactory.create(name="Відділ освіти")
    datasets = [
        dataset_make(
            f"nabir-{number:02d}",
            title=f"Набір {number:02d}",
            publisher=finance if number % 2 else education,
            keywords=("бюджет",) if number < 4 else ("освіта",),
            spatial=number == 0,
        )
        for number in range(12)
    ]
    dataset_make("chernetka", published=False, publisher=finance)
    return datasets


def get(client: Client, action: str, prefix: str = "/api/3/action/", **params):
    query = urlencode(params, doseq=True)
    return client.get(f"{prefix}{action}" + (f"?{query}" if query else ""))


def post(client: Client, action: str, prefix: str = "/api/3/action/", **params):
    return client.post(
        f"{prefix}{action}", data=json.dumps(params), content_type="application/json"
    )


def result(response):
    assert response.status_code == 200, response.content
    return response.json()["result"]


def a_resource_id() -> str:
    return str(Resource.objects.filter(dataset__is_published=True).first().public_id)
