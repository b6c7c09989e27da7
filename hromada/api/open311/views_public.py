"""``discovery.html``: the Open311 endpoint described for people
(STANDARDS §1.3 recommends it), with what Hromada adds to the standard;
discovery's last endpoint entry points at its ``#hromada`` section."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from hromada.api.open311 import params
from hromada.api.open311.views import endpoint_url
from hromada.appeals.services import attachments, filing_input


@login_not_required
@require_safe
def discovery_page(request: HttpRequest) -> HttpResponse:
    context = {
        "endpoint_url": endpoint_url(),
        "contact": settings.HROMADA_OPEN311_CONTACT,
        "page_size_max": params.PAGE_SIZE_MAX,
        "window_days": params.WINDOW_MAX.days,
        "files_max": attachments.FILES_MAX,
        "links_max": filing_input.LINKS_MAX,
    }
    return render(request, "api/open311_discovery.html", context)
