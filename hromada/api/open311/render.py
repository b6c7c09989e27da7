"""Open311's two renderings of one document: XML and its "Spark" JSON.

GeoReport v2 defines XML; JSON is the XML with the root element dropped and
every repeated child turned into an array (STANDARDS §1.2). A document is
therefore built once, as mappings and ``Group``s, and rendered either way:

- a ``Group`` is a fixed pair of elements (``services/service``,
  ``errors/error``, ``attributes/attribute``…): the outer element holding
  one inner element per member in XML, an array in JSON. A document whose
  body is a group is a bare JSON array (a service list, a request list, a
  POST answer, an error body);
- a mapping is an element per key in XML and an object in JSON (discovery,
  a service definition);
- ``None`` is an empty element in XML and ``null`` in JSON; booleans are
  the literals ``true``/``false`` in XML and real booleans in JSON.

A generic serializer (``<root><list-item>``) would break every Open311
client, so nothing here is generic beyond these two rules.
"""

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias
from xml.etree import ElementTree

Format: TypeAlias = Literal["xml", "json"]
FORMATS: Final[tuple[Format, ...]] = ("xml", "json")
CONTENT_TYPES: Final[Mapping[Format, str]] = {
    "xml": "text/xml; charset=utf-8",
    "json": "application/json; charset=utf-8",
}
XML_DECLARATION: Final = '<?xml version="1.0" encoding="utf-8"?>\n'
# Characters XML 1.0 cannot carry at all, not even escaped; a citizen's text
# pasted from elsewhere may hold them, and one would break the whole list.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

Scalar: TypeAlias = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class Group:
    """A fixed pair: ``<name><item>…</item>…</name>`` in XML, an array in
    JSON."""

    item: str
    members: Sequence["Value"]


Value: TypeAlias = Scalar | Mapping[str, "Value"] | Group


@dataclass(frozen=True, slots=True)
class Document:
    """A whole response body: the XML root element's name and its content."""

    root: str
    body: Mapping[str, Value] | Group


def render(document: Document, fmt: Format) -> str:
    """The document as Open311 XML or Spark JSON text."""
    if fmt == "xml":
        return render_xml(document)
    return render_json(document)


def render_xml(document: Document) -> str:
    """The XML text, declaration first, without any namespace."""
    root = ElementTree.Element(document.root)
    _fill(root, document.body)
    return XML_DECLARATION + ElementTree.tostring(root, encoding="unicode")


def render_json(document: Document) -> str:
    """The Spark JSON text: the root dropped, groups as arrays."""
    return json.dumps(_plain(document.body), ensure_ascii=False)


def _fill(element: ElementTree.Element, value: Value) -> None:
    if isinstance(value, Group):
        for member in value.members:
            _fill(ElementTree.SubElement(element, value.item), member)
    elif isinstance(value, Mapping):
        for name, child in value.items():
            _fill(ElementTree.SubElement(element, name), child)
    elif value is not None:
        element.text = _xml_text(value)


def _xml_text(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _plain(value: Value) -> object:
    if isinstance(value, Group):
        return [_plain(member) for member in value.members]
    if isinstance(value, Mapping):
        return {name: _plain(child) for name, child in value.items()}
    return value
