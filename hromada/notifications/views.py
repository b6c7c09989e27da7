"""Cabinet pages of the notifications room: the demo captured-mail reader."""

from uuid import UUID

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from hromada.notifications import selectors
from hromada.notifications.models import CapturedMail

CAPTURED_MAIL_PER_PAGE = 20


def _demo_mode_require() -> None:
    # Outside demo mode the pages do not exist; the cabinet gate has already
    # limited them to staff.
    if not settings.HROMADA_DEMO:
        raise Http404


def captured_mail_list(request: HttpRequest) -> HttpResponse:
    _demo_mode_require()
    paginator = Paginator(selectors.captured_mail_list(), CAPTURED_MAIL_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "page": page,
        "page_range": paginator.get_elided_page_range(
            page.number, on_each_side=1, on_ends=1
        ),
        "ellipsis": paginator.ELLIPSIS,
    }
    return render(request, "notifications/captured_mail_list.html", context)


def captured_mail_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    _demo_mode_require()
    try:
        mail = selectors.captured_mail_get(public_id=public_id)
    except CapturedMail.DoesNotExist:
        raise Http404 from None
    return render(request, "notifications/captured_mail_detail.html", {"mail": mail})
