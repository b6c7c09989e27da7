"""Writes that change an act after registration: its editions and the
relations by which later acts amend, repeal, supersede, implement or
suspend it (DOMAIN REG-02, REG-06). Audited, and the changed act is
reindexed with its current text.
"""

from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.core.audit import audit_record
from hromada.core.transitions import transition_apply
from hromada.registry.models import (
    ACT_TRANSITIONS,
    ActStatus,
    LegalAct,
    LegalActEdition,
    LegalActRelation,
    RelationKind,
)
from hromada.registry.services import acts

# The statuses a relation of each kind leaves its target in.
_TARGET_STATUS = {
    RelationKind.AMENDS: ActStatus.AMENDED,
    RelationKind.REPEALS: ActStatus.REPEALED,
    RelationKind.SUPERSEDES: ActStatus.REPEALED,
    RelationKind.SUSPENDS: ActStatus.SUSPENDED,
}


@transaction.atomic
def act_edition_add(
    *,
    actor: AbstractBaseUser | None,
    act: LegalAct,
    valid_from: date,
    text: str,
    changed_by: LegalAct | None = None,
    note: str = "",
) -> LegalActEdition:
    """Add the act's text as consolidated from ``valid_from`` (REG-06).

    The edition before it ends that day, and one after it (an edition
    entered late) bounds this one. The first edition cannot start before
    the act is adopted.
    """
    acts.keeper_check(actor)
    if not text.strip():
        raise acts.field_refusal(
            "text", _("Enter the text of the edition."), "edition_text"
        )
    if valid_from < act.adopted_on:
        raise acts.field_refusal(
            "valid_from",
            _("An edition cannot start before the act is adopted."),
            "edition_before_act",
        )
    locked = LegalAct.objects.select_for_update().get(pk=act.pk)
    if locked.editions.filter(valid_from=valid_from).exists():
        raise acts.field_refusal(
            "valid_from",
            _("The act already has an edition from this date."),
            "edition_duplicate",
        )
    edition = _edition_insert(
        act=locked, valid_from=valid_from, text=text, changed_by=changed_by, note=note
    )
    audit_record(
        actor=actor,
        action="registry.edition_add",
        target=locked,
        data={"valid_from": valid_from.isoformat(), "edition": edition.pk},
    )
    acts.act_index(locked)
    return edition


def _edition_insert(
    *,
    act: LegalAct,
    valid_from: date,
    text: str,
    changed_by: LegalAct | None,
    note: str,
) -> LegalActEdition:
    later = act.editions.filter(valid_from__gt=valid_from).order_by("valid_from")
    act.editions.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=valid_from),
        valid_from__lt=valid_from,
    ).update(valid_to=valid_from)
    following = later.first()
    return LegalActEdition.objects.create(
        act=act,
        valid_from=valid_from,
        valid_to=following.valid_from if following else None,
        text=text.strip(),
        changed_by=changed_by,
        note=note.strip(),
    )


@transaction.atomic
def act_relate(
    *,
    actor: AbstractBaseUser | None,
    source: LegalAct,
    target: LegalAct,
    kind: RelationKind,
    effective_on: date | None = None,
    text: str = "",
) -> LegalActRelation:
    """Record that ``source`` acts on ``target`` and apply what it does.

    «Amends» with ``text`` adds the target's edition from ``effective_on``
    and marks it amended; «repeals» and «supersedes» end its force on
    ``effective_on``; «suspends» suspends it; «implements» only links.
    ``effective_on`` defaults to the date the source comes into force.
    """
    acts.keeper_check(actor)
    on = effective_on or source.effective_from or source.adopted_on
    locked = LegalAct.objects.select_for_update().get(pk=target.pk)
    _check_relation(source=source, target=locked, on=on)
    try:
        with transaction.atomic():
            relation = LegalActRelation.objects.create(
                source=source, target=locked, kind=kind, effective_on=on
            )
    except IntegrityError:
        raise acts.field_refusal(
            "target",
            _("These acts are already related this way."),
            "relation_duplicate",
        ) from None
    if kind == RelationKind.AMENDS and text.strip():
        _edition_after_amendment(act=locked, on=on, text=text, source=source)
    _apply_to_target(act=locked, kind=kind, on=on)
    audit_record(
        actor=actor,
        action="registry.relate",
        target=source,
        data={"kind": kind, "target": target.pk, "effective_on": on.isoformat()},
    )
    acts.act_index(locked)
    return relation


def _check_relation(*, source: LegalAct, target: LegalAct, on: date) -> None:
    if source.pk == target.pk:
        raise acts.field_refusal(
            "target", _("An act cannot act on itself."), "relation_self"
        )
    if source.status == ActStatus.DRAFT:
        raise acts.field_refusal(
            "source",
            _("A draft does not act on other acts until it is adopted."),
            "relation_from_draft",
        )
    if target.status == ActStatus.REPEALED:
        raise acts.field_refusal(
            "target",
            _("This act is no longer in force: it cannot be changed."),
            "relation_to_repealed",
        )
    if on < target.adopted_on:
        raise acts.field_refusal(
            "effective_on",
            _("A change cannot take effect before the changed act was adopted."),
            "relation_before_target",
        )


def _edition_after_amendment(
    *, act: LegalAct, on: date, text: str, source: LegalAct
) -> None:
    if not act.editions.exists():
        # The text as adopted becomes the first edition, so that «the text
        # in force on a date» before the change still finds it.
        _edition_insert(
            act=act,
            valid_from=act.effective_from or act.adopted_on,
            text=act.text,
            changed_by=None,
            note="",
        )
    if act.editions.filter(valid_from=on).exists():
        raise acts.field_refusal(
            "effective_on",
            _("The act already has an edition from this date."),
            "edition_duplicate",
        )
    _edition_insert(act=act, valid_from=on, text=text, changed_by=source, note="")


def _apply_to_target(*, act: LegalAct, kind: RelationKind, on: date) -> None:
    status = _TARGET_STATUS.get(kind)
    if status is None:
        return
    if status == ActStatus.REPEALED:
        act.repealed_on = max(on, act.effective_from or on)
        if act.repealed_on > timezone.localdate():
            act.save(update_fields=["repealed_on", "updated_at"])
            return
    if act.status == ActStatus.ADOPTED and status == ActStatus.AMENDED:
        return
    transition_apply(act, to=status, table=ACT_TRANSITIONS)
    act.save(update_fields=["status", "repealed_on", "updated_at"])
