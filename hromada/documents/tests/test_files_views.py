"""Cabinet views of files: upload, new version, download, preview, diff, sign."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.models import AuditEvent
from hromada.documents.models import AccessLevel, DocumentFile, FileRole, FileVersion
from hromada.documents.selectors import files as selectors
from hromada.documents.services import files as file_services
from hromada.documents.tests.factories_cards import DocumentFactory
from hromada.documents.tests.factories_files import (
    docx_bytes,
    file_with_version,
    image_bytes,
    pdf_with_text,
)
from hromada.signatures import services as signature_services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.HROMADA_DEMO = True


def _latest(document_file):
    return (
        FileVersion.objects.filter(document_file=document_file)
        .order_by("-number")
        .first()
    )


def test_an_upload_adds_a_file_and_returns_to_the_card(client):
    # given
    document = DocumentFactory()
    client.force_login(document.created_by)
    upload = SimpleUploadedFile("lyst.pdf", pdf_with_text(), "application/pdf")

    # when
    response = client.post(
        reverse("documents:file_add", args=[document.public_id]),
        {"file": upload, "title": "Лист", "role": FileRole.MAIN},
    )

    # then
    assert (response.status_code, response["Location"]) == (
        302,
        reverse("documents:document_detail", args=[document.public_id]),
    )
    assert list(DocumentFile.objects.values_list("title", "role")) == [
        ("Лист", FileRole.MAIN)
    ]


def test_a_refused_upload_shows_the_reason_in_ukrainian(client):
    # given
    document = DocumentFactory()
    client.force_login(document.created_by)
    upload = SimpleUploadedFile("virus.exe", b"MZ\x90\x00", "application/octet-stream")

    # when
    response = client.post(
        reverse("documents:file_add", args=[document.public_id]),
        {"file": upload, "role": FileRole.MAIN},
        HTTP_ACCEPT_LANGUAGE="uk",
    )

    # then
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["file"]
    assert DocumentFile.objects.exists() is False


def test_a_hidden_card_answers_404_to_upload_and_a_visible_one_403(client):
    # given
    stranger = UserFactory(roles=[Role.EXECUTOR])
    hidden = DocumentFactory(access_level=AccessLevel.DSK)
    client.force_login(stranger)

    # when
    response = client.get(reverse("documents:file_add", args=[hidden.public_id]))

    # then
    assert response.status_code == 404


def test_a_new_version_is_uploaded(client):
    # given
    document = DocumentFactory()
    document_file = file_with_version(document=document)
    client.force_login(document.created_by)

    # when
    response = client.post(
        reverse("documents:file_version_add", args=[document_file.public_id]),
        {"file": SimpleUploadedFile("v2.pdf", pdf_with_text("v2"))},
    )

    # then
    assert response.status_code == 302
    assert list(
        document_file.versions.order_by("number").values_list("number", flat=True)
    ) == [1, 2]


def test_a_download_streams_the_exact_bytes_as_an_attachment(client):
    # given
    document = DocumentFactory()
    content = pdf_with_text("Exact")
    version = _latest(file_with_version(document=document, content=content))
    client.force_login(document.created_by)

    # when
    response = client.get(reverse("documents:file_download", args=[version.public_id]))

    # then
    assert (response.status_code, b"".join(response.streaming_content)) == (
        200,
        content,
    )
    assert response["Content-Disposition"] == 'attachment; filename="letter.pdf"'
    assert (response["Content-Type"], response["X-Content-Type-Options"]) == (
        "application/pdf",
        "nosniff",
    )


def test_a_download_of_a_hidden_card_answers_404_and_records_nothing(client):
    # given
    document = DocumentFactory(access_level=AccessLevel.DSK)
    version = _latest(file_with_version(document=document))
    client.force_login(UserFactory(roles=[Role.MAYOR]))
    before = AuditEvent.objects.count()

    # when
    response = client.get(reverse("documents:file_download", args=[version.public_id]))

    # then
    assert (response.status_code, AuditEvent.objects.count()) == (404, before)


def test_a_download_of_a_restricted_card_is_audited(client):
    # given
    document = DocumentFactory(access_level=AccessLevel.DSK)
    version = _latest(file_with_version(document=document))
    client.force_login(document.created_by)

    # when
    response = client.get(reverse("documents:file_download", args=[version.public_id]))

    # then
    event = AuditEvent.objects.get(action="documents.file_download")
    assert (response.status_code, event.actor_id, event.target_id) == (
        200,
        document.created_by.pk,
        str(version.pk),
    )


def test_a_pdf_preview_shows_each_page_with_its_alt_text(client):
    # given
    document = DocumentFactory()
    version = _latest(
        file_with_version(document=document, content=pdf_with_text("P", pages=2))
    )
    client.force_login(document.created_by)

    # when
    response = client.get(
        reverse("documents:file_preview", args=[version.public_id]),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert ('alt="Page 1 of 2"' in html, 'alt="Page 2 of 2"' in html) == (True, True)
    assert reverse("documents:file_download", args=[version.public_id]) in html


def test_a_page_png_is_rendered_and_cached(client):
    # given
    document = DocumentFactory()
    version = _latest(file_with_version(document=document))
    client.force_login(document.created_by)

    # when
    response = client.get(
        reverse("documents:file_page_png", args=[version.public_id, 1])
    )
    missing = client.get(
        reverse("documents:file_page_png", args=[version.public_id, 2])
    )

    # then
    assert (response.status_code, response["Content-Type"]) == (200, "image/png")
    assert response.content.startswith(b"\x89PNG")
    assert missing.status_code == 404
    assert selectors.file_version_page_png(version=version, page=1) == response.content


def test_a_tiff_scan_is_previewed_as_png():
    # given
    document = DocumentFactory()
    version = _latest(
        file_with_version(
            document=document, content=image_bytes("TIFF"), name="scan.tif"
        )
    )

    # when
    png = selectors.file_version_page_png(version=version, page=1)

    # then
    assert png.startswith(b"\x89PNG")


def test_a_docx_preview_shows_its_text(client):
    # given
    document = DocumentFactory()
    version = _latest(
        file_with_version(
            document=document, content=docx_bytes("Про ремонт"), name="l.docx"
        )
    )
    client.force_login(document.created_by)

    # when
    response = client.get(reverse("documents:file_preview", args=[version.public_id]))

    # then
    assert "<pre" in response.content.decode()
    assert "Про ремонт" in response.content.decode()


def test_the_diff_lists_removed_added_and_kept_lines(client):
    # given
    document = DocumentFactory()
    document_file = file_with_version(
        document=document, content="Перший\nДругий\nТретій".encode(), name="a.txt"
    )
    old = _latest(document_file)
    new = file_services.version_add(
        document_file=document_file,
        actor=document.created_by,
        content="Перший\nДругий змінено\nТретій".encode(),
        name="a.txt",
    )
    client.force_login(document.created_by)

    # when
    response = client.get(
        reverse("documents:file_version_diff", args=[old.public_id, new.public_id])
    )

    # then
    assert response.status_code == 200
    assert response.context["lines"] == [
        ("equal", "Перший"),
        ("delete", "Другий"),
        ("insert", "Другий змінено"),
        ("equal", "Третій"),
    ]


def test_the_signatory_signs_from_the_preview(client, settings):
    # given
    settings.HROMADA_DEMO_PKI = True
    mayor = UserFactory(roles=[Role.MAYOR])
    signature_services.certificate_issue_demo(user=mayor)
    document = DocumentFactory(signatory=mayor, created_by=mayor)
    version = _latest(file_with_version(document=document))
    client.force_login(mayor)

    # when
    response = client.post(
        reverse("documents:file_version_sign", args=[version.public_id]),
        {"reason": "Затверджую"},
    )

    # then
    signed = FileVersion.objects.get(document_file__role=FileRole.SIGNED)
    assert (response.status_code, response["Location"]) == (
        302,
        reverse("documents:file_preview", args=[signed.public_id]),
    )
    preview = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert preview.context["verification"].intact is True


def _panel(document, user):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "documents/_document_files.html",
        {"document": document, "user": user, "csrf_token": "t"},
        request=request,
    )


def test_the_files_panel_lists_files_and_offers_upload_to_those_who_may():
    # given
    document = DocumentFactory()
    for number in range(5):
        file_with_version(document=document, name=f"file{number}.pdf")
    stranger = UserFactory(roles=[Role.EXECUTOR])

    # when
    html = _panel(document, document.created_by)

    # then
    assert html.count('<tr class="govuk-table__row">') == 6
    assert ("file0.pdf" in html, "file4.pdf" in html) == (True, True)
    assert reverse("documents:file_add", args=[document.public_id]) in html
    assert reverse("documents:file_add", args=[document.public_id]) not in _panel(
        document, stranger
    )


def test_the_files_panel_query_count_does_not_grow_with_files(
    django_assert_num_queries,
):
    # given
    document = DocumentFactory()
    for number in range(5):
        file_with_version(document=document, name=f"file{number}.pdf")
    user = document.created_by

    # when / then: files, versions with bytes and authors; can_add_file asks
    # can_view (the unit tree, the card): the author's posts and
    # substitutions are kept on the instance since the files were added
    with django_assert_num_queries(4):
        _panel(document, user)
