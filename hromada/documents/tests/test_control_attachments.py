"""Task reports with files and a reply document: the service and the pages."""

import hashlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core import storage
from hromada.core.errors import ApplicationError, ValidationError
from hromada.core.models import AuditEvent, StoredFile
from hromada.documents.models import (
    AccessLevel,
    DocumentLink,
    LinkKind,
    TaskReport,
    TaskReportStatus,
    TaskStatus,
)
from hromada.documents.services import control, relations
from hromada.documents.tests.factories_control import (
    RegisteredDocumentFactory,
    TaskFactory,
    TaskReportFactory,
)
from hromada.notifications.models import Notification

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%report\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture(autouse=True)
def demo(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def task():
    return TaskFactory.create()


@pytest.fixture
def reply(task):
    return relations.document_reply_create(incoming=task.document, actor=task.executor)


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def _media_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_report_keeps_its_files_and_reply(task, reply):
    # when
    report = control.task_report_submit(
        task=task,
        actor=task.executor,
        text="Відповідь підготовлено",
        reply_document=reply,
        files=[_upload("лист.pdf", PDF), _upload("фото.png", PNG)],
    )

    # then
    report.refresh_from_db()
    files = list(report.files.order_by("original_name"))
    assert [(f.original_name, f.content_type, f.sha256) for f in files] == [
        ("лист.pdf", storage.PDF, hashlib.sha256(PDF).hexdigest()),
        ("фото.png", storage.PNG, hashlib.sha256(PNG).hexdigest()),
    ]
    assert report.reply_document == reply
    event = AuditEvent.objects.get(action="documents.task_report_submit")
    assert (event.data["reply_document"], sorted(event.data["files"])) == (
        reply.pk,
        sorted(f.sha256 for f in files),
    )


def test_a_refused_kind_stores_nothing(settings, task):
    # when
    with pytest.raises(ValidationError) as raised:
        control.task_report_submit(
            task=task,
            actor=task.executor,
            text="Звіт",
            files=[_upload("лист.pdf", PDF), _upload("макрос.exe", b"MZ\x90\x00")],
        )

    # then
    assert raised.value.code == "file_type_not_allowed"
    assert list(raised.value.details) == ["files"]
    task.refresh_from_db()
    assert task.status == TaskStatus.ASSIGNED
    assert StoredFile.objects.exists() is False
    assert TaskReport.objects.exists() is False
    assert AuditEvent.objects.exists() is False
    assert Notification.objects.exists() is False
    assert _media_files(settings) == []


def test_contents_that_do_not_match_the_name_are_refused(task):
    with pytest.raises(ValidationError) as raised:
        control.task_report_submit(
            task=task,
            actor=task.executor,
            text="Звіт",
            files=[_upload("лист.pdf", b"not a pdf at all")],
        )

    assert (raised.value.code, list(raised.value.details)) == (
        "file_content_mismatch",
        ["files"],
    )
    assert StoredFile.objects.exists() is False
    assert TaskReport.objects.exists() is False


def test_a_reply_to_another_card_is_refused(task):
    # given
    other = TaskFactory.create(executor=task.executor)
    foreign = relations.document_reply_create(
        incoming=other.document, actor=task.executor
    )
    audited = AuditEvent.objects.count()

    # when
    with pytest.raises(ApplicationError) as raised:
        control.task_report_submit(
            task=task, actor=task.executor, text="Звіт", reply_document=foreign
        )

    # then
    assert (raised.value.code, list(raised.value.details)) == (
        "reply_document_invalid",
        ["reply_document"],
    )
    task.refresh_from_db()
    assert task.status == TaskStatus.ASSIGNED
    assert TaskReport.objects.exists() is False
    assert AuditEvent.objects.count() == audited


def test_a_reply_the_executor_cannot_see_is_refused(task):
    # given: a restricted reply drafted by someone else
    hidden = RegisteredDocumentFactory.create(access_level=AccessLevel.DSK)
    DocumentLink.objects.create(
        source=hidden, target=task.document, kind=LinkKind.REPLY_TO
    )

    # when
    with pytest.raises(ApplicationError) as raised:
        control.task_report_submit(
            task=task, actor=task.executor, text="Звіт", reply_document=hidden
        )

    # then
    assert raised.value.code == "reply_document_invalid"
    assert TaskReport.objects.exists() is False


def test_too_many_files_are_refused(task):
    files = [_upload(f"{n}.pdf", PDF) for n in range(11)]

    with pytest.raises(ValidationError) as raised:
        control.task_report_submit(
            task=task, actor=task.executor, text="Звіт", files=files
        )

    assert raised.value.code == "report_files_too_many"
    assert StoredFile.objects.exists() is False


# Pages ---------------------------------------------------------------------


def test_the_executor_uploads_files_through_the_form(client, task, reply):
    # given
    client.force_login(task.executor)
    page = client.get(reverse("documents:task_detail", args=[task.public_id]))

    # when
    response = client.post(
        reverse("documents:task_report", args=[task.public_id]),
        {
            "text": "Відповідь надіслано",
            "reply_document": str(reply.public_id),
            "attachments": [_upload("лист.pdf", PDF), _upload("фото.png", PNG)],
        },
    )

    # then
    assert 'enctype="multipart/form-data"' in page.content.decode()
    assert list(page.context["report_form"].fields["reply_document"].queryset) == [
        reply
    ]
    assert response.status_code == 302
    report = TaskReport.objects.get()
    assert (report.reply_document, report.files.count()) == (reply, 2)


def test_a_refused_upload_shows_at_the_field(client, task):
    # given
    client.force_login(task.executor)

    # when
    response = client.post(
        reverse("documents:task_report", args=[task.public_id]),
        {"text": "Звіт", "attachments": [_upload("script.js", b"alert(1)")]},
    )

    # then
    assert response.status_code == 200
    errors = response.context["report_form"].errors
    assert list(errors) == ["attachments"]
    assert "script.js" in errors["attachments"][0]
    assert TaskReport.objects.exists() is False
    assert StoredFile.objects.exists() is False


def test_the_form_refuses_a_foreign_reply(client, task):
    # given
    other = TaskFactory.create(executor=task.executor)
    foreign = relations.document_reply_create(
        incoming=other.document, actor=task.executor
    )
    client.force_login(task.executor)

    # when
    response = client.post(
        reverse("documents:task_report", args=[task.public_id]),
        {"text": "Звіт", "reply_document": str(foreign.public_id)},
    )

    # then
    assert response.status_code == 200
    assert list(response.context["report_form"].errors) == ["reply_document"]
    assert TaskReport.objects.exists() is False


def _report_with_file(task, reply=None, *, status=TaskReportStatus.SUBMITTED):
    report = TaskReportFactory.create(task=task, reply_document=reply, status=status)
    stored = storage.file_store(
        content=PDF,
        name="звіт.pdf",
        allowed_types=frozenset({storage.PDF}),
        folder="documents/reports",
    )
    report.files.add(stored)
    return report, stored


def test_the_reviewer_sees_and_downloads_the_files(client, task, reply):
    # given
    task.status = TaskStatus.REPORTED
    task.save(update_fields=["status"])
    report, stored = _report_with_file(task, reply)
    client.force_login(task.controller)

    # when
    page = client.get(reverse("documents:task_detail", args=[task.public_id]))
    url = reverse(
        "documents:task_report_file", args=[report.public_id, stored.public_id]
    )
    download = client.get(url)

    # then
    content = page.content.decode()
    assert page.context["can_review"] is True
    assert url in content
    assert "звіт.pdf" in content
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == storage.PDF
    assert download["Content-Disposition"].startswith("attachment;")


def test_a_visible_reply_links_to_its_card(client, task, reply):
    # given: the executor drafted the reply, so they see it
    _report_with_file(task, reply)
    client.force_login(task.executor)

    # when
    page = client.get(reverse("documents:task_detail", args=[task.public_id]))

    # then
    report = page.context["reports"][0]
    assert report.reply_visible is True
    assert reverse("documents:document_detail", args=[reply.public_id]) in (
        page.content.decode()
    )


def test_a_hidden_reply_is_named_but_not_linked(client, task):
    # given
    hidden = RegisteredDocumentFactory.create(access_level=AccessLevel.DSK)
    _report_with_file(task, hidden)
    client.force_login(task.controller)

    # when
    page = client.get(reverse("documents:task_detail", args=[task.public_id]))

    # then
    assert page.context["reports"][0].reply_visible is False
    content = page.content.decode()
    assert reverse("documents:document_detail", args=[hidden.public_id]) not in content
    assert hidden.summary not in content


def test_someone_else_cannot_download_a_report_file(client, task):
    # given
    report, stored = _report_with_file(task)
    client.force_login(UserFactory.create(roles=[Role.EXECUTOR]))
    url = reverse(
        "documents:task_report_file", args=[report.public_id, stored.public_id]
    )

    # when
    response = client.get(url)

    # then
    assert response.status_code == 404


def test_a_file_of_another_report_answers_404(client, task):
    # given
    report, _stored = _report_with_file(task)
    _other, foreign = _report_with_file(TaskFactory.create())
    client.force_login(task.controller)
    url = reverse(
        "documents:task_report_file", args=[report.public_id, foreign.public_id]
    )

    # when
    response = client.get(url)

    # then
    assert response.status_code == 404


def test_a_restricted_card_audits_the_download(client):
    # given
    task = TaskFactory.create(resolution__document__access_level=AccessLevel.DSK)
    report, stored = _report_with_file(task)
    client.force_login(task.executor)
    url = reverse(
        "documents:task_report_file", args=[report.public_id, stored.public_id]
    )

    # when
    response = client.get(url)

    # then
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="documents.report_file_download")
    assert (event.actor_id, event.data["sha256"]) == (task.executor.pk, stored.sha256)


def _queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_task_page_queries_do_not_grow_with_reports(client, task, reply):
    # given: one returned report with a file and a reply
    client.force_login(task.controller)
    url = reverse("documents:task_detail", args=[task.public_id])
    _report_with_file(task, reply, status=TaskReportStatus.RETURNED)
    one = _queries(client, url)

    # when: four more
    for _n in range(4):
        _report_with_file(task, reply, status=TaskReportStatus.RETURNED)
    five = _queries(client, url)

    # then
    assert one == five
