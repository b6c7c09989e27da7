"""Cabinet views of control of execution: "Today", journal, discipline."""

from dataclasses import dataclass
from functools import cache
from io import BytesIO
from typing import Any
from uuid import UUID

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from hromada.documents.models import (
    ApprovalTask,
    DeadlineChange,
    Document,
    Resolution,
    ResolutionUrgency,
    Task,
    TaskReport,
)
from hromada.documents.permissions import control as permissions
from hromada.documents.selectors import control as selectors
from hromada.documents.views.control_forms import JournalFilterForm
from hromada.ui.http import CabinetRequest
from hromada.ui.pagination import CappedPaginator

PAGE_SIZE = 25


# "Today" ----------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class DeskRow:
    """An inbox item ready for the template, every value already formatted.

    A busy desk shows fifty rows; flat values cost the template one lookup
    each instead of a chain of lookups and filters per row (bench/edms.py,
    E2).
    """

    href: str
    number: str
    summary: str
    action: str
    due_iso: str
    due_text: str
    days_text: str
    urgency: selectors.Urgency | None
    mark: ResolutionUrgency


class _DeskRows:
    """Makes the rows of one "Today" page.

    Fifty rows share a handful of URL patterns, due dates and desk times:
    each is resolved, formatted or translated once per page and reused
    (bench/edms.py, E2). An overdue task to execute is in two sections;
    its row is made once.
    """

    def __init__(self) -> None:
        self._made: dict[selectors.DeskItem, DeskRow] = {}
        self._pattern = cache(lambda name: reverse(name, args=[_SLOT]))
        self._date = cache(date_format)
        self._days_text = cache(_days_on_desk)

    def row(self, entry: selectors.DeskItem) -> DeskRow:
        made = self._made.get(entry)
        if made is None:
            made = self._made[entry] = self._row(entry)
        return made

    def _link(self, name: str, public_id: UUID) -> str:
        """``reverse(name, args=[public_id])``, resolved once per name.

        The patterns take a UUID as their only argument, so the URL of one
        is the URL of another with the UUID swapped.
        """
        return self._pattern(name).replace(str(_SLOT), str(public_id))

    def _target(self, item: selectors.DeskSubject, card: str) -> tuple[str, str]:
        """Where the row links and what it asks for (``card``: the card)."""
        if isinstance(item, Task):
            return self._link(_TASK, item.public_id), item.resolution.text
        if isinstance(item, TaskReport):
            return self._link(_TASK, item.task.public_id), item.text
        if isinstance(item, DeadlineChange):
            return self._link(_TASK, item.task.public_id), item.reason
        if isinstance(item, ApprovalTask):
            return (
                self._link("documents:route_decide", item.public_id),
                str(item.step.get_kind_display()),
            )
        if isinstance(item, Resolution):
            return card, item.text
        return card, ""

    def _row(self, entry: selectors.DeskItem) -> DeskRow:
        document = entry.document
        card = ""
        if isinstance(entry.item, Document | Resolution):
            card = self._link("documents:document_detail", document.public_id)
        href, action = self._target(entry.item, card)
        days = entry.days_on_desk
        return DeskRow(
            href=href,
            number=document.registration_number or _("Draft"),
            summary=_shortened(document.summary, 120),
            action=_shortened(action, 160),
            due_iso=entry.due_on.isoformat() if entry.due_on else "",
            due_text=self._date(entry.due_on) if entry.due_on else "",
            days_text=self._days_text(days) if days is not None else "",
            urgency=entry.urgency,
            mark=entry.mark,
        )


def _days_on_desk(days: int) -> str:
    return ngettext(
        "On the desk for %(days)s working day.",
        "On the desk for %(days)s working days.",
        days,
    ) % {"days": days}


# Any UUID: it stands in the pattern where a row's own goes.
_SLOT = UUID(int=0)
_TASK = "documents:task_detail"


def _shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with "…", as ``truncatechars``.

    Plain slicing: Django's ``Truncator`` weighs combining characters one
    by one, a cost fifty rows a page notice (bench/edms.py, E2).
    """
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


INBOX_SECTIONS = (
    ("overdue", gettext_lazy("Overdue")),
    ("to_execute", gettext_lazy("To execute")),
    ("to_review", gettext_lazy("Reports to review")),
    ("extensions_to_decide", gettext_lazy("Extensions to decide")),
    ("resolutions_to_approve", gettext_lazy("Draft resolutions to approve")),
    ("to_resolve", gettext_lazy("To resolve")),
    ("to_register", gettext_lazy("To register")),
    ("to_approve", gettext_lazy("To approve")),
    ("to_sign", gettext_lazy("To sign")),
    ("to_acquaint", gettext_lazy("To read")),
)


def inbox(request: CabinetRequest) -> HttpResponse:
    today = timezone.localdate()
    data = selectors.inbox_for_user(user=request.user, today=today)
    rows = _DeskRows()
    sections = [
        {
            "key": key,
            "title": title,
            "rows": [rows.row(entry) for entry in getattr(data, key)],
            # A full section holds more than it shows: "25+", not "25".
            "more": key in data.full,
        }
        for key, title in INBOX_SECTIONS
    ]
    context = {
        "sections": sections,
        "today": today,
        "total": data.total,
        "at_least": any(section["more"] for section in sections),
    }
    return render(request, "documents/inbox.html", context)


# Journal and discipline -----------------------------------------------------


def control_journal(request: CabinetRequest) -> HttpResponse:
    form = JournalFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v}
    tasks = selectors.control_journal(user=request.user, **filters)
    page = CappedPaginator(tasks, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    context = {"form": form, "page": page, "today": today}
    return render(request, "documents/control_journal.html", context)


def _discipline_filters(
    request: CabinetRequest,
) -> tuple[JournalFilterForm, dict[str, Any]]:
    if not permissions.can_view_discipline(request.user):
        raise Http404
    today = timezone.localdate()
    form = JournalFilterForm(request.GET or None)
    form.fields.pop("status")
    filters: dict[str, Any] = {
        "date_from": today.replace(day=1),
        "date_to": today,
        "org_unit": None,
    }
    if form.is_valid():
        filters.update({k: v for k, v in form.cleaned_data.items() if v})
    return form, filters


def discipline_report(request: CabinetRequest) -> HttpResponse:
    form, filters = _discipline_filters(request)
    report = selectors.discipline_report(**filters)
    query = request.GET.urlencode()
    context = {"form": form, "report": report, "query": query, **filters}
    return render(request, "documents/discipline_report.html", context)


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def discipline_report_xlsx(request: CabinetRequest) -> HttpResponse:
    from openpyxl import Workbook

    _form, filters = _discipline_filters(request)
    report = selectors.discipline_report(**filters)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Executors")[:31]
    header = [
        _("Unit"),
        _("Executor"),
        _("Received"),
        _("Done on time"),
        _("Done late"),
        _("Overdue"),
        _("In progress"),
    ]
    sheet.append(header)
    for row in report.executors:
        sheet.append([row.unit_name, row.name, *_numbers(row)])
    units = book.create_sheet(_("Units")[:31])
    units.append([header[0], *header[2:]])
    for row in [*report.units, report.total]:
        units.append([row.name, *_numbers(row)])
    buffer = BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="discipline-{report.date_from}-{report.date_to}.xlsx"'
    )
    return response


def _numbers(row: selectors.DisciplineRow) -> list[int]:
    return [getattr(row, name) for name in selectors.COUNTS]


def discipline_report_pdf(request: CabinetRequest) -> HttpResponse:
    from weasyprint import HTML

    _form, filters = _discipline_filters(request)
    report = selectors.discipline_report(**filters)
    html = render_to_string(
        "documents/discipline_report_pdf.html",
        {"report": report, **filters},
        request=request,
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="discipline-{report.date_from}-{report.date_to}.pdf"'
    )
    return response


urlpatterns: list[URLPattern] = [
    path("inbox/", inbox, name="inbox"),
    path("control/", control_journal, name="control_journal"),
    path("control/discipline/", discipline_report, name="discipline_report"),
    path(
        "control/discipline.xlsx",
        discipline_report_xlsx,
        name="discipline_report_xlsx",
    ),
    path(
        "control/discipline.pdf",
        discipline_report_pdf,
        name="discipline_report_pdf",
    ),
]
