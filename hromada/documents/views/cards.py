"""Cabinet views: registration cards, registration, replies, e-mail intake."""

from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from hromada.accounts import selectors as account_selectors
from hromada.accounts.models import User
from hromada.core.errors import ApplicationError
from hromada.documents import permissions
from hromada.documents.models import (
    AccessLevel,
    Channel,
    Correspondent,
    Document,
    DocumentKind,
    DocumentStatus,
)
from hromada.documents.selectors import cards as selectors
from hromada.documents.services import dispatch, intake, registration, relations
from hromada.org import selectors as org_selectors
from hromada.ui.forms import DateInputs, OnceField
from hromada.ui.http import CabinetRequest
from hromada.ui.pagination import CappedPaginator

PAGE_SIZE = 25


class DocumentFilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Number, summary or correspondent"),
        required=False,
        max_length=200,
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=[("", gettext_lazy("All kinds")), *DocumentKind.choices],
        required=False,
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("All statuses")), *DocumentStatus.choices],
        required=False,
    )
    date_from = forms.DateField(
        label=gettext_lazy("Registered from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=gettext_lazy("Registered to"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class DocumentKindForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("What kind of document is it?"),
        choices=DocumentKind.choices,
        widget=forms.RadioSelect,
    )


class DocumentCardForm(forms.Form):
    once = OnceField()
    org_unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit"),
        queryset=org_selectors.org_unit_list_active(),
        to_field_name="public_id",
    )
    summary = forms.CharField(
        label=gettext_lazy("Summary"), widget=forms.Textarea(attrs={"rows": 3})
    )
    correspondent = forms.ModelChoiceField(
        label=gettext_lazy("Correspondent"),
        queryset=selectors.correspondent_list(),
        to_field_name="public_id",
        required=False,
    )
    correspondent_number = forms.CharField(
        label=gettext_lazy("Correspondent's number"), max_length=64, required=False
    )
    correspondent_date = forms.DateField(
        label=gettext_lazy("Correspondent's date"), required=False, widget=DateInputs
    )
    channel = forms.ChoiceField(label=gettext_lazy("Channel"), choices=Channel.choices)
    signatory = forms.ModelChoiceField(
        label=gettext_lazy("Signatory"),
        queryset=account_selectors.staff_user_list(),
        to_field_name="public_id",
        required=False,
    )
    signatory_name = forms.CharField(
        label=gettext_lazy("Signatory (as written)"), max_length=200, required=False
    )
    pages = forms.IntegerField(
        label=pgettext_lazy("sheets", "Pages"), min_value=1, required=False
    )
    access_level = forms.ChoiceField(
        label=gettext_lazy("Access level"),
        choices=AccessLevel.choices,
        initial=AccessLevel.INTERNAL,
    )
    access_basis = forms.CharField(
        label=gettext_lazy("Legal basis of the restriction"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("Required for documents restricted by law."),
    )
    due_on = forms.DateField(
        label=gettext_lazy("Due date"), required=False, widget=DateInputs
    )
    addressee_units = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Addressed to units"),
        queryset=org_selectors.org_unit_list_active(),
        to_field_name="public_id",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, user: User, keep: Correspondent | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["correspondent"]
        assert isinstance(field, forms.ModelChoiceField)  # declared above
        field.queryset = selectors.correspondent_choices_for_user(user=user, keep=keep)


class DocumentRegisterForm(forms.Form):
    journal = forms.ModelChoiceField(
        label=gettext_lazy("Journal"),
        queryset=selectors.journal_list(),
        to_field_name="public_id",
    )

    def __init__(self, *args: Any, document: Document, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["journal"]
        assert isinstance(field, forms.ModelChoiceField)  # declared above
        field.queryset = selectors.journal_list(kind=DocumentKind(document.kind))


class DocumentCancelForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for cancelling"), max_length=500
    )


class DocumentDispatchForm(forms.Form):
    channel = forms.ChoiceField(
        label=gettext_lazy("How the letter is sent"),
        choices=[
            (Channel.EMAIL.value, gettext_lazy("By e-mail with the signed PDF")),
            (Channel.POST.value, gettext_lazy("By post (signed on paper)")),
        ],
        widget=forms.RadioSelect,
    )
    email = forms.EmailField(
        label=gettext_lazy("Addressee's e-mail"),
        required=False,
        help_text=gettext_lazy("Needed when the letter is sent by e-mail."),
    )


class IntakeUploadForm(forms.Form):
    org_unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit"),
        queryset=org_selectors.org_unit_list_active(),
        to_field_name="public_id",
    )
    letter = forms.FileField(
        label=gettext_lazy("E-mail letter (.eml)"),
        help_text=gettext_lazy("Save the letter from your mail program as a file."),
    )


def _document_or_404(request: CabinetRequest, public_id: UUID) -> Document:
    try:
        return selectors.document_get_for_user(user=request.user, public_id=public_id)
    except Document.DoesNotExist:
        raise Http404 from None


def _errors_to_form(form: forms.Form, error: ApplicationError) -> None:
    outside = [
        message
        for field, field_messages in error.details.items()
        if field not in form.fields
        for message in field_messages
    ]
    for field, field_messages in error.details.items():
        for message in field_messages if field in form.fields else ():
            form.add_error(field, message)
    if outside or not error.details:
        form.add_error(None, [error.message, *outside])


def document_list(request: CabinetRequest) -> HttpResponse:
    form = DocumentFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    documents = selectors.document_list_for_user(
        user=request.user,
        kind=filters.get("kind") or None,
        status=filters.get("status") or None,
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
        query=filters.get("q", ""),
    )
    page = CappedPaginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    can_intake = permissions.can_intake(request.user)
    context = {"form": form, "page": page, "can_intake": can_intake}
    template = "documents/document_list.html"
    if request.htmx:
        template = "documents/_document_list_results.html"
    return render(request, template, context)


def document_create(request: CabinetRequest) -> HttpResponse:
    kind_form = DocumentKindForm(request.GET or None)
    if not kind_form.is_valid():
        return render(request, "documents/document_kind.html", {"form": kind_form})
    kind = DocumentKind(kind_form.cleaned_data["kind"])
    initial = {"channel": Channel.POST, **_chosen_correspondent(request)}
    form = DocumentCardForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = registration.document_create_draft(
                actor=request.user,
                kind=kind,
                once_key=data["once"],
                **_card_values(data),
            )
        except ApplicationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The draft card is saved."))
            return redirect("documents:document_detail", document.public_id)
    context = {
        "form": form,
        "kind": kind,
        "kind_label": kind.label,
        "correspondent_add_url": _correspondent_add_url(request),
    }
    return render(request, "documents/document_form.html", context)


def document_edit(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    document = _document_or_404(request, public_id)
    if not permissions.can_edit_draft(request.user, document):
        raise Http404
    form = DocumentCardForm(
        request.POST or None,
        initial={**_card_initial(document), **_chosen_correspondent(request)},
        user=request.user,
        keep=document.correspondent,
    )
    form.fields["org_unit"].disabled = True
    if request.method == "POST" and form.is_valid():
        values = _card_values(form.cleaned_data)
        values.pop("org_unit")
        try:
            registration.document_update_draft(
                document=document, actor=request.user, **values
            )
        except ApplicationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The draft card is saved."))
            return redirect("documents:document_detail", document.public_id)
    context = {
        "form": form,
        "document": document,
        "kind_label": DocumentKind(document.kind).label,
        "correspondent_add_url": _correspondent_add_url(request),
    }
    return render(request, "documents/document_form.html", context)


def document_detail(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    document = _document_or_404(request, public_id)
    if permissions.is_restricted(request.user, document):
        registration.document_read_record(document=document, reader=request.user)
    return render(
        request,
        "documents/document_detail.html",
        detail_context(request, document),
    )


@require_POST
def document_register(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    document = _document_or_404(request, public_id)
    form = DocumentRegisterForm(request.POST, document=document)
    if form.is_valid():
        try:
            document = registration.document_register(
                document=document,
                journal=form.cleaned_data["journal"],
                actor=request.user,
            )
        except ApplicationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(
                request,
                _("The document is registered under number %(number)s.")
                % {"number": document.registration_number},
            )
            return redirect("documents:document_detail", document.public_id)
    context = {**detail_context(request, document), "register_form": form}
    return render(request, "documents/document_detail.html", context, status=400)


@require_POST
def document_cancel(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    document = _document_or_404(request, public_id)
    form = DocumentCancelForm(request.POST)
    if form.is_valid():
        try:
            registration.document_cancel(
                document=document,
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ApplicationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The document is cancelled."))
            return redirect("documents:document_detail", document.public_id)
    context = {**detail_context(request, document), "cancel_form": form}
    return render(request, "documents/document_detail.html", context, status=400)


@require_POST
def document_dispatch(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    document = _document_or_404(request, public_id)
    form = DocumentDispatchForm(request.POST)
    if form.is_valid():
        try:
            dispatch.document_dispatch(
                document=document,
                actor=request.user,
                channel=Channel(form.cleaned_data["channel"]),
                email=form.cleaned_data["email"],
            )
        except ApplicationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("The letter is dispatched."))
            return redirect("documents:document_detail", document.public_id)
    context = {**detail_context(request, document), "dispatch_form": form}
    return render(request, "documents/document_detail.html", context, status=400)


@require_POST
def document_reply(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    incoming = _document_or_404(request, public_id)
    try:
        reply = relations.document_reply_create(incoming=incoming, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("documents:document_detail", incoming.public_id)
    messages.success(request, _("A draft reply is ready; complete it."))
    return redirect("documents:document_edit", reply.public_id)


def intake_upload(request: CabinetRequest) -> HttpResponse:
    if not permissions.can_intake(request.user):
        raise Http404
    form = IntakeUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            document = intake.intake_eml(
                raw=form.cleaned_data["letter"].read(),
                actor=request.user,
                org_unit=form.cleaned_data["org_unit"],
            )
        except ApplicationError as error:
            form.add_error("letter", error.message)
        else:
            messages.success(request, _("The letter is taken in as a draft card."))
            return redirect("documents:document_detail", document.public_id)
    return render(request, "documents/intake_upload.html", {"form": form})


def journal_list(request: CabinetRequest) -> HttpResponse:
    journals = selectors.journal_list()
    return render(request, "documents/journal_list.html", {"journals": journals})


def _correspondent_add_url(request: CabinetRequest) -> str:
    """Where the office adds a correspondent and comes back to this form."""
    if not permissions.can_manage_correspondents(request.user):
        return ""
    back = urlencode({"next": request.get_full_path()})
    return f"{reverse('documents:correspondent_create')}?{back}"


def _chosen_correspondent(request: CabinetRequest) -> dict[str, str]:
    """The entry just added: "add a correspondent" comes back with its id."""
    chosen = request.GET.get("correspondent", "")
    return {"correspondent": chosen} if chosen else {}


def _card_values(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "org_unit": data["org_unit"],
        "summary": data["summary"],
        "pages": data["pages"],
        "access_level": AccessLevel(data["access_level"]),
        "access_basis": data["access_basis"],
        "channel": Channel(data["channel"]),
        "correspondent": data["correspondent"],
        "correspondent_number": data["correspondent_number"],
        "correspondent_date": data["correspondent_date"],
        "signatory": data["signatory"],
        "signatory_name": data["signatory_name"],
        "due_on": data["due_on"],
        "addressee_units": list(data["addressee_units"]),
    }


def _card_initial(document: Document) -> dict[str, Any]:
    units = [a.org_unit for a in document.addressees.all() if a.org_unit_id]
    return {
        "org_unit": document.org_unit,
        "summary": document.summary,
        "pages": document.pages,
        "access_level": document.access_level,
        "access_basis": document.access_basis,
        "channel": document.channel,
        "correspondent": document.correspondent,
        "correspondent_number": document.correspondent_number,
        "correspondent_date": document.correspondent_date,
        "signatory": document.signatory,
        "signatory_name": document.signatory_name,
        "due_on": document.due_on,
        "addressee_units": units,
    }


def detail_context(request: CabinetRequest, document: Document) -> dict[str, Any]:
    """The card page's context; a view showing it with errors adds a form."""
    user = request.user
    return {
        "document": document,
        "addressees": selectors.document_addressee_names(document=document),
        "intake_skipped": selectors.document_intake_skipped(document=document),
        "can_edit": permissions.can_edit_draft(user, document),
        "can_register": permissions.can_register(user, document),
        "can_cancel": permissions.can_cancel(user, document)
        and document.status != DocumentStatus.CANCELLED,
        "can_reply": document.kind != DocumentKind.OUTGOING
        and document.status == DocumentStatus.REGISTERED
        and permissions.can_reply(user, document),
        "can_dispatch": document.kind == DocumentKind.OUTGOING
        and document.status == DocumentStatus.REGISTERED
        and permissions.can_dispatch(user, document),
        "dispatch_form": DocumentDispatchForm(
            initial={
                "channel": Channel.EMAIL.value,
                "email": document.correspondent.email if document.correspondent else "",
            }
        ),
        "register_form": DocumentRegisterForm(document=document),
        "cancel_form": DocumentCancelForm(),
    }


urlpatterns: list[URLPattern] = [
    path("", document_list, name="document_list"),
    path("new/", document_create, name="document_create"),
    path("intake/", intake_upload, name="intake_upload"),
    path("journals/", journal_list, name="journal_list"),
    path("<uuid:public_id>/", document_detail, name="document_detail"),
    path("<uuid:public_id>/edit/", document_edit, name="document_edit"),
    path("<uuid:public_id>/register/", document_register, name="document_register"),
    path("<uuid:public_id>/cancel/", document_cancel, name="document_cancel"),
    path("<uuid:public_id>/reply/", document_reply, name="document_reply"),
    path("<uuid:public_id>/dispatch/", document_dispatch, name="document_dispatch"),
]
