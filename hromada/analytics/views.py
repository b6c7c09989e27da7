"""Pages of the analytics room: the public statistics of appeals, the
staff's analytics and the quarterly КМУ №858 report.

Every figure comes from the summary tables (``selectors``, ``dashboard``);
the public page never reads an appeal. Only the staff's "open now" table
asks the appeals live, through their own aggregate selector.
"""

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode

from hromada.analytics import dashboard, permissions, report858, selectors
from hromada.analytics.forms import Report858Form, StatsFilterForm, period_presets
from hromada.analytics.lookups import Lookups
from hromada.gis.forms import map_settings
from hromada.ui.http import CabinetRequest

FILTERS = ("category", "district", "unit")


@login_not_required
def appeal_stats(request: HttpRequest) -> HttpResponse:
    """Statistics of public appeals for everyone: figures, tables, charts
    and the heat map of the period and filters chosen."""
    context = _stats_context(request, public_only=True)
    return render(request, "analytics/appeal_stats.html", context)


def cabinet_appeal_stats(request: CabinetRequest) -> HttpResponse:
    """The same figures with confidential appeals, the load of each unit
    now, the channels, and the quarterly report's form."""
    _check_access(request)
    return render(
        request, "analytics/cabinet_appeal_stats.html", _staff_context(request)
    )


def cabinet_report_858(request: CabinetRequest) -> HttpResponse:
    """The quarter's report in the form of КМУ №858, as an XLSX download."""
    _check_access(request)
    form = Report858Form(request.GET, today=timezone.localdate())
    if not form.is_valid():
        context = _staff_context(request, report_form=form)
        return render(
            request, "analytics/cabinet_appeal_stats.html", context, status=400
        )
    report = report858.report_858(
        year=form.cleaned_data["year"], quarter=form.cleaned_data["quarter"]
    )
    response = HttpResponse(
        report858.report_858_workbook(report), content_type=report858.XLSX_TYPE
    )
    filename = report858.report_858_filename(report)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _check_access(request: CabinetRequest) -> None:
    # Hidden looks missing: the page answers 404 to whoever may not see it.
    if not permissions.can_view_appeal_analytics(request.user):
        raise Http404


def _stats_context(request: HttpRequest, *, public_only: bool) -> dict[str, Any]:
    lookups = Lookups.load()
    today = timezone.localdate()
    form = StatsFilterForm(request.GET, lookups=lookups, today=today)
    context: dict[str, Any] = {
        "form": form,
        "dashboard": None,
        "presets": _preset_links(request, today),
        "refreshed_at": selectors.stats_refreshed_at(),
        "heat_legend": dashboard.heat_legend(),
        "cell_min": selectors.CELL_MIN_APPEALS,
        "map": map_settings(),
        "public_only": public_only,
        "lookups": lookups,
    }
    if form.is_valid():
        query = form.query(public_only=public_only)
        context["query"] = query
        context["dashboard"] = dashboard.appeal_dashboard(
            query=query, lookups=lookups, shown_under=form.chosen_category_id()
        )
    return context


def _staff_context(
    request: CabinetRequest, *, report_form: Report858Form | None = None
) -> dict[str, Any]:
    context = _stats_context(request, public_only=False)
    today = timezone.localdate()
    context["unit_load"] = dashboard.unit_load(lookups=context["lookups"], today=today)
    if "query" in context:
        context["channels"] = dashboard.channel_rows(query=context["query"])
    context["report_form"] = report_form or Report858Form(None, today=today)
    return context


def _preset_links(request: HttpRequest, today: date) -> list[tuple[str, str]]:
    """(label, href) of each preset period, keeping the other filters."""
    kept = {name: request.GET[name] for name in FILTERS if request.GET.get(name)}
    return [
        (
            preset.label,
            "?"
            + urlencode(
                {
                    "date_from": preset.date_from.isoformat(),
                    "date_to": preset.date_to.isoformat(),
                    **kept,
                }
            ),
        )
        for preset in period_presets(today)
    ]
