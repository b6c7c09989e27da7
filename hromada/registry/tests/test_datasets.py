"""The registry's open dataset: public cards only, with their addresses."""

from datetime import date

import pytest

from hromada.core import datasets
from hromada.registry.models import ActAccess
from hromada.registry.tests.factories import act_register

pytestmark = pytest.mark.django_db


def test_the_dataset_lists_public_acts_with_their_addresses_and_no_text(settings):
    settings.HROMADA_SITE_URL = "https://rada.example/"
    public = act_register(
        number="1", adopted_on=date(2025, 1, 9), text="Секретний текст"
    )
    act_register(number="2", access=ActAccess.INTERNAL)
    producer = datasets.dataset_producer("normatyvno-pravovi-akty")
    assert producer is not None
    rows = list(producer.rows())
    assert [row["number"] for row in rows] == ["1"]
    assert rows[0]["url"] == f"https://rada.example/acts/{public.slug}/"
    assert rows[0]["date"] == date(2025, 1, 9)
    assert set(rows[0]) == {column.name for column in producer.columns}
    assert "Секретний текст" not in str(rows)
