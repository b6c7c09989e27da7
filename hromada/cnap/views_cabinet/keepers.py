"""What every keepers' page does: let only keepers in, send a form to a
service and put its refusal on the form, and answer a wrong form with 400."""

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render

from hromada.accounts.models import User
from hromada.cnap import permissions, selectors
from hromada.cnap.models import AdministrativeService, ServiceStatus
from hromada.core.errors import ApplicationError
from hromada.ui.forms import errors_to_form
from hromada.ui.http import CabinetRequest

T = TypeVar("T")

# The tag colour of each status, as the public catalogue shows them.
STATUS_COLOURS: dict[str, str] = {
    ServiceStatus.DRAFT: "grey",
    ServiceStatus.ACTIVE: "green",
    ServiceStatus.SUSPENDED: "orange",
    ServiceStatus.ARCHIVED: "red",
}


def keeper(request: CabinetRequest) -> User:
    """The signed-in keeper of the registry; to others no such page."""
    if not permissions.can_keep_services(request.user):
        raise Http404
    return request.user


def service_for_keeper(request: CabinetRequest, slug: str) -> AdministrativeService:
    """The card at ``slug`` with its lists, or 404."""
    try:
        return selectors.service_detail(user=request.user, slug=slug)
    except AdministrativeService.DoesNotExist:
        raise Http404 from None


def refusal_to_form(form: forms.Form, error: ApplicationError) -> None:
    """Put a service's refusal on ``form``. A refusal of the whole card
    (what a published card would lack) already lists everything in its
    message, so it goes above the form once."""
    if set(error.details) == {"__all__"}:
        form.add_error(None, error.message)
    else:
        errors_to_form(form, error)


def refusal_reasons(error: ApplicationError) -> list[str]:
    """Each reason of a refusal, one a line; the message if it lists none."""
    return list(error.details.get("__all__") or [error.message])


def submitted(
    request: CabinetRequest, form: forms.Form, write: Callable[[dict[str, Any]], T]
) -> T | None:
    """What ``write`` made of the sent form; ``None`` when the form was only
    shown, is wrong, or the service refused (said on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return write(form.cleaned_data)
    except ApplicationError as error:
        refusal_to_form(form, error)
        return None


def form_page(
    request: CabinetRequest, context: dict[str, Any], template: str = ""
) -> HttpResponse:
    """A form page; 400 when the form came back with errors."""
    status = 400 if context["form"].errors else 200
    return render(request, template or "cnap/cabinet_form.html", context, status=status)
