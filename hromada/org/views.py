"""The staff telephone directory."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hromada.org import selectors

PAGE_SIZE = 50


def directory(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    units = selectors.org_unit_list_active()
    unit_id = request.GET.get("unit", "")
    unit = next((u for u in units if str(u.public_id) == unit_id), None)
    employees = selectors.employee_list_current(query=query, org_unit=unit)
    page = Paginator(employees, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "query": query, "units": units, "unit": unit}
    # The ui room's request types live above org; read htmx's header here.
    is_htmx = request.headers.get("HX-Request") == "true"
    template = "org/_directory_results.html" if is_htmx else "org/directory.html"
    return render(request, template, context)
