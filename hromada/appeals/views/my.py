"""The citizen's own appeals in ``/my/appeals/``."""

from uuid import UUID

from django.http import Http404, HttpResponse
from django.shortcuts import render

from hromada.appeals.selectors import appeals as appeal_selectors
from hromada.appeals.timeline import timeline_steps
from hromada.ui.http import CabinetRequest
from hromada.ui.pagination import CappedPaginator

PAGE_SIZE = 20


def my_appeal_list(request: CabinetRequest) -> HttpResponse:
    """The appeals the person filed, newest first."""
    appeals = appeal_selectors.appeal_list_own(user=request.user)
    page = CappedPaginator(appeals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "appeals/my_appeal_list.html", {"page": page})


def my_appeal_detail(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    """One of the person's own appeals, confidential ones included."""
    appeal = appeal_selectors.appeal_get_own(user=request.user, public_id=public_id)
    if appeal is None:
        raise Http404
    events = list(appeal_selectors.appeal_events(appeal=appeal))
    context = {
        "appeal": appeal,
        "steps": timeline_steps(appeal, events),
        "attachments": appeal_selectors.appeal_attachments(appeal=appeal),
    }
    return render(request, "appeals/my_appeal_detail.html", context)
