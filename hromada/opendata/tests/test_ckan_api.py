"""The CKAN-compatible Action API: STANDARDS §3.8, items 1–14, 16 and 18,
and the errors of §3.2 (item 15 runs ckanapi in test_ckanapi.py)."""

import hashlib
import json
from urllib.parse import urlencode, urlsplit

import pytest
from django.test import Client

from hromada.opendata import ckan_actions
from hromada.opendata.models import Dataset, Resource
from hromada.opendata.tests.factories import dataset_make
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db
JSON = "application/json;charset=utf-8"


@pytest.fixture
def catalogue() -> list[Dataset]:
    finance = OrgUnitFactory.create(name="Фінансове управління")
    education = OrgUnitFactory.create(name="Відділ освіти")
    datasets = [
        dataset_make(
            f"nabir-{number:02d}",
            title=f"Набір {number:02d}",
            publisher=finance if number % 2 else education,
            keywords=("бюджет",) if number < 4 else ("освіта",),
            spatial=number == 0,
        )
        for number in range(12)
    ]
    dataset_make("chernetka", published=False, publisher=finance)
    return datasets


def get(client: Client, action: str, prefix: str = "/api/3/action/", **params):
    query = urlencode(params, doseq=True)
    return client.get(f"{prefix}{action}" + (f"?{query}" if query else ""))


def post(client: Client, action: str, prefix: str = "/api/3/action/", **params):
    return client.post(
        f"{prefix}{action}", data=json.dumps(params), content_type="application/json"
    )


def result(response):
    assert response.status_code == 200, response.content
    return response.json()["result"]


def a_resource_id() -> str:
    return str(Resource.objects.filter(dataset__is_published=True).first().public_id)


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


def test_6_package_list_is_sorted_and_pages(client, catalogue):
    # when
    names = result(get(client, "package_list"))
    page = result(get(client, "package_list", limit=2, offset=2))

    # then
    assert names == [f"nabir-{n:02d}" for n in range(12)]
    assert page == ["nabir-02", "nabir-03"]


def test_7_package_search_without_parameters_counts_every_public_dataset(
    client, catalogue
):
    # when
    found = result(get(client, "package_search"))

    # then
    assert (found["count"], len(found["results"])) == (12, 10)
    assert found["sort"] == "score desc, metadata_modified desc"


def test_8_too_many_rows_are_cut_to_the_maximum(client, catalogue, monkeypatch):
    # given
    monkeypatch.setattr(ckan_actions, "ROWS_MAX", 5)

    # when
    response = get(client, "package_search", rows=5000)

    # then
    assert (response.status_code, len(result(response)["results"])) == (200, 5)
    assert len(result(get(client, "package_search", rows=1000))["results"]) == 5


@pytest.mark.parametrize("rows", [5, 100])
def test_9_paging_by_id_visits_every_dataset_once(client, catalogue, rows):
    # when
    seen, start = [], 0
    while True:
        page = result(
            get(client, "package_search", rows=rows, start=start, sort="id asc")
        )
        if not page["results"]:
            break
        seen += [item["id"] for item in page["results"]]
        start += rows

    # then
    assert seen == sorted(str(d.public_id) for d in catalogue)
    assert start == (15 if rows == 5 else 100)


@pytest.mark.parametrize(
    ("fq", "expected"),
    [
        ("organization:finansove-upravlinnia", [1, 3, 5, 7, 9, 11]),
        ("-organization:finansove-upravlinnia", [0, 2, 4, 6, 8, 10]),
        ("tags:бюджет", [0, 1, 2, 3]),
        ('tags:"бюджет" AND organization:viddil-osvity', [0, 2]),
        ("res_format:GeoJSON", [0]),
        ("res_format:CSV", list(range(12))),
        ("name:(nabir-01 OR nabir-02)", [1, 2]),
        ("(name:nabir-01 OR name:nabir-03)", [1, 3]),
        ("license_id:cc-by type:dataset", list(range(12))),
        ("groups:gove", list(range(12))),
    ],
)
def test_10_fq_filters(client, catalogue, fq, expected):
    # when
    found = result(get(client, "package_search", fq=fq, rows=100, sort="name asc"))

    # then
    assert [item["name"] for item in found["results"]] == [
        f"nabir-{n:02d}" for n in expected
    ]
    assert found["count"] == len(expected)


def test_10_fq_metadata_modified_range_takes_what_changed_since(client, catalogue):
    # given
    changed = sorted(catalogue, key=lambda d: d.modified_at)[-3:]
    since = changed[0].modified_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    # when
    found = result(
        get(client, "package_search", fq=f"metadata_modified:[{since} TO *]", rows=100)
    )

    # then
    assert sorted(item["name"] for item in found["results"]) == sorted(
        d.name for d in changed
    )


def test_11_json_encoded_and_repeated_facet_fields_facet_alike(client, catalogue):
    # when
    encoded = result(
        get(client, "package_search", **{"facet.field": '["organization", "tags"]'})
    )
    repeated = result(
        get(client, "package_search", **{"facet.field": ["organization", "tags"]})
    )

    # then
    assert encoded["search_facets"] == repeated["search_facets"]
    assert encoded["search_facets"]["organization"] == {
        "title": "organization",
        "items": [
            {
                "name": "finansove-upravlinnia",
                "display_name": "Фінансове управління",
                "count": 6,
            },
            {"name": "viddil-osvity", "display_name": "Відділ освіти", "count": 6},
        ],
    }
    assert encoded["facets"]["tags"] == {"освіта": 8, "бюджет": 4}


def test_11_facet_limit_and_mincount(client, catalogue):
    # when
    found = result(
        get(
            client,
            "package_search",
            fq="tags:бюджет",
            **{"facet.field": '["res_format"]', "facet.limit": 1, "facet.mincount": 2},
        )
    )

    # then
    assert found["facets"] == {"res_format": {"CSV": 4}}


def test_12_search_results_equal_package_show(client, catalogue):
    # when
    found = result(get(client, "package_search", rows=100))

    # then
    for item in found["results"]:
        assert item == result(get(client, "package_show", id=item["id"]))


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
