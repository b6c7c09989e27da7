import io
import zipfile
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hromada.core.models import AuditEvent
from hromada.documents.menus_archive import register_archive_menu
from hromada.documents.models import (
    CaseFileStatus,
    DisposalAct,
    DisposalActStatus,
    NomenclatureItem,
    RetentionKind,
)
from hromada.documents.tests.factories_archive import (
    CaseFileFactory,
    NomenclatureFactory,
    NomenclatureItemFactory,
    RegisteredDocumentFactory,
    archivist,
    file_version_add,
    registrar,
    unit,
)
from hromada.org.tests.factories import EmployeeFactory, OrgUnitFactory
from hromada.ui import navigation

pytestmark = pytest.mark.django_db
LIST_URL = reverse("documents:nomenclature_list")


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.HROMADA_DEMO = True  # no MFA step in the cabinet gate


@pytest.fixture
def keeper(client):
    user = archivist()
    client.force_login(user)
    return user


@pytest.fixture
def nomenclature():
    return NomenclatureFactory.create(year=2026, org_unit=unit("01"))


def test_list_shows_the_years_nomenclatures(client, keeper, nomenclature):
    NomenclatureItemFactory.create(nomenclature=nomenclature, case_index="01-01")

    response = client.get(LIST_URL, {"year": 2026})

    assert response.status_code == 200
    assert list(response.context["nomenclatures"]) == [nomenclature]
    assert response.context["nomenclatures"][0].item_count == 1


def test_executor_gets_404_on_archive_pages(client, nomenclature):
    client.force_login(EmployeeFactory.create(position__org_unit=unit("13")).user)

    responses = [
        client.get(LIST_URL),
        client.get(
            reverse("documents:nomenclature_detail", args=[nomenclature.public_id])
        ),
        client.get(reverse("documents:disposal_act_list")),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404]


def test_detail_shows_retention_notation_and_the_add_form(client, keeper, nomenclature):
    # given
    NomenclatureItemFactory.create(
        nomenclature=nomenclature,
        case_index="01-01",
        retention_kind=RetentionKind.PERMANENT,
        retention_years=None,
    )
    NomenclatureItemFactory.create(nomenclature=nomenclature, case_index="01-12")

    # when
    response = client.get(
        reverse("documents:nomenclature_detail", args=[nomenclature.public_id]),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    # then
    assert [(item.case_index, label) for item, label in response.context["rows"]] == [
        ("01-01", "Perm."),
        ("01-12", "5 yrs"),
    ]
    assert response.context["can_change"] is True


def test_registrar_sees_the_detail_without_the_form(client, nomenclature):
    client.force_login(registrar())

    response = client.get(
        reverse("documents:nomenclature_detail", args=[nomenclature.public_id])
    )

    assert (response.status_code, response.context["can_change"]) == (200, False)


def test_item_is_added_through_the_form(client, keeper, nomenclature):
    url = reverse("documents:nomenclature_item_add", args=[nomenclature.public_id])

    response = client.post(
        url,
        {
            "case_index": "01-20",
            "title": "Звернення громадян",
            "retention_kind": "years",
            "retention_years": "5",
            "retention_article": "",
            "volumes": "1",
            "note": "",
        },
    )

    assert response.status_code == 302
    item = NomenclatureItem.objects.get()
    assert (item.case_index, item.retention_years) == ("01-20", 5)


def test_bad_case_index_shows_the_error(client, keeper, nomenclature):
    url = reverse("documents:nomenclature_item_add", args=[nomenclature.public_id])

    response = client.post(
        url,
        {
            "case_index": "13-01",
            "title": "Інше",
            "retention_kind": "epk",
            "volumes": "1",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert list(response.context["form"].non_field_errors()) == [
        "A case index of this unit starts with “01-”, e.g. “01-01”."
    ]
    assert NomenclatureItem.objects.exists() is False


def test_registrar_post_is_refused_and_nothing_changes(client, nomenclature):
    client.force_login(registrar())
    url = reverse("documents:nomenclature_item_add", args=[nomenclature.public_id])

    response = client.post(
        url,
        {
            "case_index": "01-20",
            "title": "Інше",
            "retention_kind": "epk",
            "volumes": "1",
        },
    )

    assert response.status_code == 400
    assert NomenclatureItem.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_approve_and_consolidated_pages(client, keeper, nomenclature):
    NomenclatureItemFactory.create(nomenclature=nomenclature, case_index="01-12")

    approve = client.post(
        reverse("documents:nomenclature_approve", args=[nomenclature.public_id])
    )
    consolidated = client.get(
        reverse("documents:nomenclature_consolidated", args=[2026])
    )

    nomenclature.refresh_from_db()
    assert approve.status_code == 302
    assert nomenclature.approved_at is not None
    assert [item.case_index for item, _label in consolidated.context["rows"]] == [
        "01-12"
    ]


def test_year_close_through_the_form(client, keeper):
    case_file = CaseFileFactory.create(
        item__nomenclature__org_unit=unit("01"), item__nomenclature__year=2021
    )

    response = client.post(reverse("documents:year_close"), {"year": "2021"})

    case_file.refresh_from_db()
    assert response.status_code == 302
    assert (case_file.status, case_file.disposition_on) == (
        CaseFileStatus.CLOSED,
        date(2027, 1, 1),
    )


def test_case_detail_hides_cards_the_user_may_not_see(client, keeper):
    # given: the archivist's own card and one of another unit
    case_file = CaseFileFactory.create(item__nomenclature__org_unit=unit("01"))
    own = RegisteredDocumentFactory.create(
        journal__org_unit=unit("22"), case_file=case_file, created_by=keeper
    )
    RegisteredDocumentFactory.create(
        journal__org_unit=OrgUnitFactory.create(unit_index="95"), case_file=case_file
    )

    # when
    response = client.get(
        reverse("documents:case_file_detail", args=[case_file.public_id])
    )

    # then
    assert (response.context["documents"], response.context["hidden_count"]) == (
        [own],
        1,
    )


def test_archive_download_marks_the_case(client, keeper):
    # given
    case_file = CaseFileFactory.create(
        item__nomenclature__org_unit=unit("01"),
        item__retention_kind=RetentionKind.PERMANENT,
        item__retention_years=None,
        status=CaseFileStatus.CLOSED,
        closed_on=date(2025, 12, 31),
    )
    document = RegisteredDocumentFactory.create(
        journal__org_unit=unit("01"), case_file=case_file
    )
    file_version_add(document)

    # when
    response = client.post(
        reverse("documents:case_file_archive", args=[case_file.public_id])
    )

    # then
    case_file.refresh_from_db()
    assert (response.status_code, response["Content-Type"]) == (200, "application/zip")
    assert "metadata.xml" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert case_file.status == CaseFileStatus.ARCHIVED


def test_disposal_act_is_created_and_approved_through_the_pages(
    client, keeper, django_capture_on_commit_callbacks
):
    CaseFileFactory.create(
        item__nomenclature__org_unit=unit("01"),
        status=CaseFileStatus.CLOSED,
        closed_on=date(2019, 12, 31),
        disposition_on=date(2025, 1, 1),
    )

    created = client.post(reverse("documents:disposal_act_create"))
    act = DisposalAct.objects.get()
    detail = client.get(reverse("documents:disposal_act_detail", args=[act.public_id]))
    with django_capture_on_commit_callbacks(execute=True):
        approved = client.post(
            reverse("documents:disposal_act_approve", args=[act.public_id])
        )

    act.refresh_from_db()
    assert (created.status_code, detail.status_code, approved.status_code) == (
        302,
        200,
        302,
    )
    assert detail.context["can_approve"] is True
    assert (act.status, act.number) == (DisposalActStatus.APPROVED, "1")


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_list_query_count_does_not_grow_with_rows(client, keeper):
    # given
    NomenclatureFactory.create(
        year=2026, org_unit=OrgUnitFactory.create(unit_index="91")
    )
    client.get(LIST_URL)
    one = _queries(client, f"{LIST_URL}?year=2026")
    for index in ("92", "93", "94", "95"):
        NomenclatureFactory.create(
            year=2026, org_unit=OrgUnitFactory.create(unit_index=index)
        )

    # when
    five = _queries(client, f"{LIST_URL}?year=2026")

    # then: session, user, roles, substitutions, posts; years, the page of
    # nomenclatures with units and counts, the unit choices
    assert (one, five) == (9, 9)  # +1: the cabinet menu's counters


def test_detail_query_count_does_not_grow_with_rows(client, keeper, nomenclature):
    # given
    url = reverse("documents:nomenclature_detail", args=[nomenclature.public_id])
    CaseFileFactory.create(item__nomenclature=nomenclature, item__case_index="01-01")
    client.get(url)
    one = _queries(client, url)
    for n in range(2, 6):
        CaseFileFactory.create(
            item__nomenclature=nomenclature, item__case_index=f"01-0{n}"
        )

    # when
    five = _queries(client, url)

    # then: session, user, roles, substitutions, posts (once for both the
    # archive and the general department's head); nomenclature, items with
    # counts, cases with counts
    assert (one, five) == (9, 9)  # +1: the cabinet menu's counters


def test_disposal_act_list_query_count_does_not_grow_with_rows(client, keeper):
    url = reverse("documents:disposal_act_list")
    DisposalAct.objects.create(created_by=keeper)
    client.get(url)
    one = _queries(client, url)
    for _n in range(4):
        DisposalAct.objects.create(created_by=keeper)

    # session, user, roles, substitutions, posts; the acts
    assert (one, _queries(client, url)) == (7, 7)  # +1: the menu's counters


def test_menu_entry_is_shown_to_records_keepers_and_registrars(monkeypatch):
    # given: a copy of the registry, so the test leaves the menu as it was
    monkeypatch.setattr(navigation, "_cabinet_menu", dict(navigation._cabinet_menu))
    register_archive_menu()
    keeper = archivist()
    office = registrar()
    executor = EmployeeFactory.create(position__org_unit=unit("13")).user

    # when
    keys = [
        [item.key for item in navigation.cabinet_menu_for_user(user)]
        for user in (keeper, office, executor)
    ]

    # then
    assert ["documents_archive" in k for k in keys] == [True, True, False]
