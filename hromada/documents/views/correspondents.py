"""Cabinet views of the registry of correspondents."""

from typing import Any, Final
from urllib.parse import urlencode, urlsplit, urlunsplit
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hromada.core.errors import ApplicationError
from hromada.documents import permissions
from hromada.documents.models import Correspondent, CorrespondentKind
from hromada.documents.selectors import cards as selectors
from hromada.documents.services import correspondents as services
from hromada.ui.http import CabinetRequest

PAGE_SIZE: Final = 25
# Where "add a correspondent" may send the user back to: the card forms.
NEXT_PREFIX: Final = "/cabinet/documents/"
STATES: Final = {"active": True, "inactive": False, "all": None}
DETAIL_FIELDS: Final = ("kind", "name", "edrpou", "address", "email", "phone")


class CorrespondentFilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Name or ЄДРПОУ code"), required=False, max_length=200
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=[("", gettext_lazy("All kinds")), *CorrespondentKind.choices],
        required=False,
    )
    state = forms.ChoiceField(
        label=gettext_lazy("State"),
        choices=[
            ("active", gettext_lazy("Active")),
            ("inactive", gettext_lazy("Deactivated")),
            ("all", gettext_lazy("Active and deactivated")),
        ],
        required=False,
    )


class CorrespondentForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=CorrespondentKind.choices,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=300,
        help_text=gettext_lazy(
            "The organisation's full name, or the person's surname, name and "
            "patronymic."
        ),
    )
    edrpou = forms.CharField(
        label=gettext_lazy("ЄДРПОУ code"),
        max_length=20,
        required=False,
        help_text=gettext_lazy("8 digits; organisations only."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
    )
    address = forms.CharField(
        label=gettext_lazy("Postal address"), max_length=300, required=False
    )
    email = forms.CharField(
        label=gettext_lazy("E-mail"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"spellcheck": "false"}),
    )
    phone = forms.CharField(
        label=gettext_lazy("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel"}),
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)


def _correspondent_or_404(request: CabinetRequest, public_id: UUID) -> Correspondent:
    try:
        return selectors.correspondent_get_for_user(
            user=request.user, public_id=public_id
        )
    except Correspondent.DoesNotExist:
        raise Http404 from None


def _manager_require(request: CabinetRequest) -> None:
    if not permissions.can_manage_correspondents(request.user):
        raise Http404


def _errors_to_form(form: forms.Form, error: ApplicationError) -> None:
    for field, field_messages in error.details.items():
        for message in field_messages if field in form.fields else ():
            form.add_error(field, message)
    if not any(field in form.fields for field in error.details):
        form.add_error(None, error.message)


def _details(data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in DETAIL_FIELDS} | {
        "kind": CorrespondentKind(data["kind"])
    }


def _safe_next(request: CabinetRequest, url: str) -> str:
    is_safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if is_safe and url.startswith(NEXT_PREFIX) else ""


def _back_to_card(url: str, correspondent: Correspondent) -> str:
    """The card form's address with the new correspondent chosen."""
    parts = urlsplit(url)
    query = QueryDict(parts.query, mutable=True)
    query["correspondent"] = str(correspondent.public_id)
    return urlunsplit(parts._replace(query=urlencode(query, doseq=True)))


def correspondent_list(request: CabinetRequest) -> HttpResponse:
    form = CorrespondentFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    correspondents = selectors.correspondent_list_for_user(
        user=request.user,
        query=filters.get("q", ""),
        kind=CorrespondentKind(filters["kind"]) if filters.get("kind") else None,
        is_active=STATES[filters.get("state") or "active"],
    )
    page = Paginator(correspondents, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "can_manage": permissions.can_manage_correspondents(request.user),
    }
    template = "documents/correspondent_list.html"
    if request.htmx:
        template = "documents/_correspondent_list_results.html"
    return render(request, template, context)


def correspondent_create(request: CabinetRequest) -> HttpResponse:
    _manager_require(request)
    next_url = _safe_next(request, request.GET.get("next", ""))
    form = CorrespondentForm(
        request.POST or None,
        initial={"kind": CorrespondentKind.ORGANISATION, "next": next_url},
    )
    if request.method == "POST" and form.is_valid():
        try:
            correspondent = services.correspondent_create(
                actor=request.user, **_details(form.cleaned_data)
            )
        except ApplicationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The correspondent is in the registry."))
            back = _safe_next(request, form.cleaned_data["next"])
            if back:
                return redirect(_back_to_card(back, correspondent))
            return redirect("documents:correspondent_detail", correspondent.public_id)
    status = 400 if form.errors else 200
    back = _safe_next(request, str(form["next"].value() or ""))
    context = {"form": form, "correspondent": None, "next_url": back}
    return render(request, "documents/correspondent_form.html", context, status=status)


def correspondent_detail(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    correspondent = _correspondent_or_404(request, public_id)
    services.correspondent_read_record(correspondent=correspondent, reader=request.user)
    documents = selectors.correspondent_documents(
        correspondent=correspondent, user=request.user
    )
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "correspondent": correspondent,
        "page": page,
        "can_manage": permissions.can_manage_correspondents(request.user),
    }
    return render(request, "documents/correspondent_detail.html", context)


def correspondent_edit(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    _manager_require(request)
    correspondent = _correspondent_or_404(request, public_id)
    initial = {name: getattr(correspondent, name) for name in DETAIL_FIELDS}
    form = CorrespondentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.correspondent_update(
                correspondent=correspondent,
                actor=request.user,
                **_details(form.cleaned_data),
            )
        except ApplicationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The correspondent's details are saved."))
            return redirect("documents:correspondent_detail", correspondent.public_id)
    status = 400 if form.errors else 200
    context = {"form": form, "correspondent": correspondent}
    return render(request, "documents/correspondent_form.html", context, status=status)


@require_POST
def correspondent_deactivate(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    _manager_require(request)
    correspondent = _correspondent_or_404(request, public_id)
    services.correspondent_deactivate(correspondent=correspondent, actor=request.user)
    messages.success(
        request, _("The correspondent is deactivated: cards no longer offer it.")
    )
    return redirect("documents:correspondent_detail", correspondent.public_id)


@require_POST
def correspondent_reactivate(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    _manager_require(request)
    correspondent = _correspondent_or_404(request, public_id)
    try:
        services.correspondent_reactivate(
            correspondent=correspondent, actor=request.user
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The correspondent is active again."))
    return redirect("documents:correspondent_detail", correspondent.public_id)


urlpatterns: list[URLPattern] = [
    path("correspondents/", correspondent_list, name="correspondent_list"),
    path("correspondents/new/", correspondent_create, name="correspondent_create"),
    path(
        "correspondents/<uuid:public_id>/",
        correspondent_detail,
        name="correspondent_detail",
    ),
    path(
        "correspondents/<uuid:public_id>/edit/",
        correspondent_edit,
        name="correspondent_edit",
    ),
    path(
        "correspondents/<uuid:public_id>/deactivate/",
        correspondent_deactivate,
        name="correspondent_deactivate",
    ),
    path(
        "correspondents/<uuid:public_id>/reactivate/",
        correspondent_reactivate,
        name="correspondent_reactivate",
    ),
]
