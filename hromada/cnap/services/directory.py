"""Writes of what the cards refer to: the centres where applicants are
received, the providers that decide, and the life situations the
catalogue groups services by. The keepers' only; audited."""

from dataclasses import dataclass, fields
from typing import TypeVar
from uuid import UUID

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from hromada.cnap.models import (
    PUBLIC_STATUSES,
    AdministrativeService,
    CentreKind,
    LifeSituation,
    ServiceCentre,
    ServiceProvider,
)
from hromada.cnap.services.common import audit_values, keeper_check, service_reindex
from hromada.core import once
from hromada.core.audit import audit_record
from hromada.core.errors import field_refusal
from hromada.core.identifiers import edrpou_is_valid
from hromada.core.translit import slugify_uk
from hromada.org.models import OrgUnit


@dataclass(frozen=True, kw_only=True)
class CentreData:
    """A centre, a remote workplace or a mobile office (CNAP-06, CNAP-07)."""

    name: str
    kind: str = CentreKind.MAIN
    address: str
    opening_hours: str
    org_unit: OrgUnit | None = None
    phone: str = ""
    email: str = ""
    website: str = ""
    accessibility_notes: str = ""
    sort_order: int = 0
    is_active: bool = True


@dataclass(frozen=True, kw_only=True)
class ProviderData:
    """A body that decides on applications."""

    name: str
    org_unit: OrgUnit | None = None
    edrpou: str = ""
    is_permit_authority: bool = False


@transaction.atomic
def centre_save(
    *,
    actor: AbstractBaseUser | None,
    data: CentreData,
    centre: ServiceCentre | None = None,
    once_key: UUID | None = None,
) -> ServiceCentre:
    """Enter a centre, or change ``centre``. A new centre's form sent twice
    with the same ``once_key`` enters one centre."""
    keeper_check(actor)
    earlier = once.submission_claim(
        key=once_key, actor=actor, action="cnap.centre_save"
    )
    if earlier is not None:
        return ServiceCentre.objects.get(pk=earlier)
    values = _values(data)
    for name in ("name", "address", "opening_hours"):
        if not values[name]:
            raise field_refusal(name, _("This field is required."), "centre_required")
    saved = _save(ServiceCentre, centre, values)
    once.submission_bind(key=once_key, target=saved)
    audit_record(
        actor=actor,
        action="cnap.centre_save",
        target=saved,
        data=audit_values(values),
    )
    return saved


@transaction.atomic
def provider_save(
    *,
    actor: AbstractBaseUser | None,
    data: ProviderData,
    provider: ServiceProvider | None = None,
) -> ServiceProvider:
    """Enter a provider, or change ``provider``; its public cards are
    indexed again under the new name."""
    keeper_check(actor)
    values = _values(data)
    if not values["name"]:
        raise field_refusal("name", _("This field is required."), "provider_required")
    if values["edrpou"] and not edrpou_is_valid(str(values["edrpou"])):
        raise field_refusal(
            "edrpou",
            _("This is not a valid ЄДРПОУ code: check its eight digits."),
            "provider_edrpou_invalid",
        )
    try:
        with transaction.atomic():
            saved = _save(ServiceProvider, provider, values)
    except IntegrityError:
        raise field_refusal(
            "name",
            _("A provider with this name is already in the registry."),
            "provider_duplicate",
        ) from None
    if provider is not None:
        public = (
            AdministrativeService.objects.filter(
                provider=saved, status__in=PUBLIC_STATUSES
            )
            .select_related("provider")
            .prefetch_related("life_situations", "required_documents")
        )
        for service in public:
            service_reindex(service)
    audit_record(
        actor=actor,
        action="cnap.provider_save",
        target=saved,
        data=audit_values(values),
    )
    return saved


@transaction.atomic
def life_situation_save(
    *,
    actor: AbstractBaseUser | None,
    name: str,
    sort_order: int = 0,
    situation: LifeSituation | None = None,
) -> LifeSituation:
    """Enter a life situation, or rename ``situation``; its address stays."""
    keeper_check(actor)
    name = " ".join(name.split())
    if not name:
        raise field_refusal("name", _("This field is required."), "situation_required")
    values: dict[str, object] = {"name": name, "sort_order": sort_order}
    if situation is None:
        values["slug"] = slugify_uk(name, max_length=80)
    try:
        with transaction.atomic():
            saved = _save(LifeSituation, situation, values)
    except IntegrityError:
        raise field_refusal(
            "name",
            _("This life situation is already in the registry."),
            "situation_duplicate",
        ) from None
    audit_record(
        actor=actor,
        action="cnap.life_situation_save",
        target=saved,
        data={"name": name, "sort_order": sort_order},
    )
    return saved


def _values(data: CentreData | ProviderData) -> dict[str, object]:
    return {
        field.name: (
            value.strip()
            if isinstance(value := getattr(data, field.name), str)
            else value
        )
        for field in fields(data)
    }


M = TypeVar("M", bound=Model)


def _save(model: type[M], instance: M | None, values: dict[str, object]) -> M:
    if instance is None:
        created = model(**values)
        created.save(force_insert=True)
        return created
    current = model._default_manager.select_for_update().get(pk=instance.pk)
    for name, value in values.items():
        setattr(current, name, value)
    current.save()
    return current
