"""The staff's appeals workplace at ``/cabinet/appeals/``: queues, one
appeal with its applicant, and the actions each official may take."""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hromada.appeals import permissions
from hromada.appeals.forms_staff import (
    AnswerForm,
    AssignForm,
    ExtendForm,
    ForwardForm,
    ReturnForm,
    RouteForm,
)
from hromada.appeals.models import Appeal, AppealStatus
from hromada.appeals.selectors import appeals as appeal_selectors
from hromada.appeals.selectors import learning as learning_selectors
from hromada.appeals.selectors import staff as staff_selectors
from hromada.appeals.selectors.staff import Queue
from hromada.appeals.services import answers, escalation, execution
from hromada.appeals.timeline import timeline_steps
from hromada.appeals.views.files import attachment_response
from hromada.core.errors import ApplicationError
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnitKind
from hromada.ui.forms import errors_to_form
from hromada.ui.http import CabinetRequest
from hromada.ui.pagination import CappedPaginator

PAGE_SIZE = 25
QUEUE_LABELS = {
    Queue.UNIT: gettext_lazy("My unit's"),
    Queue.MINE: gettext_lazy("I answer"),
    Queue.REVIEW: gettext_lazy("Answers to check"),
    Queue.UNROUTED: gettext_lazy("Not routed"),
    Queue.ALL: gettext_lazy("All I may see"),
}
ROUTABLE_KINDS = (
    OrgUnitKind.DEPARTMENT,
    OrgUnitKind.SECTOR,
    OrgUnitKind.ENTERPRISE,
    OrgUnitKind.STAROSTA_DISTRICT,
    OrgUnitKind.CNAP,
)


def queue(request: CabinetRequest) -> HttpResponse:
    """A queue of appeals, privileged first, then by due date."""
    try:
        chosen = Queue(request.GET.get("queue") or Queue.UNIT)
    except ValueError:
        raise Http404 from None
    appeals = staff_selectors.appeal_queue(user=request.user, queue=chosen)
    page = CappedPaginator(appeals, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = staff_selectors.queue_counts(user=request.user)
    tabs = [(value, label, counts.get(value)) for value, label in QUEUE_LABELS.items()]
    context = {"page": page, "queue": chosen, "tabs": tabs}
    return render(request, "appeals/cabinet_queue.html", context)


def _appeal_or_404(request: CabinetRequest, public_id: UUID) -> Appeal:
    appeal = staff_selectors.appeal_get_staff(user=request.user, public_id=public_id)
    if appeal is None:
        raise Http404
    return appeal


def _routable_units() -> Any:
    return org_selectors.org_unit_list_active().filter(kind__in=ROUTABLE_KINDS)


def _forms(request: CabinetRequest, appeal: Appeal) -> dict[str, Any]:
    """The action forms the user may use on this appeal, unbound; routing
    comes with the classifier's suggestion, which the operator confirms."""
    user = request.user
    routing = permissions.can_route(user, appeal)
    suggestion = (
        learning_selectors.classifier_suggest(
            text=f"{appeal.title}\n{appeal.description}"
        )
        if routing
        else None
    )
    initial = {"unit": suggestion.unit} if suggestion and suggestion.unit else {}
    return {
        "suggestion": suggestion,
        "route_form": RouteForm(units=_routable_units(), initial=initial)
        if routing
        else None,
        "forward_form": ForwardForm() if permissions.can_route(user, appeal) else None,
        "assign_form": AssignForm(
            employees=staff_selectors.executor_choices(appeal=appeal)
        )
        if permissions.can_assign(user, appeal)
        else None,
        "answer_form": AnswerForm() if permissions.can_answer(user, appeal) else None,
        "return_form": ReturnForm()
        if permissions.can_review_answer(user, appeal)
        else None,
        "extend_form": ExtendForm() if permissions.can_extend(user, appeal) else None,
    }


def _render_detail(
    request: CabinetRequest, appeal: Appeal, *, status: int = 200, **bound: Any
) -> HttpResponse:
    answer_list = list(staff_selectors.appeal_answers(appeal=appeal))
    waiting = next((a for a in answer_list if a.status == "submitted"), None)
    context: dict[str, Any] = {
        "appeal": appeal,
        "answers": answer_list,
        "waiting_answer": waiting,
        "attachments": list(staff_selectors.appeal_attachments_all(appeal=appeal)),
        "forward_by": escalation.forward_by(appeal)
        if appeal.status == AppealStatus.REGISTERED and appeal.unit_id is None
        else None,
        "steps": timeline_steps(
            appeal,
            list(appeal_selectors.appeal_events(appeal=appeal)),
            with_text=True,
        ),
        **_forms(request, appeal),
        **bound,
    }
    return render(request, "appeals/cabinet_appeal.html", context, status=status)


def appeal_detail(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    """One appeal as the officials handling it see it."""
    return _render_detail(request, _appeal_or_404(request, public_id))


def _act(
    request: CabinetRequest,
    appeal: Appeal,
    *,
    form: forms.Form,
    form_key: str,
    action: Callable[[dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """Run ``action`` with the form's data; on a refusal show the appeal
    again with the messages by the form's fields."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ApplicationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, done)
            return redirect("appeals_cabinet:appeal_detail", appeal.public_id)
    return _render_detail(request, appeal, status=400, **{form_key: form})


@require_POST
def appeal_route(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    appeal = _appeal_or_404(request, public_id)
    form = RouteForm(request.POST, units=_routable_units())
    return _act(
        request,
        appeal,
        form=form,
        form_key="route_form",
        action=lambda data: execution.appeal_route(
            appeal=appeal, actor=request.user, unit=data["unit"]
        ),
        done=_("The appeal is sent to the unit."),
    )


@require_POST
def appeal_forward(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    appeal = _appeal_or_404(request, public_id)
    return _act(
        request,
        appeal,
        form=ForwardForm(request.POST),
        form_key="forward_form",
        action=lambda data: execution.appeal_forward(
            appeal=appeal, actor=request.user, forward_to=data["forward_to"]
        ),
        done=_("The appeal is forwarded; the applicant is told."),
    )


@require_POST
def appeal_assign(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    appeal = _appeal_or_404(request, public_id)
    form = AssignForm(
        request.POST, employees=staff_selectors.executor_choices(appeal=appeal)
    )
    return _act(
        request,
        appeal,
        form=form,
        form_key="assign_form",
        action=lambda data: execution.appeal_assign(
            appeal=appeal, actor=request.user, executor=data["executor"]
        ),
        done=_("The executor is assigned; the applicant is told."),
    )


@require_POST
def appeal_answer(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    appeal = _appeal_or_404(request, public_id)
    return _act(
        request,
        appeal,
        form=AnswerForm(request.POST, request.FILES),
        form_key="answer_form",
        action=lambda data: answers.answer_submit(
            appeal=appeal,
            actor=request.user,
            text=data["text"],
            outcome=data["outcome"],
            files=data["attachments"],
        ),
        done=_("The answer is sent to the controller."),
    )


@require_POST
def appeal_answer_accept(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    appeal = _appeal_or_404(request, public_id)
    try:
        answers.answer_accept(appeal=appeal, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The answer is accepted and sent to the applicant.")
        )
    return redirect("appeals_cabinet:appeal_detail", appeal.public_id)


@require_POST
def appeal_answer_return(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    appeal = _appeal_or_404(request, public_id)
    return _act(
        request,
        appeal,
        form=ReturnForm(request.POST),
        form_key="return_form",
        action=lambda data: answers.answer_return(
            appeal=appeal, actor=request.user, comment=data["comment"]
        ),
        done=_("The answer is returned to the executor."),
    )


@require_POST
def appeal_extend(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    appeal = _appeal_or_404(request, public_id)
    return _act(
        request,
        appeal,
        form=ExtendForm(request.POST),
        form_key="extend_form",
        action=lambda data: execution.appeal_extend(
            appeal=appeal,
            actor=request.user,
            until=data["until"],
            reason=data["reason"],
        ),
        done=_("The term is extended; the applicant is told."),
    )


def appeal_file(
    request: CabinetRequest, public_id: UUID, file_id: UUID
) -> FileResponse:
    """A file of the appeal, for the officials handling it."""
    appeal = _appeal_or_404(request, public_id)
    attachment = (
        staff_selectors.appeal_attachments_all(appeal=appeal)
        .filter(public_id=file_id)
        .first()
    )
    if attachment is None:
        raise Http404
    return attachment_response(attachment)
