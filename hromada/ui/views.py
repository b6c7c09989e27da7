"""Error pages in one style, the cabinet's front page, the language switch."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.i18n import set_language

from hromada.ui import context_processors
from hromada.ui.http import CabinetRequest


def cabinet_home(request: CabinetRequest) -> HttpResponse:
    """One card per room of the cabinet the user may see, with its counter.

    ``accounts``' middleware has already refused anyone who is not staff.
    """
    items = context_processors.cabinet_menu(request)
    return render(request, "ui/cabinet_home.html", {"items": items})


_set_language_checked = csrf_protect(set_language)


@csrf_exempt
@login_not_required
def language_set(request: HttpRequest) -> HttpResponse:
    """Django's ``set_language``, CSRF-checked only for a signed-in person.

    The switch on every page is a POST form (it works without JavaScript).
    Django's view only sets the language cookie and redirects to a ``next``
    on this site, so a forged switch can at worst change someone's display
    language. For a visitor who has not signed in there is nothing else to
    protect, while a token in the form would set the CSRF cookie on every
    public page and keep it out of ``core.pagecache``. A signed-in person's
    pages are never cached: their switch carries the token
    (``ui/_language_switch.html``) and is checked, so every POST of a
    session stays CSRF-checked.
    """
    if request.user.is_authenticated:
        return _set_language_checked(request)
    return set_language(request)


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
