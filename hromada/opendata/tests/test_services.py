import csv
import io
import json
from datetime import timedelta

import openpyxl
import pytest
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core import storage
from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from hromada.core.models import AuditEvent
from hromada.opendata import services
from hromada.opendata.models import Dataset, Resource
from hromada.opendata.tests.factories import (
    ROWS,
    dataset_make,
    passport_of,
    producer_make,
)
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


def read(resource: Resource) -> bytes:
    with storage.file_open(resource.stored_file) as handle:
        return handle.read()


def files(dataset: Dataset) -> dict[tuple[str, str], Resource]:
    return {
        (r.kind, r.format): r
        for r in Resource.objects.filter(dataset=dataset).select_related("stored_file")
    }


def test_sync_gives_each_new_producer_an_unpublished_passport_once():
    # given
    producer_make("byudzhet", keywords=("бюджет", "фінанси"), extra={"theme": "econ"})

    # when
    created = services.dataset_sync()
    again = services.dataset_sync()

    # then
    dataset = Dataset.objects.get()
    assert [d.name for d in created] == ["byudzhet"]
    assert again == []
    assert (dataset.title, dataset.title_en, dataset.is_published) == (
        "Тестовий набір",
        "Тестовий набір",
        False,
    )
    assert (dataset.theme, dataset.owner, dataset.frequency) == (
        "econ",
        "tests",
        "monthly",
    )
    assert sorted(dataset.keywords.values_list("name", flat=True)) == [
        "бюджет",
        "фінанси",
    ]
    event = AuditEvent.objects.get(action__startswith="opendata.")
    assert (event.action, event.actor, event.data) == (
        "opendata.create",
        None,
        {"name": "byudzhet", "owner": "tests"},
    )


def test_refresh_writes_csv_json_xlsx_and_the_structure():
    # given
    producer_make("byudzhet")
    services.dataset_sync()
    dataset = Dataset.objects.get()

    # when
    result = services.dataset_refresh(dataset=dataset)

    # then
    stored = files(dataset)
    assert sorted(stored) == [
        ("data", "csv"),
        ("data", "json"),
        ("data", "xlsx"),
        ("structure", "csv"),
    ]
    assert result.rows == 2
    expected_csv = (
        "code,title,amount,on\r\n"
        'A1,"Школа, №1",10,2025-01-31\r\n'
        'B2,"Сад ""Сонечко""",2.5,\r\n'
    ).encode()
    assert read(stored["data", "csv"]) == expected_csv
    assert json.loads(read(stored["data", "json"])) == [
        {"code": "A1", "title": "Школа, №1", "amount": 10, "on": "2025-01-31"},
        {"code": "B2", "title": 'Сад "Сонечко"', "amount": 2.5, "on": None},
    ]
    sheet = openpyxl.load_workbook(io.BytesIO(read(stored["data", "xlsx"]))).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["code", "title", "amount", "on"],
        ["A1", "Школа, №1", 10, "2025-01-31"],
        ["B2", 'Сад "Сонечко"', 2.5, None],
    ]
    structure = list(csv.reader(io.StringIO(read(stored["structure", "csv"]).decode())))
    assert structure == [
        ["Поле", "Назва", "Тип", "Значення"],
        ["code", "Код", "Текст", ""],
        ["title", "Назва", "Текст", "Повна назва"],
        ["amount", "Сума", "Число", ""],
        ["on", "Дата", "Дата", ""],
    ]
    csv_file = stored["data", "csv"].stored_file
    assert (csv_file.content_type, csv_file.size) == ("text/csv", len(expected_csv))
    assert storage.file_verify(csv_file) is True
    dataset.refresh_from_db()
    assert dataset.modified_at == dataset.relevant_at
    assert [c["name"] for c in dataset.structure] == ["code", "title", "amount", "on"]
    event = AuditEvent.objects.get(action="opendata.refresh")
    assert event.data == {
        "rows": 2,
        "changed": ["data:csv", "data:json", "data:xlsx", "structure:csv"],
    }


def test_files_never_start_with_a_byte_order_mark():
    # given
    producer_make("byudzhet")
    services.dataset_sync()
    dataset = Dataset.objects.get()

    # when
    services.dataset_refresh(dataset=dataset)

    # then
    assert [
        read(resource)[:3] == b"\xef\xbb\xbf" for resource in files(dataset).values()
    ] == [False] * 4


def test_a_spatial_dataset_gets_geojson_too():
    # given
    rows = [{**ROWS[0], "geometry": {"type": "Point", "coordinates": [30.37, 50.386]}}]
    producer_make("obiekty", rows=rows, spatial=True)
    services.dataset_sync()
    dataset = Dataset.objects.get()

    # when
    services.dataset_refresh(dataset=dataset)

    # then
    geojson = files(dataset)["data", "geojson"]
    assert geojson.stored_file.content_type == "application/geo+json"
    assert json.loads(read(geojson)) == {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [30.37, 50.386]},
                "properties": {
                    "code": "A1",
                    "title": "Школа, №1",
                    "amount": 10,
                    "on": "2025-01-31",
                },
            }
        ],
    }


def test_unchanged_rows_keep_the_files_and_the_date_of_change():
    # given
    producer_make("byudzhet")
    services.dataset_sync()
    dataset = Dataset.objects.get()
    earlier = timezone.now() - timedelta(days=2)
    services.dataset_refresh(dataset=dataset, now=earlier)
    before = {key: r.stored_file_id for key, r in files(dataset).items()}

    # when
    result = services.dataset_refresh(dataset=dataset)

    # then
    dataset.refresh_from_db()
    assert result.changed == ()
    assert {key: r.stored_file_id for key, r in files(dataset).items()} == before
    assert dataset.modified_at == earlier
    assert dataset.relevant_at > earlier
    assert {r.generated_at for r in files(dataset).values()} == {earlier}


def test_changed_rows_replace_the_data_files_and_move_the_date_of_change():
    # given
    rows = [dict(ROWS[0])]
    producer_make("byudzhet", rows=rows)
    services.dataset_sync()
    dataset = Dataset.objects.get()
    earlier = timezone.now() - timedelta(days=2)
    services.dataset_refresh(dataset=dataset, now=earlier)
    structure_file = files(dataset)["structure", "csv"].stored_file_id

    # when
    rows.append(dict(ROWS[1]))
    result = services.dataset_refresh(dataset=dataset)

    # then
    dataset.refresh_from_db()
    assert result.changed == ("data:csv", "data:json", "data:xlsx")
    assert dataset.modified_at > earlier
    assert files(dataset)["structure", "csv"].stored_file_id == structure_file
    assert files(dataset)["data", "csv"].row_count == 2


def test_refresh_of_a_dataset_nobody_produces_is_refused():
    # given
    producer_make("byudzhet")
    services.dataset_sync()
    dataset = Dataset.objects.get()
    from hromada.core import datasets as core_datasets

    core_datasets._producers.clear()

    # when / then
    with pytest.raises(NotFoundError):
        services.dataset_refresh(dataset=dataset)
    assert Resource.objects.exists() is False


def test_a_keeper_updates_the_passport_and_its_version():
    # given
    producer_make("byudzhet")
    services.dataset_sync()
    dataset = Dataset.objects.get()
    analyst = UserFactory.create(roles=[Role.ANALYST])
    unit = OrgUnitFactory.create(name="Фінансове управління")

    # when
    services.dataset_passport_update(
        dataset=dataset,
        actor=analyst,
        passport=passport_of(dataset, publisher=unit, keywords=("кошти", " бюджет ")),
    )

    # then
    dataset.refresh_from_db()
    assert (dataset.version, dataset.publisher, dataset.responsible_person) == (
        2,
        unit,
        "Коваль Оксана Петрівна",
    )
    assert dataset.modified_at is not None
    assert "фінансове управління" in dataset.search_text
    event = AuditEvent.objects.get(action="opendata.passport_update")
    assert (event.actor, event.data) == (
        analyst,
        {
            "changed": ["responsible_person", "responsible_email", "publisher"],
            "keywords": ["бюджет", "кошти"],
            "version": 2,
        },
    )


def test_a_citizen_may_not_touch_the_passport_and_nothing_changes():
    # given
    producer_make("byudzhet")
    services.dataset_sync()
    dataset = Dataset.objects.get()
    citizen = UserFactory.create(roles=[Role.CITIZEN])

    # when
    with pytest.raises(PermissionDeniedError):
        services.dataset_passport_update(
            dataset=dataset,
            actor=citizen,
            passport=passport_of(dataset, publisher=OrgUnitFactory.create()),
        )

    # then
    dataset.refresh_from_db()
    assert (dataset.version, dataset.publisher, dataset.responsible_person) == (
        1,
        None,
        "",
    )
    assert list(
        AuditEvent.objects.filter(action__startswith="opendata.").values_list(
            "action", flat=True
        )
    ) == ["opendata.create"]


def test_a_bad_email_or_an_empty_title_is_refused():
    # given
    producer_make("byudzhet")
    services.dataset_sync()
    dataset = Dataset.objects.get()
    passport = passport_of(
        dataset, publisher=None, title=" ", responsible_email="not-an-email"
    )

    # when
    with pytest.raises(ValidationError) as refusal:
        services.dataset_passport_update(dataset=dataset, actor=None, passport=passport)

    # then
    assert sorted(refusal.value.details) == ["responsible_email", "title"]


def test_publishing_needs_a_complete_passport_and_files():
    # given
    producer_make("byudzhet")
    services.dataset_sync()
    dataset = Dataset.objects.get()

    # when
    with pytest.raises(ApplicationError) as incomplete:
        services.dataset_publish(dataset=dataset, actor=None)
    services.dataset_passport_update(
        dataset=dataset,
        actor=None,
        passport=passport_of(dataset, publisher=OrgUnitFactory.create()),
    )
    with pytest.raises(ApplicationError) as without_files:
        services.dataset_publish(dataset=dataset, actor=None)

    # then
    assert (incomplete.value.code, without_files.value.code) == (
        "passport_incomplete",
        "files_missing",
    )
    assert Dataset.objects.get().is_published is False


def test_publish_then_withdraw_keeps_the_first_publication_date():
    # given
    dataset = dataset_make("byudzhet", published=False)
    keeper = UserFactory.create(roles=[Role.SYSTEM_ADMINISTRATOR])

    # when
    services.dataset_publish(dataset=dataset, actor=keeper)
    first = Dataset.objects.get().first_published_at
    services.dataset_unpublish(dataset=dataset, actor=keeper)
    services.dataset_publish(dataset=dataset, actor=keeper)

    # then
    dataset.refresh_from_db()
    assert (dataset.is_published, dataset.first_published_at) == (True, first)
    assert list(
        AuditEvent.objects.filter(actor=keeper).values_list("action", flat=True)
    ) == ["opendata.publish", "opendata.unpublish", "opendata.publish"]
    with pytest.raises(InvalidTransitionError):
        services.dataset_publish(dataset=dataset, actor=keeper)


def test_the_same_rows_give_the_same_xlsx_bytes_in_another_second(monkeypatch):
    # given: a workbook written now, and the clock of the writer moved on
    from datetime import datetime as real_datetime
    from datetime import timezone as real_timezone
    from types import SimpleNamespace

    import openpyxl.writer.excel

    from hromada.opendata import formats
    from hromada.opendata.tests.factories import COLUMNS, ROWS

    first = formats.xlsx_bytes(COLUMNS, formats.rows_plain(COLUMNS, ROWS))

    class Later(real_datetime):
        @classmethod
        def now(cls, tz=None):
            return real_datetime(2031, 5, 6, 7, 8, 9, tzinfo=tz)

    clock = SimpleNamespace(datetime=Later, timezone=real_timezone)
    monkeypatch.setattr(openpyxl.writer.excel, "datetime", clock)

    # when
    second = formats.xlsx_bytes(COLUMNS, formats.rows_plain(COLUMNS, ROWS))

    # then
    assert second == first
