"""Writes of a service's information card and of its status.

A card is written as a draft, completed, and published (``active``); a
published card may be suspended and resumed, and archived when the service
is no longer provided. Every write is the keepers', locked, audited in its
transaction, and keeps the site search in step.
"""

from dataclasses import dataclass, replace
from decimal import Decimal
from uuid import UUID

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.cnap import terms
from hromada.cnap.models import (
    SERVICE_TRANSITIONS,
    AdministrativeService,
    LifeSituation,
    ServiceCentre,
    ServiceProvider,
    ServiceStatus,
    TermUnit,
)
from hromada.cnap.services.common import keeper_check, service_reindex
from hromada.core import once
from hromada.core.audit import audit_record
from hromada.core.errors import ValidationError, field_refusal
from hromada.core.identifiers import edrpou_is_valid, iban_normalise, ua_iban_is_valid
from hromada.core.transitions import transition_apply
from hromada.core.translit import slugify_uk

# Addresses the keepers' pages use beside the cards' own.
_RESERVED_SLUGS = frozenset({"new", "directory"})
_CODE_LENGTH = AdministrativeService._meta.get_field(
    "national_registry_code"
).max_length


@dataclass(frozen=True, kw_only=True)
class ServiceData:
    """The information card as a keeper states it (DOMAIN.md §2.4)."""

    name: str
    provider: ServiceProvider
    summary: str = ""
    national_registry_code: str = ""
    centres: tuple[ServiceCentre, ...] = ()
    life_situations: tuple[LifeSituation, ...] = ()
    grounds: str = ""
    submission_methods: str = ""
    is_paid: bool = False
    fee_legal_basis: str = ""
    fee_amount: Decimal | None = None
    fee_description: str = ""
    payment_recipient: str = ""
    payment_edrpou: str = ""
    payment_iban: str = ""
    payment_purpose: str = ""
    term_value: int | None = None
    term_unit: str = TermUnit.CALENDAR_DAYS
    term_legal_basis: str = ""
    result: str = ""
    result_delivery: str = ""
    notes: str = ""
    is_permit: bool = False
    approved_by: str = ""


# The card's own fields, as ``ServiceData`` names them.
_FIELDS = (
    "name",
    "summary",
    "national_registry_code",
    "provider",
    "grounds",
    "submission_methods",
    "is_paid",
    "fee_legal_basis",
    "fee_amount",
    "fee_description",
    "payment_recipient",
    "payment_edrpou",
    "payment_iban",
    "payment_purpose",
    "term_value",
    "term_unit",
    "term_legal_basis",
    "result",
    "result_delivery",
    "notes",
    "is_permit",
    "approved_by",
)


# Free texts, kept without the spaces around them.
_TEXTS = (
    "summary",
    "grounds",
    "submission_methods",
    "fee_legal_basis",
    "fee_description",
    "payment_recipient",
    "payment_edrpou",
    "payment_purpose",
    "term_legal_basis",
    "result",
    "result_delivery",
    "notes",
    "approved_by",
)


@transaction.atomic
def service_create(
    *,
    actor: AbstractBaseUser | None,
    data: ServiceData,
    once_key: UUID | None = None,
) -> AdministrativeService:
    """Enter a new card as a draft. A form sent twice with the same
    ``once_key`` returns the first card."""
    keeper_check(actor)
    earlier = once.submission_claim(
        key=once_key, actor=actor, action="cnap.service_create"
    )
    if earlier is not None:
        return AdministrativeService.objects.get(pk=earlier)
    cleaned = _cleaned(data)
    service = AdministrativeService(slug=_free_slug(cleaned.name))
    _assign(service, cleaned)
    service.save(force_insert=True)
    service.centres.set(cleaned.centres)
    service.life_situations.set(cleaned.life_situations)
    once.submission_bind(key=once_key, target=service)
    audit_record(
        actor=actor,
        action="cnap.service_create",
        target=service,
        data={"name": service.name, "slug": service.slug},
    )
    return service


@transaction.atomic
def service_update(
    *, actor: AbstractBaseUser | None, service: AdministrativeService, data: ServiceData
) -> AdministrativeService:
    """Change the information card. A published card must stay complete;
    each change of a published card is a new version."""
    keeper_check(actor)
    locked = AdministrativeService.objects.select_for_update().get(pk=service.pk)
    cleaned = _cleaned(data)
    before = {name: _audit_value(getattr(locked, name)) for name in _FIELDS}
    _assign(locked, cleaned)
    changed = {
        name: _audit_value(getattr(locked, name))
        for name in _FIELDS
        if _audit_value(getattr(locked, name)) != before[name]
    }
    centres_before = set(locked.centres.values_list("pk", flat=True))
    situations_before = set(locked.life_situations.values_list("pk", flat=True))
    if centres_before != {centre.pk for centre in cleaned.centres}:
        changed["centres"] = sorted(str(centre.public_id) for centre in cleaned.centres)
    if situations_before != {situation.pk for situation in cleaned.life_situations}:
        changed["life_situations"] = sorted(s.slug for s in cleaned.life_situations)
    if not changed:
        return locked
    locked.save()
    locked.centres.set(cleaned.centres)
    locked.life_situations.set(cleaned.life_situations)
    service_changed(locked)
    audit_record(
        actor=actor,
        action="cnap.service_update",
        target=locked,
        data={"changed": changed, "version": locked.version},
    )
    return locked


@transaction.atomic
def service_status_set(
    *,
    actor: AbstractBaseUser | None,
    service: AdministrativeService,
    status: ServiceStatus,
) -> AdministrativeService:
    """Publish, suspend, resume or archive a card, or take an archived one
    back as a draft. A card is published only when complete (CNAP-01)."""
    keeper_check(actor)
    locked = AdministrativeService.objects.select_for_update().get(pk=service.pk)
    if locked.status == status:
        return locked  # a second send of the same form
    before = transition_apply(locked, to=status, table=SERVICE_TRANSITIONS)
    if status == ServiceStatus.ACTIVE:
        completeness_check(locked)
        if locked.published_at is None:
            locked.published_at = timezone.now()
    locked.save(update_fields=["status", "published_at", "updated_at"])
    service_reindex(locked)
    audit_record(
        actor=actor,
        action="cnap.service_status",
        target=locked,
        data={"from": before, "to": status},
    )
    return locked


def service_changed(service: AdministrativeService) -> None:
    """After a change of a card or of a list under it: a published card
    stays complete and counts a new version; the search follows. Inside the
    writing service's transaction, with the card locked."""
    if service.published_at is not None:
        service.version += 1
        service.save(update_fields=["version", "updated_at"])
    if service.is_public:
        completeness_check(service)
    service_reindex(service)


def completeness_check(service: AdministrativeService) -> None:
    """Refuse a card that cannot be published, listing everything it lacks
    (Law 5203-VI art. 8; CNAP-01, CNAP-02, CNAP-04, CNAP-11)."""
    missing = [message for present, message in _requirements(service) if not present]
    stages = list(service.stages.all())
    if stages and not terms.stages_fit(service, stages):
        missing.append(
            _(
                "The stages of the technological card take longer than the "
                "term of the service."
            )
        )
    if missing:
        raise ValidationError(
            _("The card cannot be published yet: %(missing)s")
            % {"missing": " ".join(missing)},
            code="service_incomplete",
            details={"__all__": missing},
        )


def _requirements(service: AdministrativeService) -> list[tuple[bool, str]]:
    paid = service.is_paid
    return [
        (service.centres.exists(), _("Choose where to apply.")),
        (bool(service.submission_methods.strip()), _("Say how to apply.")),
        (service.legal_bases.exists(), _("Add the acts the service rests on.")),
        (
            service.required_documents.exists(),
            _("Add the documents the applicant brings."),
        ),
        (
            service.term_unit == TermUnit.SAME_DAY or service.term_value is not None,
            _("Give the term of the service."),
        ),
        (bool(service.result.strip()), _("Give the result of the service.")),
        (
            bool(service.result_delivery.strip()),
            _("Say how the result is received."),
        ),
        (service.stages.exists(), _("Add the stages of the technological card.")),
        (
            not paid or bool(service.fee_legal_basis.strip()),
            _("Give the legal basis of the fee."),
        ),
        (
            not paid
            or service.fee_amount is not None
            or bool(service.fee_description.strip()),
            _("Give the fee or how it is calculated."),
        ),
        (
            not paid
            or all(
                (
                    service.payment_recipient.strip(),
                    service.payment_edrpou,
                    service.payment_iban,
                    service.payment_purpose.strip(),
                )
            ),
            _("Give the payment details: recipient, ЄДРПОУ code, IBAN and purpose."),
        ),
    ]


def _cleaned(data: ServiceData) -> ServiceData:
    """``data`` stripped and normalised, or a refusal naming the field."""
    data = replace(data, **{name: getattr(data, name).strip() for name in _TEXTS})
    name = " ".join(data.name.split())
    if not name:
        raise field_refusal(
            "name", _("Enter the service's name."), "service_name_required"
        )
    code = data.national_registry_code.strip()
    if code and not (
        len(code) <= (_CODE_LENGTH or 20)
        and all(char.isascii() and (char.isalnum() or char in "-.") for char in code)
    ):
        raise field_refusal(
            "national_registry_code",
            _("A code in the Register is made of Latin letters, digits and dashes."),
            "service_code_invalid",
        )
    iban = iban_normalise(data.payment_iban)
    _check_fee(data, iban=iban)
    term_value = None if data.term_unit == TermUnit.SAME_DAY else data.term_value
    _check_term(data, term_value=term_value)
    return replace(
        data,
        name=name,
        national_registry_code=code,
        payment_iban=iban,
        term_value=term_value,
    )


def _check_fee(data: ServiceData, *, iban: str) -> None:
    if not data.is_paid and (data.fee_amount or data.fee_description.strip()):
        raise field_refusal(
            "is_paid",
            _("A free service has no fee: mark it paid or clear the fee."),
            "service_fee_of_free",
        )
    if data.fee_amount is not None and data.fee_amount < 0:
        raise field_refusal(
            "fee_amount", _("A fee cannot be negative."), "service_fee_negative"
        )
    if data.payment_edrpou and not edrpou_is_valid(data.payment_edrpou):
        raise field_refusal(
            "payment_edrpou",
            _("This is not a valid ЄДРПОУ code: check its eight digits."),
            "service_edrpou_invalid",
        )
    if iban and not ua_iban_is_valid(iban):
        raise field_refusal(
            "payment_iban",
            _(
                "This is not a valid Ukrainian IBAN: UA, then 27 digits, "
                "29 characters in all."
            ),
            "service_iban_invalid",
        )


def _check_term(data: ServiceData, *, term_value: int | None) -> None:
    if term_value is not None and term_value < 1:
        raise field_refusal(
            "term_value",
            _("A term is at least 1; choose «on the day» for a service given at once."),
            "service_term_invalid",
        )
    term = _Term(term_value=term_value, term_unit=data.term_unit)
    if terms.exceeds_statutory_maximum(term) and not data.term_legal_basis.strip():
        raise field_refusal(
            "term_legal_basis",
            _(
                "A service takes at most 30 calendar days unless a law sets a "
                "longer term (Law 5203-VI art. 10): name that law."
            ),
            "service_term_over_maximum",
        )


@dataclass(frozen=True, slots=True)
class _Term:
    term_value: int | None
    term_unit: str


def _assign(service: AdministrativeService, data: ServiceData) -> None:
    for name in _FIELDS:
        setattr(service, name, getattr(data, name))


def _audit_value(value: object) -> object:
    if isinstance(value, ServiceProvider):
        return str(value.public_id)
    if isinstance(value, Decimal):
        return str(value)
    return value


def _free_slug(name: str) -> str:
    base = slugify_uk(name, max_length=80) or "posluha"
    if base in _RESERVED_SLUGS:
        base = f"{base}-posluha"
    slug, suffix = base, 2
    while AdministrativeService.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug
