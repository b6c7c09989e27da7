"""GET requests and one request (STANDARDS §1.7; items 20–23, 25–27)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hromada.api.tests.open311 import shapes
from hromada.api.tests.open311.conftest import (
    BASE,
    add_event,
    errors_of,
    file_appeal,
    put_in_state,
)
from hromada.appeals.models import Appeal, AppealEventKind, AppealStatus
from hromada.appeals.tests.factories import AddressFactory, StreetFactory

pytestmark = pytest.mark.django_db


def ids_of(response):
    return [item["service_request_id"] for item in response.json()]


def registered_days_ago(appeal, days):
    moment = timezone.now() - timedelta(days=days)
    Appeal.objects.filter(pk=appeal.pk).update(registered_at=moment)
    return str(appeal.public_id)


def test_item_20_no_parameters_give_the_last_90_days_newest_first(http, lamp):
    # given
    old = registered_days_ago(file_appeal(lamp), 91)
    older = registered_days_ago(file_appeal(lamp), 60)
    newer = registered_days_ago(file_appeal(lamp), 2)

    # when
    response = http.get(BASE + "requests.json")

    # then
    assert ids_of(response) == [newer, older]
    assert old not in response.content.decode()


def test_item_20_no_parameters_give_at_most_1000(http, lamp, monkeypatch):
    # given: the cap, made small so that the test stays fast
    from hromada.api.open311 import params

    monkeypatch.setattr(params, "PAGE_SIZE_MAX", 3)
    appeals = [registered_days_ago(file_appeal(lamp), days) for days in range(5)]

    # when
    response = http.get(BASE + "requests.json")

    # then
    assert ids_of(response) == appeals[:3]


def test_item_20_the_cap_is_1000(http):
    from hromada.api.open311 import params

    assert params.PAGE_SIZE_MAX == 1000


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_item_21_ids_override_status_code_and_dates(http, lamp, pothole, fmt):
    # given
    first = file_appeal(lamp)
    second = put_in_state(file_appeal(pothole), AppealStatus.ANSWERED)
    registered_days_ago(second, 200)
    file_appeal(lamp)
    wanted = f"{second.public_id},{first.public_id}"

    # when
    response = http.get(
        f"{BASE}requests.{fmt}",
        {
            "service_request_id": wanted,
            "status": "open",
            "service_code": "NO-SUCH",
            "start_date": "not a date",
            "page_size": "x",
        },
    )

    # then
    assert response.status_code == 200
    if fmt == "json":
        found = ids_of(response)
    else:
        found = [
            r["service_request_id"]
            for r in shapes.parsed_xml(response.content.decode())
        ]
    assert found == [str(first.public_id), str(second.public_id)]


def test_item_22_service_code_and_status_are_comma_lists(http, lamp, pothole, group):
    # given
    from hromada.appeals.tests.factories import CategoryFactory

    other = CategoryFactory.create(code="OTHER", parent=group)
    lamp_open = str(file_appeal(lamp).public_id)
    hole_closed = str(put_in_state(file_appeal(pothole), AppealStatus.CLOSED).public_id)
    file_appeal(other)

    # when
    def ids(**query):
        return set(ids_of(http.get(BASE + "requests.json", query)))

    # then
    assert ids(service_code="STREETLIGHT-OUT,ROAD-POTHOLE") == {lamp_open, hole_closed}
    assert ids(service_code="STREETLIGHT-OUT,ROAD-POTHOLE", status="open") == {
        lamp_open
    }
    assert ids(service_code="STREETLIGHT-OUT,ROAD-POTHOLE", status="closed") == {
        hole_closed
    }
    assert ids(service_code="STREETLIGHT-OUT,ROAD-POTHOLE", status="open,closed") == {
        lamp_open,
        hole_closed,
    }


def test_an_unknown_status_is_400(http, lamp):
    response = http.get(BASE + "requests.json", {"status": "open,fixed"})

    assert errors_of(response) == [("400", "status takes open, closed or open,closed.")]


@pytest.mark.parametrize(
    "value", ["2025-05-06T09:30:00", "2025-05-06", "06.05.2025", "yesterday"]
)
def test_item_23_a_start_date_without_a_zone_is_400(http, value):
    response = http.get(BASE + "requests.json", {"start_date": value})

    assert response.status_code == 400
    assert errors_of(response) == [
        (
            "400",
            "start_date must be a W3C datetime with a time zone, "
            "such as 2025-05-06T09:30:00+03:00.",
        )
    ]


def test_item_23_a_window_over_90_days_is_400(http):
    response = http.get(
        BASE + "requests.json",
        {"start_date": "2025-01-01T00:00:00Z", "end_date": "2025-04-01T00:00:01Z"},
    )

    assert errors_of(response) == [
        ("400", "The span from start_date to end_date may be 90 days at most.")
    ]


def test_item_23_dates_with_zones_select_by_registration(http, lamp):
    # given
    inside = registered_days_ago(file_appeal(lamp), 10)
    registered_days_ago(file_appeal(lamp), 30)
    start = (timezone.now() - timedelta(days=20)).isoformat()
    end = timezone.now().isoformat()

    # when
    response = http.get(BASE + "requests.json", {"start_date": start, "end_date": end})

    # then
    assert ids_of(response) == [inside]


def test_a_plus_sent_unencoded_is_read_as_a_plus(http, lamp):
    # given: "+02:00" arrives as " 02:00" when the client did not encode it
    inside = registered_days_ago(file_appeal(lamp), 1)
    start = timezone.localtime(timezone.now() - timedelta(days=2))

    # when
    query = "start_date=" + start.isoformat(timespec="seconds").replace("+", "%20")
    response = http.get(BASE + "requests.json?" + query)

    # then
    assert response.status_code == 200
    assert ids_of(response) == [inside]


def test_a_start_date_alone_spans_90_days_from_it(http, lamp):
    inside = registered_days_ago(file_appeal(lamp), 150)
    registered_days_ago(file_appeal(lamp), 1)
    start = (timezone.now() - timedelta(days=160)).isoformat()

    response = http.get(BASE + "requests.json", {"start_date": start})

    assert ids_of(response) == [inside]


def test_an_end_before_the_start_is_400(http):
    response = http.get(
        BASE + "requests.json",
        {"start_date": "2025-02-01T00:00:00Z", "end_date": "2025-01-01T00:00:00Z"},
    )

    assert errors_of(response) == [("400", "end_date must not be before start_date.")]


@pytest.mark.parametrize(
    ("status", "outcome", "expected"),
    [
        (AppealStatus.REGISTERED, "", "open"),
        (AppealStatus.IN_PROGRESS, "", "open"),
        (AppealStatus.ANSWERED, "satisfied", "closed"),
        (AppealStatus.CLOSED, "refused", "closed"),
        (AppealStatus.FORWARDED, "forwarded", "closed"),
        (AppealStatus.NOT_CONSIDERED, "not_considered", "closed"),
    ],
)
def test_item_25_status_is_only_open_or_closed(http, lamp, status, outcome, expected):
    # given
    appeal = put_in_state(file_appeal(lamp), status, outcome=outcome, reopened_count=1)

    # when
    data = http.get(f"{BASE}requests/{appeal.public_id}.json").json()
    xml = http.get(f"{BASE}requests/{appeal.public_id}.xml").content.decode()

    # then
    assert data[0]["status"] == expected
    assert f"<status>{expected}</status>" in xml


@pytest.mark.parametrize(
    ("status", "fields", "notes"),
    [
        (AppealStatus.REGISTERED, {}, "Зареєстровано, № {number}"),
        (AppealStatus.IN_PROGRESS, {}, "Виконується, № {number}"),
        (
            AppealStatus.IN_PROGRESS,
            {"reopened_count": 1},
            "Відкрито повторно, № {number}",
        ),
        (AppealStatus.ANSWERED, {"outcome": "satisfied"}, "Виконано, № {number}"),
        (
            AppealStatus.CLOSED,
            {"outcome": "explained"},
            "Надано роз'яснення, № {number}",
        ),
        (
            AppealStatus.FORWARDED,
            {"forward_to": "АТ «Обленерго»"},
            "Передано за належністю: АТ «Обленерго», № {number}",
        ),
        (AppealStatus.NOT_CONSIDERED, {}, "Не розглядається, № {number}"),
    ],
)
def test_status_notes_say_the_state_and_the_registry_number(
    http, lamp, status, fields, notes
):
    appeal = put_in_state(file_appeal(lamp), status, **fields)

    data = http.get(f"{BASE}requests/{appeal.public_id}.json").json()

    assert data[0]["status_notes"] == notes.format(number=appeal.number)


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_item_26_an_unknown_id_and_a_confidential_appeal_are_404(http, lamp, fmt):
    # given
    hidden = file_appeal(lamp, is_public=False)

    # when
    unknown = http.get(f"{BASE}requests/a7Kq2m.{fmt}")
    missing = http.get(f"{BASE}requests/00000000-0000-4000-8000-000000000000.{fmt}")
    private = http.get(f"{BASE}requests/{hidden.public_id}.{fmt}")

    # then
    assert (unknown.status_code, missing.status_code, private.status_code) == (
        404,
        404,
        404,
    )
    assert errors_of(private) == [("404", f"There is no request {hidden.public_id}.")]
    listed = http.get(BASE + "requests.json").content.decode()
    by_id = http.get(
        BASE + "requests.json", {"service_request_id": str(hidden.public_id)}
    )
    assert str(hidden.public_id) not in listed
    assert by_id.json() == []


def test_one_request_is_a_list_of_one(http, lamp):
    appeal = file_appeal(lamp)

    data = http.get(f"{BASE}requests/{appeal.public_id}.json").json()

    assert [item["service_request_id"] for item in data] == [str(appeal.public_id)]


@pytest.mark.parametrize(
    "name", ["status", "service_code", "start_date", "end_date", "page", "page_size"]
)
def test_item_27_an_empty_parameter_is_the_same_as_none(http, lamp, pothole, name):
    file_appeal(lamp)
    put_in_state(file_appeal(pothole), AppealStatus.CLOSED)

    with_empty = http.get(BASE + "requests.json", {name: ""})
    without = http.get(BASE + "requests.json")

    assert with_empty.status_code == 200
    assert with_empty.json() == without.json()
    assert len(without.json()) == 2


def test_a_request_reads_as_the_public_may_see_it(http, lamp, settings):
    # given: an appeal at a registry address, rounded point, due date
    street = StreetFactory.create(name="Садова")
    address = AddressFactory.create(
        street=street, number="14", lon=30.37149, lat=50.38649
    )
    appeal = file_appeal(
        lamp,
        address=address,
        lon=30.37149,
        lat=50.38649,
        description="Дзвоніть 050 123 45 67, пишіть olena@test.example",
        answers={"HOW_MANY": "one"},
    )

    # when
    data = http.get(f"{BASE}requests/{appeal.public_id}.json").json()

    # then
    due = timezone.localtime(
        timezone.make_aware(
            timezone.datetime.combine(appeal.due_on, timezone.datetime.min.time())
        )
    ).replace(hour=18)
    assert data == [
        {
            "service_request_id": str(appeal.public_id),
            "status": "open",
            "status_notes": f"Зареєстровано, № {appeal.number}",
            "service_name": "Не світить ліхтар",
            "service_code": "STREETLIGHT-OUT",
            "description": "Дзвоніть […], пишіть […]",
            "agency_responsible": "КП «Міськсвітло»",
            "service_notice": None,
            "requested_datetime": timezone.localtime(appeal.registered_at).isoformat(
                timespec="seconds"
            ),
            "updated_datetime": timezone.localtime(appeal.updated_at).isoformat(
                timespec="seconds"
            ),
            "expected_datetime": due.isoformat(timespec="seconds"),
            "address": "вул. Садова",
            "address_id": None,
            "zipcode": None,
            "lat": 50.386,
            "long": 30.371,
            "media_url": None,
        }
    ]


def test_a_closed_request_is_updated_when_it_closed(http, lamp):
    closed_at = timezone.now() - timedelta(hours=3)
    appeal = put_in_state(file_appeal(lamp), AppealStatus.CLOSED, closed_at=closed_at)

    data = http.get(f"{BASE}requests/{appeal.public_id}.json").json()

    assert data[0]["updated_datetime"] == timezone.localtime(closed_at).isoformat(
        timespec="seconds"
    )


def test_the_free_text_of_the_place_is_never_published(http, lamp):
    appeal = file_appeal(lamp, address_text="вул. Садова, 3, кв. 5", lon=None, lat=None)

    data = http.get(f"{BASE}requests/{appeal.public_id}.json").json()

    assert (data[0]["address"], data[0]["lat"], data[0]["long"]) == (None, None, None)
    assert "кв. 5" not in http.get(BASE + "requests.xml").content.decode()


def test_extensions_add_the_answers_and_the_timeline(http, lamp):
    # given
    appeal = file_appeal(
        lamp, answers={"HOW_MANY": "several", "POLE_NO": "12-345, тел. 0501234567"}
    )
    put_in_state(
        appeal, AppealStatus.ANSWERED, outcome="satisfied", answer_text="Замінено лампи"
    )
    answered = add_event(appeal, AppealEventKind.ANSWERED)
    add_event(appeal, AppealEventKind.RATED)

    # when
    data = http.get(f"{BASE}requests/{appeal.public_id}.json?extensions=true").json()

    # then
    shapes.requests(data, extensions=True)
    assert data[0]["attributes"] == [
        {
            "code": "POLE_NO",
            "name": "Номер опори",
            "label": "Номер опори",
            "value": "12-345, тел. […]",
        },
        {
            "code": "HOW_MANY",
            "name": "Скільки ліхтарів не світить?",
            "label": "Скільки ліхтарів не світить?",
            "value": "several",
        },
    ]
    # the rating is the citizen's doing, not news of the case
    assert [(n["type"], n["description"]) for n in data[0]["notes"]] == [
        ("registered", "Звернення зареєстровано"),
        ("routed", "Звернення направлено виконавцю: КП «Міськсвітло»"),
        ("answered", "Замінено лампи"),
    ]
    assert data[0]["notes"][2]["datetime"] == timezone.localtime(answered.at).isoformat(
        timespec="seconds"
    )


def test_pages_of_requests(http, lamp):
    appeals = [registered_days_ago(file_appeal(lamp), days) for days in range(5)]

    second = http.get(BASE + "requests.json", {"page": "2", "page_size": "2"})
    last = http.get(BASE + "requests.json", {"page": "3", "page_size": "2"})
    beyond = http.get(BASE + "requests.json", {"page": "9", "page_size": "2"})

    assert (ids_of(second), ids_of(last), ids_of(beyond)) == (
        appeals[2:4],
        appeals[4:],
        [],
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"page": "0"}, "page must be a whole number from 1."),
        ({"page_size": "-1"}, "page_size must be a whole number from 1."),
        ({"page_size": "1001"}, "page_size may be 1000 at most."),
        ({"extensions": "yes"}, "extensions must be true or false."),
    ],
)
def test_bad_paging_and_extension_values_are_400(http, query, message):
    response = http.get(BASE + "requests.json", query)

    assert errors_of(response) == [("400", message)]


def test_the_list_costs_one_query_however_long(
    http, lamp, pothole, django_assert_max_num_queries
):
    for category in (lamp, pothole, lamp, pothole, lamp):
        file_appeal(category, address=AddressFactory.create())

    with django_assert_max_num_queries(1):
        data = http.get(BASE + "requests.json").json()

    assert len(data) == 5


def test_the_list_with_extensions_costs_four_queries_however_long(
    http, lamp, pothole, django_assert_max_num_queries
):
    for category in (lamp, pothole, lamp, pothole, lamp):
        file_appeal(category, answers={"HOW_MANY": "one"} if category == lamp else {})

    with django_assert_max_num_queries(4):
        data = http.get(BASE + "requests.json?extensions=true").json()

    # the street-light appeals were routed, the potholes were not
    assert len(data) == 5
    assert [len(item["notes"]) for item in data] == [2, 1, 2, 1, 2]


def test_one_request_costs_one_query(http, lamp, django_assert_max_num_queries):
    appeal = file_appeal(lamp)

    with django_assert_max_num_queries(1):
        response = http.get(f"{BASE}requests/{appeal.public_id}.xml")

    assert response.status_code == 200
