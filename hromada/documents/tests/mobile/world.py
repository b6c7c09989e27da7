"""Helpers of the mobile cabinet tests."""

import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hromada.documents.models import (
    ApprovalKind,
    ApprovalTask,
    RouteTemplateStep,
)
from hromada.documents.services import routes as route_services
from hromada.documents.tests.factories_files import file_with_version, pdf_with_text
from hromada.documents.tests.factories_routes import (
    RouteDocumentFactory,
    RouteTemplateFactory,
)

INBOX = "/cabinet/documents/m/"


def awaiting(participant, kind=ApprovalKind.VISA, content=None):
    """A card with a PDF and a running route whose one step waits for them."""
    document = RouteDocumentFactory.create()
    document_file = file_with_version(
        document=document, content=content or pdf_with_text("Draft letter")
    )
    template = RouteTemplateFactory.create(kind=document.kind)
    step = RouteTemplateStep.objects.create(template=template, order=1, kind=kind)
    step.participants.set([participant])
    route_services.route_start(
        document=document,
        version=document_file.versions.get(),
        actor=document.created_by,
        template=template,
    )
    return ApprovalTask.objects.get(step__route__document=document)


def query_count(client, url: str) -> int:
    # A first request warms per-process caches (calendar, content types).
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def resolve_url(document):
    return reverse("documents:mobile_resolve", args=[document.public_id])


def resolution_post(**fields):
    return {"once": str(uuid.uuid4()), **fields}
