"""Public pages of appeals: the list and one appeal with its timeline.

Nothing here reads the applicant: every query comes from
``selectors.public`` (APL-19). The list, the map and an appeal's page are
the same for every visitor who has not signed in, so ``core.pagecache``
keeps them for ``PUBLIC_SECONDS``.
"""

from dataclasses import replace
from datetime import timedelta
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hromada.accounts.models import User
from hromada.appeals import permissions
from hromada.appeals.forms import PublicFilterForm
from hromada.appeals.models import Appeal
from hromada.appeals.selectors import public as public_selectors
from hromada.appeals.services import following
from hromada.appeals.timeline import timeline_steps
from hromada.appeals.views.files import attachment_response
from hromada.core.errors import ApplicationError
from hromada.core.pagecache import public_cache
from hromada.gis.forms import map_settings
from hromada.ui.pagination import CappedPaginator

PAGE_SIZE = 20
# How old a cached public page may be: a new public appeal or an answer
# reaches the list, the map and the appeal's page within a minute.
PUBLIC_SECONDS = 60


def _public_or_404(public_id: UUID) -> Appeal:
    appeal = public_selectors.appeal_get_public(public_id=public_id)
    if appeal is None:
        raise Http404
    return appeal


@login_not_required
@public_cache(PUBLIC_SECONDS)
def appeal_list(request: HttpRequest) -> HttpResponse:
    """Public appeals, newest first, a page at a time, filtered; the map
    above the list draws the same filter's clusters."""
    form = PublicFilterForm(request.GET or None)
    filters = form.filters()
    appeals = public_selectors.appeal_list_public_filtered(filters=filters)
    page = CappedPaginator(appeals, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "map": map_settings(),
        "map_source": reverse("appeals:appeal_map") + "?" + query.urlencode(),
    }
    return render(request, "appeals/appeal_list.html", context)


# Zoom levels the public map serves: the city, down to its streets.
MAP_ZOOMS = range(10, 20)
# Degrees: a city, not a country; a wide screen at the farthest zoom (10)
# shows about two, and the map widens its box to whole squares.
MAP_SPAN_MAX = 3.0
MAP_DEFAULT_DAYS = 90


@login_not_required
@public_cache(PUBLIC_SECONDS)
def appeal_map(request: HttpRequest) -> JsonResponse:
    """Clusters of public appeals for the map, as GeoJSON-like JSON.

    ``bbox=min_lon,min_lat,max_lon,max_lat`` and ``zoom`` are required; the
    grid is about a quarter of a map tile, so clusters stay apart on screen.
    """
    try:
        bbox = tuple(float(part) for part in request.GET["bbox"].split(","))
        zoom = int(request.GET["zoom"])
    except (KeyError, ValueError):
        return JsonResponse({"error": "bbox and zoom are required"}, status=400)
    if len(bbox) != 4 or zoom not in MAP_ZOOMS:
        return JsonResponse({"error": "bad bbox or zoom"}, status=400)
    min_lon, min_lat, max_lon, max_lat = bbox
    if not (min_lon < max_lon and min_lat < max_lat) or (
        max_lon - min_lon > MAP_SPAN_MAX or max_lat - min_lat > MAP_SPAN_MAX
    ):
        return JsonResponse({"error": "bad bbox"}, status=400)
    filters = PublicFilterForm(request.GET).filters()
    if filters.start is None:
        # Without a period the map shows the recent appeals: ten years of a
        # city's appeals on one map is neither readable nor cheap.
        filters = replace(
            filters, start=timezone.localdate() - timedelta(days=MAP_DEFAULT_DAYS)
        )
    cells = public_selectors.appeal_map_cells(
        filters=filters,
        bbox=(min_lon, min_lat, max_lon, max_lat),
        cell_degrees=360 / 2**zoom / 4,
    )
    features = [
        {
            "lon": cell.lon,
            "lat": cell.lat,
            "count": cell.count,
            "url": reverse("appeals:appeal_detail", args=[cell.public_id])
            if cell.public_id
            else "",
            "title": cell.title,
        }
        for cell in cells
    ]
    response = JsonResponse({"cells": features})
    response["Cache-Control"] = "public, max-age=60"
    return response


@login_not_required
@public_cache(PUBLIC_SECONDS)
def appeal_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """One public appeal: the matter, the place, the timeline, the answer.

    A visitor who has not signed in gets no form here ("I have the same
    problem" asks them to sign in first), so the page holds no CSRF token
    and can be cached; the signed-in get the form and are never cached.
    """
    appeal = _public_or_404(public_id)
    events = list(public_selectors.appeal_events_public(appeal=appeal))
    user = request.user
    context = {
        "appeal": appeal,
        "answer_files": list(public_selectors.appeal_answer_files_public(appeal=appeal))
        if not appeal.is_open
        else [],
        "steps": timeline_steps(appeal, events),
        "can_follow": isinstance(user, User)
        and permissions.can_follow(user, appeal)
        and appeal.is_open,
        "signed_in": user.is_authenticated,
    }
    return render(request, "appeals/appeal_detail.html", context)


@login_not_required
@require_POST
def appeal_follow(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """ "I have the same problem": count the person in, once."""
    appeal = _public_or_404(public_id)
    user = request.user
    if not isinstance(user, User):
        return redirect_to_login(request.path.removesuffix("follow/"))
    try:
        joined = following.appeal_follow(appeal=appeal, actor=user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        if joined:
            messages.success(
                request,
                _("You joined the appeal. We will write to you when it is answered."),
            )
        else:
            messages.info(request, _("You have joined this appeal already."))
    return redirect("appeals:appeal_detail", appeal.public_id)


@login_not_required
def appeal_file(request: HttpRequest, public_id: UUID, file_id: UUID) -> FileResponse:
    """A published file of a public appeal's answer."""
    appeal = _public_or_404(public_id)
    attachment = (
        public_selectors.appeal_answer_files_public(appeal=appeal)
        .filter(public_id=file_id)
        .first()
    )
    if attachment is None:
        raise Http404
    return attachment_response(attachment)
