"""Public pages of the registry: the extended search, an act, its scan."""

import json

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Page, Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from hromada.core import storage
from hromada.core.pagecache import public_cache
from hromada.registry.forms import ActSearchForm, TextOnDateForm
from hromada.registry.models import ActStatus, LegalAct
from hromada.registry.selectors import acts as act_selectors
from hromada.registry.selectors import regulatory as regulatory_selectors
from hromada.registry.selectors import search as search_selectors
from hromada.registry.selectors.search import PER_PAGE, ActSearchResult
from hromada.registry.views.results import facet_groups, result_rows

# A page of results of anyone who has not signed in stays this long in the
# page cache: a newly registered act shows up within a minute.
CACHE_SECONDS = 60
_LEGAL_FORCE = {
    ActStatus.IN_FORCE: "https://schema.org/InForce",
    ActStatus.AMENDED: "https://schema.org/PartiallyInForce",
    ActStatus.SUSPENDED: "https://schema.org/NotInForce",
    ActStatus.REPEALED: "https://schema.org/NotInForce",
    ActStatus.ADOPTED: "https://schema.org/NotInForce",
}


@login_not_required
@require_safe
@public_cache(CACHE_SECONDS)
def act_search(request: HttpRequest) -> HttpResponse:
    """The registry's search page: newest acts, or what the form asks for."""
    asked = any(value for key, value in request.GET.items() if key != "page")
    form = ActSearchForm(request.GET or None)
    result: ActSearchResult | None = None
    if form.is_bound and form.is_valid():
        result = search_selectors.act_search(
            user=request.user, criteria=form.criteria()
        )
    elif not form.is_bound:
        result = search_selectors.act_search(
            user=request.user, criteria=search_selectors.ActCriteria()
        )
    context = {
        "form": form,
        "result": result,
        "rows": result_rows(result.hits) if result is not None else [],
        "page": result_page(result) if result is not None else None,
        "asked": asked,
        "permalink": request.build_absolute_uri(),
        "facets": facet_groups(result, request.GET) if result is not None else [],
    }
    return render(request, "registry/act_search.html", context)


def result_page(result: ActSearchResult) -> Page:
    """A Django page over the count, for the design system's pagination."""
    paginator = Paginator(range(result.pages * PER_PAGE), PER_PAGE)
    return paginator.page(result.page)


@login_not_required
@require_safe
@public_cache(CACHE_SECONDS)
def act_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An act: its card, its text (in force now or on a chosen day), its
    editions and relations both ways, the scan, a regulatory act's
    documents and next tracking, and a permalink."""
    act = get_object_or_404(
        act_selectors.act_list_for_user(user=request.user), slug=slug
    )
    date_form = TextOnDateForm(request.GET if "on_year" in request.GET else None)
    on = timezone.localdate()
    if date_form.is_bound and date_form.is_valid():
        on = date_form.cleaned_data["on"]
    permalink = request.build_absolute_uri(act.get_absolute_url())
    context = {
        "act": act,
        "date_form": date_form,
        "text": act_selectors.act_text_on(act=act, on=on),
        "asked_date": date_form.is_bound and date_form.is_valid(),
        "editions": act_selectors.act_editions(act=act),
        "relations": act_selectors.act_relations(act=act, user=request.user),
        "regulatory": regulatory_selectors.act_regulatory_record(
            act=act, today=timezone.localdate()
        ),
        "permalink": permalink,
        "json_ld": _json_ld(act, permalink=permalink),
    }
    return render(request, "registry/act_detail.html", context)


def _json_ld(act: LegalAct, *, permalink: str) -> str:
    """schema.org ``Legislation`` of the act (STANDARDS §5.5)."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": act.title,
        "url": permalink,
        "legislationIdentifier": act.number,
        "legislationDate": act.adopted_on.isoformat(),
        "legislationType": act.get_kind_display(),
        "legislationPassedBy": {
            "@type": "GovernmentOrganization",
            "name": act.issuer.name,
        },
        "inLanguage": "uk",
    }
    force = _LEGAL_FORCE.get(ActStatus(act.status))
    if force:
        data["legislationLegalForce"] = force
    # Escaped for a <script> element: "</" never appears in it.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


@login_not_required
@require_safe
def act_scan(request: HttpRequest, slug: str) -> FileResponse:
    """The scan of the signed original, shown in the browser or downloaded."""
    act = get_object_or_404(
        act_selectors.act_list_for_user(user=request.user), slug=slug
    )
    if act.scan is None:
        raise Http404
    return FileResponse(
        storage.file_open(act.scan),
        as_attachment="download" in request.GET,
        filename=f"{act.slug}.pdf",
        content_type="application/pdf",
    )
