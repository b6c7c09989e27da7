"""Error pages in one style, and the cabinet's front page."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from hromada.ui import context_processors
from hromada.ui.http import CabinetRequest


def cabinet_home(request: CabinetRequest) -> HttpResponse:
    """One card per room of the cabinet the user may see, with its counter.

    ``accounts``' middleware has already refused anyone who is not staff.
    """
    items = context_processors.cabinet_menu(request)
    return render(request, "ui/cabinet_home.html", {"items": items})


def _error(request: HttpRequest, status: int, title: str, text: str) -> HttpResponse:
    context = {"status": status, "title": title, "text": text}
    return render(request, "ui/error.html", context, status=status)


@login_not_required
def error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        400,
        _("The request could not be understood"),
        _("Check the address or the form and try again."),
    )


@login_not_required
def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        403,
        _("You do not have access to this page"),
        _("If you think you should, ask the system administrator of the council."),
    )


@login_not_required
def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        404,
        pgettext("error page", "Page not found"),
        _(
            "If you typed the web address, check it is correct. "
            "If you pasted it, check you copied the entire address."
        ),
    )


@login_not_required
def error_500(request: HttpRequest) -> HttpResponse:
    # No request context: the database, the session or a context processor
    # may be what failed, so the page needs nothing but settings.
    context = {
        **context_processors.city_settings(),
        "status": 500,
        "title": _("Sorry, there is a problem with the service"),
        "text": _("Try again later. Nothing you entered was saved."),
    }
    return HttpResponseServerError(render_to_string("ui/error.html", context))
