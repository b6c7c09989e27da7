"""Writes on the registry of correspondents: add, correct, (de)activate."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core import identifiers
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.documents import permissions
from hromada.documents.models import Correspondent, CorrespondentKind
from hromada.documents.selectors import cards as selectors

# Fields the form edits; ``correspondent_update`` saves exactly these.
DETAIL_FIELDS = ("kind", "name", "search_name", "edrpou", "address", "email", "phone")


@transaction.atomic
def correspondent_create(
    *,
    actor: User | None,
    kind: CorrespondentKind,
    name: str,
    edrpou: str = "",
    address: str = "",
    email: str = "",
    phone: str = "",
) -> Correspondent:
    """Add a sender or addressee to the registry; the office only.

    ``actor=None`` is the e-mail intake, acting for the office. Sending the
    same details twice returns the entry already there (one record).
    """
    if actor is not None:
        _manager_check(actor)
    values = _clean(
        kind=kind, name=name, edrpou=edrpou, address=address, email=email, phone=phone
    )
    try:
        with transaction.atomic():
            correspondent = Correspondent.objects.create(**values)
    except IntegrityError:
        return _active_twin(values)
    audit_record(
        actor=actor,
        action="documents.correspondent_create",
        target=correspondent,
        data={"kind": correspondent.kind},
    )
    return correspondent


@transaction.atomic
def correspondent_update(
    *,
    correspondent: Correspondent,
    actor: User,
    kind: CorrespondentKind,
    name: str,
    edrpou: str = "",
    address: str = "",
    email: str = "",
    phone: str = "",
) -> Correspondent:
    """Correct an entry; its documents keep pointing at it. The office only.

    The audit event names the fields that changed, never their values: a
    person's details are personal data.
    """
    correspondent = Correspondent.objects.select_for_update().get(pk=correspondent.pk)
    _manager_check(actor)
    values = _clean(
        kind=kind, name=name, edrpou=edrpou, address=address, email=email, phone=phone
    )
    changed = sorted(
        field
        for field, value in values.items()
        if field != "search_name" and getattr(correspondent, field) != value
    )
    for field, value in values.items():
        setattr(correspondent, field, value)
    _save(correspondent, fields=[*DETAIL_FIELDS, "updated_at"])
    if changed:
        audit_record(
            actor=actor,
            action="documents.correspondent_update",
            target=correspondent,
            data={"fields": changed},
        )
    return correspondent


@transaction.atomic
def correspondent_deactivate(
    *, correspondent: Correspondent, actor: User
) -> Correspondent:
    """Take an entry out of choice lists; its documents keep it. Idempotent."""
    return _active_set(correspondent=correspondent, actor=actor, is_active=False)


@transaction.atomic
def correspondent_reactivate(
    *, correspondent: Correspondent, actor: User
) -> Correspondent:
    """Offer a deactivated entry again; refused if an active twin exists."""
    return _active_set(correspondent=correspondent, actor=actor, is_active=True)


@transaction.atomic
def correspondent_read_record(*, correspondent: Correspondent, reader: User) -> None:
    """Log that ``reader`` opened a private person's entry (SEC-03).

    The entry's page calls it; organisations are not logged.
    """
    if correspondent.kind != CorrespondentKind.PERSON:
        return
    audit_record(
        actor=reader, action="documents.correspondent_read", target=correspondent
    )


def _active_set(
    *, correspondent: Correspondent, actor: User, is_active: bool
) -> Correspondent:
    correspondent = Correspondent.objects.select_for_update().get(pk=correspondent.pk)
    _manager_check(actor)
    if correspondent.is_active == is_active:
        return correspondent
    correspondent.is_active = is_active
    _save(correspondent, fields=["is_active", "updated_at"])
    action = "correspondent_reactivate" if is_active else "correspondent_deactivate"
    audit_record(actor=actor, action=f"documents.{action}", target=correspondent)
    return correspondent


def _manager_check(actor: User) -> None:
    if not permissions.can_manage_correspondents(actor):
        raise PermissionDeniedError(
            _("The registry of correspondents is kept by the office.")
        )


def _save(correspondent: Correspondent, *, fields: list[str]) -> None:
    try:
        with transaction.atomic():
            correspondent.save(update_fields=fields)
    except IntegrityError:
        twin = _active_twin(
            {name: getattr(correspondent, name) for name in DETAIL_FIELDS}
        )
        raise ApplicationError(
            _("“%(name)s” with the same details is already in the registry.")
            % {"name": twin.name},
            code="correspondent_duplicate",
        ) from None


def _active_twin(values: dict[str, str]) -> Correspondent:
    return Correspondent.objects.get(
        is_active=True,
        kind=values["kind"],
        search_name=values["search_name"],
        edrpou=values["edrpou"],
        address=values["address"],
        email=values["email"],
    )


def _clean(
    *, kind: str, name: str, edrpou: str, address: str, email: str, phone: str
) -> dict[str, str]:
    name = " ".join(name.split())
    edrpou = "".join(edrpou.split())
    email = email.strip()
    errors: dict[str, list[str]] = {}
    if kind not in CorrespondentKind.values:
        errors["kind"] = [_("Choose whether it is an organisation or a person.")]
    if not name:
        errors["name"] = [_("Enter the correspondent's name.")]
    if edrpou:
        errors.update(_edrpou_errors(kind=kind, edrpou=edrpou))
    if email and not _email_is_valid(email):
        errors["email"] = [_("Enter an e-mail address like name@example.com.")]
    if errors:
        raise ApplicationError(
            _("Correct the correspondent's details."),
            code="correspondent_invalid",
            details=errors,
        )
    return {
        "kind": kind,
        "name": name,
        "search_name": selectors.correspondent_search_key(name),
        "edrpou": edrpou,
        "address": " ".join(address.split()),
        "email": email,
        "phone": phone.strip(),
    }


def _edrpou_errors(*, kind: str, edrpou: str) -> dict[str, list[str]]:
    # DOMAIN.md ID-04: eight digits, the last a check digit.
    if kind == CorrespondentKind.PERSON:
        return {"edrpou": [_("A private person has no ЄДРПОУ code; leave it empty.")]}
    if len(edrpou) != identifiers.EDRPOU_LENGTH or not edrpou.isdecimal():
        return {"edrpou": [_("An ЄДРПОУ code is 8 digits.")]}
    if not identifiers.edrpou_is_valid(edrpou):
        message = _("The ЄДРПОУ code %(code)s is not valid: check the digits.")
        return {"edrpou": [message % {"code": edrpou}]}
    return {}


def _email_is_valid(email: str) -> bool:
    try:
        validate_email(email)
    except DjangoValidationError:
        return False
    return True
