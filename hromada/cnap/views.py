"""The public pages of the registry of services: the catalogue and a
service's information and technological cards.

Everything is read through ``selectors``: the public sees an active or a
suspended card, a draft or an archived one answers 404, and the registry's
keepers may preview any card. Both pages are the same for every visitor
who has not signed in, so ``core.pagecache`` keeps them for a minute.
"""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from hromada.cnap import selectors
from hromada.cnap.forms import CatalogueForm
from hromada.cnap.models import (
    AdministrativeService,
    LegalBasisLevel,
    ServiceLegalBasis,
    StageRole,
    TechCardStage,
)
from hromada.cnap.terms import term_text
from hromada.core.pagecache import public_cache

PER_PAGE = 20
# How old a page a visitor who has not signed in may get: a card published,
# changed or suspended reaches the catalogue and its page within a minute.
CACHE_SECONDS = 60
# The information card's section of the first level of acts (laws).
FIRST_LEGAL_BASIS_SECTION = 4


@dataclass(frozen=True, slots=True)
class ServiceRow:
    """A card as the catalogue lists it, with its term in words."""

    service: AdministrativeService
    term: str


@dataclass(frozen=True, slots=True)
class StageRow:
    """A stage of the technological card, with its term in words."""

    stage: TechCardStage
    term: str


@dataclass(frozen=True, slots=True)
class LegalBasisGroup:
    """The acts of one level: its section of the information card (4–7)
    and its name."""

    number: int
    label: object
    acts: list[ServiceLegalBasis]


@login_not_required
@require_safe
@public_cache(CACHE_SECONDS)
def service_list(request: HttpRequest) -> HttpResponse:
    """The catalogue: every public service, or those the filter asks for,
    a page at a time; a page past the last shows the last."""
    situations = list(selectors.life_situation_list())
    form = CatalogueForm(
        _filter_data(request),
        situations=situations,
        providers=selectors.provider_list_public(),
    )
    criteria = form.criteria()
    ids = None if criteria is None else selectors.service_ids_public(criteria=criteria)
    page = Paginator(ids or [], PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "situations": situations,
        "chosen_situation": request.GET.get("situation", ""),
        "asked": form.is_bound,
        "ids": ids,
        "page": page,
        "rows": _service_rows(page),
    }
    return render(request, "cnap/service_list.html", context)


def _filter_data(request: HttpRequest) -> dict[str, str] | None:
    """The filter's values in the query, or ``None`` when it asks nothing
    (the page number alone, or addresses' tracking tags, ask nothing)."""
    data = {name: request.GET.get(name, "") for name in CatalogueForm.base_fields}
    return data if any(data.values()) else None


def _service_rows(page: Page) -> list[ServiceRow]:
    """The cards of ``page`` (a page of ids), with their terms."""
    services = selectors.service_page(ids=list(page.object_list))
    return [
        ServiceRow(service=service, term=term_text(service)) for service in services
    ]


@login_not_required
@require_safe
@public_cache(CACHE_SECONDS)
def service_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A service's information card (the sixteen sections of the municipal
    template) and its technological card; the keepers also see a draft or
    an archived card, marked as such."""
    try:
        service = selectors.service_detail(user=request.user, slug=slug)
    except AdministrativeService.DoesNotExist:
        raise Http404 from None
    context = {
        "service": service,
        "term": term_text(service),
        "contact_centres": [
            centre
            for centre in service.centres.all()
            if centre.phone or centre.email or centre.website
        ],
        "legal_basis_groups": _legal_basis_groups(service),
        "stages": [
            StageRow(stage=stage, term=term_text(stage))
            for stage in service.stages.all()
        ],
        "roles": StageRole.choices,
        "permalink": request.build_absolute_uri(service.get_absolute_url()),
    }
    return render(request, "cnap/service_detail.html", context)


def _legal_basis_groups(service: AdministrativeService) -> list[LegalBasisGroup]:
    """The card's acts by level, in the template's order; empty levels are
    left out."""
    acts = list(service.legal_bases.all())
    groups = (
        LegalBasisGroup(
            number=number, label=label, acts=[a for a in acts if a.level == level]
        )
        for number, (level, label) in enumerate(
            LegalBasisLevel.choices, start=FIRST_LEGAL_BASIS_SECTION
        )
    )
    return [group for group in groups if group.acts]
