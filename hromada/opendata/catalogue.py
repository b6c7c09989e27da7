"""What the catalogue's outputs share: the publisher, the licences, the
vocabularies of DCAT-AP and the passport's fields (КМУ №835)."""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from hromada.core.datasets import UpdateFrequency
from hromada.opendata.models import Dataset, DataTheme, Licence

EU_AUTHORITY: Final = "http://publications.europa.eu/resource/authority/"
LANGUAGE_URI: Final = EU_AUTHORITY + "language/UKR"
# CKAN's titles (its licence register) and the licences' own addresses.
LICENCES: Final = {
    Licence.CC_BY: (
        "Creative Commons Attribution",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    Licence.CC_ZERO: (
        "Creative Commons CCZero",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ),
}
# The EU frequency vocabulary for dct:accrualPeriodicity.
FREQUENCY_CODES: Final = {
    UpdateFrequency.MORE_THAN_DAILY: "CONT",
    UpdateFrequency.DAILY: "DAILY",
    UpdateFrequency.WEEKLY: "WEEKLY",
    UpdateFrequency.MONTHLY: "MONTHLY",
    UpdateFrequency.QUARTERLY: "QUARTERLY",
    UpdateFrequency.HALF_YEARLY: "ANNUAL_2",
    UpdateFrequency.YEARLY: "ANNUAL",
    UpdateFrequency.ON_CHANGE: "UPDATE_CONT",
}


@dataclass(frozen=True, kw_only=True, slots=True)
class Council:
    """The publisher of the whole catalogue, from the settings."""

    name: str
    name_en: str
    edrpou: str
    katottg: str
    short_name: str


def council() -> Council:
    """The council as the settings name it."""
    city = settings.HROMADA_CITY
    return Council(
        name=city["name"],
        name_en=city["name_en"],
        edrpou=settings.HROMADA_CITY_EDRPOU,
        katottg=settings.HROMADA_CITY_KATOTTG,
        short_name=city["short_name"],
    )


def catalogue_title(language: str) -> str:
    """The catalogue's name in ``language`` ("uk" or "en")."""
    city = council()
    with override(language):
        return _("Open data of %(council)s") % {
            "council": city.name_en if language == "en" else city.name
        }


def catalogue_description(language: str) -> str:
    """What the catalogue holds, in ``language``."""
    with override(language):
        return _("Datasets the council publishes, with their passports.")


def publisher_edrpou(dataset: Dataset) -> str:
    """The publisher unit's own ЄДРПОУ code, or else the council's."""
    unit = dataset.publisher
    return (unit.edrpou if unit is not None else "") or council().edrpou


def licence_title(dataset: Dataset) -> str:
    """The licence's title, as CKAN names it."""
    return LICENCES[Licence(dataset.licence)][0]


def licence_url(dataset: Dataset) -> str:
    """The licence's address."""
    return LICENCES[Licence(dataset.licence)][1]


def frequency_uri(dataset: Dataset) -> str:
    """The EU frequency URI of the dataset's update frequency."""
    code = FREQUENCY_CODES[UpdateFrequency(dataset.frequency)]
    return f"{EU_AUTHORITY}frequency/{code}"


def theme_uri(theme: str) -> str:
    """The EU data-theme URI of a theme."""
    return f"{EU_AUTHORITY}data-theme/{theme.upper()}"


def theme_title(theme: str) -> str:
    """A theme's name in the current language."""
    return str(DataTheme(theme).label)


def frequency_label_uk(dataset: Dataset) -> str:
    """The update frequency in the national register's Ukrainian words."""
    with override("uk"):
        return str(UpdateFrequency(dataset.frequency).label)


def kyiv_text(moment: datetime | None) -> str:
    """A moment as the passport shows it: Kyiv time, with its offset."""
    if moment is None:
        return ""
    return timezone.localtime(moment).isoformat(timespec="seconds")


def ckan_time(moment: datetime | None) -> str | None:
    """A moment in CKAN's own form: UTC without an offset (STANDARDS §3.5)."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat()


def formats_text(dataset: Dataset) -> str:
    """The dataset's data formats, as the passport lists them."""
    labels = [
        resource.get_format_display()
        for resource in dataset.resources.all()
        if resource.kind == "data"
    ]
    return ", ".join(labels)


def passport_extras(dataset: Dataset, *, landing_page: str) -> list[dict[str, str]]:
    """The passport (КМУ №835) as CKAN ``extras``: Ukrainian keys, as
    Ukrainian CKAN portals show them, and text values only."""
    city = council()
    keywords = ", ".join(keyword.name for keyword in dataset.keywords.all())
    pairs = [
        ("Ідентифікаційний номер", str(dataset.public_id)),
        ("Підстава збору інформації", dataset.legal_basis),
        ("Призначення збору інформації", dataset.purpose),
        ("Мова", "українська" if dataset.language == "uk" else dataset.language),
        ("Формати", formats_text(dataset)),
        ("Формат стиснення", "без стиснення"),
        ("Дата і час першого оприлюднення", kyiv_text(dataset.first_published_at)),
        ("Дата і час внесення останніх змін", kyiv_text(dataset.modified_at)),
        ("Дата актуальності", kyiv_text(dataset.relevant_at)),
        ("Періодичність оновлення", frequency_label_uk(dataset)),
        ("Ключові слова", keywords),
        ("Гіперпосилання на набір даних", landing_page),
        ("Відповідальна особа", dataset.responsible_person),
        ("Електронна пошта відповідальної особи", dataset.responsible_email),
        ("Код ЄДРПОУ розпорядника", publisher_edrpou(dataset)),
        ("Код КАТОТТГ", city.katottg),
        *sorted(dataset.extras.items()),
    ]
    return [{"key": key, "value": str(value)} for key, value in pairs]
