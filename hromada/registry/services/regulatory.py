"""Writes of a regulatory act's impact analysis and effectiveness reports
(REG-05; Law 1160-IV arts. 8 and 10, КМУ №308 of 11.03.2004).

Only the registry's keepers write them; each write locks the act, is
audited in its transaction, and stores the PDF the way the act's scan is
stored (checked, hashed, written atomically).
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files import File
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from hromada.core import once
from hromada.core.audit import audit_record
from hromada.core.errors import ValidationError, field_refusal
from hromada.registry.models import (
    SINGLE_REGULATORY_KINDS,
    ActStatus,
    LegalAct,
    RegulatoryDocument,
    RegulatoryDocumentKind,
)
from hromada.registry.services.acts import (
    insert_or_refuse,
    keeper_check,
    pdf_store,
)

IMPACT = RegulatoryDocumentKind.IMPACT_ANALYSIS
BASIC = RegulatoryDocumentKind.BASIC_TRACKING
REPEAT = RegulatoryDocumentKind.REPEAT_TRACKING
PERIODIC = RegulatoryDocumentKind.PERIODIC_TRACKING
# Art. 10: tracking runs in this order; each kind needs the one before.
_FOLLOWS = {REPEAT: BASIC, PERIODIC: REPEAT}


@dataclass(frozen=True, kw_only=True)
class RegulatoryDocumentData:
    """What a keeper states about an impact analysis or a report."""

    kind: RegulatoryDocumentKind
    title: str
    prepared_on: date
    published_on: date | None = None


@transaction.atomic
def regulatory_document_add(
    *,
    actor: AbstractBaseUser | None,
    act: LegalAct,
    data: RegulatoryDocumentData,
    content: bytes | File[bytes],
    name: str,
    once_key: UUID | None = None,
) -> RegulatoryDocument:
    """Attach an impact analysis or an effectiveness report (a PDF) to a
    regulatory act.

    One analysis, one basic and one repeat report per act; periodic ones
    repeat. A report follows the one before it (basic → repeat →
    periodic). A form sent twice with the same ``once_key`` returns the
    first document.
    """
    keeper_check(actor)
    earlier = once.submission_claim(
        key=once_key, actor=actor, action="registry.regulatory_add"
    )
    if earlier is not None:
        return RegulatoryDocument.objects.get(pk=earlier)
    locked = LegalAct.objects.select_for_update().get(pk=act.pk)
    _check(locked, data, today=timezone.localdate())
    document = RegulatoryDocument(
        act=locked,
        kind=data.kind,
        title=data.title.strip(),
        prepared_on=data.prepared_on,
        published_on=data.published_on,
        file=pdf_store(actor=actor, content=content, name=name, field="file"),
    )
    # The constraints catch what a race past the checks would duplicate.
    insert_or_refuse(
        document,
        refusal=field_refusal(
            "kind",
            _("The act already has a document of this kind from this day."),
            "regulatory_duplicate",
        ),
    )
    once.submission_bind(key=once_key, target=document)
    audit_record(
        actor=actor,
        action="registry.regulatory_add",
        target=locked,
        data=_audit_data(document),
    )
    return document


@transaction.atomic
def regulatory_document_remove(
    *, actor: AbstractBaseUser | None, document: RegulatoryDocument
) -> None:
    """Take a wrongly attached document off its act; its file is kept.

    A report that a later one follows stays: remove the later one first.
    """
    keeper_check(actor)
    locked = LegalAct.objects.select_for_update().get(pk=document.act_id)
    current = (
        RegulatoryDocument.objects.select_related("file").filter(pk=document.pk).first()
    )
    if current is None:
        return  # removed by a send a moment earlier
    document = current
    later = [kind for kind, before in _FOLLOWS.items() if before == document.kind]
    if locked.regulatory_documents.filter(kind__in=later).exists():
        raise ValidationError(
            _("A later report follows this one: remove the later report first."),
            code="regulatory_followed",
        )
    audit_data = _audit_data(document)
    document.delete()
    audit_record(
        actor=actor,
        action="registry.regulatory_remove",
        target=locked,
        data=audit_data,
    )


def _audit_data(document: RegulatoryDocument) -> dict[str, object]:
    return {
        "document": str(document.public_id),
        "kind": document.kind,
        "prepared_on": document.prepared_on.isoformat(),
        "sha256": document.file.sha256,
        "size": document.file.size,
    }


def _check(act: LegalAct, data: RegulatoryDocumentData, *, today: date) -> None:
    if not act.is_regulatory:
        raise ValidationError(
            _(
                "Only a regulatory act carries an impact analysis and "
                "effectiveness reports."
            ),
            code="act_not_regulatory",
        )
    if not data.title.strip():
        raise field_refusal(
            "title", _("Enter the document's title."), "regulatory_title_required"
        )
    _check_dates(data, today=today)
    if data.kind != IMPACT and act.status == ActStatus.DRAFT:
        raise field_refusal(
            "kind",
            _("Effectiveness is tracked once the act is adopted."),
            "regulatory_tracking_of_draft",
        )
    if data.kind in SINGLE_REGULATORY_KINDS:
        _check_single(act, data.kind)
    if data.kind in _FOLLOWS:
        _check_order(act, data)


def _check_dates(data: RegulatoryDocumentData, *, today: date) -> None:
    if data.prepared_on > today:
        raise field_refusal(
            "prepared_on",
            _("A document cannot be dated in the future."),
            "regulatory_prepared_in_future",
        )
    if data.published_on is None:
        return
    if data.published_on > today:
        raise field_refusal(
            "published_on",
            _("A document cannot be published in the future."),
            "regulatory_published_in_future",
        )
    if data.published_on < data.prepared_on:
        raise field_refusal(
            "published_on",
            _("A document cannot be published before it is prepared."),
            "regulatory_published_before_prepared",
        )


def _check_single(act: LegalAct, kind: RegulatoryDocumentKind) -> None:
    if act.regulatory_documents.filter(kind=kind).exists():
        raise field_refusal(
            "kind",
            _(
                "The act already has this document (%(kind)s). Remove it "
                "first to attach another."
            )
            % {"kind": kind.label},
            "regulatory_duplicate",
        )


def _check_order(act: LegalAct, data: RegulatoryDocumentData) -> None:
    """Art. 10: basic, then repeat, then periodic tracking, in time too."""
    dates = list(
        act.regulatory_documents.filter(kind=_FOLLOWS[data.kind]).values_list(
            "prepared_on", flat=True
        )
    )
    missing, too_early = _order_messages(data.kind)
    if not dates:
        raise field_refusal("kind", missing, "regulatory_out_of_order")
    if data.prepared_on < max(dates):
        day = formats.date_format(max(dates), "d.m.Y")
        raise field_refusal(
            "prepared_on", too_early % {"day": day}, "regulatory_before_previous"
        )
    if data.kind == REPEAT and act.effective_from is not None:
        _check_in_force(act.effective_from, data)


def _order_messages(kind: RegulatoryDocumentKind) -> tuple[str, str]:
    """(no earlier report, dated before it) for a repeat or periodic one."""
    if kind == REPEAT:
        return (
            _(
                "Repeat tracking follows basic tracking: attach the basic "
                "tracking report first."
            ),
            _("Repeat tracking cannot be completed before basic tracking (%(day)s)."),
        )
    return (
        _(
            "Periodic tracking follows repeat tracking: attach the repeat "
            "tracking report first."
        ),
        _("Periodic tracking cannot be completed before repeat tracking (%(day)s)."),
    )


def _check_in_force(effective_from: date, data: RegulatoryDocumentData) -> None:
    # Repeat tracking measures the act at work: not before it is in force.
    if data.prepared_on < effective_from:
        raise field_refusal(
            "prepared_on",
            _(
                "Repeat tracking cannot be completed before the act comes "
                "into force (%(day)s)."
            )
            % {"day": formats.date_format(effective_from, "d.m.Y")},
            "regulatory_repeat_before_force",
        )
