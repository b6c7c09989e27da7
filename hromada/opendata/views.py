"""Public pages of the open-data catalogue, its files and its DCAT.

Everything here reads published datasets only (``selectors``); files and
DCAT answer every origin and revalidate by ``ETag``.
"""

import hashlib

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseNotModified,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import http_date

from hromada.core import storage
from hromada.opendata import catalogue, ckan_dicts, dcat, formats, selectors
from hromada.opendata.forms import CatalogueFilterForm
from hromada.opendata.models import Dataset, Resource, ResourceFormat, ResourceKind

PAGE_SIZE = 20
TEXT_TYPES = frozenset({storage.CSV, formats.JSON_TYPE, formats.GEOJSON_TYPE})


@login_not_required
def dataset_list(request: HttpRequest) -> HttpResponse:
    """The catalogue: search, filters and a page of datasets."""
    publishers = selectors.publisher_list_public()
    keywords = list(selectors.keyword_list_public().values_list("name", flat=True))
    form = CatalogueFilterForm(
        request.GET or None, publishers=publishers, keywords=keywords
    )
    datasets = selectors.dataset_search(search=form.search())
    page = Paginator(datasets, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "title": catalogue.catalogue_title(request.LANGUAGE_CODE),
        "api_url": reverse("ckan_action", args=["package_search"]),
        "catalog_ttl": reverse("opendata:catalog_dcat", args=["ttl"]),
    }
    return render(request, "opendata/dataset_list.html", context)


def _public_or_404(name: str) -> Dataset:
    dataset = selectors.dataset_get_public(key=name)
    if dataset is None or dataset.name != name:
        raise Http404
    return dataset


@login_not_required
def dataset_detail(request: HttpRequest, name: str) -> HttpResponse:
    """A dataset's passport, files, structure and how to reach it by API."""
    dataset = _public_or_404(name)
    site = ckan_dicts.site_for(request)
    resources = [
        (resource, ckan_dicts.download_url(resource, dataset=dataset, site=site))
        for resource in dataset.resources.all()
    ]
    context = {
        "dataset": dataset,
        "resources": resources,
        "frequency": catalogue.frequency_label_uk(dataset)
        if request.LANGUAGE_CODE == "uk"
        else dataset.get_frequency_display(),
        "licence_title": catalogue.licence_title(dataset),
        "licence_url": catalogue.licence_url(dataset),
        "edrpou": catalogue.publisher_edrpou(dataset),
        "katottg": catalogue.council().katottg,
        "package_show": site.url(reverse("ckan_action", args=["package_show"]))
        + f"?id={dataset.name}",
        "dcat_links": [
            (label, reverse("opendata:dataset_dcat", args=[dataset.name, fmt]))
            for fmt, label in (
                ("ttl", "Turtle"),
                ("rdf", "RDF/XML"),
                ("jsonld", "JSON-LD"),
            )
        ],
    }
    return render(request, "opendata/dataset_detail.html", context)


def _revalidated(
    request: HttpRequest, response: HttpResponseBase, *, tag: str
) -> HttpResponseBase:
    response["Access-Control-Allow-Origin"] = "*"
    response["ETag"] = tag
    if request.headers.get("If-None-Match") == tag:
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Last-Modified", "Access-Control-Allow-Origin"):
            if header in response:
                not_modified[header] = response[header]
        return not_modified
    return response


def _file_response(request: HttpRequest, resource: Resource) -> HttpResponseBase:
    stored = resource.stored_file
    info = formats.FORMATS[ResourceFormat(resource.format)]
    content_type = info.content_type
    if content_type in TEXT_TYPES:
        content_type += "; charset=utf-8"
    suffix = "-structure" if resource.kind == ResourceKind.STRUCTURE else ""
    response = FileResponse(
        storage.file_open(stored),
        content_type=content_type,
        as_attachment=True,
        filename=f"{resource.dataset.name}{suffix}{info.extension}",
    )
    response["Last-Modified"] = http_date(resource.generated_at.timestamp())
    return _revalidated(request, response, tag=f'"{stored.sha256}"')


@login_not_required
def resource_download(request: HttpRequest, name: str, fmt: str) -> HttpResponseBase:
    """A dataset's data file in one format."""
    resource = selectors.resource_get_download(
        name=name, kind=ResourceKind.DATA, format=ResourceFormat(fmt)
    )
    if resource is None:
        raise Http404
    return _file_response(request, resource)


@login_not_required
def structure_download(request: HttpRequest, name: str) -> HttpResponseBase:
    """A dataset's structure file (CSV)."""
    resource = selectors.resource_get_download(
        name=name, kind=ResourceKind.STRUCTURE, format=ResourceFormat.CSV
    )
    if resource is None:
        raise Http404
    return _file_response(request, resource)


def _rdf_response(
    request: HttpRequest, graph: dcat.Graph, fmt: str
) -> HttpResponseBase:
    content_type, write = dcat.SERIALISATIONS[fmt]
    body = write(graph).encode("utf-8")
    response = HttpResponse(body, content_type=content_type)
    tag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    return _revalidated(request, response, tag=tag)


@login_not_required
def catalog_dcat(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The whole catalogue in DCAT-AP: Turtle, RDF/XML or JSON-LD."""
    datasets = selectors.dataset_list_public().order_by("name")
    graph = dcat.catalog_graph(datasets, site=ckan_dicts.site_for(request))
    return _rdf_response(request, graph, fmt)


@login_not_required
def dataset_dcat(request: HttpRequest, name: str, fmt: str) -> HttpResponseBase:
    """One dataset in DCAT-AP."""
    dataset = _public_or_404(name)
    graph = dcat.dataset_graph(dataset, site=ckan_dicts.site_for(request))
    return _rdf_response(request, graph, fmt)
