"""Open datasets the rooms produce, registered when the apps start.

The ``opendata`` room publishes datasets (catalogue, files, CKAN API, DCAT)
but sits beside ``portal`` and ``analytics`` and above the registers, so it
may not import every room whose data it publishes. Each room therefore
describes its datasets here, in its ``AppConfig.ready()``, and ``opendata``
reads the producers without knowing where they come from — the same shape
as the portal's and cabinet's menus.

A producer yields public rows only: never a private person's personal data
(DOMAIN OD-05, Law №2297-VI). Aggregate or leave out what could identify
someone; round coordinates of citizens' reports.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise
else:
    StrOrPromise = Any


class UpdateFrequency(models.TextChoices):
    """How often a dataset is refreshed: the national dataset register's words.

    The Ukrainian labels are those of data.gov.ua's register (STANDARDS §3.7);
    ``opendata`` maps each code to the EU frequency vocabulary for DCAT.
    """

    MORE_THAN_DAILY = "more_than_daily", _("More than once a day")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Every half-year")
    YEARLY = "yearly", _("Yearly")
    ON_CHANGE = "on_change", _("Immediately after a change")


class ColumnType(models.TextChoices):
    """The type of a dataset's column, as its structure file states it."""

    STRING = "string", _("Text")
    INTEGER = "integer", _("Integer")
    NUMBER = "number", pgettext_lazy("data type", "Number")
    BOOLEAN = "boolean", _("Yes or no")
    DATE = "date", _("Date")
    DATETIME = "datetime", pgettext_lazy("data type", "Date and time")
    URL = "url", _("Link")


@dataclass(frozen=True)
class DatasetColumn:
    """One column of a dataset: a machine name and what it means.

    ``name`` is ASCII (``snake_case``) and the key of the column in every
    row; ``title`` and ``description`` go into the structure file.
    """

    name: str
    title: "StrOrPromise"
    description: "StrOrPromise" = ""
    type: ColumnType = ColumnType.STRING


Row = Mapping[str, object]


@dataclass(frozen=True)
class DatasetProducer:
    """A dataset a room can produce at any time from its own data.

    ``name`` is the dataset's permanent slug in the catalogue and the CKAN
    API (lowercase ASCII, digits and ``-``). ``rows`` returns the rows now,
    each a mapping of the columns' names to values (``None`` for empty);
    for a spatial dataset each row also carries ``geometry``, a GeoJSON
    geometry in WGS 84, and the catalogue offers GeoJSON as well. ``owner``
    is the room, for the staff who keep the catalogue.
    """

    name: str
    owner: str
    title: "StrOrPromise"
    description: "StrOrPromise"
    purpose: "StrOrPromise"
    legal_basis: "StrOrPromise"
    columns: tuple[DatasetColumn, ...]
    rows: Callable[[], Iterable[Row]]
    frequency: UpdateFrequency
    keywords: tuple[str, ...] = ()
    is_spatial: bool = False
    extra: Mapping[str, str] = field(default_factory=dict)


_producers: dict[str, DatasetProducer] = {}


def dataset_producer_register(producer: DatasetProducer) -> None:
    """Offer ``producer``'s dataset to the catalogue.

    Registering a name again replaces its producer, so ``ready()`` may run
    twice. Call it from the room's ``AppConfig.ready()``.
    """
    _producers[producer.name] = producer


def dataset_producers() -> list[DatasetProducer]:
    """Every registered producer, by name."""
    return [_producers[name] for name in sorted(_producers)]


def dataset_producer(name: str) -> DatasetProducer | None:
    """The producer of the dataset ``name``, or ``None``."""
    return _producers.get(name)
