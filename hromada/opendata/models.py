"""The open-data catalogue: dataset passports and their generated files.

A ``Dataset`` is the passport of one dataset a room produces (КМУ №835 of
21.10.2015: identifier, title, description, legal basis and purpose,
language, update frequency, keywords, responsible person and e-mail,
dates). Its ``Resource`` rows are the files generated from the producer's
rows, kept by ``core.storage`` with their size and SHA-256.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.core.datasets import UpdateFrequency
from hromada.core.models import BaseModel, StoredFile
from hromada.org.models import OrgUnit


class Licence(models.TextChoices):
    """The licence a dataset is published under; CKAN's ``license_id``."""

    CC_BY = "cc-by", _("Creative Commons Attribution 4.0")
    CC_ZERO = "cc-zero", _("Creative Commons CC0 1.0 (public domain)")


class DataTheme(models.TextChoices):
    """The EU data theme of a dataset: a CKAN group and ``dcat:theme``."""

    AGRI = "agri", _("Agriculture, fisheries, forestry and food")
    ECON = "econ", _("Economy and finance")
    EDUC = "educ", _("Education, culture and sport")
    ENER = "ener", _("Energy")
    ENVI = "envi", _("Environment")
    GOVE = "gove", _("Government and public sector")
    HEAL = "heal", _("Health")
    INTR = "intr", _("International issues")
    JUST = "just", _("Justice, legal system and public safety")
    REGI = "regi", _("Regions and cities")
    SOCI = "soci", _("Population and society")
    TECH = "tech", _("Science and technology")
    TRAN = "tran", _("Transport")


class ResourceKind(models.TextChoices):
    """What a generated file holds: the data, or the dataset's structure."""

    DATA = "data", _("Data")
    STRUCTURE = "structure", _("Structure")


class ResourceFormat(models.TextChoices):
    """The file format of a resource; the labels are CKAN's ``format``."""

    CSV = "csv", "CSV"
    JSON = "json", "JSON"
    XLSX = "xlsx", "XLSX"
    GEOJSON = "geojson", "GeoJSON"


class Keyword(models.Model):
    """A keyword (tag) of the catalogue, shared by the datasets that use it."""

    name = models.CharField(_("keyword"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Dataset(BaseModel):
    """The passport of one dataset (паспорт набору даних, КМУ №835).

    ``public_id`` is the identifier; ``name`` is the producer's permanent
    slug. ``modified_at`` moves only when the data or the passport change;
    ``relevant_at`` is when the data were last read from the producer.
    """

    name = models.SlugField(
        pgettext_lazy("dataset", "name"), max_length=100, unique=True
    )
    owner = models.CharField(_("producing room"), max_length=40)
    title = models.CharField(pgettext_lazy("dataset", "title"), max_length=254)
    title_en = models.CharField(_("title in English"), max_length=254, blank=True)
    description = models.TextField(
        pgettext_lazy("dataset", "description"), max_length=4000
    )
    description_en = models.TextField(
        _("description in English"), max_length=4000, blank=True
    )
    legal_basis = models.TextField(_("legal basis"), max_length=2000)
    purpose = models.TextField(_("purpose"), max_length=2000)
    language = models.CharField(_("language"), max_length=8, default="uk")
    frequency = models.CharField(
        _("update frequency"), max_length=16, choices=UpdateFrequency
    )
    keywords = models.ManyToManyField(
        Keyword, verbose_name=_("keywords"), related_name="datasets", blank=True
    )
    theme = models.CharField(
        _("theme"), max_length=8, choices=DataTheme, default=DataTheme.GOVE
    )
    responsible_person = models.CharField(
        _("responsible person"), max_length=200, blank=True
    )
    responsible_email = models.EmailField(_("responsible person's e-mail"), blank=True)
    publisher = models.ForeignKey(
        OrgUnit,
        verbose_name=_("publisher unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    licence = models.CharField(
        _("licence"), max_length=16, choices=Licence, default=Licence.CC_BY
    )
    version = models.PositiveIntegerField(_("passport version"), default=1)
    is_published = models.BooleanField(_("published"), default=False)
    first_published_at = models.DateTimeField(
        _("first published at"), null=True, blank=True
    )
    modified_at = models.DateTimeField(_("last changed at"), null=True, blank=True)
    relevant_at = models.DateTimeField(_("data as of"), null=True, blank=True)
    extras = models.JSONField(_("additional fields"), default=dict, blank=True)
    structure = models.JSONField(_("structure"), default=list, blank=True)
    # Case-folded title, description, keywords and publisher for the search:
    # SQLite's LIKE folds only ASCII, so Cyrillic is folded here by Python.
    search_text = models.TextField(_("search text"), blank=True, editable=False)

    class Meta:
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(frequency__in=UpdateFrequency.values),
                name="opendata_dataset_frequency_known",
            ),
            models.CheckConstraint(
                condition=Q(licence__in=Licence.values),
                name="opendata_dataset_licence_known",
            ),
            models.CheckConstraint(
                condition=Q(theme__in=DataTheme.values),
                name="opendata_dataset_theme_known",
            ),
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(first_published_at__isnull=False),
                name="opendata_dataset_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Resource(BaseModel):
    """A file generated for a dataset: one per kind and format.

    ``generated_at`` is when these bytes were made, which is when the
    content last changed: a refresh that yields the same SHA-256 keeps them.
    """

    dataset = models.ForeignKey(
        Dataset,
        verbose_name=_("dataset"),
        on_delete=models.CASCADE,
        related_name="resources",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ResourceKind)
    format = models.CharField(_("format"), max_length=16, choices=ResourceFormat)
    stored_file = models.ForeignKey(
        StoredFile,
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    row_count = models.PositiveIntegerField(pgettext_lazy("dataset", "rows"))
    generated_at = models.DateTimeField(_("generated at"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "kind", "format"], name="opendata_resource_once"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ResourceKind.values),
                name="opendata_resource_kind_known",
            ),
            models.CheckConstraint(
                condition=Q(format__in=ResourceFormat.values),
                name="opendata_resource_format_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dataset.name} {self.kind} {self.format}"
