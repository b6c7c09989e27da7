"""POST requests (STANDARDS §1.5; checklist items 12–19)."""

import pytest
from django.test.client import encode_multipart

from hromada.api.models import Open311Client
from hromada.api.open311 import services
from hromada.api.tests.open311 import shapes
from hromada.api.tests.open311.conftest import BASE, errors_of
from hromada.api.tests.open311.post_support import (
    items_of,
    post,
    post_urlencoded,
    request_id_of,
    token_of,
)
from hromada.appeals.models import (
    Appeal,
    AppealChannel,
    AppealIntake,
    AppealKind,
    IntakeState,
)
from hromada.appeals.tests.factories import (
    CITY_LAT,
    CITY_LON,
    AddressFactory,
    CategoryQuestionFactory,
    accepted_register,
)
from hromada.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_complete_request_is_accepted_then_registered(http, lamp, form):
    # when
    response = post(http, form)

    # then: accepted at once, with a token and no number yet
    assert response.status_code == 200
    data = response.json()
    shapes.post_answer(data)
    accepted = AppealIntake.objects.get()
    assert data == [
        {
            "token": str(accepted.public_id),
            "service_notice": (
                "Звернення прийнято й буде зареєстровано за кілька хвилин; "
                "тоді з'являться його номер і строк розгляду."
            ),
        }
    ]
    assert (accepted.channel, accepted.state, accepted.appeal) == (
        AppealChannel.OPEN311,
        IntakeState.RECEIVED,
        None,
    )
    assert Appeal.objects.exists() is False

    # when: the background task registers it
    [appeal] = accepted_register()

    # then
    appeal = Appeal.objects.select_related("applicant").get(pk=appeal.pk)
    assert (
        appeal.channel,
        appeal.kind,
        appeal.category,
        appeal.title,
        appeal.description,
        appeal.answers,
        appeal.is_public,
        (appeal.lon, appeal.lat),
    ) == (
        AppealChannel.OPEN311,
        AppealKind.STATEMENT,
        lamp,
        "Не світить уся вулиця",
        "Не світить уся вулиця\nвід будинку 3 до будинку 9",
        {"HOW_MANY": "several", "POLE_NO": "12-345"},
        True,
        (CITY_LON, CITY_LAT),
    )
    applicant = appeal.applicant
    assert (applicant.given_name, applicant.family_name, applicant.email) == (
        "Олена",
        "Коваленко",
        "olena@test.example",
    )
    accepted.refresh_from_db()
    assert (accepted.state, accepted.appeal) == (IntakeState.REGISTERED, appeal)


def test_the_client_that_filed_is_audited_and_its_key_stamped(http, lamp, form):
    # when
    post(http, form)

    # then
    accepted = AppealIntake.objects.get()
    client = Open311Client.objects.get()
    assert client.last_used_at is not None
    event = AuditEvent.objects.get(action="api.open311_request_submit")
    assert (
        event.actor,
        event.target_type.model_class(),
        event.target_id,
        event.data,
    ) == (None, AppealIntake, str(accepted.pk), {"client": client.pk})


@pytest.mark.parametrize("fmt", ["xml", "json"])
@pytest.mark.parametrize("key", [None, "", "o311_wrong"])
def test_item_12_no_key_or_a_wrong_one_is_403(http, lamp, form, fmt, key):
    # given
    if key is None:
        del form["api_key"]
    else:
        form["api_key"] = key

    # when
    response = post(http, form, fmt)

    # then
    assert response.status_code == 403
    expected = (
        "api_key is required."
        if not key
        else ("A valid api_key is required; the council issues keys.")
    )
    assert errors_of(response) == [("403", expected)]
    assert AppealIntake.objects.exists() is False


def test_item_12_a_revoked_key_is_403(http, lamp, form, admin):
    # given
    services.open311_client_revoke(client=Open311Client.objects.get(), actor=admin)

    # when
    response = post(http, form)

    # then
    assert response.status_code == 403
    assert AppealIntake.objects.exists() is False


def test_item_12_the_key_is_a_form_field_not_a_header(http, lamp, form):
    key = form.pop("api_key")

    response = post(http, form, HTTP_API_KEY=key, HTTP_AUTHORIZATION=f"Bearer {key}")

    assert response.status_code == 403


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_item_13_no_service_code_is_400_and_an_unknown_one_404(http, lamp, form, fmt):
    # when
    del form["service_code"]
    missing = post(http, form, fmt)
    form["service_code"] = "NO-SUCH"
    unknown = post(http, form, fmt)
    form["service_code"] = "LIGHTING"  # a group, not a service
    group = post(http, form, fmt)

    # then
    assert (missing.status_code, unknown.status_code, group.status_code) == (
        400,
        404,
        404,
    )
    assert errors_of(missing) == [("400", "service_code is required.")]
    assert errors_of(unknown) == [("404", "There is no service NO-SUCH.")]
    assert AppealIntake.objects.exists() is False


def test_item_14_lat_without_long_is_400(http, lamp, form):
    del form["long"]

    response = post(http, form)

    assert response.status_code == 400
    assert errors_of(response) == [("400", "Give both lat and long, or neither.")]
    assert AppealIntake.objects.exists() is False


def test_item_14_no_place_at_all_is_400(http, lamp, form):
    del form["lat"], form["long"]

    response = post(http, form)

    assert response.status_code == 400
    assert errors_of(response) == [
        ("400", "Give the place: lat and long, address_string or address_id.")
    ]


def test_item_14_only_an_address_string_is_enough(http, lamp, form):
    # given
    del form["lat"], form["long"]
    form["address_string"] = "вул. Садова, біля школи"

    # when
    response = post(http, form)

    # then
    assert response.status_code == 200
    [appeal] = accepted_register()
    assert (appeal.address_text, appeal.lon, appeal.lat) == (
        "вул. Садова, біля школи",
        None,
        None,
    )


def test_a_registry_address_id_gives_the_place(http, lamp, form):
    # given
    address = AddressFactory.create()
    del form["lat"], form["long"]
    form["address_id"] = str(address.public_id)

    # when
    response = post(http, form)

    # then
    assert response.status_code == 200
    [appeal] = accepted_register()
    assert (appeal.address, appeal.lon, appeal.lat) == (address, CITY_LON, CITY_LAT)


def test_an_unknown_address_id_is_400(http, lamp, form):
    form["address_id"] = "ADR-448812"

    response = post(http, form)

    assert errors_of(response) == [
        ("400", "address_id names no address of the registry.")
    ]


@pytest.mark.parametrize("lat", ["north", "91", "nan", "inf"])
def test_coordinates_that_are_not_degrees_are_400(http, lamp, form, lat):
    form["lat"] = lat

    response = post(http, form)

    assert errors_of(response) == [("400", "lat must be WGS 84 decimal degrees.")]


def test_a_point_outside_the_city_is_refused_by_the_filing_service(http, lamp, form):
    form["lat"], form["long"] = "48.85", "2.35"

    response = post(http, form)

    assert response.status_code == 400
    assert errors_of(response) == [
        ("400", "location: The point is outside the city. Put the pin on the city map.")
    ]


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_item_15_a_missing_required_attribute_is_400_naming_its_code(
    http, lamp, form, fmt
):
    del form["attribute[HOW_MANY]"]

    response = post(http, form, fmt)

    assert response.status_code == 400
    assert errors_of(response) == [
        ("400", "attribute[HOW_MANY]: Answer this question.")
    ]
    assert AppealIntake.objects.exists() is False


def test_a_value_outside_the_list_and_an_unknown_attribute_are_400(http, lamp, form):
    form["attribute[HOW_MANY]"] = "all"
    form["attribute[COLOUR]"] = "red"

    unknown = post(http, form)
    del form["attribute[COLOUR]"]
    outside = post(http, form)

    assert errors_of(unknown) == [
        ("400", "attribute[COLOUR]: the service has no such attribute.")
    ]
    assert errors_of(outside) == [("400", "attribute[HOW_MANY]: Choose from the list.")]


def test_two_values_for_a_one_value_attribute_are_400(http, lamp, form):
    form["attribute[HOW_MANY]"] = ["one", "several"]

    response = post(http, form)

    assert errors_of(response) == [("400", "attribute[HOW_MANY] takes one value.")]


@pytest.fixture
def kinds(lamp):
    return CategoryQuestionFactory.create(
        category=lamp,
        code="KINDS",
        kind="multivaluelist",
        position=3,
        choices=[
            {"key": "lamp", "name": "Лампа"},
            {"key": "wire", "name": "Дріт"},
            {"key": "pole", "name": "Опора"},
        ],
    )


def _urlencoded(form, *pairs):
    from urllib.parse import urlencode

    return urlencode([*form.items(), *pairs])


def test_item_16_a_multivaluelist_keeps_both_values_urlencoded(http, kinds, form):
    body = _urlencoded(
        form, ("attribute[KINDS][]", "lamp"), ("attribute[KINDS][]", "wire")
    )

    response = post_urlencoded(http, body)

    assert response.status_code == 200
    [appeal] = accepted_register()
    assert appeal.answers["KINDS"] == ["lamp", "wire"]


def test_item_16_the_same_post_as_multipart_gives_the_same_result(http, kinds, form):
    # given
    data = {**form, "attribute[KINDS][]": ["lamp", "wire"]}

    # when
    response = http.post(
        BASE + "requests.json",
        encode_multipart("BoUnDaRy", data),
        content_type="multipart/form-data; boundary=BoUnDaRy",
    )

    # then
    assert response.status_code == 200
    [appeal] = accepted_register()
    assert appeal.answers["KINDS"] == ["lamp", "wire"]


def test_item_16_the_bracketless_form_of_a_list_is_merged(http, kinds, form):
    body = _urlencoded(
        form, ("attribute[KINDS]", "pole"), ("attribute[KINDS][]", "lamp")
    )

    response = post_urlencoded(http, body)

    assert response.status_code == 200
    [appeal] = accepted_register()
    assert appeal.answers["KINDS"] == ["pole", "lamp"]


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_item_17_a_description_of_4001_characters_is_400(http, lamp, form, fmt):
    form["description"] = "а" * 4001

    response = post(http, form, fmt)

    assert response.status_code == 400
    assert errors_of(response) == [
        ("400", "description may be 4000 characters at most.")
    ]
    assert AppealIntake.objects.exists() is False


def test_item_17_a_description_of_4000_characters_is_accepted(http, lamp, form):
    form["description"] = "а" * 4000

    response = post(http, form)

    assert response.status_code == 200
    [appeal] = accepted_register()
    assert (len(appeal.description), appeal.title) == (4000, "а" * 99 + "…")


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_item_18_the_answer_has_a_token_never_an_id(http, lamp, form, fmt):
    # when
    response = post(http, form, fmt)

    # then
    token = str(AppealIntake.objects.get().public_id)
    text = response.content.decode()
    if fmt == "xml":
        assert text == (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            f"<service_requests><request><token>{token}</token>"
            "<service_notice>Звернення прийнято й буде зареєстровано за кілька "
            "хвилин; тоді з'являться його номер і строк розгляду.</service_notice>"
            "</request></service_requests>"
        )
    else:
        shapes.post_answer(response.json())
        assert response.json()[0]["token"] == token
    assert "service_request_id" not in text


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_item_19_the_token_resolves_to_the_id_requests_serves(http, lamp, form, fmt):
    # given
    token = token_of(post(http, form, fmt))
    assert request_id_of(http, token, fmt) is None

    # when
    [appeal] = accepted_register()

    # then
    public_id = request_id_of(http, token, fmt)
    assert public_id == str(appeal.public_id)
    shown = http.get(f"{BASE}requests/{public_id}.{fmt}")
    assert shown.status_code == 200
    assert [item["service_request_id"] for item in items_of(shown)] == [public_id]
