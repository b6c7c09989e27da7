"""The renderer, the parameter readers and the status tables on their own."""

import json

import pytest
from django.http import QueryDict

from hromada.api.open311 import params, statuses
from hromada.api.open311.errors import Open311Error
from hromada.api.open311.render import Document, Group, render_json, render_xml
from hromada.appeals.models import AppealEventKind, AppealStatus

DOCUMENT = Document(
    root="service_requests",
    body=Group(
        "request",
        [
            {
                "service_request_id": "a7Kq2m",
                "status": "open",
                "flag": True,
                "lat": 50.45,
                "order": 2,
                "empty": None,
                "text": 'Бруд & <сміття> "тут"\x0b\x00',
                "attributes": Group("attribute", [{"code": "X"}]),
            }
        ],
    ),
)


def test_xml_has_the_declaration_the_pairs_and_escapes():
    assert render_xml(DOCUMENT) == (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<service_requests><request><service_request_id>a7Kq2m</service_request_id>"
        "<status>open</status><flag>true</flag><lat>50.45</lat><order>2</order>"
        '<empty /><text>Бруд &amp; &lt;сміття&gt; "тут"</text>'
        "<attributes><attribute><code>X</code></attribute></attributes>"
        "</request></service_requests>"
    )


def test_json_drops_the_root_and_keeps_real_types():
    assert json.loads(render_json(DOCUMENT)) == [
        {
            "service_request_id": "a7Kq2m",
            "status": "open",
            "flag": True,
            "lat": 50.45,
            "order": 2,
            "empty": None,
            "text": 'Бруд & <сміття> "тут"\x0b\x00',
            "attributes": [{"code": "X"}],
        }
    ]


def test_an_empty_group_is_an_empty_element_and_an_empty_array():
    empty = Document(root="services", body=Group("service", []))

    assert render_xml(empty).endswith("<services />")
    assert render_json(empty) == "[]"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("attribute%5BA%5D=1", {"A": (["1"], False)}),
        ("attribute[A]=1", {"A": (["1"], False)}),
        (
            "attribute%5BB%5D%5B%5D=1&attribute%5BB%5D%5B%5D=2",
            {"B": (["1", "2"], True)},
        ),
        ("attribute[B][]=1&attribute[B][]=2", {"B": (["1", "2"], True)}),
        ("attribute[C]=1&attribute[C][]=2", {"C": (["1", "2"], True)}),
        ("attributes[D]=1&attribute=2&other=3", {}),
    ],
)
def test_the_bracket_parser_reads_both_encodings(body, expected):
    found = params.attributes(QueryDict(body).lists())

    assert {code: (v.values, v.as_list) for code, v in found.items()} == expected


def test_an_attribute_code_outside_the_pattern_is_refused():
    with pytest.raises(Open311Error) as error:
        params.attributes(QueryDict("attribute[a b]=1").lists())

    assert error.value.status == 400


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2025-05-06T09:30:00+03:00", "2025-05-06T09:30:00+03:00"),
        ("2025-05-06T06:30:00Z", "2025-05-06T06:30:00+00:00"),
        ("2025-05-06T09:30+03:00", "2025-05-06T09:30:00+03:00"),
        ("2025-05-06T09:30:00.250-04:00", "2025-05-06T09:30:00.250000-04:00"),
        ("2025-05-06T09:30:00 03:00", "2025-05-06T09:30:00+03:00"),
    ],
)
def test_w3c_datetimes_with_a_zone_are_read(value, iso):
    query = QueryDict(mutable=True)
    query["start_date"] = value

    assert params.w3c_datetime(query, "start_date").isoformat() == iso


@pytest.mark.parametrize(
    "value",
    ["2025-05-06T09:30:00", "2025-05-06", "20250506T093000Z", "2025-02-30T00:00Z"],
)
def test_anything_else_is_refused(value):
    query = QueryDict(mutable=True)
    query["start_date"] = value

    with pytest.raises(Open311Error) as error:
        params.w3c_datetime(query, "start_date")

    assert error.value.status == 400


def test_a_comma_list_drops_empties_and_repeats():
    assert params.comma_list(QueryDict("s=a,,b, a ,c"), "s") == ["a", "b", "c"]


def test_every_status_and_update_kind_has_its_words():
    assert set(statuses.STATE_NOTES) | {
        AppealStatus.ANSWERED,
        AppealStatus.CLOSED,
        AppealStatus.FORWARDED,
    } == set(AppealStatus)
    assert (
        set(AppealEventKind)
        - {
            AppealEventKind.RATED,
            AppealEventKind.JOINED,
            AppealEventKind.COMMENTED,
            AppealEventKind.REMARKED,
        }
        == statuses.UPDATE_KINDS
    )


def test_open311_errors_keep_to_the_three_statuses():
    with pytest.raises(ValueError, match="400, 403 or 404"):
        Open311Error.one(500, "broken")
