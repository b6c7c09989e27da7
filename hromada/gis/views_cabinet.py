"""Cabinet pages where GIS editors keep districts, streets and addresses.

Only GIS editors and system administrators see these pages; to any other
member of staff they do not exist (404), as for a forbidden object.
"""

import json
from collections.abc import Callable
from functools import partial
from typing import Any, Final, TypeVar
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hromada.accounts.models import User
from hromada.core.errors import ApplicationError
from hromada.gis import permissions, selectors, services
from hromada.gis.forms_cabinet import (
    AddressForm,
    AddressImportForm,
    DistrictForm,
    StreetForm,
    StreetSearchForm,
)
from hromada.gis.models import District, Street, StreetKind

T = TypeVar("T")
PAGE_SIZE: Final = 50
# Service error details name the service's arguments; these are the fields
# of the forms that carry them.
FORM_FIELDS: Final = {"boundary": "geometry", "point": "point"}


def _editor(request: HttpRequest) -> User:
    """The signed-in GIS editor; to anyone else the page does not exist."""
    user = request.user
    if not isinstance(user, User) or not permissions.can_edit_map_data(user):
        raise Http404
    return user


def _errors_to_form(form: forms.Form, error: ApplicationError) -> None:
    placed = False
    for key, field_messages in error.details.items():
        field = FORM_FIELDS.get(key, key)
        for message in field_messages if field in form.fields else ():
            form.add_error(field, message)
            placed = True
    if not placed:
        form.add_error(None, error.message)


def _written(form: forms.Form, write: Callable[[], T]) -> T | None:
    """What the service wrote, or ``None`` with its refusal on the form."""
    try:
        return write()
    except ApplicationError as error:
        _errors_to_form(form, error)
        return None


def _form_page(
    request: HttpRequest, template: str, context: dict[str, Any]
) -> HttpResponse:
    status = 400 if context["form"].errors else 200
    return render(request, template, context, status=status)


def _page(request: HttpRequest, rows: Any) -> Any:
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


def _district_or_404(public_id: UUID) -> District:
    try:
        return selectors.district_get(public_id=public_id)
    except District.DoesNotExist:
        raise Http404 from None


def _street_or_404(public_id: UUID) -> Street:
    try:
        return selectors.street_get(public_id=public_id)
    except Street.DoesNotExist:
        raise Http404 from None


def district_list(request: HttpRequest) -> HttpResponse:
    _editor(request)
    page = _page(request, selectors.district_list_counted())
    return render(request, "gis/district_list.html", {"page": page})


def district_create(request: HttpRequest) -> HttpResponse:
    return _district_form(request, district=None)


def district_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _district_form(request, district=_district_or_404(public_id))


def _district_form(request: HttpRequest, *, district: District | None) -> HttpResponse:
    editor = _editor(request)
    initial = {}
    if district is not None:
        initial = {
            "name": district.name,
            "code": district.code,
            "geometry": json_text(district.geometry),
        }
    form = DistrictForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = _written(
            form,
            partial(
                services.district_save,
                actor=editor,
                name=data["name"],
                code=data["code"],
                boundary=data["boundary"],
                district=district,
                once_key=data["once"],
            ),
        )
        if saved is not None:
            messages.success(request, _("The district is saved."))
            return redirect("gis_cabinet:district_list")
    context = {"form": form, "district": district}
    return _form_page(request, "gis/district_form.html", context)


def json_text(data: Any) -> str:
    """GeoJSON as an editor reads it in the text box."""
    return json.dumps(data, ensure_ascii=False)


def street_list(request: HttpRequest) -> HttpResponse:
    _editor(request)
    form = StreetSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    page = _page(request, selectors.street_list(query=query))
    context = {"form": form, "page": page, "query": query}
    is_htmx = request.headers.get("HX-Request") == "true"
    template = "gis/_street_list_results.html" if is_htmx else "gis/street_list.html"
    return render(request, template, context)


def street_create(request: HttpRequest) -> HttpResponse:
    editor = _editor(request)
    form = StreetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        street = _written(
            form,
            partial(
                services.street_create,
                actor=editor,
                kind=StreetKind(data["kind"]),
                name=data["name"],
                once_key=data["once"],
            ),
        )
        if street is not None:
            messages.success(request, _("The street is in the registry."))
            return redirect("gis_cabinet:street_detail", street.public_id)
    return _form_page(request, "gis/street_form.html", {"form": form})


def street_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    _editor(request)
    street = _street_or_404(public_id)
    page = _page(request, selectors.address_list_for_street(street=street))
    return render(request, "gis/street_detail.html", {"street": street, "page": page})


def address_create(request: HttpRequest, public_id: UUID) -> HttpResponse:
    editor = _editor(request)
    street = _street_or_404(public_id)
    form = AddressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        address = _written(
            form,
            partial(
                services.address_create,
                actor=editor,
                street=street,
                number=data["number"],
                lon=data["point"].lon,
                lat=data["point"].lat,
                once_key=data["once"],
            ),
        )
        if address is not None:
            messages.success(
                request, _("%(address)s is in the registry.") % {"address": address}
            )
            return redirect("gis_cabinet:street_detail", street.public_id)
    context = {"form": form, "street": street}
    return _form_page(request, "gis/address_form.html", context)


def address_import(request: HttpRequest, public_id: UUID) -> HttpResponse:
    editor = _editor(request)
    street = _street_or_404(public_id)
    form = AddressImportForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form, "street": street}
    if request.method == "POST" and form.is_valid():
        rows, unreadable = form.cleaned_data["file"]
        result = services.addresses_import(actor=editor, street=street, rows=rows)
        context["rejected"] = sorted([*unreadable, *result.rejected])
        if result.created:
            messages.success(request, _imported_text(len(result.created)))
        if not context["rejected"]:
            return redirect("gis_cabinet:street_detail", street.public_id)
    return _form_page(request, "gis/address_import.html", context)


def _imported_text(count: int) -> str:
    return ngettext(
        "%(count)s address is added.", "%(count)s addresses are added.", count
    ) % {"count": count}
