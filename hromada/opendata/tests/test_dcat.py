"""STANDARDS §3.8 item 17: the DCAT serialisations parse and carry what
harvesters need (rdflib is a test-only dependency, ADR 10)."""

import pytest
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef

from hromada.opendata.tests.factories import dataset_make

pytestmark = pytest.mark.django_db
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
SPDX = Namespace("http://spdx.org/rdf/terms#")
FORMATS = {"ttl": "turtle", "rdf": "xml", "jsonld": "json-ld"}


@pytest.fixture
def catalogue():
    return [
        dataset_make("byudzhet", title='Бюджет "громади"\nна рік'),
        dataset_make("shkoly", title="Перелік шкіл", spatial=True),
        dataset_make("chernetka", published=False),
    ]


def parse(client, path: str, fmt: str) -> Graph:
    response = client.get(path)
    assert response.status_code == 200
    return Graph().parse(data=response.content, format=FORMATS[fmt])


@pytest.mark.parametrize("fmt", ["ttl", "rdf", "jsonld"])
def test_17_the_catalogue_parses_and_describes_every_dataset(client, catalogue, fmt):
    # when
    graph = parse(client, f"/opendata/catalog.{fmt}", fmt)

    # then
    [catalog] = list(graph.subjects(RDF.type, DCAT.Catalog))
    datasets = set(graph.subjects(RDF.type, DCAT.Dataset))
    assert set(graph.objects(catalog, DCAT.dataset)) == datasets
    assert datasets == {
        URIRef("http://testserver/opendata/dataset/byudzhet/"),
        URIRef("http://testserver/opendata/dataset/shkoly/"),
    }
    for dataset in datasets:
        for predicate in (DCT.title, DCT.description, DCT.publisher, DCAT.distribution):
            assert graph.value(dataset, predicate) is not None, predicate
        modified = graph.value(dataset, DCT.modified)
        assert (modified.datatype, type(modified.toPython()).__name__) == (
            XSD.dateTime,
            "datetime",
        )
        for distribution in graph.objects(dataset, DCAT.distribution):
            for predicate in (
                DCAT.accessURL,
                DCAT.downloadURL,
                DCT["format"],
                DCT.license,
            ):
                assert graph.value(distribution, predicate) is not None, predicate
            checksum = graph.value(distribution, SPDX.checksum)
            assert len(str(graph.value(checksum, SPDX.checksumValue))) == 64
    assert (
        URIRef("http://testserver/opendata/dataset/byudzhet/"),
        DCT.title,
        Literal('Бюджет "громади"\nна рік', lang="uk"),
    ) in graph


@pytest.mark.parametrize("fmt", ["ttl", "rdf", "jsonld"])
def test_17_one_dataset_in_each_serialisation(client, catalogue, fmt):
    # when
    response = client.get(f"/opendata/dataset/shkoly.{fmt}")
    graph = Graph().parse(data=response.content, format=FORMATS[fmt])

    # then
    dataset = URIRef("http://testserver/opendata/dataset/shkoly/")
    assert (
        response["Content-Type"].split(";")[0]
        == {
            "ttl": "text/turtle",
            "rdf": "application/rdf+xml",
            "jsonld": "application/ld+json",
        }[fmt]
    )
    assert set(graph.subjects(RDF.type, DCAT.Dataset)) == {dataset}
    assert len(list(graph.objects(dataset, DCAT.distribution))) == 5
    assert graph.value(dataset, DCT.accrualPeriodicity) == URIRef(
        "http://publications.europa.eu/resource/authority/frequency/MONTHLY"
    )
    contact = graph.value(dataset, DCAT.contactPoint)
    assert str(
        graph.value(contact, URIRef("http://www.w3.org/2006/vcard/ns#hasEmail"))
    ) == ("mailto:opendata@rada.example")
