"""Cabinet views of control of execution: a task, its reports and terms.

Resolutions are in ``control_resolutions``; "Today", the control journal
and the discipline report in ``control_reports``; forms in ``control_forms``.
"""

from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hromada.accounts.models import User
from hromada.core import deadlines, storage
from hromada.core.errors import ApplicationError
from hromada.documents.models import Task, TaskReport, TaskReportStatus, TaskStatus
from hromada.documents.permissions import control as permissions
from hromada.documents.selectors import control as selectors
from hromada.documents.services import control as services
from hromada.documents.services import control_files as file_services
from hromada.documents.views.control_forms import (
    DeadlineRequestForm,
    RemoveForm,
    ReportForm,
    ReturnForm,
    apply_error,
)
from hromada.ui.http import CabinetRequest


def _task(request: CabinetRequest, public_id: UUID) -> Task:
    return get_object_or_404(
        selectors.task_list_for_user(user=request.user), public_id=public_id
    )


def _task_rights(
    user: User, task: Task, open_report: TaskReport | None, has_open_change: bool
) -> dict[str, bool]:
    is_open = task.status in selectors.OPEN_STATUSES
    return {
        "can_report": task.status == TaskStatus.ASSIGNED
        and bool(permissions.can_report(user, task)),
        "can_review": open_report is not None
        and task.status == TaskStatus.REPORTED
        and bool(permissions.can_review_report(user, task)),
        "can_request": is_open
        and not has_open_change
        and bool(permissions.can_request_deadline_change(user, task)),
        "can_decide": has_open_change
        and is_open
        and bool(permissions.can_decide_deadline_change(user, task)),
        "can_remove": task.closed_by_id is None
        and task.status != TaskStatus.CANCELLED
        and bool(permissions.can_remove_from_control(user, task)),
        "can_acknowledge": task.status == TaskStatus.ASSIGNED
        and bool(permissions.can_acknowledge(user, task)),
        "can_cascade": is_open and bool(permissions.can_report(user, task)),
    }


def _task_page(
    request: CabinetRequest, task: Task, **forms_given: forms.Form
) -> HttpResponse:
    reports = _reports_for_page(request, task)
    changes = list(selectors.deadline_change_list_for_task(task=task))
    open_report = next(
        (r for r in reports if r.status == TaskReportStatus.SUBMITTED), None
    )
    open_change = next((c for c in changes if c.status == "requested"), None)
    rights = _task_rights(request.user, task, open_report, open_change is not None)
    today = timezone.localdate()
    since = selectors.task_held_since(task)
    is_open = task.status in selectors.OPEN_STATUSES
    context: dict[str, Any] = {
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
        **rights,
        "report_form": forms_given.get("report_form")
        or _report_form(request, task, rights["can_report"]),
        "return_form": forms_given.get("return_form") or ReturnForm(),
        "deadline_form": forms_given.get("deadline_form") or DeadlineRequestForm(),
        "remove_form": forms_given.get("remove_form") or RemoveForm(),
    }
    return render(request, "documents/task_detail.html", context)


def _reports_for_page(request: CabinetRequest, task: Task) -> list[TaskReport]:
    reports = list(selectors.report_list_with_files(task=task))
    reply_ids = {r.reply_document_id for r in reports if r.reply_document_id}
    visible = set(
        selectors.document_list_visible(user=request.user)
        .filter(pk__in=reply_ids)
        .values_list("pk", flat=True)
        if reply_ids
        else ()
    )
    for report in reports:
        # A reply card the viewer may not see is named, never shown.
        report.reply_visible = report.reply_document_id in visible  # type: ignore[attr-defined]
    return reports


def _report_form(
    request: CabinetRequest, task: Task, can_report: bool, *, bound: bool = False
) -> ReportForm:
    replies = (
        selectors.reply_document_list_for_task(task=task, user=request.user)
        if can_report
        else None
    )
    if bound:
        return ReportForm(request.POST, request.FILES, replies=replies)
    return ReportForm(replies=replies)


def task_detail(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    return _task_page(request, _task(request, public_id))


def _done(request: CabinetRequest, task: Task, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("documents:task_detail", public_id=task.public_id)


@require_POST
def task_report(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    task = _task(request, public_id)
    form = _report_form(request, task, can_report=True, bound=True)
    if form.is_valid():
        try:
            services.task_report_submit(
                task=task,
                actor=request.user,
                text=form.cleaned_data["text"],
                reply_document=form.cleaned_data.get("reply_document"),
                files=form.cleaned_data["attachments"],
            )
        except ApplicationError as error:
            apply_error(form, error, aliases={"files": "attachments"})
        else:
            return _done(request, task, _("Your report is sent for review."))
    return _task_page(request, task, report_form=form)


def task_report_file(
    request: CabinetRequest, report_id: UUID, file_id: UUID
) -> FileResponse:
    report = get_object_or_404(
        selectors.report_list_for_user(user=request.user), public_id=report_id
    )
    stored = get_object_or_404(
        selectors.report_file_list(report=report), public_id=file_id
    )
    file_services.report_file_download_record(
        report=report, stored=stored, actor=request.user
    )
    response = FileResponse(
        storage.file_open(stored),
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


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
            apply_error(form, error)
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
            apply_error(form, error)
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
            apply_error(form, error)
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


urlpatterns: list[URLPattern] = [
    path("tasks/<uuid:public_id>/", task_detail, name="task_detail"),
    path("tasks/<uuid:public_id>/report/", task_report, name="task_report"),
    path(
        "tasks/reports/<uuid:report_id>/files/<uuid:file_id>/",
        task_report_file,
        name="task_report_file",
    ),
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
]
