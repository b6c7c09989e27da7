"""Cabinet pages where a system administrator issues and revokes the keys
of Open311 client applications.

A key is shown once: the issuing request puts it into the session and
redirects to the client's page, which takes it out as it shows it. A form
sent twice (``OnceField``) issues one key, and the second send lands on
the same page, where the key from the first send still waits if the
browser abandoned that answer.
"""

from typing import Final
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hromada.api.models import Open311Client
from hromada.api.open311 import permissions, selectors, services
from hromada.api.open311.forms import Open311ClientForm
from hromada.api.open311.views import endpoint_url
from hromada.core.errors import ApplicationError
from hromada.ui.http import CabinetRequest

SESSION_PREFIX: Final = "api.open311_key:"


def _manager_require(request: CabinetRequest) -> None:
    if not permissions.can_manage_open311_clients(request.user):
        raise Http404


def _client_or_404(public_id: UUID) -> Open311Client:
    try:
        return selectors.open311_client_get(public_id=public_id)
    except Open311Client.DoesNotExist:
        raise Http404 from None


def _errors_to_form(form: forms.Form, error: ApplicationError) -> None:
    known = [field for field in error.details if field in form.fields]
    for field in known:
        for message in error.details[field]:
            form.add_error(field, message)
    if not known:
        form.add_error(None, error.message)


def open311_client_list(request: CabinetRequest) -> HttpResponse:
    _manager_require(request)
    context = {
        "clients": selectors.open311_client_list(),
        "endpoint_url": endpoint_url(),
    }
    return render(request, "api/open311_client_list.html", context)


def open311_client_create(request: CabinetRequest) -> HttpResponse:
    _manager_require(request)
    form = Open311ClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            client, key = services.open311_client_issue(
                actor=request.user,
                name=form.cleaned_data["name"],
                allowed_origins=form.origins(),
                once_key=form.cleaned_data["once"],
            )
        except ApplicationError as error:
            _errors_to_form(form, error)
        else:
            if key:
                request.session[SESSION_PREFIX + str(client.public_id)] = key
            return redirect("api_cabinet:open311_client_detail", client.public_id)
    status = 400 if form.errors else 200
    return render(
        request, "api/open311_client_form.html", {"form": form}, status=status
    )


def open311_client_detail(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    _manager_require(request)
    client = _client_or_404(public_id)
    key = request.session.pop(SESSION_PREFIX + str(client.public_id), "")
    context = {"client": client, "key": key, "endpoint_url": endpoint_url()}
    response = render(request, "api/open311_client_detail.html", context)
    if key:
        # The page holds a secret: no cache may keep a copy of it.
        response["Cache-Control"] = "no-store"
    return response


@require_POST
def open311_client_revoke(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    _manager_require(request)
    client = _client_or_404(public_id)
    try:
        services.open311_client_revoke(client=client, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The key is revoked: requests sent with it are refused.")
        )
    return redirect("api_cabinet:open311_client_detail", client.public_id)
