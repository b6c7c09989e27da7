"""The read-only actions of the CKAN API that Hromada serves (STANDARDS
§3.1). Each takes the parameters and the site and returns ``result``, or
raises an ``ActionError``; every read goes through the public selectors."""

import re
from collections.abc import Callable
from typing import Final

from django.db.models import QuerySet

from hromada.opendata import catalogue, ckan_dicts, selectors, solr
from hromada.opendata.ckan_api import (
    NotFound,
    Params,
    SearchQueryFailed,
    ValidationFailed,
)
from hromada.opendata.ckan_dicts import JsonObject, Site
from hromada.opendata.models import Dataset

CKAN_VERSION: Final = "2.10.0"
ROWS_DEFAULT: Final = 10
ROWS_MAX: Final = 1000
FACET_LIMIT_DEFAULT: Final = 50
DEFAULT_SORT: Final = "score desc, metadata_modified desc"
INCLUDED_DATASETS: Final = 10
# Actions that change something: refused, as Hromada only publishes.
WRITE_ACTION: Final = re.compile(
    r"(_create|_update|_patch|_delete|_purge|_revise|_reorder|_import)$|^bulk_"
)
Action = Callable[[Params, Site], object]


def status_show(params: Params, site: Site) -> JsonObject:
    """The site's name, address, language and the CKAN level emulated."""
    return {
        "site_title": catalogue.catalogue_title("uk"),
        "site_description": catalogue.catalogue_description("uk"),
        "site_url": site.root,
        "locale_default": "uk",
        "extensions": [],
        "ckan_version": CKAN_VERSION,
    }


def _bounds(params: Params) -> slice:
    offset = params.natural("offset", 0)
    limit = params.optional_natural("limit")
    return slice(offset, None if limit is None else offset + limit)


def package_list(params: Params, site: Site) -> list[str]:
    """Names of the published datasets, sorted; ``limit`` and ``offset``."""
    return list(selectors.dataset_name_list_public()[_bounds(params)])


def package_show(params: Params, site: Site) -> JsonObject:
    """One published dataset by ``id`` (its identifier or name)."""
    dataset = selectors.dataset_get_public(key=params.required("id"))
    if dataset is None:
        raise NotFound("Dataset not found")
    return ckan_dicts.package_dict(dataset, site=site)


def _clauses(params: Params) -> tuple[str, list[solr.Clause]]:
    """Free words and filter clauses from ``q``, ``fq`` and ``fq_list``."""
    query = params.text("q").strip()
    texts = [params.text("fq"), *params.strings("fq_list")]
    words = ""
    if query and query != "*:*":
        if solr.is_fielded(query):
            texts.append(query)
        else:
            words = query
    clauses = [
        clause for text in texts if text.strip() for clause in solr.fq_parse(text)
    ]
    return words, clauses


def package_search(params: Params, site: Site) -> JsonObject:
    """Published datasets matching ``q`` and ``fq``, a page at a time,
    with facets (STANDARDS §3.4)."""
    rows = min(params.natural("rows", ROWS_DEFAULT), ROWS_MAX)
    start = params.natural("start", 0)
    sort = params.text("sort").strip() or DEFAULT_SORT
    try:
        words, clauses = _clauses(params)
        search = selectors.DatasetSearch(
            text=words, clauses=tuple(clauses), sort=tuple(solr.sort_parse(sort))
        )
    except solr.SearchQueryError as error:
        raise SearchQueryFailed(str(error)) from None
    datasets = selectors.dataset_search(search=search)
    results = [
        ckan_dicts.package_dict(dataset, site=site)
        for dataset in datasets[start : start + rows]
    ]
    facets = _facets(params, datasets)
    return {
        "count": datasets.count(),
        "results": results,
        "sort": sort,
        "facets": {
            field: {item.name: item.count for item in items}
            for field, items in facets.items()
        },
        "search_facets": {
            field: {
                "title": field,
                "items": [
                    {"name": i.name, "display_name": i.display_name, "count": i.count}
                    for i in items
                ],
            }
            for field, items in facets.items()
        },
    }


def _facets(
    params: Params, datasets: QuerySet[Dataset]
) -> dict[str, list[selectors.FacetItem]]:
    fields = params.strings("facet.field")
    if not params.boolean("facet", True) or not fields:
        return {}
    limit = params.integer("facet.limit", FACET_LIMIT_DEFAULT)
    mincount = params.natural("facet.mincount", 1)
    counted = selectors.dataset_facets(datasets=datasets, fields=fields)
    return {
        field: [item for item in items if item.count >= mincount][
            : limit if limit >= 0 else None
        ]
        for field, items in counted.items()
    }


def _sorted_entries(
    entries: list[tuple[JsonObject, int]], params: Params, *, names: list[str]
) -> list[tuple[JsonObject, int]]:
    if names:
        entries = [entry for entry in entries if entry[0]["name"] in names]
    field, _space, direction = params.text("sort", "name asc").strip().partition(" ")
    keys: dict[str, Callable[[tuple[JsonObject, int]], str | int]] = {
        "name": lambda entry: str(entry[0]["name"]),
        "title": lambda entry: str(entry[0]["title"]).casefold(),
        "package_count": lambda entry: entry[1],
    }
    if field not in keys:
        raise ValidationFailed(fields={"sort": [f"Cannot sort by field `{field}`"]})
    return sorted(entries, key=keys[field], reverse=direction.strip() == "desc")


def _listed(
    entries: list[tuple[JsonObject, int]], params: Params, *, names_param: str
) -> list[object]:
    chosen = _sorted_entries(entries, params, names=params.strings(names_param))
    page = chosen[_bounds(params)]
    if not params.boolean("all_fields", False):
        return [entry["name"] for entry, _count in page]
    with_count = params.boolean("include_dataset_count", True)
    return [
        {**entry, "package_count": count} if with_count else entry
        for entry, count in page
    ]


def organization_list(params: Params, site: Site) -> list[object]:
    """The units publishing datasets: names, or objects with ``all_fields``."""
    entries = [
        (ckan_dicts.organization_dict(p.unit), p.dataset_count)
        for p in selectors.publisher_list_public()
    ]
    return _listed(entries, params, names_param="organizations")


def organization_show(params: Params, site: Site) -> JsonObject:
    """One publisher unit by ``id`` or name, with its first datasets if
    ``include_datasets`` is true."""
    key = params.required("id")
    for publisher in selectors.publisher_list_public():
        if key in (publisher.name, str(publisher.unit.public_id)):
            break
    else:
        raise NotFound("Organization not found")
    result = ckan_dicts.organization_dict(publisher.unit)
    if params.boolean("include_dataset_count", True):
        result["package_count"] = publisher.dataset_count
    if params.boolean("include_datasets", False):
        datasets = selectors.dataset_list_public().filter(publisher=publisher.unit)
        result["packages"] = [
            ckan_dicts.package_dict(dataset, site=site)
            for dataset in datasets.order_by("name")[:INCLUDED_DATASETS]
        ]
    return result


def group_list(params: Params, site: Site) -> list[object]:
    """The themes in use: names, or objects with ``all_fields``."""
    entries = [
        (ckan_dicts.group_dict(theme), count)
        for theme, count in selectors.theme_counts_public().items()
    ]
    return _listed(entries, params, names_param="groups")


def resource_show(params: Params, site: Site) -> JsonObject:
    """One file of a published dataset by its ``id``."""
    resource = selectors.resource_get_public(key=params.required("id"))
    if resource is None:
        raise NotFound("Resource was not found.")
    return ckan_dicts.resource_dict(resource, dataset=resource.dataset, site=site)


def tag_list(params: Params, site: Site) -> list[object]:
    """Keywords of the published datasets; ``query`` is a part of one."""
    if params.text("vocabulary_id"):
        raise NotFound("Could not find vocabulary")
    query = params.text("query") or params.text("q")
    names = list(
        selectors.keyword_list_public(query=query).values_list("name", flat=True)
    )
    if params.boolean("all_fields", False):
        return [ckan_dicts.tag_dict(name) for name in names]
    return list(names)


def help_show(params: Params, site: Site) -> str:
    """What an action does: its description."""
    action = ACTIONS.get(params.required("name"))
    if action is None:
        raise NotFound("Action function not found")
    return action.__doc__ or ""


ACTIONS: Final[dict[str, Action]] = {
    "status_show": status_show,
    "package_list": package_list,
    "package_show": package_show,
    "package_search": package_search,
    "organization_list": organization_list,
    "organization_show": organization_show,
    "group_list": group_list,
    "resource_show": resource_show,
    "tag_list": tag_list,
    "help_show": help_show,
}
