"""Producers and datasets for the catalogue's tests, made through the
services, as the rooms and the keepers make them."""

from datetime import date

from hromada.core import datasets as core_datasets
from hromada.core.datasets import (
    ColumnType,
    DatasetColumn,
    DatasetProducer,
    UpdateFrequency,
)
from hromada.opendata import services
from hromada.opendata.models import Dataset, DataTheme, Licence
from hromada.org.models import OrgUnit
from hromada.org.tests.factories import OrgUnitFactory

COLUMNS = (
    DatasetColumn(name="code", title="Код"),
    DatasetColumn(name="title", title="Назва", description="Повна назва"),
    DatasetColumn(name="amount", title="Сума", type=ColumnType.NUMBER),
    DatasetColumn(name="on", title="Дата", type=ColumnType.DATE),
)
ROWS = [
    {"code": "A1", "title": "Школа, №1", "amount": 10, "on": date(2025, 1, 31)},
    {"code": "B2", "title": 'Сад "Сонечко"', "amount": 2.5, "on": None},
]


def producer_make(
    name: str,
    *,
    rows: list[dict] | None = None,
    title: str = "Тестовий набір",
    keywords: tuple[str, ...] = ("бюджет",),
    spatial: bool = False,
    frequency: UpdateFrequency = UpdateFrequency.MONTHLY,
    extra: dict | None = None,
) -> DatasetProducer:
    """Register a producer whose rows a test may change later (the list)."""
    data = ROWS if rows is None else rows
    producer = DatasetProducer(
        name=name,
        owner="tests",
        title=title,
        description=f"Опис набору {name}",
        purpose="Для перевірки",
        legal_basis="Постанова КМУ №835",
        columns=COLUMNS,
        rows=lambda: list(data),
        frequency=frequency,
        keywords=keywords,
        is_spatial=spatial,
        extra=extra or {},
    )
    core_datasets.dataset_producer_register(producer)
    return producer


def passport_of(
    dataset: Dataset, *, publisher: OrgUnit, **changes: object
) -> services.PassportInput:
    values = {
        "title": dataset.title,
        "description": dataset.description,
        "legal_basis": dataset.legal_basis,
        "purpose": dataset.purpose,
        "frequency": UpdateFrequency(dataset.frequency),
        "keywords": tuple(dataset.keywords.values_list("name", flat=True)),
        "theme": DataTheme(dataset.theme),
        "responsible_person": "Коваль Оксана Петрівна",
        "responsible_email": "opendata@rada.example",
        "publisher": publisher,
        "licence": Licence.CC_BY,
        **changes,
    }
    return services.PassportInput(**values)


def dataset_make(
    name: str,
    *,
    publisher: OrgUnit | None = None,
    published: bool = True,
    **producer_options: object,
) -> Dataset:
    """A dataset with its files and a complete passport, published."""
    producer_make(name, **producer_options)
    services.dataset_sync()
    dataset = Dataset.objects.get(name=name)
    services.dataset_refresh(dataset=dataset)
    dataset = services.dataset_passport_update(
        dataset=dataset,
        actor=None,
        passport=passport_of(dataset, publisher=publisher or OrgUnitFactory.create()),
    )
    if published:
        dataset = services.dataset_publish(dataset=dataset, actor=None)
    return dataset
