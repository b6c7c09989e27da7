"""The contact centre's workplace: the operator takes a call and registers
the oral appeal while the caller waits (DOMAIN.md APL-05, APL-16); the desk
and the leadership watch the load of the units.

The operator's page is one form. "Look up" and "Find similar appeals" post
the form back without registering anything: the page (or, with htmx, its
part) is drawn again with what was typed, the caller's earlier appeals and
the similar open ones. They post rather than get, so that the caller's
name and words stay out of addresses and logs; ``?phone=`` in the address
opens the page for one caller (as a telephony system would). "Register"
files the appeal and redirects to the number to read to the caller.
"""

from dataclasses import dataclass, field
from typing import Any, Final
from uuid import UUID

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from hromada.appeals import permissions
from hromada.appeals.forms_contact import ContactCallForm, caller_fill
from hromada.appeals.models import Appeal, AppealChannel, Applicant
from hromada.appeals.selectors import appeals as appeal_selectors
from hromada.appeals.selectors import contact as contact_selectors
from hromada.appeals.selectors import intake as intake_selectors
from hromada.appeals.services import filing, intake
from hromada.core.errors import ApplicationError
from hromada.ui.forms import errors_to_form
from hromada.ui.http import CabinetRequest
from hromada.ui.pagination import CappedPaginator

OVERDUE_PAGE_SIZE: Final = 25
# The parts of the operator's page htmx asks for, by the id of their box.
PARTS: Final = {
    "contact-caller": "appeals/_contact_caller.html",
    "contact-similar": "appeals/_contact_similar.html",
}


@dataclass(kw_only=True)
class CallLookups:
    """What the page found for the call so far."""

    phone: str = ""
    caller_appeals: list[Appeal] = field(default_factory=list)
    caller_latest: Applicant | None = None
    similar_checked: bool = False
    nearby: list[Appeal] = field(default_factory=list)
    caller_open: list[Appeal] = field(default_factory=list)

    @property
    def status_text(self) -> str:
        """What a screen reader announces after a lookup."""
        parts = []
        if self.phone:
            count = len(self.caller_appeals)
            parts.append(
                ngettext(
                    "%(count)d earlier appeal from this number.",
                    "%(count)d earlier appeals from this number.",
                    count,
                )
                % {"count": count}
            )
        if self.similar_checked:
            count = len(self.nearby) + len(self.caller_open)
            parts.append(
                ngettext(
                    "%(count)d similar open appeal.",
                    "%(count)d similar open appeals.",
                    count,
                )
                % {"count": count}
            )
        return " ".join(parts)


def _operator(request: CabinetRequest) -> None:
    """To anyone but the desk the page does not exist."""
    if not permissions.can_take_calls(request.user):
        raise Http404


@require_http_methods(["GET", "POST"])
def contact_call(request: CabinetRequest) -> HttpResponse:
    """The operator's form; see the module's docstring."""
    _operator(request)
    if request.method == "POST" and request.POST.get("action") == "register":
        return _register(request)
    data = request.POST if request.method == "POST" else request.GET
    probe = ContactCallForm(data)
    lookups = _caller(request, str(data.get("phone", "")))
    _similar(lookups, probe)
    form = probe.kept(
        fill=caller_fill(lookups.caller_latest), earlier=lookups.caller_appeals
    )
    if not data:
        form.fields["phone"].widget.attrs["autofocus"] = True
    return _render(request, form, lookups)


def _register(request: CabinetRequest) -> HttpResponse:
    lookups = _caller(request, str(request.POST.get("phone", "")))
    form = ContactCallForm(request.POST, earlier=lookups.caller_appeals)
    if form.is_valid():
        try:
            appeal = filing.appeal_submit(
                actor=request.user,
                channel=AppealChannel.CONTACT_CENTRE,
                data=form.appeal_input(),
                once_key=form.cleaned_data["once"],
            )
        except ApplicationError as error:
            errors_to_form(form, error)
        else:
            return redirect("appeals_cabinet:contact_call_done", appeal.public_id)
    _similar(lookups, form)
    return _render(request, form, lookups, status=400)


def _caller(request: CabinetRequest, phone: str) -> CallLookups:
    """The caller's appeals by the phone typed, most recent first, and how
    they gave themselves last time."""
    user, phone = request.user, phone.strip()
    lookups = CallLookups(phone=phone)
    if phone:
        lookups.caller_appeals = list(
            contact_selectors.appeal_list_for_caller(user=user, phone=phone)[
                : contact_selectors.CALLER_APPEALS_LIMIT
            ]
        )
        if lookups.caller_appeals:
            lookups.caller_latest = contact_selectors.applicant_latest_for_caller(
                user=user, phone=phone
            )
    return lookups


def _similar(lookups: CallLookups, form: ContactCallForm) -> None:
    """The open appeals like this one, once the category is chosen: the
    caller's own, and the public ones of the category near the place."""
    category, location = form.peek()
    if category is None:
        return
    lookups.similar_checked = True
    lookups.caller_open = [
        appeal for appeal in lookups.caller_appeals if appeal.is_open
    ][: contact_selectors.CALLER_OPEN_LIMIT]
    if location is None:
        return
    # Public appeals only: another caller's confidential appeal is not to
    # be told to this one.
    own = {appeal.pk for appeal in lookups.caller_open}
    nearby = appeal_selectors.appeal_list_nearby(
        category=category, lon=location.lon, lat=location.lat
    )
    lookups.nearby = contact_selectors.appeals_units_load(
        [appeal for appeal in nearby if appeal.pk not in own]
    )


def _render(
    request: CabinetRequest,
    form: ContactCallForm,
    lookups: CallLookups,
    *,
    status: int = 200,
) -> HttpResponse:
    context = {"form": form, "lookups": lookups}
    part = PARTS.get(request.htmx.target or "") if request.htmx else None
    template = part or "appeals/contact_call.html"
    return render(request, template, context, status=status)


@require_GET
def contact_call_done(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    """The number to read to the caller, who handles the appeal, by when."""
    _operator(request)
    appeal = contact_selectors.appeal_get_registered(
        user=request.user, public_id=public_id
    )
    if appeal is None:
        raise Http404
    return render(request, "appeals/contact_call_done.html", {"appeal": appeal})


@require_GET
def contact_load(request: CabinetRequest) -> HttpResponse:
    """The load of the units: open, unassigned, overdue, at risk; today's
    registrations by channel; the overdue appeals, the oldest first."""
    if not permissions.can_view_load(request.user):
        raise Http404
    user, today = request.user, timezone.localdate()
    unit = _unit_filter(request.GET.get("unit"))
    rows = contact_selectors.unit_load(user=user, today=today)
    overdue = contact_selectors.appeal_list_overdue(user=user, today=today, unit=unit)
    page = CappedPaginator(overdue, OVERDUE_PAGE_SIZE).get_page(request.GET.get("page"))
    context: dict[str, Any] = {
        "today": today,
        "rows": rows,
        "total": contact_selectors.unit_load_total(rows),
        "channels": contact_selectors.registrations_by_channel(user=user, day=today),
        "page": page,
        "unit": unit,
        "unit_name": _unit_name(rows, unit),
        "at_risk_days": contact_selectors.AT_RISK_DAYS,
        "waiting": intake_selectors.intake_waiting(
            received_before=timezone.now() - intake.WAITING_GRACE
        ),
    }
    return render(request, "appeals/contact_load.html", context)


def _unit_filter(value: str | None) -> UUID | str | None:
    if not value:
        return None
    if value == contact_selectors.NO_UNIT:
        return value
    try:
        return UUID(value)
    except ValueError:
        raise Http404 from None


def _unit_name(rows: list[contact_selectors.UnitLoad], unit: UUID | str | None) -> str:
    if unit is None:
        return ""
    if unit == contact_selectors.NO_UNIT:
        return _("Not routed")
    found = next((row for row in rows if row.unit_public_id == unit), None)
    return found.unit_name if found else _("the unit chosen")
