from datetime import timedelta

import pytest
from django.utils import timezone

from hromada.core.datasets import UpdateFrequency
from hromada.opendata import selectors
from hromada.opendata.models import Dataset
from hromada.opendata.tests.factories import dataset_make, producer_make
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


def test_the_public_sees_published_datasets_only():
    # given
    dataset_make("vidkrytyi")
    dataset_make("chernetka", published=False)

    # when
    names = [d.name for d in selectors.dataset_list_public()]

    # then
    assert names == ["vidkrytyi"]
    assert selectors.dataset_get_public(key="chernetka") is None


def test_search_folds_cyrillic_case_over_title_keywords_and_publisher():
    # given
    unit = OrgUnitFactory.create(name="Відділ освіти")
    dataset_make("shkoly", title="Перелік шкіл", publisher=unit, keywords=("Освіта",))
    dataset_make("dorohy", title="Ремонт доріг")

    # when
    found = [
        [
            d.name
            for d in selectors.dataset_search(search=selectors.DatasetSearch(text=text))
        ]
        for text in ("ШКІЛ", "освіта", "відділ освіти", "шкіл доріг")
    ]

    # then
    assert found == [["shkoly"], ["shkoly"], ["shkoly"], []]


def test_due_datasets_follow_their_frequency():
    # given
    now = timezone.now()
    for name, frequency, age in (
        ("never", UpdateFrequency.DAILY, None),
        ("daily-old", UpdateFrequency.DAILY, timedelta(days=1, hours=1)),
        ("daily-fresh", UpdateFrequency.DAILY, timedelta(hours=5)),
        ("monthly-fresh", UpdateFrequency.MONTHLY, timedelta(days=20)),
        ("yearly-old", UpdateFrequency.YEARLY, timedelta(days=366)),
    ):
        producer_make(name, frequency=frequency)
        Dataset.objects.create(
            name=name,
            owner="tests",
            title=name,
            description="-",
            legal_basis="-",
            purpose="-",
            frequency=frequency,
            relevant_at=None if age is None else now - age,
        )
    Dataset.objects.create(
        name="orphan",
        owner="gone",
        title="-",
        description="-",
        legal_basis="-",
        purpose="-",
        frequency=UpdateFrequency.DAILY,
    )

    # when
    due = [d.name for d in selectors.dataset_list_due(now=now)]

    # then
    assert sorted(due) == ["daily-old", "never", "yearly-old"]


def test_facets_count_datasets_not_files():
    # given
    dataset_make("a", keywords=("x", "y"))
    dataset_make("b", keywords=("x",), spatial=True)

    # when
    facets = selectors.dataset_facets(
        datasets=selectors.dataset_list_public(),
        fields=["tags", "res_format", "nothing"],
    )

    # then
    assert [(i.name, i.count) for i in facets["tags"]] == [("x", 2), ("y", 1)]
    assert [(i.name, i.count) for i in facets["res_format"]] == [
        ("CSV", 2),
        ("JSON", 2),
        ("XLSX", 2),
        ("GeoJSON", 1),
    ]
    assert facets["nothing"] == []
