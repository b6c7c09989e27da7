"""A small RDF graph and its Turtle, RDF/XML and JSON-LD serialisations.

Enough for DCAT: URIs, blank nodes, plain, language-tagged and typed
literals; every predicate and class lies in one of ``NAMESPACES``.
"""

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Final
from xml.sax.saxutils import escape, quoteattr

NAMESPACES: Final = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "spdx": "http://spdx.org/rdf/terms#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}
RDF_TYPE: Final = NAMESPACES["rdf"] + "type"


@dataclass(frozen=True, slots=True)
class Uri:
    """A resource named by a URI."""

    value: str


@dataclass(frozen=True, slots=True)
class Blank:
    """A blank node, named within one document."""

    name: str


@dataclass(frozen=True, slots=True)
class Literal:
    """A literal, with a language or a datatype URI."""

    value: str
    language: str = ""
    datatype: str = ""


Subject = Uri | Blank
Node = Uri | Blank | Literal


def term(curie: str) -> str:
    """``dcat:Dataset`` as a full URI."""
    prefix, _colon, local = curie.partition(":")
    return NAMESPACES[prefix] + local


class Graph:
    """Triples kept in the order they were added, grouped by subject."""

    def __init__(self) -> None:
        self.subjects: dict[Subject, list[tuple[str, Node]]] = defaultdict(list)

    def add(self, subject: Subject, predicate: str, obj: Node) -> None:
        """Add one triple; ``predicate`` is a CURIE such as ``dct:title``."""
        self.subjects[subject].append((term(predicate), obj))

    def add_type(self, subject: Subject, curie: str) -> None:
        """Say that ``subject`` is a ``curie``."""
        self.subjects[subject].append((RDF_TYPE, Uri(term(curie))))


def _curie(uri: str) -> str | None:
    for prefix, namespace in NAMESPACES.items():
        local = uri.removeprefix(namespace)
        if local != uri and local.replace("_", "a").isalnum():
            return f"{prefix}:{local}"
    return None


def _turtle_string(value: str) -> str:
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def _turtle_node(node: Node) -> str:
    if isinstance(node, Blank):
        return f"_:{node.name}"
    if isinstance(node, Uri):
        return _curie(node.value) or f"<{node.value}>"
    text = _turtle_string(node.value)
    if node.language:
        return f"{text}@{node.language}"
    if node.datatype:
        return f"{text}^^{_curie(node.datatype) or f'<{node.datatype}>'}"
    return text


def turtle(graph: Graph) -> str:
    """The graph in Turtle."""
    lines = [f"@prefix {prefix}: <{uri}> ." for prefix, uri in NAMESPACES.items()]
    for subject, pairs in graph.subjects.items():
        lines.append("")
        statements = [
            f"    {'a' if p == RDF_TYPE else _turtle_node(Uri(p))} {_turtle_node(o)}"
            for p, o in pairs
        ]
        lines.append(_turtle_node(subject))
        lines.append(" ;\n".join(statements) + " .")
    return "\n".join(lines) + "\n"


def _xml_object(element: str, node: Node) -> str:
    if isinstance(node, Uri):
        return f"<{element} rdf:resource={quoteattr(node.value)}/>"
    if isinstance(node, Blank):
        return f"<{element} rdf:nodeID={quoteattr(node.name)}/>"
    attributes = ""
    if node.language:
        attributes = f" xml:lang={quoteattr(node.language)}"
    elif node.datatype:
        attributes = f" rdf:datatype={quoteattr(node.datatype)}"
    return f"<{element}{attributes}>{escape(node.value)}</{element}>"


def rdf_xml(graph: Graph) -> str:
    """The graph in RDF/XML."""
    declarations = " ".join(
        f"xmlns:{prefix}={quoteattr(uri)}" for prefix, uri in NAMESPACES.items()
    )
    parts = ['<?xml version="1.0" encoding="utf-8"?>', f"<rdf:RDF {declarations}>"]
    for subject, pairs in graph.subjects.items():
        about = (
            f"rdf:about={quoteattr(subject.value)}"
            if isinstance(subject, Uri)
            else f"rdf:nodeID={quoteattr(subject.name)}"
        )
        parts.append(f"  <rdf:Description {about}>")
        for predicate, obj in pairs:
            element = _curie(predicate)
            assert element is not None  # every predicate is in NAMESPACES
            parts.append(f"    {_xml_object(element, obj)}")
        parts.append("  </rdf:Description>")
    parts.append("</rdf:RDF>")
    return "\n".join(parts) + "\n"


def _json_node(node: Node) -> dict[str, str]:
    if isinstance(node, Uri):
        return {"@id": node.value}
    if isinstance(node, Blank):
        return {"@id": f"_:{node.name}"}
    if node.language:
        return {"@value": node.value, "@language": node.language}
    if node.datatype:
        return {"@value": node.value, "@type": node.datatype}
    return {"@value": node.value}


def json_ld(graph: Graph) -> str:
    """The graph in expanded JSON-LD."""
    documents = []
    for subject, pairs in graph.subjects.items():
        node: dict[str, object] = {"@id": _json_node(subject)["@id"]}
        types = [o.value for p, o in pairs if p == RDF_TYPE and isinstance(o, Uri)]
        if types:
            node["@type"] = types
        properties: dict[str, list[dict[str, str]]] = defaultdict(list)
        for predicate, obj in pairs:
            if predicate != RDF_TYPE:
                properties[predicate].append(_json_node(obj))
        node.update(properties)
        documents.append(node)
    return json.dumps(documents, ensure_ascii=False, indent=1) + "\n"
