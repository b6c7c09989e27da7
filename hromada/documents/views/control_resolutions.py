"""Cabinet views of resolutions: write, approve, cancel; «До справи»."""

from uuid import UUID

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from hromada.accounts.models import User
from hromada.core import deadlines
from hromada.core.errors import ApplicationError
from hromada.documents.models import (
    Document,
    Resolution,
    ResolutionStatus,
    ResolutionUrgency,
    Task,
)
from hromada.documents.permissions import control as permissions
from hromada.documents.permissions import visibility
from hromada.documents.selectors import control as selectors
from hromada.documents.services import closing as closing_services
from hromada.documents.services import control_cancel as cancel_services
from hromada.documents.services import resolutions as resolution_services
from hromada.documents.views.control_forms import (
    CloseToFileForm,
    ResolutionCancelForm,
    ResolutionForm,
    apply_error,
)
from hromada.org import selectors as org_selectors
from hromada.ui.http import CabinetRequest


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


def _urgency_hint() -> str:
    urgent, immediate = (
        resolution_services.urgency_working_days(mark)
        for mark in (ResolutionUrgency.URGENT, ResolutionUrgency.IMMEDIATE)
    )
    return _(
        "Without a due date, «%(urgent)s» gives %(urgent_days)s and "
        "«%(immediate)s» %(immediate_days)s from the day of the resolution."
    ) % {
        "urgent": ResolutionUrgency.URGENT.label,
        "urgent_days": _working_days(urgent),
        "immediate": ResolutionUrgency.IMMEDIATE.label,
        "immediate_days": _working_days(immediate),
    }


def _working_days(count: int) -> str:
    return ngettext("%(count)s working day", "%(count)s working days", count) % {
        "count": count
    }


def _resolution_save(
    request: CabinetRequest,
    form: ResolutionForm,
    document: Document,
    parent: Task | None,
) -> bool:
    data = form.cleaned_data
    try:
        resolution_services.resolution_create(
            document=document,
            author=data.get("author") or request.user,
            entered_by=request.user,
            text=data["text"],
            executors=[data["responsible"], *data["co_executors"]],
            for_information=list(data["for_information"]),
            due_on=data["due_on"],
            parent_task=parent,
            is_draft=data["is_draft"],
            urgency=ResolutionUrgency(data["urgency"] or ResolutionUrgency.ORDINARY),
            once_key=data["once"],
        )
    except ApplicationError as error:
        apply_error(form, error)
        return False
    return True


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
        urgency_hint=_urgency_hint(),
    )
    is_valid_post = request.method == "POST" and form.is_valid()
    if is_valid_post and _resolution_save(request, form, document, parent):
        messages.success(request, _("The resolution is recorded."))
        return redirect("documents:document_detail", public_id=document.public_id)
    context = {"document": document, "form": form, "parent": parent}
    return render(request, "documents/resolution_form.html", context)


def _resolution(request: CabinetRequest, public_id: UUID) -> Resolution:
    return get_object_or_404(
        selectors.resolution_list_for_user(user=request.user), public_id=public_id
    )


@require_POST
def resolution_approve(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    resolution = _resolution(request, public_id)
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


def resolution_cancel(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    resolution = _resolution(request, public_id)
    if resolution.status == ResolutionStatus.CANCELLED or not (
        permissions.can_cancel_resolution(request.user, resolution)
    ):
        raise Http404
    form = ResolutionCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cancel_services.resolution_cancel(
                resolution=resolution,
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The resolution and its tasks are cancelled."))
            return redirect(
                "documents:document_detail", public_id=resolution.document.public_id
            )
    tasks = selectors.task_list_for_resolution(resolution=resolution).filter(
        status__in=selectors.OPEN_STATUSES
    )
    context = {"resolution": resolution, "tasks": tasks, "form": form}
    return render(request, "documents/resolution_cancel.html", context)


def document_close_to_file(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    """«До справи»: the head files a card to resolve without tasks."""
    document = _visible_document(request, public_id)
    if not permissions.can_close_to_file(request.user, document):
        raise Http404
    form = CloseToFileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            closing_services.document_close_to_file(
                document=document, actor=request.user, note=form.cleaned_data["note"]
            )
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The document is filed «До справи»."))
            return redirect("documents:document_detail", public_id=document.public_id)
    context = {"document": document, "form": form}
    return render(request, "documents/document_close_to_file.html", context)


urlpatterns: list[URLPattern] = [
    path(
        "<uuid:public_id>/resolutions/new/",
        resolution_create,
        name="resolution_create",
    ),
    path(
        "<uuid:public_id>/to-file/",
        document_close_to_file,
        name="document_close_to_file",
    ),
    path(
        "resolutions/<uuid:public_id>/approve/",
        resolution_approve,
        name="resolution_approve",
    ),
    path(
        "resolutions/<uuid:public_id>/cancel/",
        resolution_cancel,
        name="resolution_cancel",
    ),
]
