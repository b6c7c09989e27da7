"""The cards for their keepers: the list, a new card, a card's page with
what it lacks and its status actions, and the card's form."""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from hromada.cnap import selectors, terms
from hromada.cnap.forms_cabinet.cards import ServiceFilterForm, ServiceForm
from hromada.cnap.models import (
    SERVICE_TRANSITIONS,
    AdministrativeService,
    ServiceStatus,
)
from hromada.cnap.services import cards
from hromada.cnap.views_cabinet.items import item_tables
from hromada.cnap.views_cabinet.keepers import (
    STATUS_COLOURS,
    form_page,
    keeper,
    refusal_reasons,
    service_for_keeper,
    submitted,
)
from hromada.core.errors import ApplicationError
from hromada.ui.http import CabinetRequest

PER_PAGE = 25
_SERVICE_FORM = "cnap/cabinet_service_form.html"


@dataclass(frozen=True, kw_only=True)
class StatusAction:
    """A button of the card's page that moves the card to ``status``."""

    status: str
    text: str | Promise
    variant: str = ""


_D, _A, _S, _X = (
    ServiceStatus.DRAFT,
    ServiceStatus.ACTIVE,
    ServiceStatus.SUSPENDED,
    ServiceStatus.ARCHIVED,
)
# Each move of SERVICE_TRANSITIONS: its button, the button's look, and what
# the page says once it is done.
_MOVES: dict[tuple[str, str], tuple[str | Promise, str, str | Promise]] = {
    (_D, _A): (
        pgettext_lazy("service", "Publish"),
        "",
        gettext_lazy("The card is published."),
    ),
    (_D, _X): (
        pgettext_lazy("service", "Archive"),
        "warning",
        gettext_lazy("The card is archived."),
    ),
    (_A, _S): (
        pgettext_lazy("service", "Suspend"),
        "secondary",
        gettext_lazy("The service is suspended."),
    ),
    (_A, _X): (
        pgettext_lazy("service", "Archive"),
        "warning",
        gettext_lazy("The card is archived."),
    ),
    (_S, _A): (
        pgettext_lazy("service", "Resume"),
        "",
        gettext_lazy("The service is provided again."),
    ),
    (_S, _X): (
        pgettext_lazy("service", "Archive"),
        "warning",
        gettext_lazy("The card is archived."),
    ),
    (_X, _D): (
        pgettext_lazy("service", "Back to draft"),
        "secondary",
        gettext_lazy("The card is a draft again."),
    ),
}


def service_list(request: CabinetRequest) -> HttpResponse:
    """Every card, of any status, by name; a status narrows it."""
    keeper(request)
    form = ServiceFilterForm(request.GET or None)
    services = selectors.service_list_for_keeper(user=request.user)
    if status := form.chosen_status():
        services = services.filter(status=status)
    page = Paginator(services, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "rows": [(service, STATUS_COLOURS[service.status]) for service in page],
    }
    return render(request, "cnap/cabinet_service_list.html", context)


def service_create(request: CabinetRequest) -> HttpResponse:
    """Enter a new card as a draft."""
    actor = keeper(request)
    form = ServiceForm(request.POST or None)

    def write(data: dict[str, Any]) -> AdministrativeService:
        return cards.service_create(
            actor=actor, data=form.service_data(), once_key=data.get("once")
        )

    service = submitted(request, form, write)
    if service is not None:
        messages.success(request, _("The card is saved as a draft."))
        return redirect("cnap_cabinet:service_manage", slug=service.slug)
    context = {
        "form": form,
        "title": _("New administrative service"),
        "submit": _("Save the draft"),
    }
    return form_page(request, context, _SERVICE_FORM)


def service_manage(request: CabinetRequest, slug: str) -> HttpResponse:
    """A card for its keeper: its status, what it lacks, its lists."""
    keeper(request)
    return _manage_page(request, service_for_keeper(request, slug))


def service_edit(request: CabinetRequest, slug: str) -> HttpResponse:
    """Change the card's own fields."""
    actor = keeper(request)
    service = service_for_keeper(request, slug)
    form = ServiceForm(request.POST or None, initial=ServiceForm.initial_for(service))

    def write(data: dict[str, Any]) -> AdministrativeService:
        return cards.service_update(
            actor=actor, service=service, data=form.service_data()
        )

    if submitted(request, form, write) is not None:
        messages.success(request, _("The card is saved."))
        return redirect("cnap_cabinet:service_manage", slug=service.slug)
    context = {
        "form": form,
        "service": service,
        "title": _("Change the card"),
        "submit": _("Save"),
    }
    return form_page(request, context, _SERVICE_FORM)


def service_status(request: CabinetRequest, slug: str) -> HttpResponse:
    """Publish, suspend, resume or archive the card, or take it back as a
    draft; a refusal is shown on the card's page and changes nothing."""
    actor = keeper(request)
    service = service_for_keeper(request, slug)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        status = ServiceStatus(request.POST.get("status", ""))
    except ValueError:
        raise Http404 from None
    move = (service.status, status)
    try:
        cards.service_status_set(actor=actor, service=service, status=status)
    except ApplicationError as error:
        return _manage_page(request, service, refusal=refusal_reasons(error))
    if move in _MOVES:  # not a second send of the same button
        messages.success(request, str(_MOVES[move][2]))
    return redirect("cnap_cabinet:service_manage", slug=service.slug)


def _status_actions(service: AdministrativeService) -> list[StatusAction]:
    current = ServiceStatus(service.status)
    allowed = SERVICE_TRANSITIONS[current]
    return [
        StatusAction(
            status=status,
            text=_MOVES[current, status][0],
            variant=_MOVES[current, status][1],
        )
        for status in ServiceStatus
        if status in allowed
    ]


def _problems(service: AdministrativeService) -> list[str]:
    try:
        cards.completeness_check(service)
    except ApplicationError as error:
        return refusal_reasons(error)
    return []


def _manage_page(
    request: CabinetRequest,
    service: AdministrativeService,
    *,
    refusal: list[str] | None = None,
) -> HttpResponse:
    context = {
        "service": service,
        "status_colour": STATUS_COLOURS[service.status],
        "term": terms.term_text(service),
        "actions": _status_actions(service),
        "problems": _problems(service),
        "tables": item_tables(service),
        "refusal": refusal or [],
    }
    return render(
        request,
        "cnap/cabinet_service.html",
        context,
        status=400 if refusal else 200,
    )
