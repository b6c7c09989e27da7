"""No public GET carries the requester's personal data (STANDARDS §1.12;
checklist item 28): distinctive values are planted, every read is taken
in both formats, and none of the values is found."""

import pytest
from django.utils import timezone

from hromada.api.tests.open311.conftest import BASE, add_event, put_in_state
from hromada.api.tests.open311.post_support import token_of
from hromada.appeals.models import AppealEventKind, AppealStatus
from hromada.appeals.tests.factories import CITY_LAT, CITY_LON, accepted_register

pytestmark = pytest.mark.django_db

PLANTED = {
    "first_name": "Зоряслава",
    "last_name": "Вишиваненко-Квітчаста",
    "email": "zoryaslava.planted@test.example",
    "phone": "+380 67 765 43 21",
    "device_id": "device-PLANTED-7f3a",
    "account_id": "account-PLANTED-91c2",
}


def variants(value):
    """The value as it might surface: as given, lower-cased, digits only."""
    found = {value, value.lower()}
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) >= 7:
        found |= {digits, digits[-9:], "0" + digits[-9:]}
    return found


def test_item_28_no_public_get_shows_the_requesters_data(http, lamp, open311_key):
    # given: a request carrying the values, in its fields and in its texts
    form = {
        "api_key": open311_key,
        "service_code": "STREETLIGHT-OUT",
        "lat": str(CITY_LAT + 0.00037),
        "long": str(CITY_LON + 0.00041),
        "address_string": "вул. Садова, 3, кв. 5",
        "attribute[HOW_MANY]": "one",
        "attribute[POLE_NO]": f"пишіть на {PLANTED['email']}",
        "description": (
            f"Не світить ліхтар. Телефонуйте {PLANTED['phone']} "
            f"або 067-765-43-21, пишіть {PLANTED['email']}; РНОКПП 3012345678"
        ),
        **PLANTED,
        "deviceid": PLANTED["device_id"],
    }
    token = token_of(http.post(BASE + "requests.xml", form))
    waiting = [http.get(f"{BASE}tokens/{token}.{fmt}") for fmt in ("xml", "json")]
    [appeal] = accepted_register()
    put_in_state(
        appeal,
        AppealStatus.ANSWERED,
        outcome="satisfied",
        # The answer is published as the public page shows it: redacted of
        # contacts. Names in it are the appeals room's policy of answers.
        answer_text="Ліхтар полагоджено. "
        f"Відповідь надіслано на {PLANTED['email']}, {PLANTED['phone']}.",
    )
    add_event(appeal, AppealEventKind.ANSWERED, note="")
    add_event(appeal, AppealEventKind.EXTENDED, note=f"Дзвонили на {PLANTED['phone']}")
    now = timezone.now()
    window = (
        f"start_date={(now - timezone.timedelta(hours=1)).isoformat().replace('+', '%2B')}"
        f"&end_date={(now + timezone.timedelta(hours=1)).isoformat().replace('+', '%2B')}"
    )
    paths = [
        "discovery",
        "services",
        "services/STREETLIGHT-OUT",
        "requests",
        "requests?extensions=true",
        f"requests?service_request_id={appeal.public_id}&extensions=true",
        f"requests/{appeal.public_id}",
        f"requests/{appeal.public_id}?extensions=true",
        f"tokens/{token}",
        f"servicerequestupdates?api_key={open311_key}",
        f"servicerequestupdates?api_key={open311_key}&{window}",
    ]

    # when
    texts = [response.content.decode() for response in waiting]
    for path in paths:
        name, _sep, query = path.partition("?")
        for fmt in ("xml", "json"):
            response = http.get(f"{BASE}{name}.{fmt}" + (f"?{query}" if query else ""))
            assert response.status_code == 200, path
            texts.append(response.content.decode())

    # then: the request is there, its author is not
    everything = "\n".join(texts)
    assert everything.count(str(appeal.public_id)) > 10
    assert "Ліхтар полагоджено. Відповідь надіслано на […], […]." in everything
    for value in PLANTED.values():
        for variant in variants(value):
            assert variant not in everything, variant
    assert "3012345678" not in everything
    assert "кв. 5" not in everything
    assert f"{CITY_LAT + 0.00037}" not in everything
    for forbidden in (
        "email",
        "phone",
        "first_name",
        "last_name",
        "account_id",
        "device_id",
    ):
        assert f"<{forbidden}>" not in everything
        assert f'"{forbidden}"' not in everything


def test_no_public_get_reads_the_applicants_table(http, lamp, open311_key):
    # given
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hromada.api.tests.open311.conftest import file_appeal

    appeal = file_appeal(lamp)
    paths = [
        "requests.json?extensions=true",
        f"requests/{appeal.public_id}.xml?extensions=true",
        f"servicerequestupdates.json?api_key={open311_key}",
    ]

    # when
    with CaptureQueriesContext(connection) as captured:
        statuses = [http.get(BASE + path).status_code for path in paths]

    # then
    assert statuses == [200, 200, 200]
    tables = " ".join(query["sql"] for query in captured.captured_queries)
    assert "appeals_appeal" in tables
    assert "appeals_applicant" not in tables


def test_a_token_never_reads_the_input_kept_for_registration(http, lamp, form):
    # given: until registered, the accepted appeal keeps the requester's data
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    token = token_of(http.post(BASE + "requests.json", form))

    # when
    with CaptureQueriesContext(connection) as captured:
        response = http.get(f"{BASE}tokens/{token}.json")

    # then
    assert response.json() == [{"token": token}]
    [query] = captured.captured_queries
    assert "payload" not in query["sql"]
    assert "appeals_applicant" not in query["sql"]
