"""The portal's open dataset of events."""

from decimal import Decimal

import pytest

from hromada.core import datasets

pytestmark = pytest.mark.django_db


def test_the_events_dataset_lists_published_events_with_their_points(
    settings, make_event
):
    settings.HROMADA_SITE_URL = "https://rada.example/"
    session = make_event(
        "Сесія міської ради", latitude=Decimal("50.386"), longitude=Decimal("30.37")
    )
    make_event("Ярмарок")
    producer = datasets.dataset_producer("podii-hromady")
    assert producer is not None
    assert producer.is_spatial
    rows = {row["title"]: row for row in producer.rows()}
    assert set(rows) == {"Сесія міської ради", "Ярмарок"}
    assert rows["Сесія міської ради"]["geometry"] == {
        "type": "Point",
        "coordinates": [30.37, 50.386],
    }
    assert rows["Ярмарок"]["geometry"] is None
    assert rows["Сесія міської ради"]["url"] == f"https://rada.example{session.url}"
    assert set(rows["Ярмарок"]) - {"geometry"} == {
        column.name for column in producer.columns
    }
