"""Reads of the registry of administrative services.

The public sees an active or a suspended card and nothing else: a draft or
an archived card answers 404. The keepers see every card.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Prefetch, Q, QuerySet

from hromada.cnap import permissions
from hromada.cnap.models import (
    PUBLIC_STATUSES,
    AdministrativeService,
    LifeSituation,
    RequiredDocument,
    ServiceCentre,
    ServiceProvider,
    TechCardStage,
)
from hromada.cnap.permissions import AnyUser
from hromada.search import selectors as search_selectors

SEARCH_KIND = "cnap.service"


def visible_services_q(user: AnyUser) -> Q:
    """The cards ``user`` may read."""
    if permissions.can_keep_services(user):
        return Q()
    return Q(status__in=PUBLIC_STATUSES)


def service_list_public() -> QuerySet[AdministrativeService]:
    """The catalogue: the public cards with their providers, by name."""
    return (
        AdministrativeService.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("provider")
        .order_by("name", "id")
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class CatalogueFilter:
    """What a visitor narrows the catalogue by; empty means everything."""

    words: str = ""
    situation: str = ""
    provider: str = ""
    is_paid: bool | None = None


def service_ids_public(*, criteria: CatalogueFilter) -> list[int] | None:
    """The ids of the public cards that meet ``criteria``, best match first
    when there are words, else by name; ``None`` when the words hold
    nothing to look for (only stop words or signs)."""
    services = service_list_public()
    if criteria.situation:
        services = services.filter(life_situations__slug=criteria.situation)
    if criteria.provider:
        services = services.filter(provider__public_id=criteria.provider)
    if criteria.is_paid is not None:
        services = services.filter(is_paid=criteria.is_paid)
    ids = list(services.values_list("id", flat=True))
    if not criteria.words.strip():
        return ids
    scores = _scores(criteria.words)
    if scores is None:
        return None
    position = {pk: index for index, pk in enumerate(ids)}
    return sorted(
        (pk for pk in ids if pk in scores), key=lambda pk: (-scores[pk], position[pk])
    )


def _scores(words: str) -> dict[int, float] | None:
    """Each public card matching ``words`` with its score; a city has a
    few hundred services, so all matches are read at once."""
    match = search_selectors.search_match(
        query=words, kind=SEARCH_KIND, public_only=True
    )
    if match is None:
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, score FROM ({match.sql}) matches", match.params)  # noqa: S608 - the SQL is the search room's, values are parameters
        return {int(object_id): float(score) for object_id, score in cursor.fetchall()}


def service_page(*, ids: list[int]) -> list[AdministrativeService]:
    """The cards of ``ids`` in that order, for a page of the catalogue."""
    found = AdministrativeService.objects.select_related("provider").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def service_detail(*, user: AnyUser, slug: str) -> AdministrativeService:
    """A card with everything the information and technological cards show;
    ``DoesNotExist`` when ``user`` may not read it."""
    return (
        AdministrativeService.objects.filter(visible_services_q(user), slug=slug)
        .select_related("provider", "provider__org_unit")
        .prefetch_related(
            Prefetch(
                "centres",
                queryset=ServiceCentre.objects.filter(is_active=True),
            ),
            "life_situations",
            "legal_bases",
            Prefetch(
                "required_documents",
                queryset=RequiredDocument.objects.order_by("order"),
            ),
            "refusal_grounds",
            Prefetch("stages", queryset=TechCardStage.objects.select_related("unit")),
        )
        .get()
    )


def service_list_for_keeper(*, user: AnyUser) -> QuerySet[AdministrativeService]:
    """Every card the keeper may write, with providers; none for others."""
    if not permissions.can_keep_services(user):
        return AdministrativeService.objects.none()
    return AdministrativeService.objects.select_related("provider").order_by(
        "name", "id"
    )


def life_situation_list() -> QuerySet[LifeSituation]:
    """The life situations that group at least one public card."""
    return LifeSituation.objects.filter(services__status__in=PUBLIC_STATUSES).distinct()


def provider_list_public() -> QuerySet[ServiceProvider]:
    """The providers of at least one public card."""
    return ServiceProvider.objects.filter(
        services__status__in=PUBLIC_STATUSES
    ).distinct()


def centre_list() -> QuerySet[ServiceCentre]:
    """The centres open to applicants, the main one first."""
    return ServiceCentre.objects.filter(is_active=True).select_related("org_unit")


def centre_list_all() -> QuerySet[ServiceCentre]:
    """Every centre, those closed to applicants too, for the keepers."""
    return ServiceCentre.objects.select_related("org_unit")


def life_situation_list_all() -> QuerySet[LifeSituation]:
    """Every life situation, with public cards or not, for the keepers."""
    return LifeSituation.objects.all()


def provider_list() -> QuerySet[ServiceProvider]:
    """Every provider, for the keepers' forms."""
    return ServiceProvider.objects.select_related("org_unit")


def service_search_urls(*, object_ids: list[str]) -> dict[str, str]:
    """The public address of each public card among ``object_ids`` (ids as
    the search index holds them); a card gone or hidden is left out."""
    pks = [int(object_id) for object_id in object_ids if object_id.isdigit()]
    rows = AdministrativeService.objects.filter(
        pk__in=pks, status__in=PUBLIC_STATUSES
    ).values_list("pk", "slug")
    return {
        str(pk): AdministrativeService(slug=slug).get_absolute_url()
        for pk, slug in rows
    }
