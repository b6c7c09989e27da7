"""Writes of acts: register, correct, relate, add editions, change status.

Every write is audited in its transaction and puts the act's current text
into the search index (kind ``registry.act``), public or not as the act is.
"""

from dataclasses import dataclass, fields
from datetime import date
from uuid import UUID

import pypdfium2
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files import File
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.core import once, storage
from hromada.core.audit import audit_record
from hromada.core.errors import PermissionDeniedError, ValidationError, field_refusal
from hromada.core.models import StoredFile
from hromada.core.transitions import transition_apply
from hromada.core.translit import slugify_uk
from hromada.documents import extraction
from hromada.org.models import OrgUnit
from hromada.registry import permissions
from hromada.registry.models import (
    ACT_TRANSITIONS,
    ActAccess,
    ActKind,
    ActStatus,
    LegalAct,
)
from hromada.search import lemmatiser
from hromada.search import services as search_services

SEARCH_KIND = "registry.act"
SCAN_TYPES = frozenset({"application/pdf"})
SCAN_FOLDER = "registry"
# Short kind names for addresses: «rishennia-rady-12-2025-03-14».
_SLUG_KIND = {
    ActKind.COUNCIL_DECISION: "rishennia-rady",
    ActKind.EXECUTIVE_DECISION: "rishennia-vykonkomu",
    ActKind.MAYOR_ORDER: "rozporiadzhennia",
    ActKind.ORDER: "nakaz",
    ActKind.OTHER: "akt",
}


@dataclass(frozen=True, kw_only=True)
class ActData:
    """What a person states about an act when registering or correcting it."""

    kind: ActKind
    number: str
    adopted_on: date
    issuer: OrgUnit
    title: str
    text: str = ""
    access: ActAccess = ActAccess.PUBLIC
    is_normative: bool = False
    is_regulatory: bool = False
    is_draft: bool = False
    published_on: date | None = None
    effective_from: date | None = None


def keeper_check(actor: AbstractBaseUser | None) -> None:
    """Refuse anyone but the registry's keepers (``None``: the system)."""
    # actor=None: the council room's service, imports and the demo loader.
    if actor is not None and not permissions.can_keep_registry(actor):
        raise PermissionDeniedError(_("The registry of acts is kept by the office."))


def _check(data: ActData) -> None:
    if not data.number.strip():
        raise field_refusal(
            "number", _("Enter the act's number."), "act_number_required"
        )
    if not data.title.strip():
        raise field_refusal("title", _("Enter the act's title."), "act_title_required")
    if data.is_regulatory and not data.is_normative:
        raise field_refusal(
            "is_regulatory",
            _("A regulatory act is a normative act: mark it normative too."),
            "regulatory_not_normative",
        )
    if data.effective_from is not None and data.effective_from < data.adopted_on:
        raise field_refusal(
            "effective_from",
            _("An act cannot come into force before it is adopted."),
            "act_force_before_adoption",
        )


def _initial_status(data: ActData, *, today: date) -> ActStatus:
    if data.is_draft:
        return ActStatus.DRAFT
    if data.effective_from is not None and data.effective_from > today:
        return ActStatus.ADOPTED
    return ActStatus.IN_FORCE


@transaction.atomic
def act_register(
    *,
    actor: AbstractBaseUser | None,
    data: ActData,
    scan: bytes | File[bytes] | None = None,
    scan_name: str = "",
    once_key: UUID | None = None,
) -> LegalAct:
    """Register an act (a draft, or adopted) with its optional PDF scan.

    An adopted act without a date of entry into force is in force from its
    date. The same kind, body, number and date cannot be registered twice;
    a form sent twice with the same ``once_key`` returns the first act.
    """
    keeper_check(actor)
    _check(data)
    earlier = once.submission_claim(
        key=once_key, actor=actor, action="registry.register"
    )
    if earlier is not None:
        return LegalAct.objects.get(pk=earlier)
    today = timezone.localdate()
    act = LegalAct(
        **_values(data),
        number_key=lemmatiser.normalise_value(data.number),
        status=_initial_status(data, today=today),
        slug=_free_slug(data),
    )
    if act.status != ActStatus.DRAFT and act.effective_from is None:
        act.effective_from = data.adopted_on
    if scan is not None:
        act.scan = pdf_store(actor=actor, content=scan, name=scan_name)
        if not act.text.strip():
            act.text = _text_layer(scan)
    _save_new(act)
    once.submission_bind(key=once_key, target=act)
    audit_record(
        actor=actor,
        action="registry.register",
        target=act,
        data={"kind": act.kind, "number": act.number, "status": act.status},
    )
    act_index(act)
    return act


def _values(data: ActData) -> dict[str, object]:
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    values.pop("is_draft")
    values["number"] = data.number.strip()
    values["title"] = data.title.strip()
    return values


def _save_new(act: LegalAct) -> None:
    insert_or_refuse(
        act,
        refusal=field_refusal(
            "number",
            _("This body already has an act of this kind with this number and date."),
            "act_duplicate",
        ),
    )


def insert_or_refuse(instance: models.Model, *, refusal: ValidationError) -> None:
    """Insert ``instance`` in a savepoint; a unique constraint it breaks (a
    duplicate that a race let past the checks) raises ``refusal``."""
    try:
        with transaction.atomic():
            instance.save(force_insert=True)
    except IntegrityError:
        raise refusal from None


def _free_slug(data: ActData) -> str:
    base = "-".join(
        part
        for part in (
            _SLUG_KIND[ActKind(data.kind)],
            slugify_uk(data.number, max_length=40),
            data.adopted_on.isoformat(),
        )
        if part
    )
    slug, suffix = base, 2
    while LegalAct.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def pdf_store(
    *,
    actor: AbstractBaseUser | None,
    content: bytes | File[bytes],
    name: str,
    field: str = "scan",
) -> StoredFile:
    """Store a PDF of the registry (a scan, a report): its kind, size and
    SHA-256 checked, written atomically. A refusal names ``field``."""
    data = content if isinstance(content, bytes) else _read(content)
    if not pdf_is_readable(data):
        raise field_refusal(
            field,
            _("The file does not open as a PDF: it is damaged or of another kind."),
            "scan_damaged",
        )
    try:
        return storage.file_store(
            content=content,
            name=name or "scan.pdf",
            allowed_types=SCAN_TYPES,
            folder=SCAN_FOLDER,
            uploaded_by=actor,
        )
    except ValidationError as error:
        raise field_refusal(field, error.message, error.code) from error


def _read(file: File[bytes]) -> bytes:
    file.seek(0)
    data: bytes = file.read()
    file.seek(0)
    return data


def _text_layer(scan: bytes | File[bytes]) -> str:
    """The scan's own text, for an act registered without one (no OCR here:
    a bulk import recognises scans in the background)."""
    data = scan if isinstance(scan, bytes) else _read(scan)
    return extraction.extract(content=data, content_type=storage.PDF).text.strip()


def pdf_is_readable(content: bytes) -> bool:
    """Whether ``content`` opens as a PDF (its header alone proves little)."""
    try:
        with extraction.pdf_opened(content):
            return True
    except pypdfium2.PdfiumError:
        return False


@transaction.atomic
def act_update(
    *, actor: AbstractBaseUser | None, act: LegalAct, data: ActData
) -> LegalAct:
    """Correct an act's registration card: metadata, the adopted text, access.

    Its number's kind, body and date may be corrected too; the address
    (slug) stays, so that links keep working. The status is not changed
    here: use relations or ``act_status_change``.
    """
    keeper_check(actor)
    _check(data)
    locked = LegalAct.objects.select_for_update().get(pk=act.pk)
    if (
        locked.is_regulatory
        and not data.is_regulatory
        and locked.regulatory_documents.exists()
    ):
        raise field_refusal(
            "is_regulatory",
            _(
                "The act carries an impact analysis or effectiveness reports: "
                "remove them before marking it not regulatory."
            ),
            "regulatory_documents_attached",
        )
    values = _values(data)
    if locked.status != ActStatus.DRAFT and values["effective_from"] is None:
        values["effective_from"] = data.adopted_on
    changed = sorted(
        name for name, value in values.items() if getattr(locked, name) != value
    )
    for name, value in values.items():
        setattr(locked, name, value)
    locked.number_key = lemmatiser.normalise_value(locked.number)
    try:
        with transaction.atomic():
            locked.save()
    except IntegrityError:
        raise field_refusal(
            "number",
            _("This body already has an act of this kind with this number and date."),
            "act_duplicate",
        ) from None
    audit_record(
        actor=actor, action="registry.update", target=locked, data={"fields": changed}
    )
    act_index(locked)
    return locked


@transaction.atomic
def act_scan_attach(
    *,
    actor: AbstractBaseUser | None,
    act: LegalAct,
    content: bytes | File[bytes],
    name: str,
) -> LegalAct:
    """Put the scan of the signed original (PDF) beside the act (REG-03)."""
    keeper_check(actor)
    locked = LegalAct.objects.select_for_update().get(pk=act.pk)
    locked.scan = pdf_store(actor=actor, content=content, name=name)
    locked.save(update_fields=["scan", "updated_at"])
    audit_record(
        actor=actor,
        action="registry.scan_attach",
        target=locked,
        data={"sha256": locked.scan.sha256, "size": locked.scan.size},
    )
    return locked


@transaction.atomic
def act_status_change(
    *,
    actor: AbstractBaseUser | None,
    act: LegalAct,
    to: ActStatus,
    on: date | None = None,
) -> LegalAct:
    """Move the act to ``to`` by hand: adopt a draft, lift a suspension.

    Adopting a draft sets its entry into force to ``on`` (or the act's
    date); repealing sets the last day of force to ``on`` (or today).
    """
    keeper_check(actor)
    locked = LegalAct.objects.select_for_update().get(pk=act.pk)
    previous = transition_apply(locked, to=to, table=ACT_TRANSITIONS)
    day = on or timezone.localdate()
    if previous == ActStatus.DRAFT:
        locked.effective_from = on or locked.adopted_on
    if to == ActStatus.REPEALED:
        locked.repealed_on = max(day, locked.effective_from or day)
    locked.save()
    audit_record(
        actor=actor,
        action="registry.status_change",
        target=locked,
        data={"from": previous, "to": to, "on": day.isoformat()},
    )
    act_index(locked)
    return locked


@transaction.atomic
def act_statuses_refresh(*, today: date) -> int:
    """Bring stored statuses in line with the dates: acts whose day of
    entry into force or of repeal has come. Run every night; idempotent.
    """
    changed = 0
    due = LegalAct.objects.select_for_update().filter(
        status=ActStatus.ADOPTED, effective_from__lte=today
    )
    for act in due:
        changed += _refresh_one(act, to=ActStatus.IN_FORCE)
    ended = (
        LegalAct.objects.select_for_update()
        .filter(repealed_on__lte=today)
        .exclude(status__in=[ActStatus.REPEALED, ActStatus.DRAFT])
    )
    for act in ended:
        changed += _refresh_one(act, to=ActStatus.REPEALED)
    return changed


def _refresh_one(act: LegalAct, *, to: ActStatus) -> int:
    previous = transition_apply(act, to=to, table=ACT_TRANSITIONS)
    act.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=None,
        action="registry.status_change",
        target=act,
        data={"from": previous, "to": to, "reason": "date"},
    )
    act_index(act)
    return 1


def current_text(act: LegalAct) -> str:
    """The act's text as it stands now: the latest edition, or as adopted."""
    latest = act.editions.order_by("-valid_from").values_list("text", flat=True)
    return next(iter(latest), act.text)


def act_index(act: LegalAct) -> None:
    """Put the act's current text into the search room's index."""
    search_services.search_document_index(
        kind=SEARCH_KIND,
        object_id=str(act.pk),
        title=act.title[:1000],
        body=current_text(act),
        fields={"number": act.number},
        is_public=act.access == ActAccess.PUBLIC,
    )


def act_index_rebuild() -> int:
    """Put every act into the search index again; for a restored database."""
    count = 0
    for act in LegalAct.objects.iterator(chunk_size=500):
        with transaction.atomic():
            act_index(act)
        count += 1
    return count
