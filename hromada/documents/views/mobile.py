"""The mobile cabinet: a head's inbox, a card, resolutions, decisions.

Every page is one column with large tap targets and works without
JavaScript; the writes are the same services as the full cabinet's.
"""

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hromada.accounts.models import User
from hromada.core import deadlines
from hromada.core.errors import ApplicationError
from hromada.documents import permissions
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalKind,
    ApprovalTask,
    Document,
    FileVersion,
    ResolutionStatus,
    Task,
    TaskReport,
    TaskReportStatus,
)
from hromada.documents.selectors import cards as card_selectors
from hromada.documents.selectors import control as control_selectors
from hromada.documents.selectors import files as file_selectors
from hromada.documents.selectors import mobile as selectors
from hromada.documents.selectors import routes as route_selectors
from hromada.documents.services import control as control_services
from hromada.documents.services import registration
from hromada.documents.services import resolutions as resolution_services
from hromada.documents.services import routes as route_services
from hromada.ui.forms import OnceField
from hromada.ui.http import CabinetRequest

# One-tap opening phrases of a resolution; the text field adds to them.
PHRASES = (
    ("execute", gettext_lazy("For execution")),
    ("reply", gettext_lazy("Prepare a reply")),
    ("report", gettext_lazy("Consider and report")),
    ("inform", gettext_lazy("For information")),
)
ACCEPT = "accept"
RETURN = "return"


class PersonChoiceField(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.email


class PeopleChoiceField(forms.ModelMultipleChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.email


class MobileResolutionForm(forms.Form):
    phrase = forms.ChoiceField(
        label=gettext_lazy("Phrase"),
        choices=PHRASES,
        widget=forms.RadioSelect,
        required=False,
    )
    text = forms.CharField(
        label=gettext_lazy("Instruction"),
        help_text=gettext_lazy("Added after the phrase, or written instead of it."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )
    responsible = PersonChoiceField(
        label=gettext_lazy("Responsible executor"),
        queryset=User.objects.none(),
        to_field_name="public_id",
        widget=forms.RadioSelect,
        empty_label=None,
    )
    co_executors = PeopleChoiceField(
        label=gettext_lazy("Co-executors"),
        queryset=User.objects.none(),
        to_field_name="public_id",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy("They report to the responsible executor."),
    )
    due_on = forms.DateField(
        label=gettext_lazy("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    once = OnceField()

    def __init__(
        self,
        *args: Any,
        people: QuerySet[User],
        default_hint: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["responsible"].queryset = people
        fields["co_executors"].queryset = people
        fields["due_on"].help_text = default_hint

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("phrase") and not data.get("text", "").strip():
            self.add_error("text", _("Choose a phrase or write the instruction."))
        return data

    def instruction(self) -> str:
        """The phrase chosen, then the text written, as one instruction."""
        phrase = str(dict(PHRASES).get(self.cleaned_data["phrase"], ""))
        text = self.cleaned_data["text"].strip()
        return ". ".join(part for part in (phrase, text) if part)


class MobileDecisionForm(forms.Form):
    """A decision on an approval task; the button pressed names it."""

    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        help_text=gettext_lazy("Required when you return the document."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )
    seen_sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(
        self, *args: Any, buttons: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.buttons = buttons

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        decision = self.data.get("decision", "")
        if decision not in dict(self.buttons):
            self.add_error(None, _("Choose a decision."))
        data["decision"] = decision
        return data


class MobileReviewForm(forms.Form):
    """Accept a report, or return it with what needs rework."""

    comment = forms.CharField(
        label=gettext_lazy("What needs to be reworked"),
        help_text=gettext_lazy("Required when you return the report."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        decision = self.data.get("decision", "")
        if decision not in (ACCEPT, RETURN):
            self.add_error(None, _("Choose a decision."))
        elif decision == RETURN and not data.get("comment", "").strip():
            self.add_error("comment", _("Say what needs to be reworked."))
        data["decision"] = decision
        return data


def _form_error(
    form: forms.Form, error: ApplicationError, aliases: dict[str, str] | None = None
) -> None:
    placed = False
    for name, errors in error.details.items():
        field = (aliases or {}).get(name, name)
        if field in form.fields:
            form.add_error(field, errors)
            placed = True
    if not placed:
        form.add_error(None, error.message)


# The inbox ------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class MobileRow:
    """One inbox item on a phone: where a tap leads and what it is."""

    entry: control_selectors.DeskItem
    href: str
    action: str


SECTIONS = (
    ("to_resolve", gettext_lazy("To resolve")),
    ("to_approve", gettext_lazy("To approve")),
    ("to_sign", gettext_lazy("To sign")),
    ("to_review", gettext_lazy("Reports to review")),
)


def _row(entry: control_selectors.DeskItem) -> MobileRow:
    item = entry.item
    if isinstance(item, ApprovalTask):
        href = reverse("documents:mobile_decide", args=[item.public_id])
        return MobileRow(entry=entry, href=href, action=item.step.get_kind_display())
    if isinstance(item, TaskReport):
        href = reverse("documents:mobile_review", args=[item.task.public_id])
        return MobileRow(entry=entry, href=href, action=item.text)
    href = reverse("documents:mobile_document", args=[entry.document.public_id])
    return MobileRow(entry=entry, href=href, action="")


def mobile_inbox(request: CabinetRequest) -> HttpResponse:
    data = control_selectors.inbox_for_user(
        user=request.user, today=timezone.localdate()
    )
    sections = [
        {
            "key": key,
            "title": title,
            "rows": [_row(e) for e in getattr(data, key)],
            "more": key in data.full,
        }
        for key, title in SECTIONS
    ]
    context = {
        "sections": sections,
        "overdue": len(data.overdue),
        "overdue_more": "overdue" in data.full,
    }
    return render(request, "documents/mobile/inbox.html", context)


# The card -------------------------------------------------------------------


def _document(request: CabinetRequest, public_id: UUID) -> Document:
    try:
        return card_selectors.document_get_for_user(
            user=request.user, public_id=public_id
        )
    except Document.DoesNotExist:
        raise Http404 from None


def _files_context(
    document: Document, version: FileVersion | None = None
) -> dict[str, Any]:
    files = list(file_selectors.document_file_list(document=document))
    shown = version if version is not None else selectors.main_version(files)
    return {"files": files, "preview": selectors.page_preview(shown)}


def mobile_document(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    user = request.user
    document = _document(request, public_id)
    if permissions.is_restricted(user, document):
        registration.document_read_record(document=document, reader=user)
    tasks = selectors.tasks_by_resolution(
        control_selectors.task_list_for_document(document=document)
    )
    resolutions = [
        (resolution, tasks.get(resolution.pk, []))
        for resolution in control_selectors.resolution_list_for_document(
            document=document
        )
    ]
    approvals = route_selectors.approval_list_for_user(user=user).filter(
        step__route__document=document
    )
    context = {
        "document": document,
        "resolutions": resolutions,
        "approvals": list(approvals),
        "can_resolve": _may_resolve(user, document),
        # While nothing is resolved, «До справи» instead (the cabinet's form).
        "can_close_to_file": _may_resolve(user, document)
        and all(r.status == ResolutionStatus.CANCELLED for r, _tasks in resolutions),
        **_files_context(document),
    }
    return render(request, "documents/mobile/document_detail.html", context)


def _may_resolve(user: User, document: Document) -> bool:
    return bool(permissions.can_resolve_card(user, document))


# Resolution -----------------------------------------------------------------


def _default_hint(document: Document) -> str:
    start = document.registered_on or timezone.localdate()
    due = deadlines.deadline_compute(
        rule_code=resolution_services.DEFAULT_RULE, start=start
    )
    return _("Leave empty for the default term: %(explanation)s") % {
        "explanation": due.explanation
    }


def mobile_resolve(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    document = _document(request, public_id)
    if not _may_resolve(request.user, document):
        raise Http404
    form = MobileResolutionForm(
        request.POST or None,
        people=selectors.executor_list_for_head(user=request.user),
        default_hint=_default_hint(document),
    )
    is_valid_post = request.method == "POST" and form.is_valid()
    if is_valid_post and _resolution_create(request, document, form):
        messages.success(request, _("The resolution is recorded."))
        return redirect("documents:mobile_inbox")
    context = {"document": document, "form": form}
    return render(request, "documents/mobile/resolution_form.html", context)


def _resolution_create(
    request: CabinetRequest, document: Document, form: MobileResolutionForm
) -> bool:
    data = form.cleaned_data
    try:
        resolution_services.resolution_create(
            document=document,
            author=request.user,
            entered_by=request.user,
            text=form.instruction(),
            executors=[data["responsible"], *data["co_executors"]],
            due_on=data["due_on"],
            once_key=data["once"],
        )
    except ApplicationError as error:
        _form_error(form, error, aliases={"executors": "co_executors"})
        return False
    return True


# Approval and signature -----------------------------------------------------


def _buttons(kind: ApprovalKind) -> list[tuple[str, str]]:
    if kind == ApprovalKind.ACQUAINT:
        return [(ApprovalDecision.APPROVED, _("Acquainted"))]
    approve = _("Sign") if kind == ApprovalKind.SIGN else _("Approve")
    return [
        (ApprovalDecision.APPROVED, approve),
        (ApprovalDecision.RETURNED, _("Return for rework")),
    ]


def _decided_message(kind: ApprovalKind, decision: ApprovalDecision) -> str:
    if decision == ApprovalDecision.RETURNED:
        return _("The document is returned for rework.")
    if kind == ApprovalKind.SIGN:
        return _("The document is signed.")
    return _("Your decision is recorded.")


def mobile_decide(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    tasks = route_selectors.approval_list_for_user(user=request.user)
    task = tasks.filter(public_id=public_id).first()
    if task is None:
        return _decided_already(request, public_id)
    kind = ApprovalKind(task.step.kind)
    version = task.step.route.file_version
    form = MobileDecisionForm(
        request.POST or None,
        buttons=_buttons(kind),
        initial={"seen_sha256": version.sha256},
    )
    if request.method == "POST" and form.is_valid() and _decide(request, task, form):
        decision = ApprovalDecision(form.cleaned_data["decision"])
        messages.success(request, _decided_message(kind, decision))
        return redirect("documents:mobile_inbox")
    document = task.step.route.document
    context = {
        "task": task,
        "document": document,
        "version": version,
        "form": form,
        **_files_context(document, version),
    }
    return render(request, "documents/mobile/approval_decide.html", context)


def _decided_already(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    # A repeated tap lands here once the first one has been recorded.
    if not selectors.approval_decided_exists(user=request.user, public_id=public_id):
        raise Http404
    messages.info(request, _("Your decision on this document is already recorded."))
    return redirect("documents:mobile_inbox")


def _decide(
    request: CabinetRequest, task: ApprovalTask, form: MobileDecisionForm
) -> bool:
    # A sign step's approval signs the routed version inside route_decide.
    try:
        route_services.route_decide(
            task=task,
            actor=request.user,
            decision=ApprovalDecision(form.cleaned_data["decision"]),
            comment=form.cleaned_data["comment"],
            seen_sha256=form.cleaned_data["seen_sha256"],
        )
    except ApplicationError as error:
        _form_error(form, error)
        return False
    return True


# Report review --------------------------------------------------------------


def _report_to_review(request: CabinetRequest, task: Task) -> TaskReport | None:
    if not permissions.can_review_report(request.user, task):
        raise Http404
    reports = control_selectors.report_list_for_task(task=task)
    return reports.filter(status=TaskReportStatus.SUBMITTED).last()


def mobile_review(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    task = get_object_or_404(
        control_selectors.task_list_for_user(user=request.user), public_id=public_id
    )
    report = _report_to_review(request, task)
    if report is None:
        # Reviewed already, perhaps by a repeated tap.
        messages.info(request, _("No report on this task waits for review."))
        return redirect("documents:mobile_inbox")
    form = MobileReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        message = _review_apply(request, report, form)
        if message:
            messages.success(request, message)
            return redirect("documents:mobile_inbox")
    context = {"task": task, "report": report, "form": form}
    return render(request, "documents/mobile/task_review.html", context)


def _review_apply(
    request: CabinetRequest, report: TaskReport, form: MobileReviewForm
) -> str:
    try:
        if form.cleaned_data["decision"] == ACCEPT:
            control_services.task_report_accept(report=report, actor=request.user)
            return _("The report is accepted; the task is done.")
        control_services.task_report_return(
            report=report, actor=request.user, comment=form.cleaned_data["comment"]
        )
    except ApplicationError as error:
        _form_error(form, error)
        return ""
    return _("The report is returned to the executor.")


urlpatterns: list[URLPattern] = [
    path("m/", mobile_inbox, name="mobile_inbox"),
    path("m/<uuid:public_id>/", mobile_document, name="mobile_document"),
    path("m/<uuid:public_id>/resolve/", mobile_resolve, name="mobile_resolve"),
    path("m/approvals/<uuid:public_id>/", mobile_decide, name="mobile_decide"),
    path("m/tasks/<uuid:public_id>/review/", mobile_review, name="mobile_review"),
]
