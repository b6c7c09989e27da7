"""Cabinet views: a card's files, versions, previews, diffs and signing."""

from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hromada.core import storage
from hromada.core.errors import ApplicationError, ValidationError
from hromada.documents import permissions
from hromada.documents.models import Document, FileRole, FileVersion
from hromada.documents.selectors import files as selectors
from hromada.documents.services import files as services
from hromada.documents.services import signing
from hromada.ui.http import CabinetRequest

IMAGE_PREVIEW_TYPES = frozenset({storage.PNG, storage.JPEG, storage.TIFF})


class FileVersionForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"))


class FileAddForm(FileVersionForm):
    title = forms.CharField(
        label=gettext_lazy("Title (optional)"),
        help_text=gettext_lazy("For example, “Attachment 1. Estimate”."),
        required=False,
        max_length=255,
    )
    role = forms.ChoiceField(
        label=gettext_lazy("Role of the file"),
        choices=[
            (FileRole.MAIN, FileRole.MAIN.label),
            (FileRole.ATTACHMENT, FileRole.ATTACHMENT.label),
        ],
        initial=FileRole.MAIN,
    )


class FileSignForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for signing (optional)"),
        required=False,
        max_length=200,
    )


def _document_or_404(request: CabinetRequest, public_id: UUID) -> Document:
    visible = Document.objects.filter(permissions.visible_documents_q(request.user))
    return get_object_or_404(visible, public_id=public_id)


def _version_or_404(request: CabinetRequest, public_id: UUID) -> FileVersion:
    versions = selectors.file_version_list_for_user(user=request.user)
    return get_object_or_404(versions, public_id=public_id)


def _card_url(document: Document) -> str:
    return reverse("documents:document_detail", args=[document.public_id])


def _add_error(form: forms.Form, error: ApplicationError) -> None:
    form.add_error(
        "file" if isinstance(error, ValidationError) else None, error.message
    )


def file_add(request: CabinetRequest, document_id: UUID) -> HttpResponse:
    document = _document_or_404(request, document_id)
    if not permissions.can_add_file(request.user, document):
        raise PermissionDenied
    form = FileAddForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.file_add(
                document=document,
                actor=request.user,
                content=upload,
                name=upload.name,
                title=form.cleaned_data["title"],
                role=FileRole(form.cleaned_data["role"]),
            )
        except ApplicationError as error:
            _add_error(form, error)
        else:
            messages.success(request, _("The file is added."))
            return redirect(_card_url(document))
    return render(
        request,
        "documents/file_add.html",
        {"document": document, "form": form, "card_url": _card_url(document)},
    )


def file_version_add(request: CabinetRequest, file_id: UUID) -> HttpResponse:
    files = selectors.document_file_list_for_user(user=request.user)
    document_file = get_object_or_404(files, public_id=file_id)
    document = document_file.document
    if document_file.role == FileRole.SIGNED or not permissions.can_add_file(
        request.user, document
    ):
        raise PermissionDenied
    form = FileVersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            version = services.version_add(
                document_file=document_file,
                actor=request.user,
                content=upload,
                name=upload.name,
            )
        except ApplicationError as error:
            _add_error(form, error)
        else:
            messages.success(
                request,
                _("Version %(number)s is added.") % {"number": version.number},
            )
            return redirect(_card_url(document))
    context = {
        "document": document,
        "document_file": document_file,
        "form": form,
        "card_url": _card_url(document),
    }
    return render(request, "documents/file_version_add.html", context)


def file_download(request: CabinetRequest, version_id: UUID) -> FileResponse:
    version = _version_or_404(request, version_id)
    services.file_version_download_record(version=version, actor=request.user)
    stored = version.stored_file
    response = FileResponse(
        storage.file_open(stored),
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _preview_context(request: CabinetRequest, version: FileVersion) -> dict[str, Any]:
    content_type = version.stored_file.content_type
    document_file = version.document_file
    others = document_file.versions.exclude(pk=version.pk).order_by("-number")
    context: dict[str, Any] = {
        "version": version,
        "document_file": document_file,
        "document": document_file.document,
        "card_url": _card_url(document_file.document),
        "is_pdf": content_type == storage.PDF,
        "is_image": content_type in IMAGE_PREVIEW_TYPES,
        "pages": range(1, (version.page_count or 0) + 1),
        "other_versions": others,
        "can_sign": content_type == storage.PDF
        and permissions.can_sign_version(request.user, version),
        "sign_form": FileSignForm(),
    }
    if document_file.role == FileRole.SIGNED:
        context["verification"] = signing.file_version_verify(version=version)
    return context


def file_preview(request: CabinetRequest, version_id: UUID) -> HttpResponse:
    version = _version_or_404(request, version_id)
    services.file_version_download_record(
        version=version, actor=request.user, how="preview"
    )
    return render(
        request, "documents/file_preview.html", _preview_context(request, version)
    )


def file_page_png(request: CabinetRequest, version_id: UUID, page: int) -> HttpResponse:
    version = _version_or_404(request, version_id)
    try:
        width = int(request.GET.get("width", "900"))
    except ValueError:
        width = 900
    if width not in selectors.PREVIEW_WIDTHS:
        width = 900
    try:
        png = selectors.file_version_page_png(version=version, page=page, width=width)
    except ValueError as error:
        raise Http404 from error
    services.file_version_download_record(
        version=version, actor=request.user, how="page"
    )
    response = HttpResponse(png, content_type="image/png")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=86400"
    return response


def file_version_diff(
    request: CabinetRequest, old_id: UUID, new_id: UUID
) -> HttpResponse:
    old = _version_or_404(request, old_id)
    new = _version_or_404(request, new_id)
    if old.document_file_id != new.document_file_id:
        raise Http404
    for version in (old, new):
        services.file_version_download_record(
            version=version, actor=request.user, how="diff"
        )
    context = {
        "old": old,
        "new": new,
        "document_file": new.document_file,
        "document": new.document_file.document,
        "card_url": _card_url(new.document_file.document),
        "lines": selectors.file_version_text_diff(old=old, new=new),
    }
    return render(request, "documents/file_version_diff.html", context)


@require_POST
def file_version_sign(request: CabinetRequest, version_id: UUID) -> HttpResponse:
    version = _version_or_404(request, version_id)
    form = FileSignForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        signed = signing.file_version_sign(
            version=version, signer=request.user, reason=reason
        )
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("documents:file_preview", version.public_id)
    messages.success(request, _("The file is signed."))
    return redirect("documents:file_preview", signed.public_id)


urlpatterns: list[URLPattern] = [
    path("files/new/<uuid:document_id>/", file_add, name="file_add"),
    path(
        "files/<uuid:file_id>/versions/new/",
        file_version_add,
        name="file_version_add",
    ),
    path(
        "files/versions/<uuid:version_id>/",
        file_preview,
        name="file_preview",
    ),
    path(
        "files/versions/<uuid:version_id>/download/",
        file_download,
        name="file_download",
    ),
    path(
        "files/versions/<uuid:version_id>/pages/<int:page>.png",
        file_page_png,
        name="file_page_png",
    ),
    path(
        "files/versions/<uuid:old_id>/diff/<uuid:new_id>/",
        file_version_diff,
        name="file_version_diff",
    ),
    path(
        "files/versions/<uuid:version_id>/sign/",
        file_version_sign,
        name="file_version_sign",
    ),
]
