"""The catalogue in DCAT-AP (STANDARDS §3.6), as mirrored by ckanext-dcat:
the council's ``dcat:Catalog``, its ``dcat:Dataset`` s and their
``dcat:Distribution`` s, written by ``rdf``."""

from collections.abc import Iterable
from datetime import datetime
from typing import Final

from django.urls import reverse

from hromada.opendata import catalogue, ckan_dicts, formats, rdf
from hromada.opendata.ckan_dicts import Site
from hromada.opendata.models import Dataset, Resource, ResourceFormat
from hromada.opendata.rdf import Blank, Graph, Literal, Uri

XSD: Final = rdf.NAMESPACES["xsd"]
IANA: Final = "https://www.iana.org/assignments/media-types/"
SERIALISATIONS: Final = {
    "ttl": ("text/turtle; charset=utf-8", rdf.turtle),
    "rdf": ("application/rdf+xml; charset=utf-8", rdf.rdf_xml),
    "jsonld": ("application/ld+json; charset=utf-8", rdf.json_ld),
}
PUBLISHER: Final = Blank("publisher")
SPATIAL: Final = Blank("spatial")


def _time(moment: datetime) -> Literal:
    return Literal(catalogue.kyiv_text(moment), datatype=XSD + "dateTime")


def _texts(graph: Graph, subject: Uri, predicate: str, uk: str, en: str) -> None:
    graph.add(subject, predicate, Literal(uk, language="uk"))
    if en and en != uk:
        graph.add(subject, predicate, Literal(en, language="en"))


def _agents(graph: Graph) -> None:
    council = catalogue.council()
    graph.add_type(PUBLISHER, "foaf:Agent")
    graph.add(PUBLISHER, "foaf:name", Literal(council.name, language="uk"))
    graph.add(PUBLISHER, "foaf:name", Literal(council.name_en, language="en"))
    graph.add(PUBLISHER, "dct:identifier", Literal(council.edrpou))
    graph.add_type(SPATIAL, "dct:Location")
    graph.add(SPATIAL, "dct:identifier", Literal(council.katottg))
    graph.add(SPATIAL, "skos:prefLabel", Literal(council.short_name, language="uk"))


def _contact(graph: Graph, dataset: Dataset) -> Blank:
    contact = Blank(f"contact{dataset.pk}")
    graph.add_type(contact, "vcard:Kind")
    graph.add(contact, "vcard:fn", Literal(dataset.responsible_person))
    if dataset.responsible_email:
        graph.add(contact, "vcard:hasEmail", Uri(f"mailto:{dataset.responsible_email}"))
    return contact


def dataset_uri(dataset: Dataset, *, site: Site) -> Uri:
    """The dataset's URI: its page on the portal."""
    return Uri(ckan_dicts.landing_page(dataset, site=site))


def _dataset(graph: Graph, dataset: Dataset, *, site: Site) -> Uri:
    subject = dataset_uri(dataset, site=site)
    graph.add_type(subject, "dcat:Dataset")
    graph.add(subject, "dct:identifier", Literal(str(dataset.public_id)))
    _texts(graph, subject, "dct:title", dataset.title, dataset.title_en)
    _texts(
        graph, subject, "dct:description", dataset.description, dataset.description_en
    )
    for keyword in dataset.keywords.all():
        graph.add(subject, "dcat:keyword", Literal(keyword.name, language="uk"))
    graph.add(subject, "dcat:theme", Uri(catalogue.theme_uri(dataset.theme)))
    graph.add(subject, "dct:publisher", PUBLISHER)
    graph.add(subject, "dcat:contactPoint", _contact(graph, dataset))
    if dataset.first_published_at is not None:
        graph.add(subject, "dct:issued", _time(dataset.first_published_at))
    if dataset.modified_at is not None:
        graph.add(subject, "dct:modified", _time(dataset.modified_at))
    graph.add(subject, "dct:accrualPeriodicity", Uri(catalogue.frequency_uri(dataset)))
    graph.add(subject, "dcat:landingPage", subject)
    graph.add(subject, "dct:spatial", SPATIAL)
    graph.add(subject, "dct:language", Uri(catalogue.LANGUAGE_URI))
    graph.add(subject, "owl:versionInfo", Literal(str(dataset.version)))
    for resource in dataset.resources.all():
        graph.add(
            subject, "dcat:distribution", _distribution(graph, resource, dataset, site)
        )
    return subject


def _distribution(
    graph: Graph, resource: Resource, dataset: Dataset, site: Site
) -> Uri:
    page = ckan_dicts.landing_page(dataset, site=site)
    subject = Uri(f"{page}#{resource.kind}-{resource.format}")
    info = formats.FORMATS[ResourceFormat(resource.format)]
    graph.add_type(subject, "dcat:Distribution")
    title = ckan_dicts.resource_title(resource, dataset=dataset)
    graph.add(subject, "dct:title", Literal(title, language="uk"))
    graph.add(subject, "dcat:accessURL", Uri(page))
    url = ckan_dicts.download_url(resource, dataset=dataset, site=site)
    graph.add(subject, "dcat:downloadURL", Uri(url))
    file_type = f"{catalogue.EU_AUTHORITY}file-type/{info.eu_file_type}"
    graph.add(subject, "dct:format", Uri(file_type))
    graph.add(subject, "dcat:mediaType", Uri(IANA + info.content_type))
    graph.add(subject, "dct:license", Uri(catalogue.licence_url(dataset)))
    size = str(resource.stored_file.size)
    graph.add(
        subject, "dcat:byteSize", Literal(size, datatype=XSD + "nonNegativeInteger")
    )
    graph.add(subject, "dct:modified", _time(resource.generated_at))
    checksum = Blank(f"checksum{resource.pk}")
    graph.add(subject, "spdx:checksum", checksum)
    graph.add_type(checksum, "spdx:Checksum")
    graph.add(
        checksum, "spdx:algorithm", Uri(rdf.term("spdx:checksumAlgorithm_sha256"))
    )
    digest = Literal(resource.stored_file.sha256, datatype=XSD + "hexBinary")
    graph.add(checksum, "spdx:checksumValue", digest)
    return subject


def catalog_graph(datasets: Iterable[Dataset], *, site: Site) -> Graph:
    """The whole catalogue: the council's catalog and every dataset."""
    graph = Graph()
    subject = Uri(site.url(reverse("opendata:dataset_list")))
    graph.add_type(subject, "dcat:Catalog")
    for language in ("uk", "en"):
        title = catalogue.catalogue_title(language)
        graph.add(subject, "dct:title", Literal(title, language=language))
        about = catalogue.catalogue_description(language)
        graph.add(subject, "dct:description", Literal(about, language=language))
    graph.add(subject, "foaf:homepage", subject)
    graph.add(subject, "dct:publisher", PUBLISHER)
    graph.add(subject, "dct:language", Uri(catalogue.LANGUAGE_URI))
    graph.add(subject, "dct:spatial", SPATIAL)
    _agents(graph)
    latest = None
    for dataset in datasets:
        graph.add(subject, "dcat:dataset", _dataset(graph, dataset, site=site))
        if dataset.modified_at and (latest is None or dataset.modified_at > latest):
            latest = dataset.modified_at
    if latest is not None:
        graph.add(subject, "dct:modified", _time(latest))
    return graph


def dataset_graph(dataset: Dataset, *, site: Site) -> Graph:
    """One dataset with its distributions, publisher and contact."""
    graph = Graph()
    _dataset(graph, dataset, site=site)
    _agents(graph)
    return graph
