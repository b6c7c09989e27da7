"""Cabinet views: approval lists, starting routes, decisions."""

from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hromada.accounts.models import User
from hromada.core.errors import ApplicationError
from hromada.core.storage import file_open
from hromada.documents import permissions
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalKind,
    ApprovalTask,
    Document,
    FileVersion,
    Quorum,
    RouteTemplate,
)
from hromada.documents.selectors import routes as selectors
from hromada.documents.services import files as file_services
from hromada.documents.services import route_steps
from hromada.documents.services import routes as services
from hromada.ui.http import CabinetRequest

MODE_TEMPLATE = "template"
MODE_AD_HOC = "ad_hoc"
VISA_TERM_DAYS = 2
SIGN_TERM_DAYS = 1


class ChoiceDependentForm(forms.Form):
    """A form some of whose fields are required under one choice only.

    ``dependent_fields`` maps a value of ``choice_field`` to the fields that
    choice needs. They are declared required, so no "(optional)" marks them,
    and their hints say when they apply; they are checked only when their
    choice is made, with their own "required" messages.
    """

    choice_field: str = ""
    dependent_fields: dict[str, tuple[str, ...]] = {}
    # Browsers would demand every dependent field whatever the choice.
    use_required_attribute = False

    def full_clean(self) -> None:
        """Validate with the fields of the other choices not required."""
        chosen = self.data.get(self.add_prefix(self.choice_field))
        relaxed = [
            self.fields[name]
            for value, names in self.dependent_fields.items()
            if value != chosen
            for name in names
        ]
        for field in relaxed:
            field.required = False
        try:
            super().full_clean()
        finally:
            for field in relaxed:
                field.required = True


class VersionChoiceField(forms.ModelChoiceField[FileVersion]):
    def label_from_instance(self, obj: FileVersion) -> str:
        return _("%(title)s, version %(number)s") % {
            "title": obj.document_file.title,
            "number": obj.number,
        }


class RouteStartForm(ChoiceDependentForm):
    choice_field = "mode"
    dependent_fields = {
        MODE_TEMPLATE: ("template",),
        MODE_AD_HOC: ("visa_participants", "signatory"),
    }

    version = VersionChoiceField(
        label=gettext_lazy("File version to approve"),
        queryset=FileVersion.objects.none(),
        empty_label=None,
    )
    mode = forms.ChoiceField(
        label=gettext_lazy("Route"),
        widget=forms.RadioSelect,
        choices=[
            (MODE_TEMPLATE, gettext_lazy("From a template")),
            (MODE_AD_HOC, gettext_lazy("Visas, then the signature")),
        ],
        initial=MODE_TEMPLATE,
    )
    template = forms.ModelChoiceField(
        label=gettext_lazy("Route template"),
        queryset=RouteTemplate.objects.none(),
        help_text=gettext_lazy("Needed when the route is from a template."),
        error_messages={
            "required": gettext_lazy(
                "Choose a route template, or choose “Visas, then the signature”."
            )
        },
    )
    visa_participants = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Visas (all in parallel)"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Needed for the route “Visas, then the signature”: "
            "choose at least one person."
        ),
        error_messages={
            "required": gettext_lazy(
                "Choose who puts visas, or start the route from a template."
            )
        },
    )
    signatory = forms.ModelChoiceField(
        label=gettext_lazy("Signatory"),
        queryset=User.objects.none(),
        help_text=gettext_lazy("Needed for the route “Visas, then the signature”."),
        error_messages={
            "required": gettext_lazy(
                "Choose the signatory, or start the route from a template."
            )
        },
    )

    def __init__(self, *args: Any, document: Document, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["version"].queryset = selectors.route_version_list(document=document)
        fields["template"].queryset = selectors.route_template_list(
            kind=document.kind, org_unit=document.org_unit
        )
        if not fields["template"].queryset.exists():
            fields["template"].help_text = _(
                "No template fits this document: choose “Visas, then the signature”."
            )
            fields["mode"].initial = MODE_AD_HOC
        fields["visa_participants"].queryset = selectors.route_participant_list()
        fields["signatory"].queryset = selectors.route_participant_list()
        fields["signatory"].initial = document.signatory_id

    def steps(self) -> list[route_steps.StepSpec] | None:
        """The ad hoc steps, or ``None`` when a template was chosen."""
        if self.cleaned_data["mode"] == MODE_TEMPLATE:
            return None
        return [
            route_steps.StepSpec(
                kind=ApprovalKind.VISA,
                participants=list(self.cleaned_data["visa_participants"]),
                quorum=Quorum.ALL,
                term_days=VISA_TERM_DAYS,
            ),
            route_steps.StepSpec(
                kind=ApprovalKind.SIGN,
                participants=[self.cleaned_data["signatory"]],
                term_days=SIGN_TERM_DAYS,
            ),
        ]


class RouteDecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"), widget=forms.RadioSelect, choices=[]
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        help_text=gettext_lazy("Required when you reject or return the document."),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=4000,
    )
    seen_sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args: Any, task: ApprovalTask, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["decision"]
        field.choices = _decision_choices(ApprovalKind(task.step.kind))
        self.fields["seen_sha256"].initial = task.step.route.file_version.sha256


def _decision_choices(kind: ApprovalKind) -> list[tuple[str, str]]:
    if kind == ApprovalKind.ACQUAINT:
        return [(ApprovalDecision.APPROVED, _("Acquainted"))]
    approve = _("Sign") if kind == ApprovalKind.SIGN else _("Approve")
    return [
        (ApprovalDecision.APPROVED, approve),
        (ApprovalDecision.APPROVED_WITH_REMARKS, _("Approve with remarks")),
        (ApprovalDecision.RETURNED, _("Return for rework")),
        (ApprovalDecision.REJECTED, _("Reject")),
    ]


class RouteCancelForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=500)


def approval_list(request: CabinetRequest) -> HttpResponse:
    tasks = selectors.approval_list_for_user(user=request.user)
    return render(request, "documents/approval_list.html", {"tasks": tasks})


def route_start(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    document = get_object_or_404(
        selectors.route_document_list_for_user(user=request.user),
        public_id=public_id,
    )
    can_start = permissions.can_start_route(
        request.user, document
    ) and not selectors.route_running_exists(document=document)
    form = RouteStartForm(request.POST or None, document=document)
    if request.method == "POST" and can_start and form.is_valid():
        try:
            services.route_start(
                document=document,
                version=form.cleaned_data["version"],
                actor=request.user,
                template=form.cleaned_data["template"]
                if form.steps() is None
                else None,
                steps=form.steps(),
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The route has started."))
            return redirect("documents:route_start", public_id=document.public_id)
    context = {"document": document, "form": form, "can_start": can_start}
    return render(request, "documents/route_start.html", context)


def route_decide(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    task = get_object_or_404(
        selectors.approval_list_for_user(user=request.user), public_id=public_id
    )
    form = RouteDecideForm(request.POST or None, task=task)
    if request.method == "POST" and form.is_valid():
        try:
            services.route_decide(
                task=task,
                actor=request.user,
                decision=ApprovalDecision(form.cleaned_data["decision"]),
                comment=form.cleaned_data["comment"],
                seen_sha256=form.cleaned_data["seen_sha256"],
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your decision is recorded."))
            return redirect("documents:approval_list")
    version = task.step.route.file_version
    context = {"task": task, "form": form, "version": version}
    return render(request, "documents/approval_decide.html", context)


def route_file(request: CabinetRequest, public_id: UUID) -> FileResponse:
    task = get_object_or_404(
        selectors.approval_list_for_user(user=request.user), public_id=public_id
    )
    version = task.step.route.file_version
    file_services.file_version_download_record(
        version=version, actor=request.user, how="route"
    )
    stored = version.stored_file
    return FileResponse(
        file_open(stored),
        filename=stored.original_name,
        content_type=stored.content_type,
    )


@require_POST
def route_cancel(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    route = get_object_or_404(
        selectors.route_list_for_user(user=request.user), public_id=public_id
    )
    form = RouteCancelForm(request.POST)
    try:
        services.route_cancel(
            route=route,
            actor=request.user,
            reason=form.data.get("reason", ""),
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The route is cancelled."))
    return redirect("documents:route_start", public_id=route.document.public_id)


urlpatterns: list[URLPattern] = [
    path("approvals/", approval_list, name="approval_list"),
    path("approvals/<uuid:public_id>/", route_decide, name="route_decide"),
    path("approvals/<uuid:public_id>/file/", route_file, name="route_file"),
    path("<uuid:public_id>/route/", route_start, name="route_start"),
    path("routes/<uuid:public_id>/cancel/", route_cancel, name="route_cancel"),
]
