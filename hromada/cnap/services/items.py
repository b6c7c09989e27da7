"""Writes of the lists under a card: the acts it rests on, the documents
to bring, the refusal grounds and the stages of the technological card.

Each list is numbered from 1 in the card's order; a keeper adds an item at
the end, changes it, moves it up or down, or removes it, and the rest close
ranks. Every write locks the card, is audited, and keeps a published card
complete (``cards.service_changed``).
"""

from dataclasses import dataclass, fields
from typing import TypeAlias
from uuid import UUID

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from hromada.cnap.models import (
    AdministrativeService,
    DocumentForm,
    LegalBasisLevel,
    RefusalGround,
    RequiredDocument,
    ServiceLegalBasis,
    StageRole,
    TechCardStage,
    TermUnit,
)
from hromada.cnap.services.cards import service_changed
from hromada.cnap.services.common import audit_values, keeper_check
from hromada.core import once
from hromada.core.audit import audit_record
from hromada.core.errors import field_refusal
from hromada.org.models import OrgUnit


@dataclass(frozen=True, kw_only=True)
class LegalBasisData:
    """An act of sections 4–7 of the card."""

    level: str = LegalBasisLevel.LAW
    title: str
    url: str = ""


@dataclass(frozen=True, kw_only=True)
class DocumentData:
    """A document of the exhaustive list (section 9)."""

    title: str
    form: str = DocumentForm.ORIGINAL
    copies: int = 1
    requirements: str = ""
    obtainable_from_registry: bool = False


@dataclass(frozen=True, kw_only=True)
class RefusalData:
    """A refusal ground (section 13)."""

    text: str


@dataclass(frozen=True, kw_only=True)
class StageData:
    """A stage of the technological card (CNAP-02, CNAP-03)."""

    action: str
    responsible: str
    unit: OrgUnit | None = None
    role: str = StageRole.PERFORMS
    term_value: int | None = None
    term_unit: str = TermUnit.WORKING_DAYS


ItemData: TypeAlias = LegalBasisData | DocumentData | RefusalData | StageData
Item: TypeAlias = ServiceLegalBasis | RequiredDocument | RefusalGround | TechCardStage

_MODELS: dict[type, type[Item]] = {
    LegalBasisData: ServiceLegalBasis,
    DocumentData: RequiredDocument,
    RefusalData: RefusalGround,
    StageData: TechCardStage,
}
# The name of each list in the audit log and in the forms.
LIST_NAMES: dict[type[Item], str] = {
    ServiceLegalBasis: "legal_basis",
    RequiredDocument: "document",
    RefusalGround: "refusal_ground",
    TechCardStage: "stage",
}
# The field a refusal of an item's text names, by list.
_TEXT_FIELDS: dict[type, str] = {
    LegalBasisData: "title",
    DocumentData: "title",
    RefusalData: "text",
    StageData: "action",
}


@transaction.atomic
def service_item_add(
    *,
    actor: AbstractBaseUser | None,
    service: AdministrativeService,
    data: ItemData,
    once_key: UUID | None = None,
) -> Item:
    """Add ``data`` at the end of its list on the card; a form sent twice
    with the same ``once_key`` returns the first item."""
    keeper_check(actor)
    model = _MODELS[type(data)]
    action = f"cnap.{LIST_NAMES[model]}_add"
    earlier = once.submission_claim(key=once_key, actor=actor, action=action)
    if earlier is not None:
        return model.objects.get(pk=earlier)
    locked = AdministrativeService.objects.select_for_update().get(pk=service.pk)
    values = _cleaned(data)
    last = model.objects.filter(service=locked).aggregate(last=Max("order"))["last"]
    item = model(service=locked, order=(last or 0) + 1, **values)
    item.save(force_insert=True)
    once.submission_bind(key=once_key, target=item)
    service_changed(locked)
    audit_record(
        actor=actor,
        action=action,
        target=locked,
        data={"item": str(item.public_id), **audit_values(values)},
    )
    return item


@transaction.atomic
def service_item_update(
    *, actor: AbstractBaseUser | None, item: Item, data: ItemData
) -> Item:
    """Change an item of a card's list."""
    keeper_check(actor)
    model = type(item)
    if _MODELS[type(data)] is not model:
        raise TypeError("The data is for another list.")
    locked = AdministrativeService.objects.select_for_update().get(pk=item.service_id)
    current = model.objects.get(pk=item.pk)
    values = _cleaned(data)
    for name, value in values.items():
        setattr(current, name, value)
    current.save()
    service_changed(locked)
    audit_record(
        actor=actor,
        action=f"cnap.{LIST_NAMES[model]}_update",
        target=locked,
        data={"item": str(current.public_id), **audit_values(values)},
    )
    return current


@transaction.atomic
def service_item_move(*, actor: AbstractBaseUser | None, item: Item, up: bool) -> None:
    """Swap an item with the one before it (``up``) or after it; nothing
    happens at the top or the bottom of the list."""
    keeper_check(actor)
    model = type(item)
    locked = AdministrativeService.objects.select_for_update().get(pk=item.service_id)
    current = model.objects.get(pk=item.pk)
    siblings = model.objects.filter(service=locked)
    neighbour = (
        siblings.filter(order__lt=current.order).order_by("-order").first()
        if up
        else siblings.filter(order__gt=current.order).order_by("order").first()
    )
    if neighbour is None:
        return
    first, second = current.order, neighbour.order
    # Through a free number: (service, order) is unique at every moment.
    model.objects.filter(pk=current.pk).update(order=0)
    model.objects.filter(pk=neighbour.pk).update(order=first)
    model.objects.filter(pk=current.pk).update(order=second)
    service_changed(locked)
    audit_record(
        actor=actor,
        action=f"cnap.{LIST_NAMES[model]}_move",
        target=locked,
        data={"item": str(current.public_id), "from": first, "to": second},
    )


@transaction.atomic
def service_item_remove(*, actor: AbstractBaseUser | None, item: Item) -> None:
    """Take an item off its list; the items after it move up. A published
    card keeps at least one act, one document and one stage."""
    keeper_check(actor)
    model = type(item)
    locked = AdministrativeService.objects.select_for_update().get(pk=item.service_id)
    current = model.objects.filter(pk=item.pk).first()
    if current is None:
        return  # removed by a send a moment earlier
    order = current.order
    current.delete()
    for later in model.objects.filter(service=locked, order__gt=order).order_by(
        "order"
    ):
        model.objects.filter(pk=later.pk).update(order=later.order - 1)
    service_changed(locked)
    audit_record(
        actor=actor,
        action=f"cnap.{LIST_NAMES[model]}_remove",
        target=locked,
        data={"item": str(current.public_id), "order": order},
    )


def _cleaned(data: ItemData) -> dict[str, object]:
    values = {
        field.name: _stripped(getattr(data, field.name)) for field in fields(data)
    }
    text_field = _TEXT_FIELDS[type(data)]
    if not values[text_field]:
        raise field_refusal(text_field, _("This field is required."), "item_required")
    if isinstance(data, StageData):
        _check_stage(values)
    if isinstance(data, DocumentData) and data.copies < 1:
        raise field_refusal(
            "copies", _("A document is brought in at least one copy."), "copies_invalid"
        )
    return values


def _stripped(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _check_stage(values: dict[str, object]) -> None:
    if not values["responsible"]:
        raise field_refusal(
            "responsible",
            _("Name the official responsible for the stage."),
            "stage_responsible_required",
        )
    if values["term_unit"] == TermUnit.SAME_DAY:
        values["term_value"] = None
    elif not isinstance(values["term_value"], int) or values["term_value"] < 1:
        raise field_refusal(
            "term_value",
            _("Give the stage's term, or choose «on the day of the application»."),
            "stage_term_required",
        )
