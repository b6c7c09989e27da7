"""The lists under a card, kept on the card's page: the acts it rests on,
the documents, the refusal grounds and the stages of the technological
card. Each item is added, changed, moved up or down, or removed (after a
question)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from hromada.cnap import terms
from hromada.cnap.forms_cabinet.items import (
    ItemForm,
    LegalBasisForm,
    RefusalGroundForm,
    RequiredDocumentForm,
    StageForm,
)
from hromada.cnap.models import (
    AdministrativeService,
    RequiredDocument,
    ServiceLegalBasis,
    TechCardStage,
)
from hromada.cnap.services import items
from hromada.cnap.services.items import Item
from hromada.cnap.views_cabinet.keepers import (
    form_page,
    keeper,
    refusal_to_form,
    service_for_keeper,
    submitted,
)
from hromada.core.errors import ApplicationError
from hromada.ui.http import CabinetRequest


def _legal_basis_cells(item: Item) -> list[str]:
    assert isinstance(item, ServiceLegalBasis)
    return [item.get_level_display(), item.title]


def _document_cells(item: Item) -> list[str]:
    assert isinstance(item, RequiredDocument)
    from_registry = _("yes") if item.obtainable_from_registry else _("no")
    return [item.title, item.get_form_display(), str(item.copies), from_registry]


def _refusal_cells(item: Item) -> list[str]:
    return [str(item)]


def _stage_cells(item: Item) -> list[str]:
    assert isinstance(item, TechCardStage)
    responsible = item.responsible
    if item.unit is not None:
        responsible = f"{responsible} ({item.unit.name})"
    return [item.action, responsible, item.get_role_display(), terms.term_text(item)]


@dataclass(frozen=True, kw_only=True)
class ItemKind:
    """One list of a card: where it is in the address, its form, and how
    its table and pages name it."""

    segment: str
    relation: str
    form_class: type[ItemForm]
    heading: str | Promise
    add_text: str | Promise
    edit_title: str | Promise
    headers: tuple[str | Promise, ...]
    cells: Callable[[Item], list[str]]


KINDS: dict[str, ItemKind] = {
    kind.segment: kind
    for kind in (
        ItemKind(
            segment="legal-basis",
            relation="legal_bases",
            form_class=LegalBasisForm,
            heading=pgettext_lazy("service", "Legal basis"),
            add_text=gettext_lazy("Add an act"),
            edit_title=gettext_lazy("Change the act"),
            headers=(pgettext_lazy("legal basis", "Level"), gettext_lazy("Act")),
            cells=_legal_basis_cells,
        ),
        ItemKind(
            segment="documents",
            relation="required_documents",
            form_class=RequiredDocumentForm,
            heading=gettext_lazy("Documents the applicant brings"),
            add_text=gettext_lazy("Add a document"),
            edit_title=gettext_lazy("Change the document"),
            headers=(
                gettext_lazy("Document"),
                pgettext_lazy("document", "Brought as"),
                gettext_lazy("Copies"),
                gettext_lazy("From a register"),
            ),
            cells=_document_cells,
        ),
        ItemKind(
            segment="refusal-grounds",
            relation="refusal_grounds",
            form_class=RefusalGroundForm,
            heading=gettext_lazy("Grounds for refusal"),
            add_text=gettext_lazy("Add a ground for refusal"),
            edit_title=gettext_lazy("Change the ground for refusal"),
            headers=(gettext_lazy("Ground"),),
            cells=_refusal_cells,
        ),
        ItemKind(
            segment="stages",
            relation="stages",
            form_class=StageForm,
            heading=gettext_lazy("Stages of the technological card"),
            add_text=gettext_lazy("Add a stage"),
            edit_title=gettext_lazy("Change the stage"),
            headers=(
                gettext_lazy("Stage (action)"),
                gettext_lazy("Responsible official and unit"),
                pgettext_lazy("stage", "Action"),
                pgettext_lazy("stage", "Term"),
            ),
            cells=_stage_cells,
        ),
    )
}


@dataclass(frozen=True, kw_only=True)
class ItemTable:
    """A list of the card as its page shows it: each item with its cells."""

    kind: ItemKind
    rows: list[tuple[Item, list[str]]]


def item_tables(service: AdministrativeService) -> list[ItemTable]:
    """The card's lists in the order of the card, from its prefetched lists."""
    return [
        ItemTable(
            kind=kind,
            rows=[
                (item, kind.cells(item))
                for item in getattr(service, kind.relation).all()
            ],
        )
        for kind in KINDS.values()
    ]


def _kind(segment: str) -> ItemKind:
    if segment not in KINDS:
        raise Http404
    return KINDS[segment]


def _item(service: AdministrativeService, kind: ItemKind, public_id: UUID) -> Item:
    for item in getattr(service, kind.relation).all():
        if item.public_id == public_id:
            return item
    raise Http404


def _back(service: AdministrativeService, kind: ItemKind) -> HttpResponse:
    url = reverse("cnap_cabinet:service_manage", kwargs={"slug": service.slug})
    return redirect(f"{url}#{kind.segment}")


def item_add(request: CabinetRequest, slug: str, kind: str) -> HttpResponse:
    """Add an item at the end of one of the card's lists."""
    actor = keeper(request)
    service = service_for_keeper(request, slug)
    spec = _kind(kind)
    form = spec.form_class(request.POST or None)

    def write(data: dict[str, Any]) -> Item:
        return items.service_item_add(
            actor=actor,
            service=service,
            data=form.item_data(),
            once_key=data.get("once"),
        )

    if submitted(request, form, write) is not None:
        messages.success(request, _("The item is added to the card."))
        return _back(service, spec)
    context = {
        "form": form,
        "service": service,
        "title": spec.add_text,
        "submit": _("Add"),
    }
    return form_page(request, context)


def item_edit(
    request: CabinetRequest, slug: str, kind: str, public_id: UUID
) -> HttpResponse:
    """Change an item of one of the card's lists."""
    actor = keeper(request)
    service = service_for_keeper(request, slug)
    spec = _kind(kind)
    item = _item(service, spec, public_id)
    form = spec.form_class(
        request.POST or None, initial=spec.form_class.initial_for(item)
    )

    def write(data: dict[str, Any]) -> Item:
        return items.service_item_update(actor=actor, item=item, data=form.item_data())

    if submitted(request, form, write) is not None:
        messages.success(request, _("The item is saved."))
        return _back(service, spec)
    context = {
        "form": form,
        "service": service,
        "title": spec.edit_title,
        "submit": _("Save"),
    }
    return form_page(request, context)


def item_move(
    request: CabinetRequest, slug: str, kind: str, public_id: UUID
) -> HttpResponse:
    """Move an item one place up or down its list (a button of the table)."""
    actor = keeper(request)
    service = service_for_keeper(request, slug)
    spec = _kind(kind)
    item = _item(service, spec, public_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    direction = request.POST.get("direction")
    if direction not in {"up", "down"}:
        raise Http404
    try:
        items.service_item_move(actor=actor, item=item, up=direction == "up")
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The item is moved."))
    return _back(service, spec)


def item_remove(
    request: CabinetRequest, slug: str, kind: str, public_id: UUID
) -> HttpResponse:
    """Ask, then take an item off its list."""
    actor = keeper(request)
    service = service_for_keeper(request, slug)
    spec = _kind(kind)
    item = _item(service, spec, public_id)
    form = forms.Form(request.POST)
    if request.method == "POST":
        try:
            items.service_item_remove(actor=actor, item=item)
        except ApplicationError as error:
            refusal_to_form(form, error)
        else:
            messages.success(request, _("The item is removed from the card."))
            return _back(service, spec)
    context = {
        "service": service,
        "kind": spec,
        "item": item,
        "cells": list(zip(spec.headers, spec.cells(item), strict=True)),
        "form": form,
    }
    return render(
        request,
        "cnap/cabinet_item_remove.html",
        context,
        status=400 if form.errors else 200,
    )
