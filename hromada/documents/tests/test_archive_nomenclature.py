from datetime import UTC, datetime

import pytest
from django.utils import translation

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.models import AuditEvent
from hromada.documents import permissions
from hromada.documents.models import Nomenclature, NomenclatureItem, RetentionKind
from hromada.documents.selectors import archive as selectors
from hromada.documents.services import archive as services
from hromada.documents.tests.factories_archive import (
    NomenclatureFactory,
    NomenclatureItemFactory,
    archivist,
    general_department_head,
    registrar,
    unit,
)
from hromada.org.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def nomenclature():
    return NomenclatureFactory.create(year=2026, org_unit=unit("13"))


def test_archivist_creates_a_nomenclature_audited():
    # given
    actor = archivist()
    housing = unit("13")

    # when
    nomenclature = services.nomenclature_create(
        actor=actor, year=2026, org_unit=housing
    )

    # then
    assert (nomenclature.year, nomenclature.org_unit, nomenclature.approved_at) == (
        2026,
        housing,
        None,
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.data) == (
        "documents.nomenclature_create",
        actor,
        {"year": 2026, "org_unit": housing.pk},
    )


def test_second_nomenclature_of_a_unit_and_year_is_refused(nomenclature):
    with pytest.raises(ApplicationError) as caught:
        services.nomenclature_create(
            actor=archivist(), year=2026, org_unit=nomenclature.org_unit
        )

    assert caught.value.code == "nomenclature_exists"
    assert Nomenclature.objects.count() == 1
    assert AuditEvent.objects.exists() is False


def test_item_is_added_with_its_retention(nomenclature):
    # when
    item = services.nomenclature_item_add(
        nomenclature=nomenclature,
        actor=general_department_head(),
        case_index="13-01",
        title="Листування з питань ЖКГ",
        retention_kind=RetentionKind.YEARS,
        retention_years=5,
        retention_article="22",
    )

    # then
    item.refresh_from_db()
    assert (
        item.case_index,
        item.retention_kind,
        item.retention_years,
        item.retention_article,
        item.volumes,
    ) == ("13-01", RetentionKind.YEARS, 5, "22", 1)
    event = AuditEvent.objects.get()
    assert (event.action, event.data) == (
        "documents.nomenclature_item_add",
        {"item": item.pk, "case_index": "13-01", "retention": "years"},
    )


@pytest.mark.parametrize(
    "case_index", ["01-01", "13", "13-", "1301", "13- 1", "x13-01"]
)
def test_case_index_must_start_with_the_unit_index(nomenclature, case_index):
    with pytest.raises(ApplicationError) as caught:
        services.nomenclature_item_add(
            nomenclature=nomenclature,
            actor=archivist(),
            case_index=case_index,
            title="Листування",
            retention_kind=RetentionKind.PERMANENT,
        )

    assert caught.value.code == "case_index_prefix"
    assert NomenclatureItem.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_term_in_years_is_required_for_years_kinds(nomenclature):
    with pytest.raises(ApplicationError) as caught:
        services.nomenclature_item_add(
            nomenclature=nomenclature,
            actor=archivist(),
            case_index="13-01",
            title="Листування",
            retention_kind=RetentionKind.YEARS,
        )

    assert caught.value.code == "retention_years_required"
    assert NomenclatureItem.objects.exists() is False


def test_permanent_item_drops_a_term_in_years(nomenclature):
    item = services.nomenclature_item_add(
        nomenclature=nomenclature,
        actor=archivist(),
        case_index="13-02",
        title="Рішення",
        retention_kind=RetentionKind.PERMANENT,
        retention_years=5,
    )

    assert item.retention_years is None


def test_duplicate_case_index_is_refused(nomenclature):
    NomenclatureItemFactory.create(nomenclature=nomenclature, case_index="13-01")

    with pytest.raises(ApplicationError) as caught:
        services.nomenclature_item_add(
            nomenclature=nomenclature,
            actor=archivist(),
            case_index="13-01",
            title="Інше",
            retention_kind=RetentionKind.EPK,
        )

    assert caught.value.code == "case_index_taken"
    assert NomenclatureItem.objects.count() == 1


def test_approval_freezes_the_items(nomenclature):
    # given
    NomenclatureItemFactory.create(nomenclature=nomenclature, case_index="13-01")
    actor = archivist()
    services.nomenclature_approve(nomenclature=nomenclature, actor=actor)
    events_before = AuditEvent.objects.count()

    # when
    with pytest.raises(ApplicationError) as caught:
        services.nomenclature_item_add(
            nomenclature=nomenclature,
            actor=actor,
            case_index="13-05",
            title="Звернення",
            retention_kind=RetentionKind.YEARS,
            retention_years=5,
        )

    # then
    nomenclature.refresh_from_db()
    assert nomenclature.approved_at is not None
    assert caught.value.code == "nomenclature_approved"
    assert list(NomenclatureItem.objects.values_list("case_index", flat=True)) == [
        "13-01"
    ]
    assert AuditEvent.objects.count() == events_before == 1


def test_empty_nomenclature_is_not_approved(nomenclature):
    with pytest.raises(ApplicationError) as caught:
        services.nomenclature_approve(nomenclature=nomenclature, actor=archivist())

    nomenclature.refresh_from_db()
    assert (caught.value.code, nomenclature.approved_at) == ("nomenclature_empty", None)


def test_second_approval_is_refused(nomenclature):
    approved_at = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    Nomenclature.objects.filter(pk=nomenclature.pk).update(approved_at=approved_at)

    with pytest.raises(ApplicationError) as caught:
        services.nomenclature_approve(nomenclature=nomenclature, actor=archivist())

    nomenclature.refresh_from_db()
    assert (caught.value.code, nomenclature.approved_at) == (
        "nomenclature_approved",
        approved_at,
    )


@pytest.mark.parametrize(
    "who",
    ["registrar", "executor in 01", "executor elsewhere", "inactive archivist"],
)
def test_others_are_refused_and_nothing_changes(nomenclature, who):
    # given
    match who:
        case "registrar":
            actor = registrar()
        case "executor in 01":
            actor = EmployeeFactory.create(position__org_unit=unit("01")).user
        case "executor elsewhere":
            actor = EmployeeFactory.create(position__org_unit=unit("13")).user
        case _:
            actor = archivist()
            actor.is_active = False
            actor.save()

    # when / then
    with pytest.raises(PermissionDeniedError):
        services.nomenclature_item_add(
            nomenclature=nomenclature,
            actor=actor,
            case_index="13-01",
            title="Листування",
            retention_kind=RetentionKind.PERMANENT,
        )
    with pytest.raises(PermissionDeniedError):
        services.nomenclature_create(actor=actor, year=2027, org_unit=unit("13"))
    with pytest.raises(PermissionDeniedError):
        services.nomenclature_approve(nomenclature=nomenclature, actor=actor)

    nomenclature.refresh_from_db()
    assert nomenclature.approved_at is None
    assert Nomenclature.objects.count() == 1
    assert NomenclatureItem.objects.exists() is False
    assert AuditEvent.objects.exists() is False


@pytest.mark.parametrize(
    ("who", "manages", "files", "sees_archive"),
    [
        ("system administrator", True, True, True),
        ("general department head", True, True, True),
        ("archivist", True, True, True),
        ("registrar", False, True, True),
        ("general department clerk", False, False, False),
        ("executor", False, False, False),
    ],
)
def test_archive_permission_matrix(who, manages, files, sees_archive):
    # given
    match who:
        case "system administrator":
            user = UserFactory.create(roles=[Role.SYSTEM_ADMINISTRATOR])
        case "general department head":
            user = general_department_head()
        case "archivist":
            user = archivist()
        case "registrar":
            user = registrar()
        case "general department clerk":
            user = EmployeeFactory.create(position__org_unit=unit("01")).user
        case _:
            user = EmployeeFactory.create(position__org_unit=unit("13")).user

    # when
    outcome = (
        permissions.can_manage_nomenclature(user),
        permissions.can_file_into_case(user),
        permissions.can_view_archive(user),
    )

    # then
    assert outcome == (manages, files, sees_archive)


def test_retention_labels():
    cases = [
        (RetentionKind.PERMANENT, None),
        (RetentionKind.YEARS, 5),
        (RetentionKind.AFTER_EXPIRY, 3),
        (RetentionKind.UNTIL_LIQUIDATION, None),
        (RetentionKind.EPK, None),
        (RetentionKind.UNTIL_NEED, None),
    ]

    with translation.override("en"):
        labels = [
            selectors.retention_label(kind=kind, years=years) for kind, years in cases
        ]

    assert labels == [
        "Perm.",
        "5 yrs",
        "3 yrs after expiry",
        "Until liquidation",
        "EPK",
        "Until no longer needed",
    ]


def test_consolidated_nomenclature_orders_every_unit_by_index():
    # given
    general = NomenclatureFactory.create(year=2026, org_unit=unit("01"))
    housing = NomenclatureFactory.create(year=2026, org_unit=unit("13"))
    NomenclatureItemFactory.create(nomenclature=housing, case_index="13-05")
    NomenclatureItemFactory.create(nomenclature=general, case_index="01-12")
    NomenclatureItemFactory.create(nomenclature=housing, case_index="13-01")
    NomenclatureItemFactory.create(nomenclature=general, case_index="01-01")
    other_year = NomenclatureFactory.create(year=2025, org_unit=unit("01"))
    NomenclatureItemFactory.create(nomenclature=other_year, case_index="01-02")

    # when
    items = selectors.consolidated_nomenclature(year=2026)

    # then
    assert [i.case_index for i in items] == ["01-01", "01-12", "13-01", "13-05"]
