import uuid

import pytest
from django.contrib.contenttypes.models import ContentType

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.models import AuditEvent
from hromada.documents.models import (
    AccessLevel,
    Document,
    DocumentKind,
    DocumentStatus,
)
from hromada.documents.tests.factories_cards import (
    CorrespondentFactory,
    DocumentFactory,
    JournalFactory,
)
from hromada.documents.tests.factories_routes import FileVersionFactory
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db

DOCUMENTS = "/api/v1/documents/"


@pytest.fixture
def registrar():
    return UserFactory.create(roles=[Role.REGISTRAR])


def bearer(client, user):
    client.force_authenticate(user=user)
    return client


def test_list_shows_the_callers_cards_in_the_output_shape(client_en, registrar):
    # given
    document = DocumentFactory.create(created_by=registrar, registered=True)
    client_en.force_login(registrar)

    # when
    response = client_en.get(DOCUMENTS)

    # then
    assert response.status_code == 200
    assert response.json() == {
        "count": 1,
        "next": None,
        "previous": None,
        "results": [
            {
                "id": str(document.public_id),
                "registration_number": document.registration_number,
                "registered_on": document.registered_on.isoformat(),
                "kind": "incoming",
                "status": "registered",
                "closed_as": "",
                "summary": document.summary,
                "access_level": "internal",
                "correspondent": {
                    "id": str(document.correspondent.public_id),
                    "name": document.correspondent.name,
                },
                "holder": {
                    "id": str(registrar.public_id),
                    "name": registrar.get_full_name(),
                },
                "held_since": response.json()["results"][0]["held_since"],
                "due_on": None,
            }
        ],
    }
    assert response.json()["results"][0]["held_since"].endswith(("+02:00", "+03:00"))


def test_list_filters_by_kind_and_status(client_en, registrar):
    # given
    DocumentFactory.create(created_by=registrar)
    registered = DocumentFactory.create(created_by=registrar, registered=True)
    DocumentFactory.create(
        created_by=registrar, kind=DocumentKind.APPEAL, registered=True
    )
    client_en.force_login(registrar)

    # when
    response = client_en.get(DOCUMENTS, {"kind": "incoming", "status": "registered"})

    # then
    assert [row["id"] for row in response.json()["results"]] == [
        str(registered.public_id)
    ]


def test_list_rejects_a_bad_filter_with_the_error_shape(client_en, registrar):
    client_en.force_login(registrar)

    response = client_en.get(DOCUMENTS, {"kind": "spaceship", "date_from": "yesterday"})

    assert response.status_code == 400
    assert response.json() == {
        "code": "invalid",
        "message": "The request contains invalid data.",
        "details": {
            "kind": ['"spaceship" is not a valid choice.'],
            "date_from": [
                "Date has wrong format. Use one of these formats instead: YYYY-MM-DD."
            ],
        },
    }


def test_list_pages_with_limit_and_offset_capped_at_100(client_en, registrar):
    # given
    for _ in range(3):
        DocumentFactory.create(created_by=registrar)
    client_en.force_login(registrar)

    # when
    response = client_en.get(DOCUMENTS, {"limit": 2, "offset": 1})
    capped = client_en.get(DOCUMENTS, {"limit": 1000})

    # then
    body = response.json()
    assert (body["count"], len(body["results"]), body["previous"] is not None) == (
        3,
        2,
        True,
    )
    assert len(capped.json()["results"]) == 3


@pytest.mark.parametrize("rows", [1, 5])
def test_list_query_count_does_not_grow_with_rows(
    client_en, registrar, rows, django_assert_num_queries
):
    # given
    for _ in range(rows):
        DocumentFactory.create(created_by=registrar, registered=True)
    client_en.force_login(registrar)

    # when: session, user, roles, the documents' visibility scope
    # (substitutions 3, posts, unit tree), count, one page with its joins:
    # the cabinet's list less its menu counters' query
    with django_assert_num_queries(8):
        response = client_en.get(DOCUMENTS)

    # then
    assert response.json()["count"] == rows


def test_a_hidden_document_answers_404_exactly_like_a_missing_one(client_en, staff):
    # given: a DSK card of another unit, not addressed to the caller
    hidden = DocumentFactory.create(access_level=AccessLevel.DSK, registered=True)
    client_en.force_login(staff)

    # when
    hidden_response = client_en.get(f"{DOCUMENTS}{hidden.public_id}/")
    missing_response = client_en.get(f"{DOCUMENTS}{uuid.uuid4()}/")
    hidden_files = client_en.get(f"{DOCUMENTS}{hidden.public_id}/files/")

    # then
    expected = {"code": "not_found", "message": "Not found.", "details": {}}
    assert (hidden_response.status_code, hidden_response.json()) == (404, expected)
    assert (missing_response.status_code, missing_response.json()) == (404, expected)
    assert (hidden_files.status_code, hidden_files.json()) == (404, expected)


def test_detail_returns_one_card(client_en, registrar):
    # given
    document = DocumentFactory.create(created_by=registrar)
    client_en.force_login(registrar)

    # when
    response = client_en.get(f"{DOCUMENTS}{document.public_id}/")

    # then
    assert response.status_code == 200
    assert (response.json()["id"], response.json()["status"]) == (
        str(document.public_id),
        "draft",
    )


def test_create_and_register_write_the_same_audit_events_as_the_cabinet(
    client_en, registrar, django_capture_on_commit_callbacks
):
    # given
    unit = OrgUnitFactory.create()
    correspondent = CorrespondentFactory.create()
    journal = JournalFactory.create(kind=DocumentKind.INCOMING, org_unit=unit)
    client_en.force_login(registrar)

    # when
    with django_capture_on_commit_callbacks(execute=True):
        created = client_en.post(
            DOCUMENTS,
            {
                "kind": "incoming",
                "org_unit": str(unit.public_id),
                "summary": "Про ремонт даху школи №3",
                "channel": "email",
                "correspondent": str(correspondent.public_id),
            },
            format="json",
        )
        public_id = created.json()["id"]
        registered = client_en.post(
            f"{DOCUMENTS}{public_id}/register/",
            {"journal": str(journal.public_id)},
            format="json",
        )

    # then
    assert (created.status_code, registered.status_code) == (201, 200)
    document = Document.objects.get(public_id=public_id)
    assert (document.status, document.registration_number) == (
        DocumentStatus.REGISTERED,
        registered.json()["registration_number"],
    )
    events = AuditEvent.objects.filter(
        target_type=ContentType.objects.get_for_model(Document),
        target_id=str(document.pk),
    ).order_by("pk")
    assert [(e.action, e.actor) for e in events] == [
        ("documents.draft_create", registrar),
        ("documents.register", registrar),
    ]


def test_create_rejects_missing_fields(client_en, registrar):
    client_en.force_login(registrar)

    response = client_en.post(DOCUMENTS, {"kind": "incoming"}, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "code": "invalid",
        "message": "The request contains invalid data.",
        "details": {
            "org_unit": ["This field is required."],
            "summary": ["This field is required."],
        },
    }
    assert Document.objects.exists() is False


def test_register_by_a_non_registrar_is_403_and_changes_nothing(client_en, staff):
    # given
    document = DocumentFactory.create(created_by=staff)
    journal = JournalFactory.create(
        kind=DocumentKind.INCOMING, org_unit=document.org_unit
    )
    client_en.force_login(staff)

    # when
    response = client_en.post(
        f"{DOCUMENTS}{document.public_id}/register/",
        {"journal": str(journal.public_id)},
        format="json",
    )

    # then
    assert response.status_code == 403
    assert response.json() == {
        "code": "permission_denied",
        "message": "Documents are registered by the office.",
        "details": {},
    }
    document.refresh_from_db()
    assert (document.status, document.registration_number) == (DocumentStatus.DRAFT, "")
    assert AuditEvent.objects.exists() is False


def test_registering_twice_is_409(client_en, registrar):
    # given
    document = DocumentFactory.create(created_by=registrar, registered=True)
    number = document.registration_number
    journal = JournalFactory.create(
        kind=DocumentKind.INCOMING, org_unit=document.org_unit
    )
    client_en.force_login(registrar)

    # when
    response = client_en.post(
        f"{DOCUMENTS}{document.public_id}/register/",
        {"journal": str(journal.public_id)},
        format="json",
    )

    # then
    assert response.status_code == 409
    assert response.json() == {
        "code": "invalid_transition",
        "message": f"The document is already registered under number {number}.",
        "details": {},
    }
    assert AuditEvent.objects.exists() is False


def test_files_list_versions_with_hashes_and_download_urls(client_en):
    # given
    version = FileVersionFactory.create()
    document = version.document_file.document
    client_en.force_login(document.created_by)

    # when
    response = client_en.get(f"{DOCUMENTS}{document.public_id}/files/")

    # then
    stored = version.stored_file
    assert response.status_code == 200
    assert response.json() == [
        {
            "id": str(version.document_file.public_id),
            "title": "Лист",
            "role": "main",
            "versions": [
                {
                    "id": str(version.public_id),
                    "number": 1,
                    "sha256": stored.sha256,
                    "size": stored.size,
                    "content_type": "application/pdf",
                    "file_name": "lyst.pdf",
                    "created_at": response.json()[0]["versions"][0]["created_at"],
                    "download_url": "http://testserver/cabinet/documents/files/versions/"
                    f"{version.public_id}/download/",
                }
            ],
        }
    ]
