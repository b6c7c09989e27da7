"""Public pages of the portal that this room serves without the CMS."""

from itertools import groupby

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnitKind

PUBLIC_KINDS = (
    OrgUnitKind.COUNCIL,
    OrgUnitKind.EXECUTIVE_COMMITTEE,
    OrgUnitKind.DEPARTMENT,
    OrgUnitKind.SECTOR,
    OrgUnitKind.CNAP,
    OrgUnitKind.ENTERPRISE,
    OrgUnitKind.STAROSTA_DISTRICT,
)


@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html")


@login_not_required
def bodies(request: HttpRequest) -> HttpResponse:
    units = sorted(
        org_selectors.org_unit_list_active().filter(kind__in=PUBLIC_KINDS),
        key=lambda unit: (PUBLIC_KINDS.index(OrgUnitKind(unit.kind)), unit.sort_order),
    )
    groups = [
        (OrgUnitKind(kind).label, list(items))
        for kind, items in groupby(units, key=lambda unit: unit.kind)
    ]
    return render(request, "portal/bodies.html", {"groups": groups})


@login_not_required
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/accessibility.html")
