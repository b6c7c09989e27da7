from datetime import date

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from hromada.core.models import AuditEvent, StoredFile
from hromada.documents.models import (
    CaseFile,
    CaseFileStatus,
    DisposalAct,
    DisposalActStatus,
    Document,
    FileVersion,
    RetentionKind,
)
from hromada.documents.services import disposal as services
from hromada.documents.tests.factories_archive import (
    CaseFileFactory,
    RegisteredDocumentFactory,
    archivist,
    file_version_add,
    registrar,
    unit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def today_2026_03_02(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2026, 3, 2))


def _case(year, kind, years=None, index="01-12", **fields):
    return CaseFileFactory.create(
        item__nomenclature__org_unit=unit("01"),
        item__nomenclature__year=year,
        item__case_index=index,
        item__retention_kind=kind,
        item__retention_years=years,
        **fields,
    )


@pytest.mark.parametrize(
    ("kind", "years", "disposition_on"),
    [
        (RetentionKind.YEARS, 5, date(2027, 1, 1)),
        (RetentionKind.YEARS, 1, date(2023, 1, 1)),
        (RetentionKind.AFTER_EXPIRY, 3, date(2025, 1, 1)),
        (RetentionKind.PERMANENT, None, None),
        (RetentionKind.UNTIL_LIQUIDATION, None, None),
        (RetentionKind.EPK, None, None),
        (RetentionKind.UNTIL_NEED, None, None),
    ],
)
def test_year_close_dates_the_disposition(kind, years, disposition_on):
    # given
    case_file = _case(2021, kind, years)
    actor = archivist()

    # when
    closed = services.year_close(year=2021, actor=actor)

    # then
    case_file.refresh_from_db()
    assert closed == [case_file]
    assert (case_file.status, case_file.closed_on, case_file.disposition_on) == (
        CaseFileStatus.CLOSED,
        date(2021, 12, 31),
        disposition_on,
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.target_id, event.data) == (
        "documents.case_file_close",
        actor,
        str(case_file.pk),
        {
            "year": 2021,
            "disposition_on": disposition_on.isoformat() if disposition_on else None,
        },
    )


def test_year_close_leaves_other_years_and_closed_cases_alone():
    # given
    other_year = _case(2022, RetentionKind.YEARS, 5)
    already = _case(
        2021, RetentionKind.YEARS, 5, index="01-20", status=CaseFileStatus.CLOSED
    )

    # when
    closed = services.year_close(year=2021, actor=archivist())

    # then
    other_year.refresh_from_db()
    already.refresh_from_db()
    assert closed == []
    assert (other_year.status, already.closed_on) == (CaseFileStatus.OPEN, None)
    assert AuditEvent.objects.exists() is False


def test_year_close_by_a_registrar_is_refused_and_nothing_changes():
    case_file = _case(2021, RetentionKind.YEARS, 5)

    with pytest.raises(PermissionDeniedError):
        services.year_close(year=2021, actor=registrar())

    case_file.refresh_from_db()
    assert (case_file.status, case_file.disposition_on) == (CaseFileStatus.OPEN, None)
    assert AuditEvent.objects.exists() is False


def test_future_year_is_not_closed(today_2026_03_02):
    with pytest.raises(ApplicationError) as caught:
        services.year_close(year=2027, actor=archivist())

    assert caught.value.code == "year_in_future"


@pytest.fixture
def cases():
    due = _case(
        2020,
        RetentionKind.YEARS,
        5,
        index="01-12",
        status=CaseFileStatus.CLOSED,
        closed_on=date(2020, 12, 31),
        disposition_on=date(2026, 1, 1),
    )
    not_yet = _case(
        2021,
        RetentionKind.YEARS,
        5,
        index="01-20",
        status=CaseFileStatus.CLOSED,
        closed_on=date(2021, 12, 31),
        disposition_on=date(2027, 1, 1),
    )
    permanent = _case(
        2020,
        RetentionKind.PERMANENT,
        index="01-01",
        status=CaseFileStatus.CLOSED,
        closed_on=date(2020, 12, 31),
    )
    still_open = _case(2026, RetentionKind.YEARS, 5, index="01-12")
    return {"due": due, "not_yet": not_yet, "permanent": permanent, "open": still_open}


def test_disposal_act_lists_only_due_non_permanent_cases(cases):
    # given
    actor = archivist()

    # when
    act = services.disposal_act_create(actor=actor, today=date(2026, 3, 1))

    # then: a draft without a number yet
    assert list(act.case_files.all()) == [cases["due"]]
    assert (act.status, act.number, act.act_date, act.created_by) == (
        DisposalActStatus.DRAFT,
        "",
        None,
        actor,
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.data) == (
        "documents.disposal_act_create",
        {"case_files": [cases["due"].pk], "today": "2026-03-01"},
    )


def test_case_in_a_draft_act_is_not_listed_again(cases):
    services.disposal_act_create(actor=archivist(), today=date(2026, 3, 1))

    with pytest.raises(ApplicationError) as caught:
        services.disposal_act_create(actor=archivist(), today=date(2026, 3, 1))

    assert caught.value.code == "nothing_due"
    assert DisposalAct.objects.count() == 1


def test_disposal_act_approval_numbers_it_and_destroys_the_bytes(
    cases, django_capture_on_commit_callbacks, today_2026_03_02
):
    # given: two cards in the due case, one of them with two versions
    due = cases["due"]
    first = RegisteredDocumentFactory.create(
        journal__org_unit=unit("01"), case_file=due
    )
    second = RegisteredDocumentFactory.create(
        journal__org_unit=unit("01"), case_file=due
    )
    v1 = file_version_add(first, content=b"%PDF-1.4 one")
    v2 = file_version_add(second, content=b"%PDF-1.4 two")
    kept_elsewhere = RegisteredDocumentFactory.create(journal__org_unit=unit("01"))
    v3 = file_version_add(kept_elsewhere, content=b"%PDF-1.4 three")
    names = [v.stored_file.storage_name for v in (v1, v2, v3)]
    actor = archivist()
    act = services.disposal_act_create(actor=actor, today=date(2026, 3, 1))

    # when
    with django_capture_on_commit_callbacks(execute=True):
        services.disposal_act_approve(act=act, actor=actor)

    # then: the act is numbered now; the case is disposed
    act.refresh_from_db()
    due.refresh_from_db()
    assert (act.status, act.number, act.act_date, act.approved_by) == (
        DisposalActStatus.APPROVED,
        "1",
        date(2026, 3, 2),
        actor,
    )
    assert due.status == CaseFileStatus.DISPOSED
    # the bytes are gone, the cards, versions and hashes stay
    assert [default_storage.exists(name) for name in names] == [False, False, True]
    assert Document.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
    assert FileVersion.objects.count() == 3
    assert StoredFile.objects.get(pk=v1.stored_file_id).sha256 == v1.stored_file.sha256
    # audited per case and for the act
    case_event = AuditEvent.objects.get(action="documents.case_file_dispose")
    assert case_event.data == {
        "act": act.pk,
        "documents": 2,
        "purged": [
            {"file_version": v1.pk, "sha256": v1.stored_file.sha256},
            {"file_version": v2.pk, "sha256": v2.stored_file.sha256},
        ],
        "kept_shared": [],
    }
    act_event = AuditEvent.objects.get(action="documents.disposal_act_approve")
    assert act_event.data == {
        "number": "1",
        "case_files": [due.pk],
        "file_versions": 2,
        "files_purged": 2,
    }


def test_stored_file_shared_with_a_kept_card_keeps_its_bytes(
    cases, django_capture_on_commit_callbacks
):
    # given: one stored file cited by a disposed card and by a kept one
    due = cases["due"]
    disposed = RegisteredDocumentFactory.create(
        journal__org_unit=unit("01"), case_file=due
    )
    version = file_version_add(disposed)
    kept = RegisteredDocumentFactory.create(journal__org_unit=unit("01"))
    other = file_version_add(kept)
    FileVersion.objects.filter(pk=other.pk).update(stored_file=version.stored_file)
    actor = archivist()
    act = services.disposal_act_create(actor=actor, today=date(2026, 3, 1))

    # when
    with django_capture_on_commit_callbacks(execute=True):
        services.disposal_act_approve(act=act, actor=actor)

    # then
    assert default_storage.exists(version.stored_file.storage_name) is True
    event = AuditEvent.objects.get(action="documents.case_file_dispose")
    assert (event.data["purged"], event.data["kept_shared"]) == ([], [version.pk])


def test_disposal_act_approval_by_a_registrar_is_refused_and_nothing_changes(
    cases, django_capture_on_commit_callbacks
):
    # given
    document = RegisteredDocumentFactory.create(
        journal__org_unit=unit("01"), case_file=cases["due"]
    )
    version = file_version_add(document)
    act = services.disposal_act_create(actor=archivist(), today=date(2026, 3, 1))
    events = AuditEvent.objects.count()

    # when
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(PermissionDeniedError),
    ):
        services.disposal_act_approve(act=act, actor=registrar())

    # then
    act.refresh_from_db()
    cases["due"].refresh_from_db()
    assert (act.status, act.number, act.act_date) == (DisposalActStatus.DRAFT, "", None)
    assert cases["due"].status == CaseFileStatus.CLOSED
    assert default_storage.exists(version.stored_file.storage_name) is True
    assert AuditEvent.objects.count() == events
    assert callbacks == []


def test_disposal_act_create_by_a_registrar_is_refused(cases):
    with pytest.raises(PermissionDeniedError):
        services.disposal_act_create(actor=registrar(), today=date(2026, 3, 1))

    assert DisposalAct.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_approved_act_is_not_approved_again(cases, django_capture_on_commit_callbacks):
    actor = archivist()
    act = services.disposal_act_create(actor=actor, today=date(2026, 3, 1))
    with django_capture_on_commit_callbacks(execute=True):
        services.disposal_act_approve(act=act, actor=actor)

    with pytest.raises(InvalidTransitionError):
        services.disposal_act_approve(act=act, actor=actor)

    act.refresh_from_db()
    assert act.number == "1"
    assert CaseFile.objects.filter(status=CaseFileStatus.DISPOSED).count() == 1
