"""Reads of the open-data catalogue.

The public — pages, the CKAN API, DCAT, downloads — sees published
datasets only (``dataset_list_public``); one query for the datasets with
their publishers, one for their keywords and one for their files, however
many datasets a page shows. The keepers' cabinet reads every dataset
through the ``*_for_keeper`` selectors.
"""

import uuid
from collections import defaultdict
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property
from typing import Final

from django.db.models import Count, Prefetch, Q, QuerySet, TextChoices

from hromada.accounts.models import User
from hromada.core import datasets as core_datasets
from hromada.core.datasets import UpdateFrequency
from hromada.core.translit import slugify_uk
from hromada.opendata import permissions, solr
from hromada.opendata.models import (
    Dataset,
    DataTheme,
    Keyword,
    Licence,
    Resource,
    ResourceFormat,
    ResourceKind,
)
from hromada.org.models import OrgUnit

# How old a dataset's data may grow before the schedule reads them again.
# "On change" has no schedule a producer could tell, so it is read daily
# and published again only when the bytes differ.
REFRESH_INTERVALS: Final = {
    UpdateFrequency.MORE_THAN_DAILY: timedelta(hours=1),
    UpdateFrequency.DAILY: timedelta(days=1),
    UpdateFrequency.WEEKLY: timedelta(days=7),
    UpdateFrequency.MONTHLY: timedelta(days=30),
    UpdateFrequency.QUARTERLY: timedelta(days=91),
    UpdateFrequency.HALF_YEARLY: timedelta(days=182),
    UpdateFrequency.YEARLY: timedelta(days=365),
    UpdateFrequency.ON_CHANGE: timedelta(days=1),
}
# A refresh that ran a little early still counts: the schedule runs hourly.
REFRESH_SLACK: Final = timedelta(minutes=10)
DEFAULT_SORT: Final = (("score", True), ("metadata_modified", True))
SORT_COLUMNS: Final = {
    "name": "name",
    "title": "title",
    "title_string": "title",
    "metadata_modified": "modified_at",
    "metadata_created": "first_published_at",
    "id": "public_id",
}
FACET_FIELDS: Final = ("organization", "groups", "tags", "res_format", "license_id")
_NOTHING: Final = Q(pk__in=[])
_EVERYTHING: Final = Q(pk__isnull=False)


def org_unit_slug(unit: OrgUnit) -> str:
    """The CKAN ``name`` of a publisher unit: its name in Latin letters."""
    return slugify_uk(unit.name) or f"unit-{unit.public_id}"


def dataset_list_public() -> QuerySet[Dataset]:
    """Published datasets with their publisher, keywords and files."""
    return (
        Dataset.objects.filter(is_published=True)
        .select_related("publisher")
        .prefetch_related(
            Prefetch("keywords", queryset=Keyword.objects.order_by("name")),
            Prefetch(
                "resources",
                queryset=Resource.objects.select_related("stored_file").order_by(
                    "position", "pk"
                ),
            ),
        )
    )


def dataset_name_list_public() -> QuerySet[Dataset, str]:
    """Names of the published datasets, sorted."""
    return (
        Dataset.objects.filter(is_published=True)
        .order_by("name")
        .values_list("name", flat=True)
    )


def dataset_get_public(*, key: str) -> Dataset | None:
    """The published dataset whose name or identifier is ``key``."""
    where = Q(name=key)
    with suppress(ValueError):
        where |= Q(public_id=uuid.UUID(key))
    return dataset_list_public().filter(where).first()


def dataset_list_all() -> QuerySet[Dataset]:
    """Every passport, published or not, for the catalogue's keepers."""
    return Dataset.objects.select_related("publisher").order_by("title", "pk")


def dataset_list_for_keeper(*, user: User) -> QuerySet[Dataset]:
    """Every passport, published or not, with its publisher and its number
    of files (``resource_count``), by title; nothing for anyone who does
    not keep the catalogue. Cabinet pages take single datasets from it."""
    if not permissions.can_keep_catalogue(user):
        return Dataset.objects.none()
    return (
        Dataset.objects.select_related("publisher")
        .annotate(resource_count=Count("resources"))
        .order_by("title", "pk")
    )


def resource_list_for_keeper(*, user: User, dataset: Dataset) -> QuerySet[Resource]:
    """The files generated for ``dataset``, with their stored files, in
    the catalogue's order; nothing for anyone who does not keep it."""
    if not permissions.can_keep_catalogue(user):
        return Resource.objects.none()
    return (
        Resource.objects.filter(dataset=dataset)
        .select_related("stored_file")
        .order_by("position", "pk")
    )


def dataset_list_due(*, now: datetime) -> QuerySet[Dataset]:
    """Datasets with a registered producer whose data are older than their
    update frequency allows, or were never read."""
    due = Q(relevant_at__isnull=True)
    for frequency, interval in REFRESH_INTERVALS.items():
        due |= Q(frequency=frequency, relevant_at__lte=now - interval + REFRESH_SLACK)
    names = [producer.name for producer in core_datasets.dataset_producers()]
    return Dataset.objects.filter(due, name__in=names).order_by("relevant_at", "pk")


def resource_get_public(*, key: str) -> Resource | None:
    """A file of a published dataset by its identifier."""
    try:
        public_id = uuid.UUID(key)
    except ValueError:
        return None
    return (
        Resource.objects.filter(public_id=public_id, dataset__is_published=True)
        .select_related("stored_file", "dataset")
        .first()
    )


def resource_get_download(
    *, name: str, kind: ResourceKind, format: ResourceFormat
) -> Resource | None:
    """The file of a published dataset to download."""
    return (
        Resource.objects.filter(
            dataset__name=name, dataset__is_published=True, kind=kind, format=format
        )
        .select_related("stored_file", "dataset")
        .first()
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class Publisher:
    """A unit that publishes datasets: a CKAN organization."""

    unit: OrgUnit
    name: str
    dataset_count: int


def publisher_list_public() -> list[Publisher]:
    """Units publishing at least one public dataset, by name; two queries."""
    counts = dict(
        Dataset.objects.filter(is_published=True)
        .values_list("publisher_id")
        .annotate(total=Count("pk"))
        .order_by()
    )
    units = OrgUnit.objects.filter(pk__in=[pk for pk in counts if pk is not None])
    publishers = [
        Publisher(unit=unit, name=org_unit_slug(unit), dataset_count=counts[unit.pk])
        for unit in units
    ]
    return sorted(publishers, key=lambda p: (p.name, p.unit.pk))


def keyword_list_public(*, query: str = "") -> QuerySet[Keyword]:
    """Keywords of published datasets, by name; ``query`` is a part of one."""
    keywords = Keyword.objects.filter(datasets__is_published=True)
    if query:
        keywords = keywords.filter(name__icontains=query)
    return keywords.distinct().order_by("name")


def theme_counts_public() -> dict[str, int]:
    """Published datasets per theme (CKAN group) in use."""
    rows = (
        Dataset.objects.filter(is_published=True)
        .values_list("theme")
        .annotate(total=Count("pk"))
        .order_by("theme")
    )
    return dict(rows)


@dataclass(frozen=True, kw_only=True, slots=True)
class DatasetSearch:
    """A search of the catalogue: free words, filter clauses, a sort."""

    text: str = ""
    clauses: tuple[solr.Clause, ...] = ()
    sort: tuple[tuple[str, bool], ...] = DEFAULT_SORT


def dataset_search(*, search: DatasetSearch) -> QuerySet[Dataset]:
    """Published datasets matching every word and clause, in a stable
    order: the identifier breaks every tie, so pages never overlap."""
    datasets = dataset_list_public()
    for word in search.text.casefold().split():
        datasets = datasets.filter(search_text__contains=word)
    filters = _Filters()
    for clause in search.clauses:
        datasets = datasets.filter(filters.clause(clause))
    return datasets.order_by(*_ordering(search.sort))


def _ordering(sort: tuple[tuple[str, bool], ...]) -> list[str]:
    # Every match scores alike (no ranking), so "score" orders nothing.
    columns = [
        ("-" if descending else "") + SORT_COLUMNS[field]
        for field, descending in sort
        if field in SORT_COLUMNS
    ]
    return [*columns, "public_id"]


class _Filters:
    """Turns parsed clauses into filters; reads the publishers' names
    once, and only when a clause names an organization."""

    @cached_property
    def units_by_slug(self) -> dict[str, list[int]]:
        units: dict[str, list[int]] = defaultdict(list)
        for publisher in publisher_list_public():
            units[publisher.name].append(publisher.unit.pk)
        return units

    def clause(self, clause: solr.Clause) -> Q:
        node = clause.node
        if isinstance(node, solr.AnyOf):
            where = _NOTHING
            for inner in node.clauses:
                where |= self.clause(inner)
        else:
            where = self.term(node)
        return ~where if clause.negated else where

    def term(self, term: solr.Term) -> Q:
        if term.range is not None:
            return _range_q(term.field, term.range)
        where = _NOTHING
        for value in term.values:
            where |= _EVERYTHING if value == "*" else self.value(term.field, value)
        return where

    def value(self, field: str, value: str) -> Q:
        if field == "organization":
            return Q(publisher_id__in=self.units_by_slug.get(value, []))
        return _VALUE_FILTERS[field](value)


def _id_q(value: str) -> Q:
    try:
        return Q(public_id=uuid.UUID(value))
    except ValueError:
        return _NOTHING


def _tag_q(value: str) -> Q:
    tagged = Dataset.keywords.through.objects.filter(keyword__name=value)
    return Q(pk__in=tagged.values("dataset_id"))


def _format_q(value: str) -> Q:
    files = Resource.objects.filter(kind=ResourceKind.DATA, format=value.lower())
    return Q(pk__in=files.values("dataset_id"))


def _name_q(value: str) -> Q:
    return Q(name=value)


def _theme_q(value: str) -> Q:
    return Q(theme=value)


def _licence_q(value: str) -> Q:
    return Q(licence=value)


def _type_q(value: str) -> Q:
    return _EVERYTHING if value == "dataset" else _NOTHING


_VALUE_FILTERS: Final[dict[str, Callable[[str], Q]]] = {
    "name": _name_q,
    "id": _id_q,
    "groups": _theme_q,
    "tags": _tag_q,
    "res_format": _format_q,
    "license_id": _licence_q,
    "type": _type_q,
}


def _range_q(field: str, bounds: solr.Range) -> Q:
    column = SORT_COLUMNS[field]
    where = Q()
    if bounds.start is not None:
        lookup = "gte" if bounds.include_start else "gt"
        where &= Q(**{f"{column}__{lookup}": bounds.start})
    if bounds.end is not None:
        lookup = "lte" if bounds.include_end else "lt"
        where &= Q(**{f"{column}__{lookup}": bounds.end})
    return where if bounds.start or bounds.end else _EVERYTHING


@dataclass(frozen=True, kw_only=True, slots=True)
class FacetItem:
    """One value of a facet and how many matching datasets have it."""

    name: str
    display_name: str
    count: int


Ids = QuerySet[Dataset, int]
FacetReader = Callable[[Ids], list[FacetItem]]


def dataset_facets(
    *, datasets: QuerySet[Dataset], fields: list[str]
) -> dict[str, list[FacetItem]]:
    """Counts per value of each facet field over ``datasets``, most
    frequent first; one query per field. Unknown fields count nothing."""
    ids = datasets.order_by().values_list("pk", flat=True)
    return {
        field: sorted(
            _FACETS[field](ids) if field in _FACETS else [],
            key=lambda item: (-item.count, item.name),
        )
        for field in fields
    }


def _organization_facet(ids: Ids) -> list[FacetItem]:
    counts = (
        Dataset.objects.filter(pk__in=ids, publisher__isnull=False)
        .values("publisher_id")
        .annotate(total=Count("pk"))
        .order_by()
    )
    totals = {row["publisher_id"]: row["total"] for row in counts}
    return [
        FacetItem(
            name=org_unit_slug(unit), display_name=unit.name, count=totals[unit.pk]
        )
        for unit in OrgUnit.objects.filter(pk__in=list(totals))
    ]


def _field_facet(column: str, choices: type[TextChoices]) -> FacetReader:
    def read(ids: Ids) -> list[FacetItem]:
        rows = (
            Dataset.objects.filter(pk__in=ids)
            .values_list(column)
            .annotate(total=Count("pk"))
            .order_by()
        )
        return [
            FacetItem(name=value, display_name=str(choices(value).label), count=n)
            for value, n in rows
        ]

    return read


def _tags_facet(ids: Ids) -> list[FacetItem]:
    rows = (
        Dataset.keywords.through.objects.filter(dataset_id__in=ids)
        .values_list("keyword__name")
        .annotate(total=Count("dataset_id"))
        .order_by()
    )
    return [FacetItem(name=name, display_name=name, count=n) for name, n in rows]


def _format_facet(ids: Ids) -> list[FacetItem]:
    rows = (
        Resource.objects.filter(dataset_id__in=ids, kind=ResourceKind.DATA)
        .values_list("format")
        .annotate(total=Count("dataset_id", distinct=True))
        .order_by()
    )
    labels = dict(ResourceFormat.choices)
    return [
        FacetItem(name=labels[value], display_name=labels[value], count=n)
        for value, n in rows
    ]


_FACETS: Final = {
    "organization": _organization_facet,
    "groups": _field_facet("theme", DataTheme),
    "tags": _tags_facet,
    "res_format": _format_facet,
    "license_id": _field_facet("licence", Licence),
}
