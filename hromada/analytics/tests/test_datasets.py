"""The open dataset of appeal statistics: monthly public figures only."""

from datetime import date

import pytest

from hromada.analytics import datasets
from hromada.analytics.models import AppealStat, Span
from hromada.appeals.models import AppealChannel, AppealKind
from hromada.appeals.tests.factories import CategoryFactory
from hromada.core import datasets as core_datasets

pytestmark = pytest.mark.django_db


def stat(**values) -> AppealStat:
    defaults = {
        "span": Span.MONTH,
        "period_start": date(2025, 3, 1),
        "channel": AppealChannel.PORTAL,
        "kind": AppealKind.STATEMENT,
        "is_public": True,
        "registered": 4,
        "answered": 3,
        "answered_on_time": 2,
        "open": 1,
    }
    return AppealStat.objects.create(**{**defaults, **values})


def test_rows_add_up_public_month_rows_by_category_and_channel():
    # given
    lighting = CategoryFactory.create(code="lighting", name="Освітлення")
    stat(category=lighting)
    stat(category=lighting, registered=6, answered=6, answered_on_time=6, open=0)
    stat(category=lighting, is_public=False, registered=50)
    stat(category=lighting, span=Span.DAY, registered=70)

    # when
    rows = list(datasets.appeal_stat_rows())

    # then
    assert rows == [
        {
            "month": date(2025, 3, 1),
            "category_code": "lighting",
            "category": "Освітлення",
            "district": None,
            "unit": None,
            "channel": AppealChannel.PORTAL.label,
            "kind": AppealKind.STATEMENT.label,
            "registered": 10,
            "answered": 9,
            "answered_on_time": 8,
            "forwarded": 0,
            "not_considered": 0,
            "open": 1,
            "overdue_open": 0,
            "closed": 0,
        }
    ]


def test_the_room_offers_its_dataset_with_every_column_in_each_row():
    # when
    datasets.datasets_register()

    # then
    producer = core_datasets.dataset_producer("statystyka-zvernen")
    assert producer is not None
    assert producer.owner == "analytics"
    assert [c.name for c in producer.columns] == list(
        {
            "month": 0,
            "category_code": 0,
            "category": 0,
            "district": 0,
            "unit": 0,
            "channel": 0,
            "kind": 0,
            "registered": 0,
            "answered": 0,
            "answered_on_time": 0,
            "forwarded": 0,
            "not_considered": 0,
            "open": 0,
            "overdue_open": 0,
            "closed": 0,
        }
    )
