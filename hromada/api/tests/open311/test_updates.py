"""mySociety's servicerequestupdates, GET only (STANDARDS §1.10; items
30 and 32). POSTing updates (item 31) is in test_updates_post.py."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hromada.api.models import Open311Client
from hromada.api.open311 import services
from hromada.api.tests.open311 import shapes
from hromada.api.tests.open311.conftest import (
    BASE,
    add_event,
    errors_of,
    file_appeal,
    put_in_state,
)
from hromada.appeals.models import AppealEvent, AppealEventKind, AppealStatus

pytestmark = pytest.mark.django_db

URL = BASE + "servicerequestupdates"


def window(hours=2):
    now = timezone.now()
    return {
        "start_date": (now - timedelta(hours=hours)).isoformat(),
        "end_date": (now + timedelta(minutes=1)).isoformat(),
    }


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_item_30_updates_carry_their_ids_request_status_time_and_text(
    http, lamp, open311_key, fmt
):
    # given
    appeal = file_appeal(lamp)

    # when
    response = http.get(f"{URL}.{fmt}", {"api_key": open311_key, **window()})

    # then
    assert response.status_code == 200
    if fmt == "json":
        data = response.json()
        shapes.updates(data)
    else:
        text = response.content.decode()
        assert "<service_request_updates><request_update>" in text
        data = shapes.parsed_xml(text)
    events = list(AppealEvent.objects.filter(appeal=appeal).order_by("at", "pk"))
    assert [
        (u["update_id"], u["service_request_id"], u["status"], u["description"])
        for u in data
    ] == [
        (
            str(events[0].public_id),
            str(appeal.public_id),
            "OPEN",
            "Звернення зареєстровано",
        ),
        (
            str(events[1].public_id),
            str(appeal.public_id),
            "OPEN",
            "Звернення направлено виконавцю: КП «Міськсвітло»",
        ),
    ]
    assert data[0]["updated_datetime"] == timezone.localtime(events[0].at).isoformat(
        timespec="seconds"
    )


def test_item_32_extended_statuses_only_in_updates(http, lamp, open311_key):
    # given: a forwarded appeal and a fixed one
    forwarded = put_in_state(
        file_appeal(lamp), AppealStatus.FORWARDED, forward_to="АТ «Обленерго»"
    )
    add_event(forwarded, AppealEventKind.FORWARDED, note="Передано до АТ «Обленерго»")
    fixed = put_in_state(
        file_appeal(lamp),
        AppealStatus.CLOSED,
        outcome="satisfied",
        answer_text="Лампу замінено. Дзвоніть 0501234567",
    )
    add_event(fixed, AppealEventKind.ANSWERED)

    # when
    updates = http.get(URL + ".json", {"api_key": open311_key, **window()}).json()
    requests = http.get(BASE + "requests.json").json()

    # then
    steps = [
        (u["external_status_code"], u["status"], u["description"]) for u in updates
    ]
    assert [step for step in steps if step[0] in ("forwarded", "answered")] == [
        ("forwarded", "NOT_COUNCILS_RESPONSIBILITY", "Передано до АТ «Обленерго»"),
        ("answered", "FIXED", "Лампу замінено. Дзвоніть […]"),
    ]
    assert {status for _kind, status, _text in steps} == {
        "OPEN",
        "NOT_COUNCILS_RESPONSIBILITY",
        "FIXED",
    }
    assert {r["status"] for r in requests} == {"closed"}


@pytest.mark.parametrize(
    ("kind", "fields", "expected"),
    [
        (AppealEventKind.ASSIGNED, {}, ("IN_PROGRESS", "Призначено виконавця")),
        (AppealEventKind.EXTENDED, {}, ("IN_PROGRESS", "Строк розгляду продовжено")),
        (AppealEventKind.REOPENED, {}, ("REOPEN", "Відкрито повторно")),
        (
            AppealEventKind.CLOSED,
            {"outcome": "refused"},
            ("NO_FURTHER_ACTION", "Розгляд завершено"),
        ),
        (AppealEventKind.NOT_CONSIDERED, {}, ("CLOSED", "Не розглядається")),
    ],
)
def test_each_step_reads_as_its_extended_status(
    http, lamp, open311_key, kind, fields, expected
):
    appeal = put_in_state(file_appeal(lamp), AppealStatus.IN_PROGRESS, **fields)
    event = add_event(appeal, kind, at=timezone.now() + timedelta(seconds=1))

    updates = http.get(URL + ".json", {"api_key": open311_key, **window()}).json()

    last = updates[-1]
    assert (last["update_id"], last["external_status_code"]) == (
        str(event.public_id),
        kind,
    )
    assert (last["status"], last["description"]) == expected


def test_ratings_joinings_and_confidential_appeals_are_not_updates(
    http, lamp, open311_key
):
    # given
    public = file_appeal(lamp)
    add_event(public, AppealEventKind.RATED)
    add_event(public, AppealEventKind.JOINED)
    file_appeal(lamp, is_public=False)

    # when
    updates = http.get(URL + ".json", {"api_key": open311_key, **window()}).json()

    # then
    assert [(u["service_request_id"], u["external_status_code"]) for u in updates] == [
        (str(public.public_id), "registered"),
        (str(public.public_id), "routed"),
    ]


def test_the_window_selects_by_the_time_of_the_step(http, lamp, open311_key):
    appeal = file_appeal(lamp)
    AppealEvent.objects.filter(appeal=appeal).update(
        at=timezone.now() - timedelta(days=3)
    )
    late = add_event(appeal, AppealEventKind.ASSIGNED)

    updates = http.get(
        URL + ".json", {"api_key": open311_key, **window(hours=1)}
    ).json()

    assert [u["update_id"] for u in updates] == [str(late.public_id)]


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_the_feed_needs_a_valid_key(http, lamp, open311_key, admin, fmt):
    # given
    services.open311_client_revoke(client=Open311Client.objects.get(), actor=admin)

    # when
    missing = http.get(f"{URL}.{fmt}", window())
    revoked = http.get(f"{URL}.{fmt}", {"api_key": open311_key, **window()})

    # then
    assert (missing.status_code, revoked.status_code) == (403, 403)
    assert errors_of(missing) == [("403", "api_key is required.")]


def test_both_dates_or_neither(http, open311_key):
    response = http.get(
        URL + ".xml", {"api_key": open311_key, "start_date": "2025-01-01T00:00:00Z"}
    )

    assert errors_of(response) == [
        ("400", "Give both start_date and end_date, or neither.")
    ]


def test_the_updates_path_takes_get_and_post_only(http, open311_key):
    response = http.put(URL + ".xml", {"api_key": open311_key})

    assert response.status_code == 400
    assert errors_of(response) == [
        ("405", "PUT is not accepted here; use GET, HEAD, POST.")
    ]
    assert response["Allow"] == "GET, HEAD, POST"


def test_the_feed_costs_five_queries_however_long(
    http, lamp, open311_key, django_assert_max_num_queries
):
    for _number in range(5):
        file_appeal(lamp)
    query = {"api_key": open311_key, **window()}

    # key, its stamp, the steps, their appeals (the stamp is once a minute)
    with django_assert_max_num_queries(4):
        updates = http.get(URL + ".json", query).json()

    assert len(updates) == 10
