"""Error pages in one style, and the cabinet's front page."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def _error(request: HttpRequest, status: int, title: str, text: str) -> HttpResponse:
    context = {"status": status, "title": title, "text": text}
    return render(request, "ui/error.html", context, status=status)


@login_not_required
def error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request, 400, _("The request could not be understood"),
        _("Check the address or the form and try again."),
    )


@login_not_required
def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request, 403, _("You do not have access to this page"),
        _("If you think you should, ask the system administrator of the council."),
    )


@login_not_required
def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request, 404, _("Page not found"),
        _("If you typed the web address, check it is correct. "
          "If you pasted it, check you copied the entire address."),
    )


@login_not_required
def error_500(request: HttpRequest) -> HttpResponse:
    return _error(
        request, 500, _("Sorry, there is a problem with the service"),
        _("Try again later. Nothing you entered was saved."),
    )
