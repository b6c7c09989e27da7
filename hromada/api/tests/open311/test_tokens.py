"""Tokens (STANDARDS §1.6; checklist items 18 and 19): every service is
``batch``; a POST answers with a token, which resolves to the request's
id once the appeal is registered, and to nothing of any other channel."""

import pytest

from hromada.api.tests.open311 import shapes
from hromada.api.tests.open311.conftest import BASE, errors_of, file_appeal
from hromada.api.tests.open311.post_support import post, token_of
from hromada.appeals.models import AppealChannel, AppealIntake
from hromada.appeals.services import intake as appeal_intake
from hromada.appeals.tests.factories import accepted_register, appeal_input

pytestmark = pytest.mark.django_db

XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n'


def tokens_url(token, fmt="json"):
    return f"{BASE}tokens/{token}.{fmt}"


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_every_service_is_batch(http, lamp, pothole, fmt):
    # when
    response = http.get(f"{BASE}services.{fmt}")

    # then
    if fmt == "xml":
        services = shapes.parsed_xml(response.content.decode())
    else:
        services = response.json()
        shapes.service_list(services)
    assert [(s["service_code"], s["type"]) for s in services] == [
        ("ROAD-POTHOLE", "batch"),
        ("STREETLIGHT-OUT", "batch"),
    ]


def test_before_registration_the_token_answers_alone(http, lamp, form):
    # given
    token = token_of(post(http, form))

    # when
    as_json = http.get(tokens_url(token))
    as_xml = http.get(tokens_url(token, "xml"))

    # then
    assert (as_json.status_code, as_xml.status_code) == (200, 200)
    assert as_json.json() == [{"token": token}]
    assert as_xml.content.decode() == (
        XML_HEAD + f"<service_requests><request><token>{token}</token></request>"
        "</service_requests>"
    )
    assert as_json["Content-Type"] == "application/json; charset=utf-8"
    assert as_xml["Content-Type"] == "text/xml; charset=utf-8"


def test_after_registration_the_token_gives_the_id_requests_serves(http, lamp, form):
    # given
    token = token_of(post(http, form, "xml"))

    # when
    [appeal] = accepted_register()
    as_json = http.get(tokens_url(token))
    as_xml = http.get(tokens_url(token, "xml"))

    # then
    public_id = str(appeal.public_id)
    assert as_json.json() == [{"service_request_id": public_id, "token": token}]
    assert as_xml.content.decode() == (
        XML_HEAD + "<service_requests><request>"
        f"<service_request_id>{public_id}</service_request_id>"
        f"<token>{token}</token></request></service_requests>"
    )
    shapes.token_answer(as_json.json())
    shapes.same_content(as_xml, as_json)
    served = http.get(f"{BASE}requests/{public_id}.json").json()
    assert [item["service_request_id"] for item in served] == [public_id]


@pytest.mark.parametrize("fmt", ["xml", "json"])
@pytest.mark.parametrize(
    "token", ["00000000-0000-0000-0000-000000000000", "abc", "not-a-uuid-at-all"]
)
def test_an_unknown_or_garbage_token_is_404(http, lamp, form, fmt, token):
    # given: a token that is known, so the lookup is not empty by accident
    token_of(post(http, form))

    # when
    response = http.get(tokens_url(token, fmt))

    # then
    assert response.status_code == 404
    assert errors_of(response) == [("404", f"There is no token {token}.")]
    if fmt == "json":
        assert response.json() == [
            {"code": 404, "description": f"There is no token {token}."}
        ]


@pytest.mark.parametrize("registered", [False, True])
def test_a_token_never_resolves_a_request_of_another_channel(http, lamp, registered):
    # given: the portal's receipt, and an appeal's own id
    accepted = appeal_intake.appeal_accept(
        actor=None,
        channel=AppealChannel.PORTAL,
        data=appeal_input(category=lamp, answers={"HOW_MANY": "one"}),
    )
    if registered:
        accepted_register()
    appeal = file_appeal(lamp)

    # when
    receipt = http.get(tokens_url(accepted.public_id))
    appeal_id = http.get(tokens_url(appeal.public_id))

    # then
    assert (receipt.status_code, appeal_id.status_code) == (404, 404)
    assert errors_of(receipt) == [("404", f"There is no token {accepted.public_id}.")]


def test_a_confidential_requests_token_gives_its_id_which_no_read_shows(
    http, lamp, form
):
    # given: the client needs the id to relay the applicant's updates
    token = token_of(post(http, {**form, "private": "true"}))

    # when
    [appeal] = accepted_register()

    # then
    assert http.get(tokens_url(token)).json() == [
        {"service_request_id": str(appeal.public_id), "token": token}
    ]
    assert http.get(f"{BASE}requests/{appeal.public_id}.json").status_code == 404


def test_a_token_costs_one_query_before_and_after_registration(
    http, lamp, form, django_assert_num_queries
):
    # given
    token = token_of(post(http, form))

    # when
    with django_assert_num_queries(1):
        waiting = http.get(tokens_url(token, "xml"))
    accepted_register()
    with django_assert_num_queries(1):
        registered = http.get(tokens_url(token, "xml"))

    # then
    assert (waiting.status_code, registered.status_code) == (200, 200)
    assert "<service_request_id>" in registered.content.decode()


def test_a_token_is_cached_until_registration_changes_it(http, lamp, form):
    # given
    token = token_of(post(http, form))
    first = http.get(tokens_url(token))

    # when
    unchanged = http.get(tokens_url(token), HTTP_IF_NONE_MATCH=first["ETag"])
    accepted_register()
    changed = http.get(tokens_url(token), HTTP_IF_NONE_MATCH=first["ETag"])

    # then
    assert (unchanged.status_code, changed.status_code) == (304, 200)
    assert first["Access-Control-Allow-Origin"] == "*"
    assert set(changed.json()[0]) == {"service_request_id", "token"}


def test_a_refused_post_hands_out_no_token(http, lamp, form):
    # given
    del form["attribute[HOW_MANY]"]

    # when
    response = post(http, form)

    # then
    assert response.status_code == 400
    assert "token" not in response.content.decode()
    assert AppealIntake.objects.exists() is False
