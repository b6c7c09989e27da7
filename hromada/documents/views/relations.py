"""Cabinet views around a card: links, access grants, filing into a case."""

from typing import Any, Final
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hromada.accounts import selectors as account_selectors
from hromada.core.errors import ApplicationError
from hromada.documents import permissions
from hromada.documents.models import (
    AccessLevel,
    CaseFile,
    Document,
    LinkKind,
)
from hromada.documents.selectors import cards as selectors
from hromada.documents.services import archive, relations
from hromada.documents.views.cards import detail_context
from hromada.ui.http import CabinetRequest

SEARCH_LIMIT: Final = 10
YEAR_MIN: Final = 2000
YEAR_MAX: Final = 2100
RESTRICTED_LEVELS: Final = (AccessLevel.DSK, AccessLevel.RESTRICTED)


class DocumentLinkSearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Number, summary or correspondent"),
        required=False,
        max_length=200,
    )


class DocumentLinkForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("How is this document related to the other one?"),
        choices=LinkKind.choices,
    )
    target = forms.ChoiceField(
        label=gettext_lazy("Documents found"),
        required=False,
        widget=forms.RadioSelect,
    )
    number = forms.CharField(
        label=gettext_lazy("Registration index of the other document"),
        max_length=64,
        required=False,
        help_text=gettext_lazy("Exactly as on its card, e.g. 865/01-12."),
    )
    year = forms.IntegerField(
        label=gettext_lazy("Year of its registration"),
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        required=False,
    )
    # The search the choices came from, so a POST can rebuild them.
    searched = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def __init__(self, *args: Any, found: list[Document], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not found:
            del self.fields["target"]
            return
        field = self.fields["target"]
        assert isinstance(field, forms.ChoiceField)  # declared above
        field.choices = [(str(d.public_id), _document_label(d)) for d in found]
        field.help_text = gettext_lazy(
            "Choose one, or leave them all and enter an index below."
        )


class DocumentGrantForm(forms.Form):
    user = forms.ModelChoiceField(
        label=gettext_lazy("Staff member"),
        queryset=account_selectors.staff_user_list(),
        to_field_name="public_id",
        help_text=gettext_lazy("They will see this card until access is withdrawn."),
    )


class CaseFileChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _("%(index)s %(title)s, volume %(volume)s") % {
            "index": obj.item.case_index,
            "title": obj.item.title,
            "volume": obj.volume,
        }


class DocumentFileForm(forms.Form):
    case_file = CaseFileChoiceField(
        label=gettext_lazy("Case file"),
        queryset=CaseFile.objects.none(),
        to_field_name="public_id",
        empty_label=gettext_lazy("Choose a case"),
    )

    def __init__(self, *args: Any, document: Document, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["case_file"]
        assert isinstance(field, forms.ModelChoiceField)  # declared above
        field.queryset = selectors.document_case_file_choices(document=document)
        self.document = document

    def clean_case_file(self) -> CaseFile:
        case_file: CaseFile = self.cleaned_data["case_file"]
        if case_file.pk == self.document.case_file_id:
            raise forms.ValidationError(_("The document is already in this case."))
        return case_file


def _document_label(document: Document) -> str:
    number = document.registration_number or _("Draft")
    return f"{number} — {document.summary[:100]}"


def _document_or_404(request: CabinetRequest, public_id: UUID) -> Document:
    try:
        return selectors.document_get_for_user(user=request.user, public_id=public_id)
    except Document.DoesNotExist:
        raise Http404 from None


def _errors_to_form(form: forms.Form, error: ApplicationError) -> None:
    for field, field_messages in error.details.items():
        for message in field_messages if field in form.fields else ():
            form.add_error(field, message)
    if not any(field in form.fields for field in error.details):
        form.add_error(None, error.message)


def document_link_add(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    document = _document_or_404(request, public_id)
    if not permissions.can_link(request.user, document):
        raise Http404
    search = DocumentLinkSearchForm(request.GET or None)
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
    query = request.POST.get("searched", "").strip()[:200] or query
    found = _link_candidates(request, document, query)
    form = DocumentLinkForm(
        request.POST or None,
        found=found,
        initial={"searched": query, "year": timezone.localdate().year},
    )
    if request.method == "POST" and form.is_valid():
        target = _link_target(request, form, found)
        if target is not None and _link_create(request, form, document, target):
            messages.success(request, _("The documents are linked."))
            return redirect("documents:document_detail", document.public_id)
    context = {
        "document": document,
        "search": search,
        "query": query,
        "found": found,
        "form": form,
    }
    status = 400 if form.errors else 200
    return render(request, "documents/document_link_form.html", context, status=status)


def _link_candidates(
    request: CabinetRequest, document: Document, query: str
) -> list[Document]:
    if not query:
        return []
    documents = selectors.document_list_for_user(user=request.user, query=query)
    return list(documents.exclude(pk=document.pk)[:SEARCH_LIMIT])


def _link_target(
    request: CabinetRequest, form: DocumentLinkForm, found: list[Document]
) -> Document | None:
    chosen = form.cleaned_data.get("target")
    if chosen:
        return next(d for d in found if str(d.public_id) == chosen)
    number = form.cleaned_data["number"].strip()
    if not number:
        form.add_error(
            "number",
            _("Enter the registration index, or find the document and choose it."),
        )
        return None
    year = form.cleaned_data["year"] or timezone.localdate().year
    return _target_by_number(request, form, number=number, year=year)


def _target_by_number(
    request: CabinetRequest, form: DocumentLinkForm, *, number: str, year: int
) -> Document | None:
    found = selectors.document_find_by_number(
        user=request.user, number=number, year=year
    )
    matches = list(found[:2])
    if len(matches) == 1:
        return matches[0]
    if matches:
        message = _(
            "Several documents have the index %(number)s of %(year)s: "
            "find the one you need by search and choose it."
        )
    else:
        # A card the user may not see is answered exactly like a missing one.
        message = _("No document with the index %(number)s of %(year)s was found.")
    form.add_error("number", message % {"number": number, "year": year})
    return None


def _link_create(
    request: CabinetRequest,
    form: DocumentLinkForm,
    document: Document,
    target: Document,
) -> bool:
    kind = LinkKind(form.cleaned_data["kind"])
    if selectors.document_link_exists(source=document, target=target, kind=kind):
        message = _("This document is already linked to %(number)s as “%(kind)s”.")
        number = target.registration_number or _("the draft")
        form.add_error(None, message % {"number": number, "kind": kind.label})
        return False
    try:
        relations.document_link(
            source=document, target=target, kind=kind, actor=request.user
        )
    except ApplicationError as error:
        form.add_error(None, error.message)
        return False
    return True


@require_POST
def document_link_remove(
    request: CabinetRequest, public_id: UUID, link_id: UUID
) -> HttpResponse:
    document = _document_or_404(request, public_id)
    links = selectors.document_links_for_user(document=document, user=request.user)
    link = get_object_or_404(links, public_id=link_id)
    if not permissions.can_remove_link(request.user, link):
        raise Http404
    relations.document_link_remove(link=link, actor=request.user)
    messages.success(request, _("The link is removed."))
    return redirect("documents:document_detail", document.public_id)


def _managed_or_404(request: CabinetRequest, public_id: UUID) -> Document:
    document = _document_or_404(request, public_id)
    is_restricted = document.access_level in RESTRICTED_LEVELS
    if not (is_restricted and permissions.can_grant_access(request.user, document)):
        raise Http404
    return document


def document_access(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    document = _managed_or_404(request, public_id)
    form = DocumentGrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["user"]
        try:
            relations.document_grant_access(
                document=document, user=person, actor=request.user
            )
        except ApplicationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(
                request,
                _("%(person)s may now see this document.")
                % {"person": person.get_full_name()},
            )
            return redirect("documents:document_access", document.public_id)
    context = {
        "document": document,
        "form": form,
        "grants": selectors.document_access_grants(document=document),
    }
    status = 400 if form.errors else 200
    return render(request, "documents/document_access.html", context, status=status)


@require_POST
def document_access_revoke(
    request: CabinetRequest, public_id: UUID, grant_id: UUID
) -> HttpResponse:
    document = _managed_or_404(request, public_id)
    grants = selectors.document_access_grants(document=document)
    grant = get_object_or_404(grants, public_id=grant_id)
    try:
        relations.document_grant_revoke(grant=grant, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(person)s no longer sees this document.")
            % {"person": grant.user.get_full_name()},
        )
    return redirect("documents:document_access", document.public_id)


@require_POST
def document_file(request: CabinetRequest, public_id: UUID) -> HttpResponse:
    document = _document_or_404(request, public_id)
    if not permissions.can_file_into_case(request.user):
        raise Http404
    form = DocumentFileForm(request.POST, document=document)
    if form.is_valid():
        case_file = form.cleaned_data["case_file"]
        try:
            archive.document_file_into_case(
                document=document, case_file=case_file, actor=request.user
            )
        except ApplicationError as error:
            form.add_error("case_file", error.message)
        else:
            messages.success(
                request,
                _("The document is filed into case %(case)s.") % {"case": case_file},
            )
            return redirect("documents:document_detail", document.public_id)
    context = {**detail_context(request, document), "filing_form": form}
    return render(request, "documents/document_detail.html", context, status=400)


urlpatterns: list[URLPattern] = [
    path("<uuid:public_id>/links/new/", document_link_add, name="document_link_add"),
    path(
        "<uuid:public_id>/links/<uuid:link_id>/remove/",
        document_link_remove,
        name="document_link_remove",
    ),
    path("<uuid:public_id>/access/", document_access, name="document_access"),
    path(
        "<uuid:public_id>/access/<uuid:grant_id>/revoke/",
        document_access_revoke,
        name="document_access_revoke",
    ),
    path("<uuid:public_id>/file/", document_file, name="document_file"),
]
