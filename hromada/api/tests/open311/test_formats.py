"""What every Open311 answer shares: declaration, content types, bare
arrays, string ids, real booleans, zoned datetimes, the errors body, no
redirects (checklist items 4–8, 24, 29, 34, and the strict shape checks
standing in for item 35)."""

import re

import pytest

from hromada.api.tests.open311 import shapes
from hromada.api.tests.open311.conftest import BASE, file_appeal
from hromada.api.tests.open311.post_support import post, token_of

pytestmark = pytest.mark.django_db

CONTENT_TYPES = {
    "xml": "text/xml; charset=utf-8",
    "json": "application/json; charset=utf-8",
}


POTHOLE_FORM = {
    "service_code": "ROAD-POTHOLE",
    "address_string": "вул. Садова",
    "first_name": "Олена",
    "last_name": "Коваленко",
    "email": "olena@test.example",
}


@pytest.fixture
def world(http, lamp, pothole, open311_key):
    """A registered appeal, and a request POSTed through Open311 whose
    token still waits for registration."""
    appeal = file_appeal(lamp, answers={"HOW_MANY": "one"})
    filed = post(http, {**POTHOLE_FORM, "api_key": open311_key})
    return {"appeal": appeal, "key": open311_key, "token": token_of(filed)}


def reads(world):
    """(path without suffix, shape check of its JSON) for every GET."""
    appeal_id = world["appeal"].public_id
    key = world["key"]
    return [
        ("discovery", "", shapes.discovery),
        ("services", "", shapes.service_list),
        ("services/STREETLIGHT-OUT", "", shapes.service_definition),
        ("requests", "", shapes.requests),
        ("requests", "?extensions=true", lambda d: shapes.requests(d, extensions=True)),
        (f"requests/{appeal_id}", "", shapes.requests),
        (f"tokens/{world['token']}", "", shapes.token_answer),
        ("servicerequestupdates", f"?api_key={key}", shapes.updates),
    ]


def errors(world):
    """(method, path without suffix, query or form) of refusals."""
    return [
        ("get", "services/NO-SUCH", {}),
        ("get", "services/ROAD-POTHOLE", {}),
        ("get", "requests/unknown", {}),
        ("get", "tokens/abc", {}),
        ("get", "requests", {"start_date": "2025-01-01T00:00:00"}),
        ("get", "servicerequestupdates", {}),
        ("post", "requests", {}),
        ("post", "requests", {"api_key": world["key"]}),
        ("post", "requests", {"api_key": world["key"], "service_code": "NOPE"}),
        ("post", "services", {}),
        ("get", "nothing/here", {}),
    ]


def _suffixed(path, fmt):
    return f"{BASE}{path}.{fmt}"


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_items_4_5_6_every_answer_has_its_declaration_type_and_top_level(
    http, world, fmt
):
    for path, query, check in reads(world):
        # when
        response = http.get(_suffixed(path, fmt) + query)

        # then
        assert response.status_code == 200, path
        assert response["Content-Type"] == CONTENT_TYPES[fmt], path
        text = response.content.decode()
        if fmt == "xml":
            assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<')
            assert "xmlns" not in text
            shapes.parsed_xml(text)
        else:
            check(response.json())


def test_item_6_lists_posts_tokens_and_errors_are_arrays_discovery_and_a_definition_objects(
    http, world
):
    def top(path, query=""):
        return type(http.get(_suffixed(path, "json") + query).json())

    assert top("services") is list
    assert top("requests") is list
    assert top("tokens/abc") is list
    assert top(f"tokens/{world['token']}") is list
    assert top("discovery") is dict
    assert top("services/STREETLIGHT-OUT") is dict
    filed = post(http, {**POTHOLE_FORM, "api_key": world["key"]})
    assert filed.status_code == 200
    shapes.post_answer(filed.json())


def test_item_7_ids_codes_tokens_and_keys_are_strings_of_the_pattern(http, world):
    # given
    ids = []

    # when
    for service in http.get(_suffixed("services", "json")).json():
        ids.append(service["service_code"])
    definition = http.get(_suffixed("services/STREETLIGHT-OUT", "json")).json()
    ids.append(definition["service_code"])
    for attribute in definition["attributes"]:
        ids.append(attribute["code"])
        ids += [value["key"] for value in attribute.get("values", [])]
    for item in http.get(_suffixed("requests", "json")).json():
        ids += [item["service_request_id"], item["service_code"]]
    updates = http.get(
        _suffixed("servicerequestupdates", "json") + f"?api_key={world['key']}"
    ).json()
    ids += [u["update_id"] for u in updates] + [
        u["service_request_id"] for u in updates
    ]
    ids += [
        t["token"]
        for t in http.get(_suffixed(f"tokens/{world['token']}", "json")).json()
    ]

    # then
    assert len(ids) == 14
    assert all(isinstance(i, str) and shapes.ID.match(i) for i in ids), ids


def test_item_8_metadata_variable_and_required_are_real_booleans(http, world):
    services = http.get(_suffixed("services", "json")).json()
    definition = http.get(_suffixed("services/STREETLIGHT-OUT", "json")).json()

    assert [s["metadata"] for s in services] == [False, True]
    assert [(a["variable"], a["required"]) for a in definition["attributes"]] == [
        (True, False),
        (True, True),
    ]
    xml = http.get(_suffixed("services", "xml")).content.decode()
    assert "<metadata>false</metadata>" in xml
    assert "<metadata>true</metadata>" in xml


def test_item_24_every_datetime_carries_a_zone(http, world):
    # given: every answer with datetimes, in both formats
    pattern = re.compile(r"\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?")
    texts = [
        http.get(_suffixed(path, fmt) + query).content.decode()
        for path, query, _check in reads(world)
        for fmt in ("xml", "json")
    ]

    # then
    found = [m.group(0) for text in texts for m in pattern.finditer(text)]
    assert len(found) > 20
    assert all(shapes.W3C.match(moment) for moment in found), found


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_item_29_every_error_is_400_403_or_404_with_an_errors_body(http, world, fmt):
    for method, path, data in errors(world):
        # when
        response = getattr(http, method)(_suffixed(path, fmt), data)

        # then
        assert response.status_code in {400, 403, 404}, path
        assert response["Content-Type"] == CONTENT_TYPES[fmt], path
        if fmt == "json":
            shapes.errors(response.json())
        else:
            parsed = shapes.parsed_xml(response.content.decode())
            assert parsed
            assert all(set(e) == {"code", "description"} for e in parsed)
            assert all(e["code"] and e["description"] for e in parsed)


@pytest.mark.parametrize(
    "path",
    [
        "discovery.xml/",
        "services.xml/",
        "services",
        "services/",
        "requests",
        "requests/",
        "requests.xml/",
        "servicerequestupdates",
        "",
        "tokens/abc",
    ],
)
def test_item_34_no_machine_path_answers_with_a_redirect(http, world, path):
    for method in ("get", "post"):
        response = getattr(http, method)(BASE + path)

        assert response.status_code == 404, (method, path)
        assert "Location" not in response
        parsed = shapes.parsed_xml(response.content.decode())
        assert [error["code"] for error in parsed] == ["404"]


def test_item_34_a_post_with_a_body_is_answered_where_it_was_sent(http, world):
    response = http.post(
        BASE + "requests.xml",
        {
            "api_key": world["key"],
            "service_code": "ROAD-POTHOLE",
            "address_string": "Садова",
        },
        follow=False,
    )

    assert response.status_code == 400  # the name is missing: not a redirect
    assert "Location" not in response


def test_item_35_the_two_renderings_say_the_same(http, world):
    for path, query, _check in reads(world):
        shapes.same_content(
            http.get(_suffixed(path, "xml") + query),
            http.get(_suffixed(path, "json") + query),
        )
