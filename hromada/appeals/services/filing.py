"""Filing an appeal: check it, register it in the EDMS, route it, tell the
applicant its number.

The law asks an electronic appeal for the author's name, place of residence,
the essence of the matter and a way to answer (Закон «Про звернення
громадян», ст. 5; DOMAIN.md APL-02, APL-03); the term runs from the day of
registration (ст. 20; D1, D2). Every channel — the portal form, the
contact centre, Open311 — files through ``appeal_submit``.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files import File
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.appeals import permissions, privacy
from hromada.appeals.models import (
    CHANNEL_RECEIPT,
    DESCRIPTION_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Appeal,
    AppealAnswer,
    AppealAttachment,
    AppealChannel,
    AppealEvent,
    AppealEventKind,
    AppealKind,
    AppealSubject,
    Applicant,
    AttachmentRole,
    AuthorCategory,
    AuthorGender,
    Category,
    ReceiptAttribute,
    RoutingRule,
    SocialStatus,
)
from hromada.appeals.selectors import contact as contact_selectors
from hromada.appeals.selectors import routing as routing_selectors
from hromada.appeals.services import notices, questions
from hromada.core import deadlines, once, ratelimit, storage
from hromada.core.audit import audit_record
from hromada.core.errors import (
    ApplicationError,
    PermissionDeniedError,
    ValidationError,
)
from hromada.documents.models import Channel, DocumentKind, Journal
from hromada.documents.selectors import cards as document_selectors
from hromada.documents.services import receiving
from hromada.gis import selectors as gis_selectors
from hromada.gis.models import Address, District

PHOTO_TYPES: Final = frozenset({storage.JPEG, storage.PNG})
FILE_TYPES: Final = PHOTO_TYPES | {storage.PDF}
FILE_MAX_BYTES: Final = 10 * 1024 * 1024
FILES_MAX: Final = 5
CO_SIGNERS_MAX: Final = 50
# Markup in plain text is refused, not silently stripped: the citizen sees
# what will be registered. Angle brackets around ordinary words stay.
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
LINK = re.compile(r"https?://", re.IGNORECASE)
LINKS_MAX: Final = 3
# Five appeals in ten minutes, twenty a day, from one account or address.
RATES: Final = (
    ratelimit.RateLimit(scope="appeals.submit", limit=5, window_seconds=600),
    ratelimit.RateLimit(scope="appeals.submit", limit=20, window_seconds=86400),
)
# Channels an official writes down (APL-05, APL-16); the portal and Open311
# are the public's own.
DESK_CHANNELS: Final = frozenset(
    set(AppealChannel) - {AppealChannel.PORTAL, AppealChannel.OPEN311}
)
DOCUMENT_CHANNELS: Final = {
    AppealChannel.PORTAL: Channel.PORTAL,
    AppealChannel.OPEN311: Channel.PORTAL,
    AppealChannel.CONTACT_CENTRE: Channel.PHONE,
    AppealChannel.HOTLINE: Channel.PHONE,
    AppealChannel.PERSONAL_RECEPTION: Channel.IN_PERSON,
    AppealChannel.POST: Channel.POST,
    AppealChannel.EMAIL: Channel.EMAIL,
    AppealChannel.NATIONAL_CONTACT_CENTRE: Channel.PHONE,
}


@dataclass(frozen=True, kw_only=True, slots=True)
class ApplicantInput:
    """An author as the form or the operator gave them."""

    family_name: str = ""
    given_name: str = ""
    patronymic: str = ""
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    gender: str = AuthorGender.NOT_STATED


@dataclass(frozen=True, kw_only=True)
class AppealInput:
    """Everything an appeal states; the channel decides what is required."""

    kind: str
    category: Category
    title: str
    description: str
    applicant: ApplicantInput
    is_public: bool = True
    subject: str = AppealSubject.INDIVIDUAL
    co_signers: Sequence[ApplicantInput] = ()
    author_categories: Sequence[AuthorCategory] = ()
    social_status: str = SocialStatus.NOT_STATED
    answers: Mapping[str, object] = field(default_factory=dict)
    address: Address | None = None
    address_text: str = ""
    lon: float | None = None
    lat: float | None = None
    files: Sequence[File[bytes]] = ()
    # An earlier appeal this one contests or repeats (повторне), or the
    # same appeal of the same person received again (дублетне, APL-15).
    repeat_of: Appeal | None = None
    duplicate_of: Appeal | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class _Place:
    address: Address | None
    district: District | None
    lon: float | None
    lat: float | None
    text: str


@transaction.atomic
def appeal_submit(
    *,
    actor: User | None,
    channel: AppealChannel,
    data: AppealInput,
    once_key: UUID | None = None,
    client_key: str = "",
) -> Appeal:
    """Register ``data`` as an appeal, route it and notify the applicant.

    ``actor`` is the signed-in citizen, the operator who wrote the call
    down, or ``None`` for a visitor. A form sent twice with the same
    ``once_key`` returns the first appeal. ``client_key`` (the visitor's
    address) and the account are rate limited; a refusal changes nothing.
    """
    desk = (
        actor is not None
        and channel in DESK_CHANNELS
        and permissions.can_take_calls(actor)
    )
    if channel in DESK_CHANNELS and not desk:
        raise PermissionDeniedError(
            _("Appeals by phone or in person are written down by the contact centre.")
        )
    # An operator takes call after call: only the public's filings count.
    keys = () if desk else (client_key, f"user:{actor.pk}" if actor else "")
    ratelimit.rate_limit_check(rates=RATES, keys=keys)
    earlier = once.submission_claim(key=once_key, actor=actor, action="appeals.submit")
    if earlier is not None:
        return Appeal.objects.get(pk=earlier)
    answers = _check(data, channel=channel)
    place = _place(data)
    text = f"{data.title}\n{data.description}"
    rule = routing_selectors.routing_rule_for(
        category=data.category,
        district_id=place.district.pk if place.district else None,
        text=text,
    )
    appeal = _register(
        data, actor=actor, channel=channel, place=place, rule=rule, answers=answers
    )
    attachments_store(appeal, data.files, actor=actor)
    _events_first(appeal, actor=actor)
    audit_record(
        actor=actor,
        action="appeals.submit",
        target=appeal,
        data={
            "number": appeal.number,
            "channel": channel,
            "category": data.category.code,
            "unit": appeal.unit_id,
            "rule": rule.pk if rule else None,
        },
    )
    _notify_registered(appeal)
    once.submission_bind(key=once_key, target=appeal)
    transaction.on_commit(lambda: ratelimit.rate_limit_count(rates=RATES, keys=keys))
    return appeal


def _register(
    data: AppealInput,
    *,
    actor: User | None,
    channel: AppealChannel,
    place: _Place,
    rule: RoutingRule | None,
    answers: dict[str, object],
) -> Appeal:
    unit = rule.unit if rule is not None and not rule.outside_competence else None
    today = timezone.localdate()
    due = deadlines.deadline_compute(rule_code=data.category.term_rule, start=today)
    cap = deadlines.deadline_compute(rule_code="appeal.general", start=today)
    document = receiving.document_receive(
        actor=actor,
        kind=DocumentKind.APPEAL,
        journal=_journal(),
        summary=f"{data.category.name}: {data.title}"[:1000],
        channel=DOCUMENT_CHANNELS[channel],
        addressee_units=[unit] if unit is not None else [],
        index_letter=_index_letter(data),
        due_on=due.due_on,
    )
    receipt_form, appeal_form = CHANNEL_RECEIPT[channel]
    receipt_attribute = ReceiptAttribute.PRIMARY
    if data.duplicate_of is not None:
        receipt_attribute = ReceiptAttribute.DUPLICATE
    elif data.repeat_of is not None:
        receipt_attribute = ReceiptAttribute.REPEAT
    applicant = _applicant_create(data.applicant, user=_citizen(actor, channel))
    appeal = Appeal.objects.create(
        document=document,
        number=document.registration_number,
        registered_at=document.registered_at or timezone.now(),
        owner=_citizen(actor, channel),
        applicant=applicant,
        kind=data.kind,
        subject=data.subject,
        receipt_form=receipt_form,
        receipt_attribute=receipt_attribute,
        repeat_of=data.repeat_of,
        duplicate_of=data.duplicate_of,
        appeal_form=appeal_form,
        author_gender=data.applicant.gender,
        social_status=data.social_status,
        topic=data.category.topic,
        privileged=any(category.privileged for category in data.author_categories),
        channel=channel,
        category=data.category,
        answers=answers,
        title=data.title.strip(),
        description=data.description.strip(),
        public_title=privacy.redact(
            data.title.strip(), names=_names(data), places=_places(data)
        ),
        public_description=privacy.redact(
            data.description.strip(), names=_names(data), places=_places(data)
        ),
        is_public=data.is_public,
        address=place.address,
        address_text=place.text,
        lon=place.lon,
        lat=place.lat,
        district=place.district,
        routing_rule=rule,
        unit=unit,
        controller=rule.controller if rule is not None else None,
        due_on=due.due_on,
        due_rule=due.rule_code,
        due_explanation=due.explanation,
        limit_on=cap.limit_on or due.due_on,
    )
    if data.co_signers:
        appeal.co_signers.set(
            [_applicant_create(signer, user=None) for signer in data.co_signers]
        )
    if data.author_categories:
        appeal.author_categories.set(data.author_categories)
    return appeal


def _names(data: AppealInput) -> list[str]:
    """The applicants' names, hidden in what the public reads."""
    people = [data.applicant, *data.co_signers]
    return [
        name
        for person in people
        for name in (person.family_name, person.given_name, person.patronymic)
    ]


def _places(data: AppealInput) -> list[str]:
    """Where the applicants live: never in what the public reads."""
    return [person.postal_address for person in (data.applicant, *data.co_signers)]


def _citizen(actor: User | None, channel: AppealChannel) -> User | None:
    """The account the appeal belongs to: the citizen's own filing only."""
    return actor if channel == AppealChannel.PORTAL else None


def _journal() -> Journal:
    journal = document_selectors.journal_list(kind=DocumentKind.APPEAL).first()
    if journal is None:
        raise ApplicationError(
            _(
                "The council keeps no journal of appeals yet; the office must "
                "open one before appeals can be filed."
            ),
            code="no_appeals_journal",
        )
    return journal


def _index_letter(data: AppealInput) -> str:
    """The index letter (КМУ 348, п. 8): «КО» for a collective appeal,
    «БП» for an unsigned one, else the surname's first letter."""
    if data.subject == AppealSubject.COLLECTIVE:
        return "КО"
    if data.subject == AppealSubject.ANONYMOUS:
        return "БП"
    return data.applicant.family_name.strip()[:1].upper()


def _applicant_create(given: ApplicantInput, *, user: User | None) -> Applicant:
    return Applicant.objects.create(
        user=user,
        family_name=given.family_name.strip(),
        given_name=given.given_name.strip(),
        patronymic=given.patronymic.strip(),
        email=given.email.strip().lower(),
        phone=contact_selectors.phone_canonical(given.phone) or given.phone.strip(),
        postal_address=given.postal_address.strip(),
        gender=given.gender,
    )


def _check(data: AppealInput, *, channel: AppealChannel) -> dict[str, object]:
    """Every refusal at once, by field; the cleaned answers to questions."""
    errors: dict[str, list[str]] = {}
    _check_text(data, errors)
    _check_applicant(data.applicant, channel=channel, errors=errors, prefix="")
    if data.subject == AppealSubject.COLLECTIVE and not data.co_signers:
        errors.setdefault("co_signers", []).append(
            _("A collective appeal needs at least one co-signer.")
        )
    if len(data.co_signers) > CO_SIGNERS_MAX:
        errors.setdefault("co_signers", []).append(
            _("An appeal takes at most %(count)d co-signers here.")
            % {"count": CO_SIGNERS_MAX}
        )
    for signer in data.co_signers:
        if not (signer.family_name.strip() and signer.given_name.strip()):
            errors.setdefault("co_signers", []).append(
                _("Give every co-signer's surname and first name.")
            )
            break
    if (
        not data.category.is_active
        or data.category.children.filter(is_active=True).exists()
    ):
        errors.setdefault("category", []).append(_("Choose a category from the list."))
    if data.repeat_of is not None and data.duplicate_of is not None:
        errors.setdefault("repeat_of", []).append(
            _("An appeal repeats an earlier one or duplicates it, not both.")
        )
    if len(data.files) > FILES_MAX:
        errors.setdefault("files", []).append(
            _("Attach at most %(count)d files.") % {"count": FILES_MAX}
        )
    answers = questions.answers_clean(data.category, data.answers, errors=errors)
    if errors:
        raise ValidationError(
            _("Check the appeal: some fields need your attention."),
            code="appeal_invalid",
            details=errors,
        )
    return answers


def _check_text(data: AppealInput, errors: dict[str, list[str]]) -> None:
    if data.kind not in AppealKind.values:
        errors.setdefault("kind", []).append(_("Choose the kind of appeal."))
    limits = (
        ("title", data.title, TITLE_MAX_LENGTH),
        ("description", data.description, DESCRIPTION_MAX_LENGTH),
    )
    for name, value, limit in limits:
        value = value.strip()
        if not value:
            errors.setdefault(name, []).append(_("Fill in this field."))
        elif len(value) > limit:
            errors.setdefault(name, []).append(
                _("Write at most %(count)d characters.") % {"count": limit}
            )
        elif MARKUP.search(value):
            errors.setdefault(name, []).append(
                _("Write plain text: HTML tags and scripts are not accepted.")
            )
    if len(LINK.findall(data.description)) > LINKS_MAX:
        errors.setdefault("description", []).append(
            _("An appeal may hold at most %(count)d links.") % {"count": LINKS_MAX}
        )


def _check_applicant(
    applicant: ApplicantInput,
    *,
    channel: AppealChannel,
    errors: dict[str, list[str]],
    prefix: str,
) -> None:
    required = ["family_name", "given_name"]
    if channel == AppealChannel.PORTAL:
        # ст. 5: a written appeal states the place of residence; an
        # electronic one, an e-mail address for the reply.
        required += ["postal_address", "email"]
    elif channel == AppealChannel.OPEN311:
        # Open311 clients (FixMyStreet among them) ask for no residence;
        # the e-mail address is the way to answer (APL-03).
        required.append("email")
    else:
        required.append("phone")
    for name in required:
        if not str(getattr(applicant, name)).strip():
            errors.setdefault(prefix + name, []).append(_("Fill in this field."))
    if applicant.email.strip():
        try:
            validate_email(applicant.email.strip())
        except DjangoValidationError:
            errors.setdefault(prefix + "email", []).append(
                _("Enter an e-mail address like name@example.com.")
            )
    if applicant.gender not in AuthorGender.values:
        errors.setdefault(prefix + "gender", []).append(_("Choose from the list."))


def _place(data: AppealInput) -> _Place:
    """The appeal's place: a registry address, or a point, inside the city."""
    lon, lat, district = data.lon, data.lat, None
    if data.address is not None:
        if lon is None or lat is None:
            lon, lat = data.address.lon, data.address.lat
        district = data.address.district
    if (lon is None) != (lat is None):
        raise _place_error(_("Give both the longitude and the latitude."))
    if lon is not None and lat is not None:
        place = gis_selectors.point_place(lon=lon, lat=lat)
        if not place.is_in_city:
            raise _place_error(
                _("The point is outside the city. Put the pin on the city map.")
            )
        district = place.district or district
    elif data.category.needs_location and not data.address_text.strip():
        raise _place_error(_("Show the place on the map or give its address."))
    text = str(data.address) if data.address is not None else data.address_text
    return _Place(
        address=data.address, district=district, lon=lon, lat=lat, text=text.strip()
    )


def _place_error(message: str) -> ValidationError:
    return ValidationError(
        message, code="appeal_place", details={"location": [message]}
    )


def attachments_store(
    appeal: Appeal,
    files: Sequence[File[bytes]],
    *,
    actor: User | None,
    answer: AppealAnswer | None = None,
) -> None:
    """Store photos and PDFs of the appeal (or of ``answer``) atomically,
    each checked by kind and size and kept with its SHA-256."""
    for upload in files:
        stored = storage.file_store(
            content=upload,
            name=upload.name or "file",
            allowed_types=FILE_TYPES,
            folder="appeals",
            max_bytes=FILE_MAX_BYTES,
            uploaded_by=actor,
        )
        AppealAttachment.objects.create(
            appeal=appeal,
            answer=answer,
            stored_file=stored,
            role=AttachmentRole.ANSWER if answer else AttachmentRole.APPLICANT,
            is_image=stored.content_type in PHOTO_TYPES,
        )


def _events_first(appeal: Appeal, *, actor: User | None) -> None:
    events = [
        AppealEvent(
            appeal=appeal,
            kind=AppealEventKind.REGISTERED,
            at=appeal.registered_at,
            actor=actor,
        )
    ]
    if appeal.unit_id is not None:
        events.append(
            AppealEvent(
                appeal=appeal,
                kind=AppealEventKind.ROUTED,
                at=appeal.registered_at,
                unit_id=appeal.unit_id,
            )
        )
    AppealEvent.objects.bulk_create(events)


def _notify_registered(appeal: Appeal) -> None:
    notices.applicant_notify(appeal, template="appeals/registered", key="registered")
