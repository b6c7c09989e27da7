"""The CKAN-compatible Action API at ``/api/3/action/`` and ``/api/action/``.

Reads answer GET and POST alike, without CSRF, cookies or redirects;
write actions are refused with 403. Errors keep CKAN's envelope, and an
unknown action gets CKAN's bare JSON string (STANDARDS §3.2).
"""

import hashlib
import logging

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.views.decorators.csrf import csrf_exempt

from hromada.opendata import ckan_dicts
from hromada.opendata.ckan_actions import ACTIONS, WRITE_ACTION
from hromada.opendata.ckan_api import (
    ActionError,
    BadRequest,
    NotAuthorized,
    json_response,
    request_params,
)
from hromada.opendata.ckan_dicts import Site

logger = logging.getLogger(__name__)
METHODS = ("GET", "POST")


def _help(site: Site, name: str) -> str:
    return site.url(f"/api/3/action/help_show?name={name}")


def _public(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Open a GET answer to every origin and let clients revalidate it."""
    if request.method != "GET":
        return response
    response["Access-Control-Allow-Origin"] = "*"
    if response.status_code == 200:
        tag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        if request.headers.get("If-None-Match") == tag:
            response = HttpResponseNotModified()
            response["Access-Control-Allow-Origin"] = "*"
        response["ETag"] = tag
    return response


def _failure(site: Site, name: str, error: ActionError) -> HttpResponse:
    return json_response(
        {"help": _help(site, name), "success": False, "error": error.error()},
        status=error.status,
    )


def _run(request: HttpRequest, name: str, site: Site) -> HttpResponse:
    if name not in ACTIONS:
        if WRITE_ACTION.search(name):
            denied = NotAuthorized("this catalogue is read-only")
            return _failure(site, name, denied)
        return json_response(f"Bad request: Action name not known: {name}", status=400)
    try:
        result = ACTIONS[name](request_params(request), site)
    except BadRequest as error:
        return json_response(str(error), status=400)
    except ActionError as error:
        return _failure(site, name, error)
    return json_response({"help": _help(site, name), "success": True, "result": result})


@csrf_exempt
@login_not_required
def action(request: HttpRequest, name: str) -> HttpResponse:
    """Run one action; the answer is always CKAN's JSON, never a page."""
    site = ckan_dicts.site_for(request)
    if request.method not in METHODS:
        response = json_response("Bad request: Method not allowed", status=405)
        response["Allow"] = ", ".join(METHODS)
        return response
    try:
        response = _run(request, name, site)
    except Exception:
        # An error page here would break every client: answer in the envelope.
        logger.exception("CKAN action %s failed", name)
        response = _failure(site, name, ActionError("the server failed"))
    return _public(request, response)


@csrf_exempt
@login_not_required
def api_version(request: HttpRequest) -> HttpResponse:
    """``GET /api/3``: the API version, as CKAN answers it."""
    return _public(request, json_response({"version": 3}))
