"""Request types for views, so mypy knows what the middleware has set."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from hromada.accounts.models import User


class CabinetRequest(HttpRequest):
    """A request to ``/cabinet/``: the user has signed in and may use it.

    For annotations only: ``LoginRequiredMiddleware`` and ``accounts``'
    ``CabinetAccessMiddleware`` make it true; nothing checks it here.
    """

    user: User
    htmx: HtmxDetails


class HtmxRequest(HttpRequest):
    """Any request after django-htmx's middleware (public pages too)."""

    htmx: HtmxDetails
