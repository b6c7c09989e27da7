"""The HTTP rules of every Open311 path (STANDARDS §0.2, §1.2, §1.8):
CORS, caching with 304, no cookies, no CSRF, errors never HTML."""

import logging

import pytest
from django.test import Client

from hromada.api.tests.open311.conftest import BASE, errors_of, file_appeal
from hromada.api.tests.open311.post_support import token_of

pytestmark = pytest.mark.django_db

READS = [
    "discovery.xml",
    "services.json",
    "services/STREETLIGHT-OUT.xml",
    "requests.json",
    "requests.xml?extensions=true",
]


@pytest.mark.parametrize("path", READS)
def test_reads_allow_any_origin_and_carry_etag_and_last_modified(http, lamp, path):
    file_appeal(lamp)

    response = http.get(BASE + path, HTTP_ORIGIN="https://anywhere.example")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["ETag"].startswith('"')
    assert len(response["ETag"]) == 66
    assert response["Last-Modified"].endswith(" GMT")


@pytest.mark.parametrize("path", READS)
def test_a_current_copy_gets_304_by_etag(http, lamp, path):
    file_appeal(lamp)
    first = http.get(BASE + path)

    again = http.get(BASE + path, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert again["Access-Control-Allow-Origin"] == "*"
    assert again["ETag"] == first["ETag"]


def test_a_current_copy_gets_304_by_date_and_a_change_gets_200(http, lamp):
    # given
    appeal = file_appeal(lamp)
    first = http.get(BASE + "requests.json")

    # when
    unchanged = http.get(
        BASE + "requests.json", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    from django.utils import timezone

    from hromada.appeals.models import Appeal

    Appeal.objects.filter(pk=appeal.pk).update(
        updated_at=timezone.now() + timezone.timedelta(seconds=5)
    )
    changed = http.get(
        BASE + "requests.json", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )

    # then
    assert (unchanged.status_code, changed.status_code) == (304, 200)


def test_the_etag_changes_with_the_content(http, lamp):
    before = http.get(BASE + "requests.json")["ETag"]
    file_appeal(lamp)

    assert http.get(BASE + "requests.json")["ETag"] != before


def test_head_answers_like_get(http, lamp):
    response = http.head(BASE + "services.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"


def _answers(http, open311_key):
    answers = [http.get(BASE + path) for path in READS]
    answers.append(http.get(BASE + "nothing"))
    filed = http.post(
        BASE + "requests.xml",
        {
            "api_key": open311_key,
            "service_code": "STREETLIGHT-OUT",
            "address_string": "Садова",
            "attribute[HOW_MANY]": "one",
            "first_name": "Олена",
            "last_name": "Коваленко",
            "email": "olena@test.example",
        },
    )
    answers.append(filed)
    answers.append(http.get(f"{BASE}tokens/{token_of(filed)}.xml"))
    return answers


def test_no_answer_sets_a_cookie(http, lamp, open311_key):
    answers = _answers(http, open311_key)

    assert [a.status_code for a in answers] == [200] * 5 + [404, 200, 200]
    assert [a for a in answers if "Set-Cookie" in a or a.cookies] == []


def test_no_answer_sets_a_cookie_for_a_signed_in_browser(
    http, lamp, open311_key, admin
):
    # given: a browser with a session and a CSRF cookie of the portal
    http.force_login(admin)
    http.get("/cabinet/")
    assert {"sessionid", "csrftoken"} <= set(http.cookies)

    # when
    answers = _answers(http, open311_key)

    # then
    assert [a.status_code for a in answers] == [200] * 5 + [404, 200, 200]
    assert [a for a in answers if "Set-Cookie" in a or a.cookies] == []


def test_a_post_needs_no_csrf_token(lamp, open311_key):
    client = Client(enforce_csrf_checks=True)

    response = client.post(BASE + "requests.json", {"api_key": open311_key})

    assert response.status_code == 400  # service_code is missing; CSRF passed


@pytest.mark.parametrize("method", ["put", "delete", "patch", "options"])
def test_other_methods_are_refused_in_open311s_shape(http, method):
    response = getattr(http, method)(BASE + "requests.json")

    assert response.status_code == 400
    assert errors_of(response)[0][0] == "405"
    assert response["Allow"] == "GET, HEAD, POST"


def test_unknown_paths_answer_404_in_the_format_they_ask_for(http):
    as_json = http.get(BASE + "no/such/thing.json")
    as_xml = http.get(BASE + "requests.csv")

    assert as_json.json() == [
        {"code": 404, "description": "There is no such Open311 resource."}
    ]
    assert as_xml["Content-Type"] == "text/xml; charset=utf-8"
    assert errors_of(as_xml) == [("404", "There is no such Open311 resource.")]


def test_a_fault_of_the_server_is_a_400_with_an_errors_body_and_a_log(
    http, lamp, monkeypatch, caplog
):
    # given
    from hromada.api.open311 import selectors

    def broken():
        raise RuntimeError("database gone")

    monkeypatch.setattr(selectors, "service_list", broken)

    # when
    with caplog.at_level(logging.ERROR, logger="hromada.api.open311.endpoints"):
        response = http.get(BASE + "services.xml")

    # then
    assert response.status_code == 400
    assert errors_of(response) == [
        ("500", "The request could not be completed because of a fault on our side.")
    ]
    assert "database gone" in caplog.text


def test_error_texts_are_in_ukrainian_by_default(lamp):
    response = Client().get(BASE + "services/NO-SUCH.json")

    assert response.json() == [
        {"code": 404, "description": "Послуга NO-SUCH не має опису."}
    ]


def test_no_anonymous_visitor_is_sent_to_sign_in(lamp):
    response = Client().get(BASE + "services.xml")

    assert response.status_code == 200


def test_a_body_too_large_to_read_is_the_clients_400(http, lamp, open311_key, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5

    response = http.post(
        BASE + "requests.xml",
        {"api_key": open311_key, **{f"field{n}": "x" for n in range(10)}},
    )

    assert response.status_code == 400
    assert errors_of(response) == [
        ("400", "The request's body is too large or malformed to be read.")
    ]
