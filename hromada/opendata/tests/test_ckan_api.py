"""The CKAN-compatible Action API: STANDARDS §3.8, items 1–5, 13, 14, 16 and
18, and the errors of §3.2 (items 6–12, listing and searching, are in
test_ckan_search.py; item 15 runs ckanapi in test_ckanapi.py)."""

import hashlib
import json
from urllib.parse import urlencode, urlsplit

import pytest
from django.test import Client

from hromada.opendata.models import Dataset
from hromada.opendata.tests.ckan import (
    JSON,
    a_resource_id,
    get,
    make_catalogue,
    post,
    result,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue() -> list[Dataset]:
    return make_catalogue()


ACTIONS = [
    ("status_show", {}),
    ("package_list", {"limit": 3}),
    ("package_show", {"id": "nabir-01"}),
    ("package_search", {"q": "бюджет", "rows": 3}),
    ("organization_list", {"all_fields": "true"}),
    ("organization_show", {"id": "viddil-osvity", "include_datasets": "true"}),
    ("group_list", {"all_fields": "true"}),
    ("resource_show", {"id": None}),
    ("tag_list", {}),
]


@pytest.mark.parametrize(("action", "params"), ACTIONS)
def test_1_every_action_answers_at_both_paths_by_get_and_post_alike(
    client, catalogue, action, params
):
    # given
    params = (
        {**params, "id": a_resource_id()}
        if "id" in params and not params["id"]
        else params
    )

    # when
    answers = [
        result(get(client, action, **params)),
        result(get(client, action, prefix="/api/action/", **params)),
        result(post(client, action, **params)),
        result(post(client, action, prefix="/api/action/", **params)),
    ]

    # then
    assert answers[1:] == [answers[0]] * 3


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/3/action/package_list", 200),
        ("/api/3/action/package_show?id=none", 404),
        ("/api/3/action/package_show", 409),
        ("/api/3/action/package_search?fq=owner:x", 400),
        ("/api/3/action/package_create", 403),
    ],
)
def test_2_every_answer_is_json_with_help_and_success(client, catalogue, path, status):
    # when
    response = client.get(path)

    # then
    body = response.json()
    assert (response.status_code, response["Content-Type"]) == (status, JSON)
    assert body["help"].startswith("http://testserver/api/3/action/help_show?name=")
    assert body["success"] is (status == 200)
    assert ("result" in body, "error" in body) == (status == 200, status != 200)
    if status != 200:
        assert isinstance(body["error"]["__type"], str)
    assert response.cookies == {}


def test_3_an_unknown_dataset_is_not_found(client, catalogue):
    # when
    response = get(client, "package_show", id="chernetka")

    # then
    assert response.status_code == 404
    assert response.json()["error"] == {
        "__type": "Not Found Error",
        "message": "Not found: Dataset not found",
    }


def test_4_package_show_without_id_is_a_validation_error(client, catalogue):
    # when
    response = post(client, "package_show")

    # then
    assert response.status_code == 409
    assert response.json()["error"] == {
        "__type": "Validation Error",
        "id": ["Missing value"],
    }


def test_5_an_unknown_action_is_a_bad_request_with_a_json_string(client):
    # when
    response = client.get("/api/3/action/foo")

    # then
    assert (response.status_code, response["Content-Type"]) == (400, JSON)
    assert response.json() == "Bad request: Action name not known: foo"


def test_13_every_resource_downloads_as_declared_with_its_hash(client, catalogue):
    # given
    package = result(get(client, "package_show", id="nabir-00"))

    # when / then
    assert [r["format"] for r in package["resources"]] == [
        "CSV",
        "JSON",
        "XLSX",
        "GeoJSON",
        "CSV",
    ]
    for resource in package["resources"]:
        url = urlsplit(resource["url"])
        assert (url.scheme, url.netloc) == ("http", "testserver")
        response = client.get(url.path)
        content = b"".join(response.streaming_content)
        assert response.status_code == 200
        assert response["Content-Type"].split(";")[0] == resource["mimetype"]
        assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
        assert resource["size"] == len(content)


def test_14_extras_are_key_value_pairs_of_strings(client, catalogue):
    # when
    package = result(get(client, "package_show", id="nabir-03"))

    # then
    assert all(
        set(extra) == {"key", "value"} and isinstance(extra["value"], str)
        for extra in package["extras"]
    )


@pytest.mark.parametrize(
    "action", ["package_create", "resource_delete", "bulk_update_private"]
)
def test_16_write_actions_are_refused(client, catalogue, action):
    # when
    answers = [get(client, action), post(client, action, name="x", title="x")]

    # then
    assert [(a.status_code, a.json()["error"]["__type"]) for a in answers] == [
        (403, "Authorization Error")
    ] * 2
    assert Dataset.objects.count() == 13


def test_18_every_dataset_carries_the_passport(client, catalogue):
    # when
    found = result(get(client, "package_search", rows=100))

    # then
    for item in found["results"]:
        extras = {extra["key"]: extra["value"] for extra in item["extras"]}
        assert extras["Підстава збору інформації"] == "Постанова КМУ №835"
        assert extras["Періодичність оновлення"] == "Щомісяця"
        assert extras["Відповідальна особа"] == "Коваль Оксана Петрівна"
        assert (
            extras["Електронна пошта відповідальної особи"] == "opendata@rada.example"
        )
        assert extras["Мова"] == "українська"
        assert extras["Ідентифікаційний номер"] == item["id"]
        assert (item["maintainer"], item["maintainer_email"]) == (
            "Коваль Оксана Петрівна",
            "opendata@rada.example",
        )


def test_package_fields_follow_ckan(client, catalogue):
    # when
    package = result(get(client, "package_show", id="nabir-01"))

    # then
    dataset = catalogue[1]
    assert {
        key: package[key] for key in ("id", "name", "type", "state", "private")
    } == {
        "id": str(dataset.public_id),
        "name": "nabir-01",
        "type": "dataset",
        "state": "active",
        "private": False,
    }
    assert package["organization"]["name"] == "finansove-upravlinnia"
    assert package["license_id"] == "cc-by"
    assert package["isopen"] is True
    assert package["url"] == "http://testserver/opendata/dataset/nabir-01/"
    assert package["tags"] == [
        {
            "id": "бюджет",
            "name": "бюджет",
            "display_name": "бюджет",
            "state": "active",
            "vocabulary_id": None,
        }
    ]
    assert (
        package["metadata_modified"]
        == dataset.modified_at.replace(tzinfo=None).isoformat()
    )
    assert (package["num_resources"], package["num_tags"]) == (4, 1)


@pytest.mark.parametrize(
    ("params", "status", "error"),
    [
        (
            {"rows": "-1"},
            409,
            {"__type": "Validation Error", "rows": ["Must be a natural number"]},
        ),
        (
            {"start": "x"},
            409,
            {"__type": "Validation Error", "start": ["Invalid integer"]},
        ),
        (
            {"fq": "owner:tests"},
            400,
            {
                "__type": "Search Query Error",
                "message": "Search Query is invalid: unknown field 'owner'",
            },
        ),
        (
            {"fq": "name:(a"},
            400,
            {
                "__type": "Search Query Error",
                "message": "Search Query is invalid: the query ends too early",
            },
        ),
        (
            {"fq": "metadata_modified:[2025-01-01T00:00:00 TO *]"},
            400,
            {
                "__type": "Search Query Error",
                "message": "Search Query is invalid: the time '2025-01-01T00:00:00' has no offset (add Z)",
            },
        ),
        (
            {"sort": "owner asc"},
            400,
            {
                "__type": "Search Query Error",
                "message": "Search Query is invalid: cannot sort by 'owner asc'",
            },
        ),
    ],
)
def test_bad_search_input_gets_ckans_errors(client, catalogue, params, status, error):
    # when
    response = get(client, "package_search", **params)

    # then
    assert (response.status_code, response.json()["error"]) == (status, error)


def test_unknown_resource_and_organization_are_not_found(client, catalogue):
    # when
    answers = [
        get(client, "resource_show", id="00000000-0000-0000-0000-000000000000"),
        get(client, "organization_show", id="nobody"),
    ]

    # then
    assert [(a.status_code, a.json()["error"]["__type"]) for a in answers] == [
        (404, "Not Found Error")
    ] * 2


def test_posts_need_no_csrf_token_and_accept_both_form_styles(catalogue):
    # given
    client = Client(enforce_csrf_checks=True)

    # when
    legacy = client.post(
        "/api/action/package_list",
        data=urlencode({json.dumps({"limit": 1}): "1"}),
        content_type="application/x-www-form-urlencoded",
    )
    fields = client.post("/api/action/package_list", data={"limit": "1", "offset": "1"})
    broken = client.post(
        "/api/action/package_list", data="{not json", content_type="application/json"
    )

    # then
    assert (result(legacy), result(fields)) == (["nabir-00"], ["nabir-01"])
    assert broken.status_code == 400
    assert broken.json().startswith("Bad request - JSON Error:")


def test_api_version_and_cors(client):
    # when
    response = client.get("/api/3")

    # then
    assert (response.status_code, response.json()) == (200, {"version": 3})
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_get_revalidates_with_its_etag(client, catalogue):
    # given
    first = get(client, "package_list")

    # when
    again = client.get("/api/3/action/package_list", HTTP_IF_NONE_MATCH=first["ETag"])

    # then
    assert again.status_code == 304


def test_organization_and_group_lists(client, catalogue):
    # when
    names = result(get(client, "organization_list"))
    counted = result(
        get(
            client,
            "organization_list",
            all_fields="true",
            sort="package_count desc",
            limit=1,
        )
    )
    groups = result(get(client, "group_list"))
    tags = result(get(client, "tag_list", query="бюдж"))

    # then
    assert names == ["finansove-upravlinnia", "viddil-osvity"]
    assert [(o["name"], o["package_count"]) for o in counted] == [
        ("finansove-upravlinnia", 6)
    ]
    assert (groups, tags) == (["gove"], ["бюджет"])


def test_organization_show_lists_its_first_datasets(client, catalogue):
    # when
    shown = result(
        get(client, "organization_show", id="viddil-osvity", include_datasets="true")
    )

    # then
    assert (shown["package_count"], [p["name"] for p in shown["packages"]]) == (
        6,
        ["nabir-00", "nabir-02", "nabir-04", "nabir-06", "nabir-08", "nabir-10"],
    )


def test_package_search_costs_the_same_queries_for_any_page_size(
    client, catalogue, django_assert_num_queries
):
    # given: the datasets, their keywords, their files, and the count
    with django_assert_num_queries(4):
        small = get(client, "package_search", rows=2)

    # when / then
    with django_assert_num_queries(4):
        large = get(client, "package_search", rows=12)
    assert (len(result(small)["results"]), len(result(large)["results"])) == (2, 12)
