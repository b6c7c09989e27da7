"""The service list and definitions (STANDARDS §1.4; items 9–11)."""

import pytest

from hromada.api.tests.open311 import shapes
from hromada.api.tests.open311.conftest import BASE
from hromada.appeals.tests.factories import CategoryFactory, CategoryQuestionFactory

pytestmark = pytest.mark.django_db


def test_the_list_holds_the_leaves_citizens_choose_with_their_groups(
    http, lamp, pothole, group
):
    # given: an inactive leaf, and a group whose only child is inactive
    CategoryFactory.create(code="OLD", name="Стара", parent=group, is_active=False)
    parks = CategoryFactory.create(code="PARKS", name="Парки")
    CategoryFactory.create(code="BENCH", name="Лавка", parent=parks, is_active=False)

    # when
    services = http.get(BASE + "services.json").json()

    # then: a group with no active child is a leaf again
    assert services == [
        {
            "service_code": "PARKS",
            "service_name": "Парки",
            "description": None,
            "metadata": False,
            "type": "batch",
            "keywords": None,
            "group": None,
        },
        {
            "service_code": "ROAD-POTHOLE",
            "service_name": "Вибоїна на дорозі",
            "description": None,
            "metadata": False,
            "type": "batch",
            "keywords": None,
            "group": "Дороги",
        },
        {
            "service_code": "STREETLIGHT-OUT",
            "service_name": "Не світить ліхтар",
            "description": "Вуличний ліхтар не світить уночі.",
            "metadata": True,
            "type": "batch",
            "keywords": None,
            "group": "Освітлення",
        },
    ]


def test_item_9_type_and_datatype_are_from_the_closed_sets(http, lamp, pothole):
    # given: one question of every kind
    for number, kind in enumerate(
        ["number", "datetime", "text", "multivaluelist"], start=3
    ):
        CategoryQuestionFactory.create(
            category=lamp,
            code=f"Q{number}",
            kind=kind,
            position=number,
            choices=[{"key": "a", "name": "А"}] if kind == "multivaluelist" else [],
        )

    # when
    services = http.get(BASE + "services.json").json()
    definition = http.get(BASE + "services/STREETLIGHT-OUT.json").json()

    # then
    assert {s["type"] for s in services} == {"batch"}
    assert [a["datatype"] for a in definition["attributes"]] == [
        "string",
        "singlevaluelist",
        "number",
        "datetime",
        "text",
        "multivaluelist",
    ]
    shapes.service_definition(definition)


def test_item_10_a_definition_exists_exactly_for_the_services_with_metadata(
    http, lamp, pothole
):
    for service in http.get(BASE + "services.json").json():
        for fmt in ("xml", "json"):
            response = http.get(f"{BASE}services/{service['service_code']}.{fmt}")

            assert response.status_code == (200 if service["metadata"] else 404)


def test_item_10_a_group_an_unknown_and_an_inactive_code_have_no_definition(
    http, lamp, group
):
    CategoryFactory.create(code="GONE", name="Скасована", is_active=False)
    CategoryQuestionFactory.create(category=group, code="Q")

    for code in ("LIGHTING", "NO-SUCH", "GONE"):
        response = http.get(f"{BASE}services/{code}.json")

        assert response.status_code == 404
        assert response.json() == [
            {"code": 404, "description": f"Service {code} has no definition."}
        ]


def test_item_11_orders_are_positive_and_unique_and_lists_have_values(http, lamp):
    # given: stored positions that repeat and start at 0
    lamp.questions.update(position=0)

    # when
    definition = http.get(BASE + "services/STREETLIGHT-OUT.json").json()

    # then
    assert [(a["code"], a["order"]) for a in definition["attributes"]] == [
        ("POLE_NO", 1),
        ("HOW_MANY", 2),
    ]
    assert definition["attributes"][1]["values"] == [
        {"key": "one", "name": "Один"},
        {"key": "several", "name": "Кілька поспіль"},
    ]
    shapes.service_definition(definition)


def test_the_definition_in_xml_has_the_fixed_pairs(http, lamp):
    response = http.get(BASE + "services/STREETLIGHT-OUT.xml")

    assert response.content.decode() == (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<service_definition><service_code>STREETLIGHT-OUT</service_code>"
        "<attributes><attribute><variable>true</variable><code>POLE_NO</code>"
        "<datatype>string</datatype><required>false</required>"
        "<datatype_description>Номер на опорі, напр. 12-345</datatype_description>"
        "<order>1</order><description>Номер опори</description></attribute>"
        "<attribute><variable>true</variable><code>HOW_MANY</code>"
        "<datatype>singlevaluelist</datatype><required>true</required>"
        "<datatype_description /><order>2</order>"
        "<description>Скільки ліхтарів не світить?</description><values>"
        "<value><key>one</key><name>Один</name></value>"
        "<value><key>several</key><name>Кілька поспіль</name></value>"
        "</values></attribute></attributes></service_definition>"
    )


def test_the_service_list_costs_four_queries_however_long(
    http, lamp, pothole, django_assert_max_num_queries
):
    for number in range(5):
        leaf = CategoryFactory.create(code=f"EXTRA-{number}", parent=lamp.parent)
        CategoryQuestionFactory.create(category=leaf)

    with django_assert_max_num_queries(4):
        services = http.get(BASE + "services.json").json()

    assert len(services) == 7
