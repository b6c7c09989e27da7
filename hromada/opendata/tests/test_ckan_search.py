"""The CKAN-compatible Action API's lists and search: STANDARDS §3.8,
items 6–12."""

import pytest

from hromada.opendata import ckan_actions
from hromada.opendata.models import Dataset
from hromada.opendata.tests.ckan import get, make_catalogue, result

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue() -> list[Dataset]:
    return make_catalogue()


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
