"""Public map endpoints: address suggestions for forms and for scripts."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from hromada.gis import selectors
from hromada.gis.models import Address

MIN_QUERY_LENGTH = 2
SUGGESTION_LIMIT = 10
MAX_QUERY_LENGTH = 200


@login_not_required
@require_GET
def address_search(request: HttpRequest) -> HttpResponse:
    """Up to ten registry addresses for the words in ``q`` (two letters at
    least): a list of buttons for htmx and browsers, JSON for scripts.

    A form's input sends its words under its own name, which ``field``
    gives. One query, none for fewer than two letters.
    """
    name = request.GET.get("field") or "q"
    query = request.GET.get(name, "").strip()[:MAX_QUERY_LENGTH]
    is_long_enough = len(query) >= MIN_QUERY_LENGTH
    addresses = (
        selectors.address_search(query=query, limit=SUGGESTION_LIMIT)
        if is_long_enough
        else []
    )
    response: HttpResponse
    if _wants_json(request):
        response = JsonResponse([_as_json(a) for a in addresses], safe=False)
    else:
        context = {"addresses": addresses, "is_long_enough": is_long_enough}
        response = render(request, "gis/_address_suggestions.html", context)
    patch_vary_headers(response, ["Accept"])
    return response


def _wants_json(request: HttpRequest) -> bool:
    if request.GET.get("format") == "json":
        return True
    preferred = request.get_preferred_type(["text/html", "application/json"])
    return preferred == "application/json"


def _as_json(address: Address) -> dict[str, object]:
    return {
        "id": str(address.public_id),
        "label": str(address),
        "lon": address.lon,
        "lat": address.lat,
        "district": address.district.name if address.district else None,
    }
