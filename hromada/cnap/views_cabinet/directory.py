"""What the cards refer to, for their keepers: the centres that receive
applicants, the providers that decide, and the life situations of the
catalogue. Each is a list, a form to add one and a form to change one."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from uuid import UUID

from django import forms
from django.contrib import messages
from django.db.models import Model, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from hromada.cnap import selectors
from hromada.cnap.forms_cabinet.directory import (
    CentreForm,
    LifeSituationForm,
    ProviderForm,
)
from hromada.cnap.models import LifeSituation, ServiceCentre, ServiceProvider
from hromada.cnap.services import directory
from hromada.cnap.views_cabinet.keepers import form_page, keeper, submitted
from hromada.ui.http import CabinetRequest

M = TypeVar("M", bound=Model)


@dataclass(frozen=True, kw_only=True)
class DirectoryRow:
    """A line of a directory's table: its first cell links to the form."""

    edit_url: str
    cells: list[str]


@dataclass(frozen=True, kw_only=True)
class Directory:
    """One of the three lists: its names, its table and its addresses."""

    key: str
    title: str | Promise
    add_text: str | Promise
    edit_title: str | Promise
    headers: tuple[str | Promise, ...]
    cells: Callable[[Any], list[str]]

    def url(self, view: str, **kwargs: Any) -> str:
        """The address of this list's ``view`` (list, create or edit)."""
        return reverse(f"cnap_cabinet:{self.key}_{view}", kwargs=kwargs)


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


CENTRES = Directory(
    key="centre",
    title=gettext_lazy("Service centres"),
    add_text=gettext_lazy("Add a centre"),
    edit_title=gettext_lazy("Change the centre"),
    headers=(
        gettext_lazy("Name"),
        pgettext_lazy("centre", "Kind"),
        gettext_lazy("Address"),
        gettext_lazy("Receives applicants"),
    ),
    cells=lambda centre: [
        centre.name,
        centre.get_kind_display(),
        centre.address,
        _yes_no(centre.is_active),
    ],
)
PROVIDERS = Directory(
    key="provider",
    title=gettext_lazy("Service providers"),
    add_text=gettext_lazy("Add a provider"),
    edit_title=gettext_lazy("Change the provider"),
    headers=(
        gettext_lazy("Name"),
        gettext_lazy("Unit of the council"),
        gettext_lazy("ЄДРПОУ code"),
        gettext_lazy("Permit authority"),
    ),
    cells=lambda provider: [
        provider.name,
        provider.org_unit.name if provider.org_unit else "—",
        provider.edrpou or "—",
        _yes_no(provider.is_permit_authority),
    ],
)
SITUATIONS = Directory(
    key="situation",
    title=gettext_lazy("Life situations"),
    add_text=gettext_lazy("Add a life situation"),
    edit_title=gettext_lazy("Change the life situation"),
    headers=(gettext_lazy("Name"), gettext_lazy("Address"), gettext_lazy("Order")),
    cells=lambda situation: [situation.name, situation.slug, str(situation.sort_order)],
)


def _list_page(
    request: CabinetRequest, spec: Directory, records: QuerySet[Any]
) -> HttpResponse:
    keeper(request)
    rows = [
        DirectoryRow(
            edit_url=spec.url("edit", public_id=record.public_id),
            cells=spec.cells(record),
        )
        for record in records
    ]
    context = {"directory": spec, "rows": rows, "create_url": spec.url("create")}
    return render(request, "cnap/cabinet_directory.html", context)


def _saved(request: CabinetRequest, spec: Directory) -> HttpResponse:
    messages.success(request, _("Saved."))
    return redirect(spec.url("list"))


def _form(
    request: CabinetRequest, spec: Directory, form: forms.Form, title: str | Promise
) -> HttpResponse:
    context = {
        "form": form,
        "title": title,
        "submit": _("Save"),
        "back_url": spec.url("list"),
        "back_text": spec.title,
    }
    return form_page(request, context)


def _record(model: type[M], public_id: UUID) -> M:
    return get_object_or_404(model, public_id=public_id)


def centre_list(request: CabinetRequest) -> HttpResponse:
    """Every centre, those closed to applicants too."""
    return _list_page(request, CENTRES, selectors.centre_list_all())


def centre_create(request: CabinetRequest) -> HttpResponse:
    """Enter a centre, a remote workplace or a mobile office."""
    actor = keeper(request)
    form = CentreForm(request.POST or None)

    def write(data: dict[str, Any]) -> ServiceCentre:
        return directory.centre_save(
            actor=actor, data=form.centre_data(), once_key=data.get("once")
        )

    if submitted(request, form, write) is not None:
        return _saved(request, CENTRES)
    return _form(request, CENTRES, form, CENTRES.add_text)


def centre_edit(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    """Change a centre: its address, hours, contacts, or close it."""
    actor = keeper(request)
    centre = _record(ServiceCentre, public_id)
    form = CentreForm(request.POST or None, initial=CentreForm.initial_for(centre))

    def write(data: dict[str, Any]) -> ServiceCentre:
        return directory.centre_save(
            actor=actor, data=form.centre_data(), centre=centre
        )

    if submitted(request, form, write) is not None:
        return _saved(request, CENTRES)
    return _form(request, CENTRES, form, CENTRES.edit_title)


def provider_list(request: CabinetRequest) -> HttpResponse:
    """Every provider of the cards."""
    return _list_page(request, PROVIDERS, selectors.provider_list())


def provider_create(request: CabinetRequest) -> HttpResponse:
    """Enter a provider."""
    actor = keeper(request)
    form = ProviderForm(request.POST or None)

    def write(data: dict[str, Any]) -> ServiceProvider:
        return directory.provider_save(actor=actor, data=form.provider_data())

    if submitted(request, form, write) is not None:
        return _saved(request, PROVIDERS)
    return _form(request, PROVIDERS, form, PROVIDERS.add_text)


def provider_edit(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    """Change a provider."""
    actor = keeper(request)
    provider = _record(ServiceProvider, public_id)
    form = ProviderForm(
        request.POST or None, initial=ProviderForm.initial_for(provider)
    )

    def write(data: dict[str, Any]) -> ServiceProvider:
        return directory.provider_save(
            actor=actor, data=form.provider_data(), provider=provider
        )

    if submitted(request, form, write) is not None:
        return _saved(request, PROVIDERS)
    return _form(request, PROVIDERS, form, PROVIDERS.edit_title)


def situation_list(request: CabinetRequest) -> HttpResponse:
    """Every life situation, with or without public cards."""
    return _list_page(request, SITUATIONS, selectors.life_situation_list_all())


def situation_create(request: CabinetRequest) -> HttpResponse:
    """Enter a life situation."""
    actor = keeper(request)
    form = LifeSituationForm(request.POST or None)

    def write(data: dict[str, Any]) -> LifeSituation:
        return directory.life_situation_save(
            actor=actor, name=data["name"], sort_order=data["sort_order"]
        )

    if submitted(request, form, write) is not None:
        return _saved(request, SITUATIONS)
    return _form(request, SITUATIONS, form, SITUATIONS.add_text)


def situation_edit(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    """Rename a life situation or change its place; its address stays."""
    actor = keeper(request)
    situation = _record(LifeSituation, public_id)
    form = LifeSituationForm(
        request.POST or None, initial=LifeSituationForm.initial_for(situation)
    )

    def write(data: dict[str, Any]) -> LifeSituation:
        return directory.life_situation_save(
            actor=actor,
            name=data["name"],
            sort_order=data["sort_order"],
            situation=situation,
        )

    if submitted(request, form, write) is not None:
        return _saved(request, SITUATIONS)
    return _form(request, SITUATIONS, form, SITUATIONS.edit_title)
