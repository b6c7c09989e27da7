"""Cabinet views of control of execution: "Today", tasks, journal, reports."""

from dataclasses import dataclass
from io import BytesIO
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hromada.accounts.models import User
from hromada.core import deadlines
from hromada.core.errors import ApplicationError
from hromada.documents.models import (
    ApprovalTask,
    DeadlineChange,
    Document,
    Resolution,
    Task,
    TaskReport,
    TaskReportStatus,
    TaskStatus,
)
from hromada.documents.permissions import control as permissions
from hromada.documents.permissions import visibility
from hromada.documents.selectors import control as selectors
from hromada.documents.services import control as services
from hromada.documents.services import resolutions as resolution_services
from hromada.org import selectors as org_selectors
from hromada.ui.forms import DateInputs
from hromada.ui.http import CabinetRequest

PAGE_SIZE = 25


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.email)


class StaffMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.email)


class ResolutionForm(forms.Form):
    author = StaffChoiceField(
        label=gettext_lazy("Head who gave the resolution"),
        queryset=User.objects.none(),
        to_field_name="public_id",
        required=False,
        help_text=gettext_lazy(
            "Fill in when entering a resolution dictated by a head."
        ),
    )
    text = forms.CharField(
        label=gettext_lazy("Instruction"), widget=forms.Textarea(attrs={"rows": 4})
    )
    responsible = StaffChoiceField(
        label=gettext_lazy("Responsible executor"),
        queryset=User.objects.none(),
        to_field_name="public_id",
    )
    co_executors = StaffMultipleChoiceField(
        label=gettext_lazy("Co-executors"),
        queryset=User.objects.none(),
        to_field_name="public_id",
        required=False,
        help_text=gettext_lazy("They report to the responsible executor."),
    )
    for_information = StaffMultipleChoiceField(
        label=gettext_lazy("For information"),
        queryset=User.objects.none(),
        to_field_name="public_id",
        required=False,
    )
    due_on = forms.DateField(
        label=gettext_lazy("Due date"), required=False, widget=DateInputs
    )
    is_draft = forms.BooleanField(
        label=gettext_lazy("Save as a draft for the head to approve"), required=False
    )

    def __init__(
        self,
        *args: Any,
        people: QuerySet[User],
        heads: QuerySet[User] | None,
        default_hint: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for name in ("responsible", "co_executors", "for_information"):
            self.fields[name].queryset = people  # type: ignore[attr-defined]
        if heads is None:
            del self.fields["author"]
        else:
            self.fields["author"].queryset = heads  # type: ignore[attr-defined]
        self.fields["due_on"].help_text = default_hint


class ReportForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Report"), widget=forms.Textarea(attrs={"rows": 4})
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What needs to be reworked"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DeadlineRequestForm(forms.Form):
    new_due_on = forms.DateField(label=gettext_lazy("New due date"), widget=DateInputs)
    reason = forms.CharField(
        label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3})
    )


class RemoveForm(forms.Form):
    basis = forms.CharField(
        label=gettext_lazy("Basis"),
        max_length=300,
        initial="До справи",
        help_text=gettext_lazy("«До справи» or the number of the reply document."),
    )


class JournalFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("All")), *selectors.JournalStatus.choices],
        required=False,
    )
    org_unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit"),
        queryset=org_selectors.org_unit_list_active(),
        to_field_name="public_id",
        required=False,
        empty_label=gettext_lazy("All units"),
    )
    date_from = forms.DateField(
        label=gettext_lazy("Given from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=gettext_lazy("Given to"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


def _apply_error(form: forms.Form, error: ApplicationError) -> None:
    placed = False
    for name, errors in error.details.items():
        if name in form.fields:
            form.add_error(name, errors)
            placed = True
    if not placed:
        form.add_error(None, error.message)


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


# Resolutions --------------------------------------------------------------


def _visible_document(request: CabinetRequest, public_id: UUID) -> Document:
    return get_object_or_404(
        selectors.document_list_visible(user=request.user), public_id=public_id
    )


def _executor_choices(user: User, parent: Task | None) -> QuerySet[User]:
    if parent is None:
        units = org_selectors.org_unit_ids_headed_by(user=user)
    else:
        units = org_selectors.org_unit_ids_for_user(user=user)
    staff = org_selectors.employee_list_current()
    if units or not (permissions.is_leadership(user) or visibility.is_registrar(user)):
        unit_ids = org_selectors.org_unit_descendant_ids(unit_ids=units)
        staff = staff.filter(position__org_unit_id__in=unit_ids)
    return User.objects.filter(pk__in=staff.values("user_id")).order_by(
        "last_name", "first_name", "pk"
    )


def _head_choices() -> QuerySet[User]:
    heads = org_selectors.employee_list_current().filter(position__is_head=True)
    return User.objects.filter(pk__in=heads.values("user_id")).order_by(
        "last_name", "first_name", "pk"
    )


def _default_hint(document: Document, parent: Task | None) -> str:
    if parent is not None:
        return _("Leave empty for the parent task's due date, %(due)s.") % {
            "due": parent.due_on.strftime("%d.%m.%Y")
        }
    start = document.registered_on or timezone.localdate()
    due = deadlines.deadline_compute(rule_code="task.default", start=start)
    return _("Leave empty for the default term: %(explanation)s") % {
        "explanation": due.explanation
    }


def resolution_create(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    document = _visible_document(request, public_id)
    parent = None
    if request.GET.get("parent"):
        parent = get_object_or_404(
            selectors.task_list_for_user(user=request.user).filter(document=document),
            public_id=request.GET["parent"],
        )
    is_registrar = visibility.is_registrar(request.user) and parent is None
    form = ResolutionForm(
        request.POST or None,
        people=_executor_choices(request.user, parent),
        heads=_head_choices() if is_registrar else None,
        default_hint=_default_hint(document, parent),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        author = data.get("author") or request.user
        try:
            resolution_services.resolution_create(
                document=document,
                author=author,
                entered_by=request.user,
                text=data["text"],
                executors=[data["responsible"], *data["co_executors"]],
                for_information=list(data["for_information"]),
                due_on=data["due_on"],
                parent_task=parent,
                is_draft=data["is_draft"],
            )
        except ApplicationError as error:
            _apply_error(form, error)
        else:
            messages.success(request, _("The resolution is recorded."))
            return redirect("documents:document_detail", public_id=document.public_id)
    context = {"document": document, "form": form, "parent": parent}
    return render(request, "documents/resolution_form.html", context)


@require_POST
def resolution_approve(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    resolution = get_object_or_404(
        selectors.resolution_list_for_user(user=request.user), public_id=public_id
    )
    try:
        resolution_services.resolution_approve(
            resolution=resolution, actor=request.user
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The resolution is approved; its tasks are given."))
    return redirect(
        "documents:document_detail", public_id=resolution.document.public_id
    )


# Tasks --------------------------------------------------------------------


def _task(request: CabinetRequest, public_id: UUID) -> Task:
    return get_object_or_404(
        selectors.task_list_for_user(user=request.user), public_id=public_id
    )


def _task_page(
    request: CabinetRequest, task: Task, **forms_given: forms.Form
) -> HttpResponse:
    user = request.user
    reports = list(selectors.report_list_for_task(task=task))
    changes = list(selectors.deadline_change_list_for_task(task=task))
    open_report = next(
        (r for r in reports if r.status == TaskReportStatus.SUBMITTED), None
    )
    open_change = next((c for c in changes if c.status == "requested"), None)
    is_open = task.status in (TaskStatus.ASSIGNED, TaskStatus.REPORTED)
    today = timezone.localdate()
    since = selectors.task_held_since(task)
    context = {
        "task": task,
        "reports": reports,
        "changes": changes,
        "open_report": open_report,
        "open_change": open_change,
        "held_since": since,
        "days_on_desk": deadlines.working_days_between(
            start=timezone.localtime(since).date(), end=today
        ),
        "urgency": selectors.urgency_of(
            due_on=task.due_on if is_open else None,
            today=today,
            calendar=deadlines.calendar_current(),
        ),
        "can_report": task.status == TaskStatus.ASSIGNED
        and permissions.can_report(user, task),
        "can_review": open_report is not None
        and permissions.can_review_report(user, task),
        "can_request": is_open
        and open_change is None
        and permissions.can_request_deadline_change(user, task),
        "can_decide": open_change is not None
        and permissions.can_decide_deadline_change(user, task),
        "can_remove": task.closed_by_id is None
        and task.status != TaskStatus.CANCELLED
        and permissions.can_remove_from_control(user, task),
        "can_acknowledge": task.status == TaskStatus.ASSIGNED
        and permissions.can_acknowledge(user, task),
        "can_cascade": is_open and permissions.can_report(user, task),
        "report_form": forms_given.get("report_form") or ReportForm(),
        "return_form": forms_given.get("return_form") or ReturnForm(),
        "deadline_form": forms_given.get("deadline_form") or DeadlineRequestForm(),
        "remove_form": forms_given.get("remove_form") or RemoveForm(),
    }
    return render(request, "documents/task_detail.html", context)


def task_detail(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    return _task_page(request, _task(request, public_id))


def _done(request: CabinetRequest, task: Task, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("documents:task_detail", public_id=task.public_id)


@require_POST
def task_report(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    task = _task(request, public_id)
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            services.task_report_submit(
                task=task, actor=request.user, text=form.cleaned_data["text"]
            )
        except ApplicationError as error:
            _apply_error(form, error)
        else:
            return _done(request, task, _("Your report is sent for review."))
    return _task_page(request, task, report_form=form)


def _open_report(task: Task) -> TaskReport:
    report = task.reports.filter(status=TaskReportStatus.SUBMITTED).first()
    if report is None:
        raise Http404
    return report


@require_POST
def task_report_review(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    task = _task(request, public_id)
    report = _open_report(task)
    if request.POST.get("decision") == "accept":
        try:
            services.task_report_accept(report=report, actor=request.user)
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect("documents:task_detail", public_id=task.public_id)
        return _done(request, task, _("The report is accepted; the task is done."))
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.task_report_return(
                report=report, actor=request.user, comment=form.cleaned_data["comment"]
            )
        except ApplicationError as error:
            _apply_error(form, error)
        else:
            return _done(request, task, _("The report is returned to the executor."))
    return _task_page(request, task, return_form=form)


@require_POST
def deadline_change_request(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    task = _task(request, public_id)
    form = DeadlineRequestForm(request.POST)
    if form.is_valid():
        try:
            services.deadline_change_request(
                task=task,
                actor=request.user,
                new_due_on=form.cleaned_data["new_due_on"],
                reason=form.cleaned_data["reason"],
            )
        except ApplicationError as error:
            _apply_error(form, error)
        else:
            return _done(request, task, _("Your request for more time is sent."))
    return _task_page(request, task, deadline_form=form)


@require_POST
def deadline_change_decide(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    task = _task(request, public_id)
    change = task.deadline_changes.filter(status="requested").first()
    if change is None:
        raise Http404
    approve = request.POST.get("decision") == "approve"
    try:
        services.deadline_change_decide(
            change=change, actor=request.user, approve=approve
        )
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("documents:task_detail", public_id=task.public_id)
    if approve:
        return _done(request, task, _("The due date is moved."))
    return _done(request, task, _("The extension is refused."))


@require_POST
def task_remove(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    task = _task(request, public_id)
    form = RemoveForm(request.POST)
    if form.is_valid():
        try:
            services.task_remove_from_control(
                task=task, actor=request.user, basis=form.cleaned_data["basis"]
            )
        except ApplicationError as error:
            _apply_error(form, error)
        else:
            return _done(request, task, _("The task is removed from control."))
    return _task_page(request, task, remove_form=form)


@require_POST
def task_acknowledge(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    task = _task(request, public_id)
    try:
        services.task_acknowledge(task=task, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("documents:task_detail", public_id=task.public_id)
    return _done(request, task, _("Marked as read."))


# Journal and discipline -----------------------------------------------------


def control_journal(request: CabinetRequest) -> HttpResponse:
    form = JournalFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v}
    tasks = selectors.control_journal(user=request.user, **filters)
    page = Paginator(tasks, PAGE_SIZE).get_page(request.GET.get("page"))
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
    path(
        "<uuid:public_id>/resolutions/new/",
        resolution_create,
        name="resolution_create",
    ),
    path(
        "resolutions/<uuid:public_id>/approve/",
        resolution_approve,
        name="resolution_approve",
    ),
    path("tasks/<uuid:public_id>/", task_detail, name="task_detail"),
    path("tasks/<uuid:public_id>/report/", task_report, name="task_report"),
    path(
        "tasks/<uuid:public_id>/review/", task_report_review, name="task_report_review"
    ),
    path(
        "tasks/<uuid:public_id>/deadline/",
        deadline_change_request,
        name="deadline_change_request",
    ),
    path(
        "tasks/<uuid:public_id>/deadline/decide/",
        deadline_change_decide,
        name="deadline_change_decide",
    ),
    path("tasks/<uuid:public_id>/remove/", task_remove, name="task_remove"),
    path(
        "tasks/<uuid:public_id>/acknowledge/",
        task_acknowledge,
        name="task_acknowledge",
    ),
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
