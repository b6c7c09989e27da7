"""Cabinet views of control of execution: "Today", journal, discipline."""

from dataclasses import dataclass
from io import BytesIO
from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hromada.documents.models import (
    ApprovalTask,
    DeadlineChange,
    Resolution,
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
    """An inbox item ready for the template: where it links and what it is."""

    entry: selectors.DeskItem
    href: str
    action: str


def _desk_row(entry: selectors.DeskItem) -> DeskRow:
    item = entry.item
    card = reverse("documents:document_detail", args=[entry.document.public_id])
    href, action = card, ""
    if isinstance(item, Task):
        href, action = (
            reverse("documents:task_detail", args=[item.public_id]),
            (item.resolution.text if hasattr(item, "resolution") else ""),
        )
    elif isinstance(item, TaskReport):
        href = reverse("documents:task_detail", args=[item.task.public_id])
        action = item.text
    elif isinstance(item, DeadlineChange):
        href = reverse("documents:task_detail", args=[item.task.public_id])
        action = item.reason
    elif isinstance(item, ApprovalTask):
        href = reverse("documents:route_decide", args=[item.public_id])
        action = item.step.get_kind_display()
    elif isinstance(item, Resolution):
        action = item.text
    return DeskRow(entry=entry, href=href, action=action)


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
    sections = [
        {
            "key": key,
            "title": title,
            "rows": [_desk_row(entry) for entry in getattr(data, key)],
            "limit": selectors.SECTION_LIMIT,
        }
        for key, title in INBOX_SECTIONS
    ]
    context = {"sections": sections, "today": today, "total": data.total}
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
