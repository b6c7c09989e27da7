import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.models import AuditEvent
from hromada.documents.models import (
    AccessLevel,
    CaseFileStatus,
    DocumentAccessGrant,
    DocumentLink,
    LinkKind,
)
from hromada.documents.services import registration
from hromada.documents.tests.factories_archive import (
    CaseFileFactory,
    NomenclatureItemFactory,
)
from hromada.documents.tests.factories_cards import (
    DocumentAccessGrantFactory,
    DocumentFactory,
    DocumentLinkFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrar(client, settings):
    settings.HROMADA_DEMO = True
    user = UserFactory.create(roles=[Role.REGISTRAR])
    client.force_login(user)
    return user


@pytest.fixture
def executor(client, settings):
    settings.HROMADA_DEMO = True
    user = UserFactory.create(roles=[Role.EXECUTOR])
    client.force_login(user)
    return user


def url(name, document, *args):
    return reverse(f"documents:{name}", args=[document.public_id, *args])


def _registered(number, **fields):
    seq = int(number.split("/")[0])
    return DocumentFactory.create(
        registered=True,
        registration_seq=seq,
        registration_number=number,
        **fields,
    )


def _queries(client, address):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200
    return len(captured.captured_queries)


# Links


def test_link_by_index_links_the_cards(client, registrar):
    # given
    source = _registered("11/01-12")
    target = _registered("7/01-12")

    # when
    response = client.post(
        url("document_link_add", source),
        {"kind": "reply_to", "number": " 7/01-12 ", "year": "2026"},
    )

    # then
    assert (response.status_code, response.url) == (
        302,
        url("document_detail", source),
    )
    link = DocumentLink.objects.get()
    assert (link.source, link.target, link.kind) == (source, target, "reply_to")
    assert AuditEvent.objects.get().action == "documents.link"


def test_link_by_search_links_the_chosen_card(client, registrar):
    # given
    source = _registered("11/01-12")
    target = _registered("7/01-12", summary="Про ремонт мосту через Ірпінь")
    registration.document_index(document_id=target.pk)
    search = client.get(url("document_link_add", source), {"q": "7/01-12"})
    assert [d.pk for d in search.context["found"]] == [target.pk]

    # when
    response = client.post(
        url("document_link_add", source),
        {"kind": "related", "target": str(target.public_id), "searched": "7/01-12"},
    )

    # then
    assert response.status_code == 302
    assert DocumentLink.objects.get().target == target


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("", "Вкажіть реєстраційний індекс або знайдіть документ і оберіть його."),
        ("99/01-12", "Документ з індексом 99/01-12 за 2026 рік не знайдено."),
        # A card out of sight reads exactly like a missing one.
        ("8/01-12", "Документ з індексом 8/01-12 за 2026 рік не знайдено."),
    ],
)
def test_link_to_an_unknown_index_is_not_found(client, executor, number, message):
    # given
    source = _registered("11/01-12", created_by=executor)
    _registered("8/01-12")

    # when
    response = client.post(
        url("document_link_add", source),
        {"kind": "related", "number": number, "year": "2026"},
    )

    # then
    assert response.status_code == 400
    assert response.context["form"].errors == {"number": [message]}
    assert DocumentLink.objects.exists() is False


def test_link_to_itself_is_refused_on_the_form(client, registrar):
    source = _registered("11/01-12")

    response = client.post(
        url("document_link_add", source),
        {"kind": "related", "number": "11/01-12", "year": "2026"},
    )

    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Документ не можна пов’язати з ним самим."
    ]


def test_a_second_identical_link_is_refused_on_the_form(client, registrar):
    # given
    link = DocumentLinkFactory.create(
        source=_registered("11/01-12"), target=_registered("7/01-12")
    )

    # when
    response = client.post(
        url("document_link_add", link.source),
        {"kind": "related", "number": "7/01-12", "year": "2026"},
    )

    # then
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Цей документ уже пов’язано з 7/01-12 як «Пов’язаний з»."
    ]
    assert DocumentLink.objects.count() == 1


def test_an_index_repeated_in_two_journals_asks_for_a_search(client, registrar):
    source = _registered("11/01-12")
    _registered("7/01-12")
    _registered("7/01-12")

    response = client.post(
        url("document_link_add", source),
        {"kind": "related", "number": "7/01-12", "year": "2026"},
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["number"]


def test_link_page_of_a_hidden_card_is_404(client, executor):
    hidden = _registered("11/01-12")

    assert client.get(url("document_link_add", hidden)).status_code == 404


def test_card_shows_links_both_ways(client, registrar):
    # given
    card = _registered("11/01-12")
    DocumentLinkFactory.create(
        source=_registered("3/01-13"), target=card, kind=LinkKind.REPLY_TO
    )
    DocumentLinkFactory.create(
        source=card, target=_registered("2/01-12"), kind=LinkKind.REPEAT_OF
    )

    # when
    page = client.get(url("document_detail", card)).content.decode()

    # then
    assert "Відповідь на нього" in page
    assert "Повторний до" in page
    assert url("document_link_add", card) in page


def test_card_links_query_count_does_not_grow_with_links(client, registrar):
    # given
    card = _registered("11/01-12", created_by=registrar)
    DocumentLinkFactory.create_batch(2, source=card)
    client.get(url("document_detail", card))
    two = _queries(client, url("document_detail", card))

    # when
    DocumentLinkFactory.create_batch(4, source=card)
    DocumentLinkFactory.create_batch(2, target=card)
    eight = _queries(client, url("document_detail", card))

    # then
    assert eight == two


def test_remove_link_from_the_card(client, registrar):
    # given
    link = DocumentLinkFactory.create()

    # when
    response = client.post(url("document_link_remove", link.target, link.public_id))

    # then
    assert response.url == url("document_detail", link.target)
    assert DocumentLink.objects.exists() is False
    assert AuditEvent.objects.get().action == "documents.unlink"


def test_remove_a_link_whose_other_card_is_hidden_is_404(client, executor):
    # given
    link = DocumentLinkFactory.create(source__created_by=executor)

    # when
    response = client.post(url("document_link_remove", link.source, link.public_id))

    # then
    assert response.status_code == 404
    assert DocumentLink.objects.exists() is True


# Access grants


def _dsk_card(manager):
    return DocumentFactory.create(access_level=AccessLevel.DSK, created_by=manager)


def test_grant_access_from_the_access_page(client, registrar):
    # given
    document = _dsk_card(registrar)
    reader = UserFactory.create(roles=[Role.EXECUTOR], last_name="Коваль")

    # when
    response = client.post(
        url("document_access", document), {"user": str(reader.public_id)}
    )

    # then
    assert response.url == url("document_access", document)
    assert DocumentAccessGrant.objects.get().user == reader
    page = client.get(url("document_access", document)).content.decode()
    assert "Коваль" in page


def test_grant_access_to_a_citizen_is_not_offered(client, registrar):
    document = _dsk_card(registrar)
    citizen = UserFactory.create(roles=[Role.CITIZEN])

    response = client.post(
        url("document_access", document), {"user": str(citizen.public_id)}
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["user"]
    assert DocumentAccessGrant.objects.exists() is False


def test_access_page_of_an_open_card_is_404(client, registrar):
    document = DocumentFactory.create(created_by=registrar)

    assert client.get(url("document_access", document)).status_code == 404


def test_access_page_for_a_grantee_who_is_no_manager_is_404(client, executor):
    grant = DocumentAccessGrantFactory.create(user=executor)

    assert client.get(url("document_access", grant.document)).status_code == 404
    response = client.post(
        url("document_access_revoke", grant.document, grant.public_id)
    )
    assert response.status_code == 404
    assert DocumentAccessGrant.objects.exists() is True


def test_revoke_from_the_access_page(client, registrar):
    # given
    grant = DocumentAccessGrantFactory.create(document=_dsk_card(registrar))

    # when
    response = client.post(
        url("document_access_revoke", grant.document, grant.public_id)
    )

    # then
    assert response.url == url("document_access", grant.document)
    assert DocumentAccessGrant.objects.exists() is False
    assert AuditEvent.objects.get().action == "documents.revoke_access"


def test_card_lists_grants_to_managers_only(client, registrar):
    # given
    document = _dsk_card(registrar)
    grant = DocumentAccessGrantFactory.create(
        document=document, user__last_name="Онищенко"
    )

    # when
    manager_page = client.get(url("document_detail", document)).content.decode()
    client.force_login(grant.user)
    grantee_page = client.get(url("document_detail", document)).content.decode()

    # then
    assert ("Онищенко" in manager_page, 'id="document-access"' in grantee_page) == (
        True,
        False,
    )
    assert url("document_access", document) not in grantee_page


def test_access_page_query_count_does_not_grow_with_grants(client, registrar):
    # given
    document = _dsk_card(registrar)
    DocumentAccessGrantFactory.create_batch(2, document=document)
    client.get(url("document_access", document))
    two = _queries(client, url("document_access", document))

    # when
    DocumentAccessGrantFactory.create_batch(4, document=document)
    six = _queries(client, url("document_access", document))

    # then
    assert six == two


# Filing


def _case(document, **fields):
    item = NomenclatureItemFactory.create(
        nomenclature__org_unit=document.org_unit,
        nomenclature__year=document.registration_year,
    )
    return CaseFileFactory.create(item=item, **fields)


def test_file_a_registered_card_into_an_open_case(client, registrar):
    # given
    document = _registered("11/01-12")
    case_file = _case(document)

    # when
    response = client.post(
        url("document_file", document), {"case_file": str(case_file.public_id)}
    )

    # then
    assert response.url == url("document_detail", document)
    document.refresh_from_db()
    assert document.case_file == case_file
    event = AuditEvent.objects.get()
    assert (event.action, event.data) == (
        "documents.document_file",
        {"case_file": case_file.pk, "from": None},
    )


def test_move_a_filed_card_to_another_case(client, registrar):
    # given
    document = _registered("11/01-12")
    first, second = _case(document), _case(document)
    document.case_file = first
    document.save(update_fields=["case_file"])

    # when
    client.post(url("document_file", document), {"case_file": str(second.public_id)})

    # then
    document.refresh_from_db()
    assert document.case_file == second


@pytest.mark.parametrize(
    "case_of",
    ["other unit", "other year", "closed"],
)
def test_cases_outside_the_card_s_unit_year_or_open_ones_are_refused(
    client, registrar, case_of
):
    # given
    document = _registered("11/01-12")
    match case_of:
        case "other unit":
            case_file = CaseFileFactory.create(item__nomenclature__year=2026)
        case "other year":
            case_file = CaseFileFactory.create(
                item__nomenclature__org_unit=document.org_unit,
                item__nomenclature__year=2025,
            )
        case "closed":
            case_file = _case(document, status=CaseFileStatus.CLOSED)

    # when
    response = client.post(
        url("document_file", document), {"case_file": str(case_file.public_id)}
    )

    # then
    assert response.status_code == 400
    assert list(response.context["filing_form"].errors) == ["case_file"]
    document.refresh_from_db()
    assert document.case_file is None


def test_filing_into_the_same_case_again_is_refused(client, registrar):
    document = _registered("11/01-12")
    case_file = _case(document)
    document.case_file = case_file
    document.save(update_fields=["case_file"])

    response = client.post(
        url("document_file", document), {"case_file": str(case_file.public_id)}
    )

    assert response.status_code == 400
    assert response.context["filing_form"].errors == {
        "case_file": ["Документ уже в цій справі."]
    }


def test_filing_is_for_the_office_and_records_keepers(client, executor):
    # given
    document = _registered("11/01-12", created_by=executor)
    case_file = _case(document)

    # when
    response = client.post(
        url("document_file", document), {"case_file": str(case_file.public_id)}
    )

    # then
    assert response.status_code == 404
    page = client.get(url("document_detail", document)).content.decode()
    assert url("document_file", document) not in page


def test_card_offers_the_open_cases_of_its_unit(client, registrar):
    # given
    document = _registered("11/01-12")
    case_file = _case(document)
    CaseFileFactory.create(item__nomenclature__year=2026)

    # when
    response = client.get(url("document_detail", document))

    # then
    page = response.content.decode()
    assert url("document_file", document) in page
    assert f'value="{case_file.public_id}"' in page
