"""Closing a year of cases and disposing of cases whose term has expired.

EDMS-23, 24: closing a year dates each case's disposal (D27); cases past
that date are listed in a disposal act, whose approval destroys their file
bytes while the cards, versions and SHA-256 stay.
"""

import logging
from collections.abc import Iterable, Sequence
from datetime import date
from functools import partial
from typing import Final

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError
from hromada.core.sequences import registration_index_format, sequence_next
from hromada.core.transitions import Transitions, transition_apply
from hromada.documents.models import (
    CaseFile,
    CaseFileStatus,
    DisposalAct,
    DisposalActStatus,
    FileVersion,
)
from hromada.documents.selectors import archive as archive_selectors
from hromada.documents.services import archive

logger = logging.getLogger(__name__)

DISPOSAL_ACT_TRANSITIONS: Final[Transitions[DisposalActStatus]] = {
    DisposalActStatus.DRAFT: frozenset({DisposalActStatus.APPROVED}),
    DisposalActStatus.APPROVED: frozenset(),
}
DISPOSAL_ACT_SEQUENCE = "documents.disposal_act"
DISPOSAL_ACT_NUMBER = "{seq}"


def disposition_date(
    *, retention_kind: str, retention_years: int | None, closed_on: date
) -> date | None:
    """When a closed case may be disposed of; ``None`` if never by date.

    D27/EDMS-23: 1 January of the year after closing plus the term. For
    "N years after expiry" the true start is the end of the contract or
    term (⚠️ DOMAIN D27), which the EDMS does not know: the closing date
    stands in for it, so the date is the earliest possible, to be checked.
    """
    if retention_kind in archive.TERM_KINDS and retention_years:
        return date(closed_on.year + 1 + retention_years, 1, 1)
    return None


@transaction.atomic
def year_close(*, year: int, actor: User | None) -> list[CaseFile]:
    """Close every open case of ``year`` on 31 December and date its disposal.

    Permanent, "until liquidation", ЕПК and "until no longer needed" cases
    get no disposition date. One audit event per closed case.
    """
    archive.archive_manager_check(actor)
    if year > timezone.localdate().year:
        raise ApplicationError(
            _("The year %(year)s has not begun: it cannot be closed.") % {"year": year},
            code="year_in_future",
        )
    cases = list(
        CaseFile.objects.select_for_update(of=("self",))
        .select_related("item")
        .filter(status=CaseFileStatus.OPEN, item__nomenclature__year=year)
        .order_by("pk")
    )
    closed_on = date(year, 12, 31)
    for case_file in cases:
        transition_apply(
            case_file, to=CaseFileStatus.CLOSED, table=archive.CASE_FILE_TRANSITIONS
        )
        case_file.closed_on = closed_on
        case_file.disposition_on = disposition_date(
            retention_kind=case_file.item.retention_kind,
            retention_years=case_file.item.retention_years,
            closed_on=closed_on,
        )
        case_file.save(
            update_fields=["status", "closed_on", "disposition_on", "updated_at"]
        )
        audit_record(
            actor=actor,
            action="documents.case_file_close",
            target=case_file,
            data={"year": year, "disposition_on": case_file.disposition_on},
        )
    return cases


@transaction.atomic
def disposal_act_create(*, actor: User, today: date) -> DisposalAct:
    """Draft an act listing closed cases due for disposal on ``today``.

    Permanent cases never appear; a case already in a draft act is left to
    that act. The act gets its number only when approved (EDMS-24).
    """
    archive.archive_manager_check(actor)
    cases = list(
        archive_selectors.case_file_list_due(today=today)
        .select_for_update(of=("self",))
        .order_by("pk")
    )
    if not cases:
        raise ApplicationError(
            _("No closed case is due for disposal on %(date)s.")
            % {"date": today.isoformat()},
            code="nothing_due",
        )
    act = DisposalAct.objects.create(created_by=actor)
    act.case_files.set(cases)
    audit_record(
        actor=actor,
        action="documents.disposal_act_create",
        target=act,
        data={"case_files": [case.pk for case in cases], "today": today},
    )
    return act


def _purge_plan(
    case_files: Sequence[CaseFile],
) -> tuple[dict[int, list[FileVersion]], set[int]]:
    versions = list(
        FileVersion.objects.filter(document_file__document__case_file__in=case_files)
        .select_related("stored_file", "document_file__document")
        .order_by("pk")
    )
    by_case: dict[int, list[FileVersion]] = {case.pk: [] for case in case_files}
    for version in versions:
        case_id = version.document_file.document.case_file_id
        if case_id is not None:
            by_case[case_id].append(version)
    # A stored file also cited by a card outside these cases keeps its bytes.
    shared = set(
        FileVersion.objects.filter(
            stored_file_id__in={v.stored_file_id for v in versions}
        )
        .exclude(document_file__document__case_file__in=case_files)
        .values_list("stored_file_id", flat=True)
    )
    return by_case, shared


def _stored_bytes_delete(*, storage_names: Iterable[str]) -> None:
    for name in storage_names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.error("Could not delete stored file %s", name, exc_info=True)


def _case_dispose(
    *,
    case_file: CaseFile,
    act: DisposalAct,
    actor: User,
    versions: list[FileVersion],
    shared: set[int],
) -> list[str]:
    transition_apply(
        case_file, to=CaseFileStatus.DISPOSED, table=archive.CASE_FILE_TRANSITIONS
    )
    case_file.save(update_fields=["status", "updated_at"])
    purged = [v for v in versions if v.stored_file_id not in shared]
    audit_record(
        actor=actor,
        action="documents.case_file_dispose",
        target=case_file,
        data={
            "act": act.pk,
            "documents": len({v.document_file.document_id for v in versions}),
            # FileVersion has no purge mark: the audit trail keeps the record.
            "purged": [
                {"file_version": v.pk, "sha256": v.stored_file.sha256} for v in purged
            ],
            "kept_shared": sorted(v.pk for v in versions if v.stored_file_id in shared),
        },
    )
    return [v.stored_file.storage_name for v in purged]


@transaction.atomic
def disposal_act_approve(*, act: DisposalAct, actor: User) -> DisposalAct:
    """Approve a draft act: number it, destroy its cases' file bytes.

    EDMS-24: number and date come from the EDMS now. Cards, file versions
    and their SHA-256 stay; the bytes are deleted after commit, since a
    deleted file cannot be rolled back. Audited per case and for the act.
    """
    act = DisposalAct.objects.select_for_update().get(pk=act.pk)
    archive.archive_manager_check(actor)
    transition_apply(act, to=DisposalActStatus.APPROVED, table=DISPOSAL_ACT_TRANSITIONS)
    cases = list(act.case_files.select_for_update(of=("self",)).order_by("pk"))
    today = timezone.localdate()
    seq = sequence_next(journal=DISPOSAL_ACT_SEQUENCE, year=today.year)
    act.number = registration_index_format(DISPOSAL_ACT_NUMBER, seq=seq)
    act.act_date = today
    act.approved_by = actor
    act.save(
        update_fields=["status", "number", "act_date", "approved_by", "updated_at"]
    )
    by_case, shared = _purge_plan(cases)
    storage_names: list[str] = []
    for case_file in cases:
        storage_names += _case_dispose(
            case_file=case_file,
            act=act,
            actor=actor,
            versions=by_case[case_file.pk],
            shared=shared,
        )
    audit_record(
        actor=actor,
        action="documents.disposal_act_approve",
        target=act,
        data={
            "number": act.number,
            "case_files": [case.pk for case in cases],
            "file_versions": sum(len(v) for v in by_case.values()),
            "files_purged": len(storage_names),
        },
    )
    transaction.on_commit(
        partial(_stored_bytes_delete, storage_names=tuple(storage_names))
    )
    return act
