"""The centre's open dataset: public cards only, with their addresses."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hromada.cnap.models import ServiceStatus
from hromada.cnap.services import cards
from hromada.cnap.tests import factories
from hromada.core import datasets

pytestmark = pytest.mark.django_db


def _rows() -> list[dict]:
    producer = datasets.dataset_producer("administratyvni-posluhy")
    assert producer is not None
    return [dict(row) for row in producer.rows()]


def test_the_dataset_lists_public_cards_with_their_addresses(settings):
    settings.HROMADA_SITE_URL = "https://rada.example/"
    paid = factories.published(name="Архівна довідка", **factories.paid_changes())
    suspended = factories.published(name="Дублікат атестата")
    cards.service_status_set(
        actor=None, service=suspended, status=ServiceStatus.SUSPENDED
    )
    factories.draft(name="Чернетка")

    rows = _rows()

    producer = datasets.dataset_producer("administratyvni-posluhy")
    assert [row["name"] for row in rows] == ["Архівна довідка", "Дублікат атестата"]
    assert set(rows[0]) == {column.name for column in producer.columns}
    assert rows[0]["url"] == f"https://rada.example/services/{paid.slug}/"
    assert (rows[0]["is_paid"], rows[0]["fee_uah"]) == (True, Decimal("85.00"))
    assert rows[1]["status"] == "suspended"
    assert rows[0]["centres"] == "Центр надання адміністративних послуг"


def test_the_rows_take_the_same_queries_for_two_cards_and_for_six():
    for _ in range(2):
        factories.published()
    with CaptureQueriesContext(connection) as few:
        _rows()
    for _ in range(4):
        factories.published()
    with CaptureQueriesContext(connection) as many:
        assert len(_rows()) == 6
    assert len(many) == len(few)
