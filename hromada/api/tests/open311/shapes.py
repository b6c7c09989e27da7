"""Strict structural checks of every Open311 document the tests receive.

The ``open311/schema-validation`` JSON Schemas are not at hand offline, so
these checks stand in for them (checklist item 35): exact field sets,
types, the id pattern, W3C datetimes with a zone, the fixed XML group
pairs, and the XML and JSON renderings of one answer carrying the same
content.
"""

import json
import re
from xml.etree import ElementTree

ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
W3C = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")
XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n'
# Group element → the only element it may hold (STANDARDS §1.2).
GROUPS = {
    "services": "service",
    "attributes": "attribute",
    "values": "value",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "service_request_updates": "request_update",
    "notes": "note",
}
SERVICE_FIELDS = {
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
}
ATTRIBUTE_FIELDS = {
    "variable",
    "code",
    "datatype",
    "required",
    "datatype_description",
    "order",
    "description",
}
REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}
REQUEST_DATETIMES = {"requested_datetime", "updated_datetime", "expected_datetime"}
UPDATE_FIELDS = {
    "update_id",
    "service_request_id",
    "status",
    "updated_datetime",
    "description",
    "media_url",
    "external_status_code",
}
DATATYPES = {
    "string",
    "number",
    "datetime",
    "text",
    "singlevaluelist",
    "multivaluelist",
}
LIST_TYPES = {"singlevaluelist", "multivaluelist"}


def _text_or_none(value):
    assert value is None or (isinstance(value, str) and value), value


def _datetime(value):
    assert isinstance(value, str), value
    assert W3C.match(value), value


def _id(value):
    assert isinstance(value, str), value
    assert ID.match(value), value


def discovery(data):
    assert isinstance(data, dict)
    assert set(data) == {"changeset", "contact", "key_service", "endpoints"}
    _datetime(data["changeset"])
    assert isinstance(data["contact"], str)
    assert data["contact"]
    assert isinstance(data["key_service"], str)
    assert data["key_service"]
    assert isinstance(data["endpoints"], list)
    assert data["endpoints"]
    for endpoint in data["endpoints"]:
        assert set(endpoint) == {"specification", "url", "changeset", "type", "formats"}
        assert endpoint["type"] in {"production", "test"}
        _datetime(endpoint["changeset"])
        assert isinstance(endpoint["url"], str)
        assert not endpoint["url"].endswith("/")
        assert isinstance(endpoint["formats"], list)
        assert "text/xml" in endpoint["formats"]


def service_list(data):
    assert isinstance(data, list)
    for service in data:
        assert set(service) == SERVICE_FIELDS
        _id(service["service_code"])
        assert isinstance(service["service_name"], str)
        assert service["service_name"]
        assert service["metadata"] is True or service["metadata"] is False
        assert service["type"] in {"realtime", "batch", "blackbox"}
        for name in ("description", "keywords", "group"):
            _text_or_none(service[name])


def service_definition(data):
    assert isinstance(data, dict)
    assert set(data) == {"service_code", "attributes"}
    _id(data["service_code"])
    orders = [attribute["order"] for attribute in data["attributes"]]
    assert all(isinstance(order, int) and order > 0 for order in orders)
    assert len(set(orders)) == len(orders)
    for attribute in data["attributes"]:
        expected = ATTRIBUTE_FIELDS | (
            {"values"} if attribute["datatype"] in LIST_TYPES else set()
        )
        assert set(attribute) == expected
        assert attribute["variable"] is True or attribute["variable"] is False
        assert attribute["required"] is True or attribute["required"] is False
        assert attribute["datatype"] in DATATYPES
        _id(attribute["code"])
        _text_or_none(attribute["datatype_description"])
        assert isinstance(attribute["description"], str)
        assert attribute["description"]
        if "values" in attribute:
            assert attribute["values"]
            for value in attribute["values"]:
                assert set(value) == {"key", "name"}
                _id(value["key"])
                assert isinstance(value["name"], str)
                assert value["name"]


def requests(data, *, extensions=False):
    assert isinstance(data, list)
    for item in data:
        expected = REQUEST_FIELDS | ({"attributes", "notes"} if extensions else set())
        assert set(item) == expected
        _id(item["service_request_id"])
        _id(item["service_code"])
        assert item["status"] in {"open", "closed"}
        for name in REQUEST_DATETIMES:
            _datetime(item[name])
        for name in ("lat", "long"):
            assert item[name] is None or isinstance(item[name], float)
        for name in REQUEST_FIELDS - REQUEST_DATETIMES - {"lat", "long"}:
            _text_or_none(item[name])
        if extensions:
            for attribute in item["attributes"]:
                assert set(attribute) == {"code", "name", "label", "value"}
                _id(attribute["code"])
            for note in item["notes"]:
                assert set(note) == {"datetime", "description", "type"}
                _datetime(note["datetime"])


def post_answer(data):
    """A token and a notice; never an id as well (checklist item 18)."""
    assert isinstance(data, list)
    assert len(data) == 1
    assert set(data[0]) == {"token", "service_notice"}
    _id(data[0]["token"])
    assert isinstance(data[0]["service_notice"], str)
    assert data[0]["service_notice"]


def token_answer(data):
    """The token alone, or the request's id with it (STANDARDS §1.6)."""
    assert isinstance(data, list)
    assert len(data) == 1
    assert set(data[0]) in ({"token"}, {"service_request_id", "token"})
    for value in data[0].values():
        _id(value)


def errors(data):
    assert isinstance(data, list)
    assert data
    for error in data:
        assert set(error) == {"code", "description"}
        assert isinstance(error["code"], int)
        assert isinstance(error["description"], str)
        assert error["description"]


def updates(data):
    assert isinstance(data, list)
    for update in data:
        assert set(update) == UPDATE_FIELDS
        _id(update["update_id"])
        _id(update["service_request_id"])
        assert isinstance(update["status"], str)
        assert update["status"].isupper()
        _datetime(update["updated_datetime"])
        assert isinstance(update["description"], str)
        assert update["description"]


def parsed_xml(text):
    """The XML answer as the Spark mapping would give it, its group pairs
    checked; scalars stay text ("" for an empty element is ``None``)."""
    assert text.startswith(XML_HEAD)
    assert "xmlns" not in text
    root = ElementTree.fromstring(text[len(XML_HEAD) :])
    return _spark(root)


def _spark(element):
    item = GROUPS.get(element.tag)
    if item is not None:
        assert all(child.tag == item for child in element), element.tag
        return [_spark(child) for child in element]
    if len(element):
        names = [child.tag for child in element]
        assert len(names) == len(set(names)), names
        return {child.tag: _spark(child) for child in element}
    return element.text or None


def as_xml_text(data):
    """JSON content as its XML text would read: booleans as true/false,
    numbers as digits, null as None."""
    if isinstance(data, list):
        return [as_xml_text(item) for item in data]
    if isinstance(data, dict):
        return {key: as_xml_text(value) for key, value in data.items()}
    if isinstance(data, bool):
        return "true" if data else "false"
    if data is None:
        return None
    return str(data)


def same_content(xml_response, json_response):
    """The two renderings of one answer say the same."""
    xml = parsed_xml(xml_response.content.decode())
    assert xml == as_xml_text(json.loads(json_response.content))
