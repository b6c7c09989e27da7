"""Nomenclature of cases, filing, closing a year, disposal and export.

EDMS-18..26 (the package itself is built in ``archive_package``, re-exported
here): every registered document lands in one case file of its year's
nomenclature; a closed case waits for its disposition date (D27); cases
past it are listed in a disposal act, and permanent ones go to the archive
as an АЕД package.
"""

import hashlib
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
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.sequences import registration_index_format, sequence_next
from hromada.core.transitions import Transitions, transition_apply
from hromada.documents import permissions
from hromada.documents.models import (
    CaseFile,
    CaseFileStatus,
    DisposalAct,
    DisposalActStatus,
    Document,
    DocumentStatus,
    FileVersion,
    Nomenclature,
    NomenclatureItem,
    RetentionKind,
)
from hromada.documents.selectors import archive as archive_selectors
from hromada.documents.services.archive_package import archive_package_build
from hromada.org.models import OrgUnit

logger = logging.getLogger(__name__)

# A case is filled in its year, closed on 31 December, then either disposed
# of (bytes destroyed, cards kept) or handed to the archive.
CASE_FILE_TRANSITIONS: Final[Transitions[CaseFileStatus]] = {
    CaseFileStatus.OPEN: frozenset({CaseFileStatus.CLOSED}),
    CaseFileStatus.CLOSED: frozenset(
        {CaseFileStatus.DISPOSED, CaseFileStatus.ARCHIVED}
    ),
    CaseFileStatus.DISPOSED: frozenset(),
    CaseFileStatus.ARCHIVED: frozenset(),
}
DISPOSAL_ACT_TRANSITIONS: Final[Transitions[DisposalActStatus]] = {
    DisposalActStatus.DRAFT: frozenset({DisposalActStatus.APPROVED}),
    DisposalActStatus.APPROVED: frozenset(),
}
TERM_KINDS = (RetentionKind.YEARS, RetentionKind.AFTER_EXPIRY)
DISPOSAL_ACT_SEQUENCE = "documents.disposal_act"
DISPOSAL_ACT_NUMBER = "{seq}"
FILED_STATUSES = (DocumentStatus.REGISTERED, DocumentStatus.DISPATCHED)


def _manager_check(actor: User | None) -> None:
    # actor=None: the demo loader or a management command acting as the
    # system, with the operator's shell access as its authority.
    if actor is not None and not permissions.can_manage_nomenclature(actor):
        raise PermissionDeniedError(
            _(
                "Only the archive department, the head of the general department "
                "or a system administrator keeps the nomenclature of cases."
            )
        )


@transaction.atomic
def nomenclature_create(
    *, actor: User | None, year: int, org_unit: OrgUnit
) -> Nomenclature:
    """Start a unit's nomenclature of cases for ``year`` (one per unit, year).

    ``actor=None`` is the system (demo loader); people need
    ``can_manage_nomenclature``.
    """
    _manager_check(actor)
    if not org_unit.unit_index:
        raise ApplicationError(
            _("The unit “%(unit)s” has no unit index for its case indexes.")
            % {"unit": org_unit},
            code="unit_without_index",
        )
    nomenclature, created = Nomenclature.objects.get_or_create(
        year=year, org_unit=org_unit
    )
    if not created:
        raise ApplicationError(
            _("The unit “%(unit)s” already has a nomenclature for %(year)s.")
            % {"unit": org_unit, "year": year},
            code="nomenclature_exists",
        )
    audit_record(
        actor=actor,
        action="documents.nomenclature_create",
        target=nomenclature,
        data={"year": year, "org_unit": org_unit.pk},
    )
    return nomenclature


def _case_index_check(case_index: str, unit_index: str) -> None:
    # EDMS-20: a case index is "{unit_index}-{nn}", e.g. "03-08".
    prefix = f"{unit_index}-"
    rest = case_index.removeprefix(prefix)
    if not case_index.startswith(prefix) or not rest or any(c.isspace() for c in rest):
        raise ApplicationError(
            _("A case index of this unit starts with “%(prefix)s”, e.g. “%(example)s”.")
            % {"prefix": prefix, "example": f"{prefix}01"},
            code="case_index_prefix",
        )


def _retention_years_check(kind: RetentionKind, years: int | None) -> int | None:
    if kind not in TERM_KINDS:
        return None
    if years is None or years < 1:
        raise ApplicationError(
            _("Give the retention term in years for “%(kind)s”.")
            % {"kind": kind.label},
            code="retention_years_required",
        )
    return years


def _not_approved_check(nomenclature: Nomenclature) -> None:
    if nomenclature.approved_at is not None:
        raise ApplicationError(
            _("The nomenclature is approved: its items can no longer change."),
            code="nomenclature_approved",
        )


@transaction.atomic
def nomenclature_item_add(
    *,
    nomenclature: Nomenclature,
    actor: User | None,
    case_index: str,
    title: str,
    retention_kind: RetentionKind,
    retention_years: int | None = None,
    retention_article: str = "",
    volumes: int = 1,
    note: str = "",
) -> NomenclatureItem:
    """Add a case to a nomenclature that is not approved yet.

    The index must start with the unit's index and a hyphen (EDMS-20).
    """
    nomenclature = (
        Nomenclature.objects.select_for_update()
        .select_related("org_unit")
        .get(pk=nomenclature.pk)
    )
    _manager_check(actor)
    _not_approved_check(nomenclature)
    case_index = case_index.strip()
    _case_index_check(case_index, nomenclature.org_unit.unit_index)
    kind = RetentionKind(retention_kind)
    item, created = NomenclatureItem.objects.get_or_create(
        nomenclature=nomenclature,
        case_index=case_index,
        defaults={
            "title": title.strip(),
            "retention_kind": kind,
            "retention_years": _retention_years_check(kind, retention_years),
            "retention_article": retention_article.strip(),
            "volumes": max(volumes, 1),
            "note": note.strip(),
        },
    )
    if not created:
        raise ApplicationError(
            _("The nomenclature already has a case “%(index)s”.")
            % {"index": case_index},
            code="case_index_taken",
        )
    audit_record(
        actor=actor,
        action="documents.nomenclature_item_add",
        target=nomenclature,
        data={"item": item.pk, "case_index": case_index, "retention": kind.value},
    )
    return item


@transaction.atomic
def nomenclature_approve(
    *, nomenclature: Nomenclature, actor: User | None
) -> Nomenclature:
    """Approve a nomenclature; from now on its items are frozen."""
    nomenclature = Nomenclature.objects.select_for_update().get(pk=nomenclature.pk)
    _manager_check(actor)
    _not_approved_check(nomenclature)
    if not nomenclature.items.exists():
        raise ApplicationError(
            _("Add at least one case before approving the nomenclature."),
            code="nomenclature_empty",
        )
    nomenclature.approved_at = timezone.now()
    nomenclature.save(update_fields=["approved_at", "updated_at"])
    audit_record(
        actor=actor,
        action="documents.nomenclature_approve",
        target=nomenclature,
        data={"items": nomenclature.items.count()},
    )
    return nomenclature


def _unit_and_parents(org_unit_id: int) -> list[int]:
    parents = dict(OrgUnit.objects.values_list("pk", "parent_id"))
    chain: list[int] = []
    current: int | None = org_unit_id
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return chain


def _item_for(
    *, case_index: str, year: int, unit_ids: list[int]
) -> NomenclatureItem | None:
    items = NomenclatureItem.objects.filter(
        case_index=case_index,
        nomenclature__year=year,
        nomenclature__org_unit_id__in=unit_ids,
    ).select_related("nomenclature")

    def rank(item: NomenclatureItem) -> tuple[int, bool]:
        nomenclature = item.nomenclature
        return unit_ids.index(
            nomenclature.org_unit_id
        ), nomenclature.approved_at is None

    return min(items, key=rank, default=None)


def case_file_for_registration(*, document: Document) -> CaseFile | None:
    """The open case a document being registered is filed into, or ``None``.

    Looks in the nomenclatures of the registration year of the journal's
    unit, then of its parents (nearest first), for the journal's case index.
    An approved nomenclature wins over a draft one of the same unit, but a
    draft counts when the unit has none approved: January's documents are
    filed before the nomenclature is signed, and items are never removed.
    Returns the highest open volume (creating volume 1 if the case has none);
    ``None`` when nothing matches or every volume is closed, and the card
    waits for ``document_file_into_case``. A building block of registration:
    call it inside that transaction, assign ``document.case_file`` and save;
    it writes no audit event, the registration's event covers the filing.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("case_file_for_registration runs inside registration")
    journal = document.journal
    year = document.registration_year or (
        document.registered_on.year if document.registered_on else None
    )
    if journal is None or not journal.case_index or year is None:
        return None
    item = _item_for(
        case_index=journal.case_index,
        year=year,
        unit_ids=_unit_and_parents(journal.org_unit_id),
    )
    if item is None:
        return None
    open_case = (
        item.case_files.filter(status=CaseFileStatus.OPEN).order_by("-volume").first()
    )
    if open_case is not None:
        return open_case
    case_file, _created = CaseFile.objects.get_or_create(item=item, volume=1)
    return case_file if case_file.status == CaseFileStatus.OPEN else None


def _filing_check(document: Document, case_file: CaseFile, year: int) -> None:
    if document.status not in FILED_STATUSES:
        raise ApplicationError(
            _("Only a registered document is filed into a case."),
            code="document_not_registered",
        )
    if case_file.status != CaseFileStatus.OPEN:
        raise ApplicationError(
            _("The case “%(case)s” is closed: choose an open case.")
            % {"case": case_file},
            code="case_file_not_open",
        )
    if year != document.registration_year:
        raise ApplicationError(
            _(
                "The document was registered in %(document_year)s; "
                "choose a case of that year."
            )
            % {"document_year": document.registration_year},
            code="case_file_other_year",
        )


@transaction.atomic
def document_file_into_case(
    *, document: Document, case_file: CaseFile, actor: User
) -> Document:
    """File a registered document into an open case of its registration year.

    For cards that found no case when registered, or were filed wrongly;
    registrars and records keepers only (``can_file_into_case``).
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    case_file = CaseFile.objects.select_for_update().get(pk=case_file.pk)
    if not permissions.can_file_into_case(actor):
        raise PermissionDeniedError(
            _("Only the office or the archive department files documents into cases.")
        )
    year = Nomenclature.objects.values_list("year", flat=True).get(
        items__case_files=case_file
    )
    _filing_check(document, case_file, year)
    previous = document.case_file_id
    document.case_file = case_file
    document.save(update_fields=["case_file", "updated_at"])
    audit_record(
        actor=actor,
        action="documents.document_file",
        target=document,
        data={"case_file": case_file.pk, "from": previous},
    )
    return document


def disposition_date(
    *, retention_kind: str, retention_years: int | None, closed_on: date
) -> date | None:
    """When a closed case may be disposed of; ``None`` if never by date.

    D27/EDMS-23: 1 January of the year after closing plus the term. For
    "N years after expiry" the true start is the end of the contract or
    term (⚠️ DOMAIN D27), which the EDMS does not know: the closing date
    stands in for it, so the date is the earliest possible, to be checked.
    """
    if retention_kind in TERM_KINDS and retention_years:
        return date(closed_on.year + 1 + retention_years, 1, 1)
    return None


@transaction.atomic
def year_close(*, year: int, actor: User | None) -> list[CaseFile]:
    """Close every open case of ``year`` on 31 December and date its disposal.

    Permanent, "until liquidation", ЕПК and "until no longer needed" cases
    get no disposition date. One audit event per closed case.
    """
    _manager_check(actor)
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
            case_file, to=CaseFileStatus.CLOSED, table=CASE_FILE_TRANSITIONS
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
    _manager_check(actor)
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
    transition_apply(case_file, to=CaseFileStatus.DISPOSED, table=CASE_FILE_TRANSITIONS)
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
    _manager_check(actor)
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


@transaction.atomic
def case_file_archive(*, case_file: CaseFile, actor: User) -> bytes:
    """Export a closed permanent case and mark it transferred to the archive.

    Returns the package (``archive_package_build``); its SHA-256 is audited.
    """
    case_file = CaseFile.objects.select_for_update().get(pk=case_file.pk)
    _manager_check(actor)
    package = archive_package_build(case_file=case_file)
    transition_apply(case_file, to=CaseFileStatus.ARCHIVED, table=CASE_FILE_TRANSITIONS)
    case_file.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action="documents.case_file_archive",
        target=case_file,
        data={
            "sha256": hashlib.sha256(package).hexdigest(),
            "documents": case_file.documents.count(),
        },
    )
    return package
