"""Files and versions: kinds, limits, immutability, text, search, events."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks import default_task_backend

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core import storage
from hromada.core.errors import PermissionDeniedError, ValidationError
from hromada.core.models import AuditEvent, StoredFile
from hromada.documents import events
from hromada.documents.models import (
    AccessLevel,
    DocumentFile,
    DocumentStatus,
    FileRole,
    FileVersion,
)
from hromada.documents.services import files as file_services
from hromada.documents.tests.factories_cards import DocumentFactory
from hromada.documents.tests.factories_files import (
    docx_bytes,
    file_with_version,
    image_bytes,
    odt_bytes,
    pdf_with_text,
)
from hromada.org.tests.factories import EmployeeFactory
from hromada.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def _media_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.mark.parametrize(
    ("content", "name", "content_type"),
    [
        (pdf_with_text(), "letter.pdf", storage.PDF),
        (docx_bytes("Текст"), "letter.docx", storage.DOCX),
        (odt_bytes("Текст"), "letter.odt", storage.ODT),
        (image_bytes("JPEG"), "scan.jpg", storage.JPEG),
        (image_bytes("PNG"), "scan.png", storage.PNG),
        (image_bytes("TIFF"), "scan.tiff", storage.TIFF),
        ("Тіло листа".encode(), "body.txt", storage.TEXT),
    ],
)
def test_each_allowed_kind_is_added_as_version_one(content, name, content_type):
    # given
    document = DocumentFactory()

    # when
    document_file = file_services.file_add(
        document=document, actor=document.created_by, content=content, name=name
    )

    # then
    version = FileVersion.objects.get(document_file=document_file)
    assert (version.number, version.stored_file.content_type, version.created_by) == (
        1,
        content_type,
        document.created_by,
    )
    assert (document_file.title, document_file.role) == (Path(name).stem, FileRole.MAIN)
    event = AuditEvent.objects.get(action="documents.file_add")
    assert (event.target_id, event.data["sha256"]) == (
        str(document_file.pk),
        version.stored_file.sha256,
    )


def test_an_uploaded_file_is_stored_with_the_given_title_and_role():
    # given
    document = DocumentFactory()
    upload = SimpleUploadedFile("dodatok.pdf", pdf_with_text(), "application/pdf")

    # when
    document_file = file_services.file_add(
        document=document,
        actor=document.created_by,
        content=upload,
        name=upload.name,
        title="  Додаток 1 ",
        role=FileRole.ATTACHMENT,
    )

    # then
    assert (document_file.title, document_file.role, document_file.order) == (
        "Додаток 1",
        FileRole.ATTACHMENT,
        0,
    )


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (b"MZ\x90\x00 executable", "virus.exe", "file_type_not_allowed"),
        (b"GIF89a\x01\x00\x01\x00" + b"\x00" * 10, "icon.gif", "file_type_not_allowed"),
        (image_bytes("PNG"), "letter.pdf", "file_content_mismatch"),
    ],
)
def test_a_forbidden_kind_is_refused_and_nothing_is_written(
    settings, content, name, code
):
    # given
    document = DocumentFactory()

    # when
    with pytest.raises(ValidationError) as refused:
        file_services.file_add(
            document=document, actor=document.created_by, content=content, name=name
        )

    # then
    assert refused.value.code == code
    assert (DocumentFile.objects.count(), StoredFile.objects.count()) == (0, 0)
    assert (AuditEvent.objects.count(), _media_files(settings)) == (0, [])


def test_an_oversize_file_is_refused_and_nothing_is_written(settings):
    # given
    settings.HROMADA_UPLOAD_MAX_BYTES = 100
    document = DocumentFactory()

    # when
    with pytest.raises(ValidationError) as refused:
        file_services.file_add(
            document=document,
            actor=document.created_by,
            content=pdf_with_text(),
            name="big.pdf",
        )

    # then
    assert refused.value.code == "file_too_large"
    assert (DocumentFile.objects.count(), StoredFile.objects.count()) == (0, 0)
    assert (AuditEvent.objects.count(), _media_files(settings)) == (0, [])


def test_versions_are_numbered_and_earlier_ones_stay_unchanged(
    django_capture_on_commit_callbacks,
):
    # given
    document = DocumentFactory()
    document_file = file_with_version(document=document, content=pdf_with_text("One"))
    first = FileVersion.objects.get(document_file=document_file)
    received = []
    events.file_version_added.connect(received.append)

    # when
    with django_capture_on_commit_callbacks(execute=True):
        second = file_services.version_add(
            document_file=document_file,
            actor=document.created_by,
            content=pdf_with_text("Two"),
            name="letter-v2.pdf",
        )
        third = file_services.version_add(
            document_file=document_file,
            actor=document.created_by,
            content=pdf_with_text("Three"),
            name="letter-v3.pdf",
        )
    events.file_version_added.disconnect(received.append)

    # then
    assert list(
        document_file.versions.order_by("number").values_list("number", "text")
    ) == [(1, "One"), (2, "Two"), (3, "Three")]
    first_again = FileVersion.objects.get(pk=first.pk)
    assert (first_again.stored_file_id, first_again.text) == (
        first.stored_file_id,
        "One",
    )
    assert received == [
        events.FileVersionAdded(
            document_id=document.pk,
            document_file_id=document_file.pk,
            version_id=second.pk,
        ),
        events.FileVersionAdded(
            document_id=document.pk,
            document_file_id=document_file.pk,
            version_id=third.pk,
        ),
    ]
    assert list(
        AuditEvent.objects.filter(action="documents.version_add")
        .order_by("pk")
        .values_list("data__number", flat=True)
    ) == [2, 3]


def test_text_and_page_count_of_a_pdf_are_extracted_at_once():
    # given
    document = DocumentFactory()

    # when
    document_file = file_with_version(
        document=document, content=pdf_with_text("Budget 2027", pages=2)
    )

    # then
    version = FileVersion.objects.get(document_file=document_file)
    assert (version.text, version.page_count) == ("Budget 2027\nBudget 2027", 2)
    assert default_task_backend.results == []


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (docx_bytes("Про ремонт доріг", "Друга частина"), "letter.docx"),
        (odt_bytes("Про ремонт доріг", "Друга частина"), "letter.odt"),
        ("Про ремонт доріг\nДруга частина".encode(), "letter.txt"),
    ],
)
def test_text_of_office_and_plain_files_is_extracted(content, name):
    # when
    document_file = file_with_version(
        document=DocumentFactory(), content=content, name=name
    )

    # then
    version = FileVersion.objects.get(document_file=document_file)
    assert (version.text, version.page_count) == (
        "Про ремонт доріг\nДруга частина",
        None,
    )


def test_a_big_file_is_read_by_a_task_after_commit(
    monkeypatch, django_capture_on_commit_callbacks
):
    # given
    monkeypatch.setattr(file_services, "SYNC_EXTRACT_MAX_BYTES", 10)
    document = DocumentFactory()

    # when
    with django_capture_on_commit_callbacks(execute=True):
        document_file = file_with_version(
            document=document, content=pdf_with_text("Late text")
        )
    version = FileVersion.objects.get(document_file=document_file)
    text_before = version.text
    [result] = default_task_backend.results
    file_services.file_version_text_extract(**result.kwargs)

    # then
    version.refresh_from_db()
    assert (text_before, version.text, result.kwargs) == (
        "",
        "Late text",
        {"version_id": version.pk},
    )


def test_the_card_is_reindexed_with_the_latest_text_of_each_file():
    # given
    document = DocumentFactory(registered=True, summary="Про освітлення")
    main = file_with_version(document=document, content=pdf_with_text("Old text"))
    file_services.version_add(
        document_file=main,
        actor=document.created_by,
        content=pdf_with_text("New text"),
        name="v2.pdf",
    )

    # when
    file_with_version(
        document=document,
        content="Додаток".encode(),
        name="extra.txt",
        actor=document.registered_by,
    )

    # then
    entry = SearchDocument.objects.get(
        kind="documents.document", object_id=str(document.public_id)
    )
    assert (entry.title, entry.is_public) == (
        f"{document.registration_number} Про освітлення",
        False,
    )
    assert entry.body == "Про освітлення\nNew text\nДодаток"


@pytest.mark.parametrize(
    "who",
    ["unrelated", "creator_of_registered", "viewer_of_cancelled"],
)
def test_people_without_the_right_cannot_add_and_nothing_is_written(settings, who):
    # given
    document = DocumentFactory(access_level=AccessLevel.INTERNAL)
    actor = UserFactory(roles=[Role.EXECUTOR])
    if who == "creator_of_registered":
        document = DocumentFactory(registered=True, created_by=actor)
    if who == "viewer_of_cancelled":
        document = DocumentFactory(status=DocumentStatus.CANCELLED)
        actor = document.created_by

    # when
    with pytest.raises(PermissionDeniedError) as refused:
        file_services.file_add(
            document=document, actor=actor, content=pdf_with_text(), name="x.pdf"
        )

    # then
    assert refused.value.code == "file_add_denied"
    assert (DocumentFile.objects.count(), StoredFile.objects.count()) == (0, 0)
    assert (AuditEvent.objects.count(), _media_files(settings)) == (0, [])


def test_the_registrar_an_executor_and_the_route_author_may_add_to_a_registered_card():
    # given
    from hromada.documents.models import ApprovalRoute
    from hromada.documents.permissions import can_add_file
    from hromada.documents.tests.factories_control import TaskFactory

    task = TaskFactory()
    document = task.document
    # The route author sees the card as a member of its unit.
    route_author = EmployeeFactory(position__org_unit=document.org_unit).user
    colleague = EmployeeFactory(position__org_unit=document.org_unit).user
    ApprovalRoute.objects.create(
        document=document,
        file_version=FileVersion.objects.get(
            document_file=file_with_version(
                document=document, actor=document.created_by
            )
        ),
        started_by=route_author,
    )
    people = {
        "registrar": UserFactory(roles=[Role.REGISTRAR]),
        "executor": task.executor,
        "route author": route_author,
        "colleague": colleague,
        "stranger": UserFactory(roles=[Role.EXECUTOR]),
    }

    # when
    allowed = {name: can_add_file(user, document) for name, user in people.items()}

    # then
    assert allowed == {
        "registrar": True,
        "executor": True,
        "route author": True,
        "colleague": False,
        "stranger": False,
    }


def test_a_download_of_a_restricted_card_is_audited_and_of_an_open_one_is_not():
    # given
    restricted = DocumentFactory(access_level=AccessLevel.DSK)
    open_card = DocumentFactory()
    hidden_version = FileVersion.objects.get(
        document_file=file_with_version(document=restricted)
    )
    open_version = FileVersion.objects.get(
        document_file=file_with_version(document=open_card)
    )
    before = AuditEvent.objects.count()

    # when
    file_services.file_version_download_record(
        version=hidden_version, actor=restricted.created_by
    )
    file_services.file_version_download_record(
        version=open_version, actor=open_card.created_by
    )

    # then
    event = AuditEvent.objects.get(action="documents.file_download")
    assert (
        AuditEvent.objects.count() - before,
        event.target_id,
        event.data["access_level"],
    ) == (
        1,
        str(hidden_version.pk),
        "dsk",
    )
