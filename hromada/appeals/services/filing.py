"""Filing an appeal: check it, register it in the EDMS, route it, tell the
applicant its number.

The law asks an electronic appeal for the author's name, place of residence,
the essence of the matter and a way to answer (Закон «Про звернення
громадян», ст. 5; DOMAIN.md APL-02, APL-03); the term runs from the day of
registration (ст. 20; D1, D2). The desk's channels (the contact centre,
a hotline, the post) file through ``appeal_submit`` and read the number
back at once; the public's (the portal form, Open311) are accepted by
``intake.appeal_accept`` and registered a moment later through
``appeal_register`` (ADR 9).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final
from uuid import UUID

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.appeals import permissions, privacy
from hromada.appeals.models import (
    CHANNEL_RECEIPT,
    Appeal,
    AppealChannel,
    AppealEvent,
    AppealEventKind,
    AppealSubject,
    Applicant,
    ReceiptAttribute,
    RoutingRule,
)
from hromada.appeals.selectors import contact as contact_selectors
from hromada.appeals.selectors import routing as routing_selectors
from hromada.appeals.services import attachments, filing_input, notices
from hromada.appeals.services.filing_input import (
    AppealInput,
    ApplicantInput,
)
from hromada.core import deadlines, once, ratelimit
from hromada.core.audit import audit_record
from hromada.core.errors import (
    ApplicationError,
    PermissionDeniedError,
    ValidationError,
)
from hromada.core.models import StoredFile
from hromada.documents.models import Channel, DocumentKind, Journal
from hromada.documents.selectors import cards as document_selectors
from hromada.documents.services import receiving
from hromada.gis import selectors as gis_selectors
from hromada.gis.models import Address, District

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
class AppealPlace:
    """Where an appeal is: a registry address or a point, its district."""

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
    keys = () if desk else public_rate_keys(actor=actor, client_key=client_key)
    ratelimit.rate_limit_check(rates=RATES, keys=keys)
    earlier = once.submission_claim(key=once_key, actor=actor, action="appeals.submit")
    if earlier is not None:
        return Appeal.objects.get(pk=earlier)
    answers = filing_input.appeal_input_check(data, channel=channel)
    place = appeal_place(data)
    stored = attachments.attachments_keep(data.files, actor=actor)
    appeal = appeal_register(
        data, actor=actor, channel=channel, place=place, answers=answers, files=stored
    )
    once.submission_bind(key=once_key, target=appeal)
    transaction.on_commit(lambda: ratelimit.rate_limit_count(rates=RATES, keys=keys))
    return appeal


def public_rate_keys(*, actor: User | None, client_key: str) -> tuple[str, ...]:
    """What the public's filings are counted by: address and account."""
    return (client_key, f"user:{actor.pk}" if actor else "")


def appeal_register(
    data: AppealInput,
    *,
    actor: User | None,
    channel: AppealChannel,
    place: AppealPlace,
    answers: dict[str, object],
    files: Sequence[StoredFile],
) -> Appeal:
    """Register checked input: the EDMS card and its number, routing, the
    appeal and its first steps, its files, the audit record and the
    "registered" e-mail. Runs in the caller's transaction: ``appeal_submit``
    here and now, ``intake.appeal_intake_register`` for an accepted one."""
    text = f"{data.title}\n{data.description}"
    rule = routing_selectors.routing_rule_for(
        category=data.category,
        district_id=place.district.pk if place.district else None,
        text=text,
    )
    appeal = _register(
        data, actor=actor, channel=channel, place=place, rule=rule, answers=answers
    )
    attachments.attachments_link(appeal, files)
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
    return appeal


def _register(
    data: AppealInput,
    *,
    actor: User | None,
    channel: AppealChannel,
    place: AppealPlace,
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


def appeal_place(data: AppealInput) -> AppealPlace:
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
    return AppealPlace(
        address=data.address, district=district, lon=lon, lat=lat, text=text.strip()
    )


def _place_error(message: str) -> ValidationError:
    return ValidationError(
        message, code="appeal_place", details={"location": [message]}
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
