"""Cabinet pages of the route-template editor; every change is its own POST.

No script is needed: the template's page lists its steps, each with links
and small forms to change, move or remove it, and a form to add a step.
"""

from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hromada.accounts.models import User
from hromada.core.errors import ApplicationError
from hromada.documents import permissions
from hromada.documents.models import (
    ApprovalKind,
    DocumentKind,
    OnReject,
    Quorum,
    RouteTemplate,
    RouteTemplateStep,
)
from hromada.documents.selectors import routes as selectors
from hromada.documents.services import route_steps
from hromada.documents.services import route_templates as services
from hromada.documents.views.routes import ChoiceDependentForm
from hromada.org.models import OrgUnit
from hromada.ui.http import CabinetRequest

COUNCIL_WIDE = "council"
MAX_TERM_DAYS = 60
TERM_DAYS, TERM_HOURS = "days", "hours"


class RouteTemplateFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Document kind"),
        choices=[("", gettext_lazy("All kinds")), *DocumentKind.choices],
        required=False,
    )
    unit = forms.ChoiceField(label=gettext_lazy("Unit"), required=False)

    def __init__(
        self, *args: Any, units: list[OrgUnit], council_wide: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.units = units
        choices = [("", _("All units"))]
        if council_wide:
            choices.append((COUNCIL_WIDE, _("The whole council")))
        choices += [(str(unit.public_id), unit.name) for unit in units]
        field: Any = self.fields["unit"]
        field.choices = choices

    def narrowing(self) -> dict[str, Any]:
        """The filters chosen, for ``route_template_list_for_user``."""
        if not self.is_valid():
            return {}
        chosen = self.cleaned_data["unit"]
        unit = next((u for u in self.units if str(u.public_id) == chosen), None)
        return {
            "kind": self.cleaned_data["kind"],
            "org_unit": unit,
            "council_wide": chosen == COUNCIL_WIDE,
        }


class RouteTemplateForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    kind = forms.ChoiceField(
        label=gettext_lazy("Document kind"), choices=DocumentKind.choices
    )
    org_unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit"),
        queryset=OrgUnit.objects.none(),
        empty_label=gettext_lazy("The whole council"),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["org_unit"]
        field.queryset = selectors.route_template_unit_list(user=user)
        # Only system administrators build council-wide templates; for them
        # an empty unit means the whole council, so it is truly optional.
        field.required = not permissions.can_manage_route_templates(user, None)
        if field.required:
            field.empty_label = _("Choose a unit")
        else:
            field.help_text = _("Leave empty for a template of the whole council.")


class RouteTemplateStepForm(ChoiceDependentForm):
    choice_field = "quorum"
    dependent_fields = {Quorum.N_OF_M.value: ("quorum_n",)}

    kind = forms.ChoiceField(
        label=gettext_lazy("What the participants do"),
        widget=forms.RadioSelect,
        choices=ApprovalKind.choices,
    )
    participants = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Participants"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "They act in parallel. A signature step needs people with a valid "
            "signing certificate."
        ),
        error_messages={"required": gettext_lazy("Choose at least one participant.")},
    )
    quorum = forms.ChoiceField(
        label=gettext_lazy("Who must agree"),
        widget=forms.RadioSelect,
        choices=Quorum.choices,
        initial=Quorum.ALL,
    )
    quorum_n = forms.IntegerField(
        label=gettext_lazy("N: how many must agree"),
        min_value=1,
        help_text=gettext_lazy(
            "Needed for “N of M” only: from 1 to the number of participants."
        ),
        error_messages={
            "required": gettext_lazy("Enter N, or choose another way to agree.")
        },
    )
    term_days = forms.IntegerField(
        label=gettext_lazy("Term"),
        min_value=1,
        initial=1,
        help_text=gettext_lazy(
            "Counted from when the step starts: in working days, or in working "
            "hours of the office."
        ),
    )
    term_unit = forms.ChoiceField(
        label=gettext_lazy("The term is in"),
        widget=forms.RadioSelect,
        choices=[
            (TERM_DAYS, gettext_lazy("working days")),
            (TERM_HOURS, gettext_lazy("working hours")),
        ],
        initial=TERM_DAYS,
    )
    on_reject = forms.ChoiceField(
        label=gettext_lazy("When someone rejects"),
        widget=forms.RadioSelect,
        choices=OnReject.choices,
        initial=OnReject.RETURN_TO_AUTHOR,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["participants"]
        field.queryset = selectors.route_participant_list()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        term, unit = data.get("term_days"), data.get("term_unit")
        limit = MAX_TERM_DAYS if unit == TERM_DAYS else route_steps.MAX_TERM_HOURS
        if term is not None and term > limit:
            self.add_error(
                "term_days",
                _("Enter a term from 1 to %(max)s.") % {"max": limit},
            )
        return data

    def spec(self) -> route_steps.StepSpec:
        """The step as the services take it."""
        data = self.cleaned_data
        hours = data["term_unit"] == TERM_HOURS
        return route_steps.StepSpec(
            kind=ApprovalKind(data["kind"]),
            participants=list(data["participants"]),
            quorum=Quorum(data["quorum"]),
            quorum_n=data["quorum_n"],
            term_days=1 if hours else data["term_days"],
            term_hours=data["term_days"] if hours else None,
            on_reject=OnReject(data["on_reject"]),
        )


class RouteTemplateStepAddForm(RouteTemplateStepForm):
    # The position the person saw as next: a repeated or stale submission
    # is recognised by the service (route_template_step_add).
    order = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def _editor_require(request: CabinetRequest) -> None:
    if not permissions.can_edit_route_templates(request.user):
        raise Http404


def _template(request: CabinetRequest, public_id: UUID) -> RouteTemplate:
    _editor_require(request)
    return get_object_or_404(
        selectors.route_template_list_for_user(user=request.user),
        public_id=public_id,
    )


def _step(request: CabinetRequest, public_id: UUID) -> RouteTemplateStep:
    _editor_require(request)
    return get_object_or_404(
        selectors.route_template_step_list_for_user(user=request.user),
        public_id=public_id,
    )


def _error_show(form: forms.Form, error: ApplicationError) -> None:
    fields = [name for name in error.details if name in form.fields]
    for name in fields:
        form.add_error(name, error.details[name])
    if not fields:
        form.add_error(None, error.message)


def route_template_list(request: CabinetRequest) -> HttpResponse:
    _editor_require(request)
    council_wide = bool(permissions.can_manage_route_templates(request.user, None))
    filters = RouteTemplateFilterForm(
        request.GET or None,
        units=list(selectors.route_template_unit_list(user=request.user)),
        council_wide=council_wide,
    )
    templates = selectors.route_template_list_for_user(
        user=request.user, **filters.narrowing()
    )
    context = {
        "templates": templates,
        "filters": filters,
        # A head role with no unit headed today leaves nothing to build for.
        "can_create": bool(filters.units) or council_wide,
    }
    return render(request, "documents/route_template_list.html", context)


def route_template_create(request: CabinetRequest) -> HttpResponse:
    _editor_require(request)
    form = RouteTemplateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            template = services.route_template_create(
                actor=request.user, **form.cleaned_data
            )
        except ApplicationError as error:
            _error_show(form, error)
        else:
            messages.success(request, _("The template was created. Add its steps."))
            return redirect("documents:route_template_detail", template.public_id)
    status = 400 if form.errors else 200
    return render(
        request, "documents/route_template_form.html", {"form": form}, status=status
    )


def _detail_context(
    template: RouteTemplate, add_form: RouteTemplateStepAddForm | None = None
) -> dict[str, object]:
    steps = list(selectors.route_template_steps(template=template))
    if add_form is None:
        add_form = RouteTemplateStepAddForm(initial={"order": len(steps) + 1})
    return {"template": template, "steps": steps, "add_form": add_form}


def route_template_detail(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    template = _template(request, public_id)
    context = _detail_context(template)
    return render(request, "documents/route_template_detail.html", context)


def route_template_update(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    template = _template(request, public_id)
    initial = {"name": template.name, "kind": template.kind}
    form = RouteTemplateForm(
        request.POST or None,
        user=request.user,
        initial={**initial, "org_unit": template.org_unit_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.route_template_update(
                template=template, actor=request.user, **form.cleaned_data
            )
        except ApplicationError as error:
            _error_show(form, error)
        else:
            messages.success(request, _("The template was saved."))
            return redirect("documents:route_template_detail", template.public_id)
    context = {"form": form, "template": template}
    status = 400 if form.errors else 200
    return render(request, "documents/route_template_form.html", context, status=status)


@require_POST
def route_template_activate(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    template = _template(request, public_id)
    try:
        services.route_template_activate(template=template, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The template is offered for new routes."))
    return redirect("documents:route_template_detail", template.public_id)


@require_POST
def route_template_deactivate(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    template = _template(request, public_id)
    try:
        services.route_template_deactivate(template=template, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The template is no longer offered; routes already started run on."),
        )
    return redirect("documents:route_template_detail", template.public_id)


@require_POST
def route_template_step_add(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    template = _template(request, public_id)
    form = RouteTemplateStepAddForm(request.POST)
    if form.is_valid():
        try:
            services.route_template_step_add(
                template=template,
                actor=request.user,
                spec=form.spec(),
                order=form.cleaned_data["order"],
            )
        except ApplicationError as error:
            _error_show(form, error)
        else:
            messages.success(request, _("The step was added."))
            return redirect("documents:route_template_detail", template.public_id)
    context = _detail_context(template, form)
    return render(request, "documents/route_template_detail.html", context, status=400)


def _step_initial(step: RouteTemplateStep) -> dict[str, object]:
    return {
        "kind": step.kind,
        "participants": [user.pk for user in step.participants.all()],
        "quorum": step.quorum,
        "quorum_n": step.quorum_n,
        "term_days": step.term_hours or step.term_days,
        "term_unit": TERM_DAYS if step.term_hours is None else TERM_HOURS,
        "on_reject": step.on_reject,
    }


def route_template_step_edit(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    step = _step(request, public_id)
    form = RouteTemplateStepForm(request.POST or None, initial=_step_initial(step))
    if request.method == "POST" and form.is_valid():
        try:
            services.route_template_step_update(
                step=step, actor=request.user, spec=form.spec()
            )
        except ApplicationError as error:
            _error_show(form, error)
        else:
            messages.success(request, _("The step was saved."))
            return redirect("documents:route_template_detail", step.template.public_id)
    context = {"form": form, "step": step, "template": step.template}
    status = 400 if form.errors else 200
    return render(
        request, "documents/route_template_step_form.html", context, status=status
    )


@require_POST
def route_template_step_remove(
    request: CabinetRequest, public_id: UUID
) -> HttpResponse:
    step = _step(request, public_id)
    try:
        services.route_template_step_remove(step=step, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The step was removed."))
    return redirect("documents:route_template_detail", step.template.public_id)


@require_POST
def route_template_step_move(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    step = _step(request, public_id)
    try:
        to_order = int(request.POST.get("to_order", ""))
    except ValueError:
        to_order = 0
    try:
        services.route_template_step_move(
            step=step, actor=request.user, to_order=to_order
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The step was moved."))
    return redirect("documents:route_template_detail", step.template.public_id)


urlpatterns: list[URLPattern] = [
    path("routes/templates/", route_template_list, name="route_template_list"),
    path(
        "routes/templates/new/",
        route_template_create,
        name="route_template_create",
    ),
    path(
        "routes/templates/<uuid:public_id>/",
        route_template_detail,
        name="route_template_detail",
    ),
    path(
        "routes/templates/<uuid:public_id>/edit/",
        route_template_update,
        name="route_template_update",
    ),
    path(
        "routes/templates/<uuid:public_id>/activate/",
        route_template_activate,
        name="route_template_activate",
    ),
    path(
        "routes/templates/<uuid:public_id>/deactivate/",
        route_template_deactivate,
        name="route_template_deactivate",
    ),
    path(
        "routes/templates/<uuid:public_id>/steps/",
        route_template_step_add,
        name="route_template_step_add",
    ),
    path(
        "routes/templates/steps/<uuid:public_id>/edit/",
        route_template_step_edit,
        name="route_template_step_edit",
    ),
    path(
        "routes/templates/steps/<uuid:public_id>/remove/",
        route_template_step_remove,
        name="route_template_step_remove",
    ),
    path(
        "routes/templates/steps/<uuid:public_id>/move/",
        route_template_step_move,
        name="route_template_step_move",
    ),
]
