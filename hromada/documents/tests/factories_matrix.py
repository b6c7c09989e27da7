"""The council behind the permission matrix, built once per test module.

One org tree and, per access level, one *case*: an incoming card resolved
by the head of the addressed unit (three tasks and a controller), with a
file and a running approval route, plus a draft card and a registered
outgoing letter of the same office, addressed and granted alike. Everything
is made through the services, so the state is one the rules allow.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from uuid import UUID

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.documents.models import (
    AccessLevel,
    ApprovalKind,
    ApprovalTask,
    Channel,
    Document,
    DocumentKind,
    Journal,
    Task,
    TaskRole,
)
from hromada.documents.services import files as file_services
from hromada.documents.services import registration, relations, route_steps
from hromada.documents.services import resolutions as resolution_services
from hromada.documents.services import routes as route_services
from hromada.documents.tests.factories_cards import CorrespondentFactory, JournalFactory
from hromada.documents.tests.factories_control import employee_in
from hromada.org.models import OrgUnit
from hromada.org.tests.factories import OrgUnitFactory, SubstitutionFactory
from hromada.signatures.tests.pdf import pdf_with_text

LEVELS = (
    AccessLevel.PUBLIC,
    AccessLevel.INTERNAL,
    AccessLevel.DSK,
    AccessLevel.RESTRICTED,
)
CLOSED_LEVELS = (AccessLevel.DSK, AccessLevel.RESTRICTED)
BASIS = "ст. 9 Закону України «Про доступ до публічної інформації»"

REGISTRAR = "registrar of the unit"
REGISTRAR_ELSEWHERE = "registrar of another unit"
HEAD = "head of the addressed unit"
HEAD_ABOVE = "head of the parent unit"
MAYOR = "mayor"
DEPUTY_MAYOR = "deputy mayor"
RESPONSIBLE = "responsible executor"
CO_EXECUTOR = "co-executor"
FOR_INFORMATION = "for-information recipient"
CONTROLLER = "controller"
APPROVER = "approver in the route"
GRANTEE = "named grantee"
COLLEAGUE = "colleague in the addressed unit"
OUTSIDER = "staff of another unit"
SUBSTITUTE = "substitute for the head"
CITIZEN = "citizen"
ANONYMOUS = "anonymous"
ACTORS = (
    REGISTRAR,
    REGISTRAR_ELSEWHERE,
    HEAD,
    HEAD_ABOVE,
    MAYOR,
    DEPUTY_MAYOR,
    RESPONSIBLE,
    CO_EXECUTOR,
    FOR_INFORMATION,
    CONTROLLER,
    APPROVER,
    GRANTEE,
    COLLEAGUE,
    OUTSIDER,
    SUBSTITUTE,
    CITIZEN,
    ANONYMOUS,
)
# Everyone but the anonymous visitor has an account.
PEOPLE = ACTORS[:-1]


@dataclass(frozen=True, kw_only=True)
class Case:
    """The public ids of one access level's cards and of what hangs on them."""

    card: UUID  # registered incoming card: file, resolution, route
    version: UUID  # the card's file version
    task: UUID  # the responsible executor's task
    approval: UUID  # the approver's pending visa
    draft: UUID  # a draft incoming card of the office
    outgoing: UUID  # a registered outgoing letter of the office
    number: str  # the card's registration number


@dataclass(frozen=True, kw_only=True)
class World:
    """Who is who (user pks by actor) and the case of every access level."""

    people: dict[str, int]
    cases: dict[str, Case]
    addressed_unit: UUID
    incoming_journal: UUID


def user_of(world: World, actor: str) -> User:
    """A fresh instance: the rules cache answers on the user object."""
    return User.objects.get(pk=world.people[actor])


@contextmanager
def world_built(media_root: Path) -> Iterator[World]:
    """Build the world in a transaction that is rolled back afterwards.

    The caller has unblocked the database; each test then runs in a
    savepoint of this transaction, so the world is shared, never changed.
    Tests read streamed responses to the end instead of calling
    ``close()``: that fires ``request_finished``, which closes a connection
    found inside a transaction, and with it this one.
    """
    with (
        override_settings(MEDIA_ROOT=media_root, HROMADA_DEMO=True),
        transaction.atomic(),
    ):
        yield _world()
        transaction.set_rollback(True)


def _world() -> World:
    parent = OrgUnitFactory.create(name="Управління економіки")
    unit = OrgUnitFactory.create(name="Відділ торгівлі", parent=parent)
    office = OrgUnitFactory.create(name="Загальний відділ")
    people = _people(parent=parent, unit=unit, office=office)
    incoming = JournalFactory.create(
        org_unit=office, kind=DocumentKind.INCOMING, case_index="01-12"
    )
    outgoing = JournalFactory.create(
        org_unit=office,
        kind=DocumentKind.OUTGOING,
        index_template="{case_index}/{seq}",
        case_index="01-15",
    )
    return World(
        people={actor: user.pk for actor, user in people.items()},
        cases={
            level: _case(
                level,
                people=people,
                office=office,
                unit=unit,
                journals=(incoming, outgoing),
            )
            for level in LEVELS
        },
        addressed_unit=unit.public_id,
        incoming_journal=incoming.public_id,
    )


def _people(*, parent: OrgUnit, unit: OrgUnit, office: OrgUnit) -> dict[str, User]:
    elsewhere = OrgUnitFactory.create(name="Відділ спорту")
    head = employee_in(unit, is_head=True, roles=(Role.UNIT_HEAD,))
    substitute = employee_in(unit)
    today = timezone.localdate()
    SubstitutionFactory.create(
        absent=head,
        substitute=substitute,
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=1),
    )
    return {
        REGISTRAR: employee_in(office, roles=(Role.REGISTRAR,)),
        REGISTRAR_ELSEWHERE: employee_in(elsewhere, roles=(Role.REGISTRAR,)),
        HEAD: head,
        HEAD_ABOVE: employee_in(parent, is_head=True, roles=(Role.UNIT_HEAD,)),
        MAYOR: UserFactory.create(roles=[Role.MAYOR]),
        DEPUTY_MAYOR: UserFactory.create(roles=[Role.DEPUTY_MAYOR]),
        RESPONSIBLE: employee_in(unit),
        CO_EXECUTOR: employee_in(unit),
        FOR_INFORMATION: employee_in(unit),
        CONTROLLER: employee_in(OrgUnitFactory.create(name="Сектор контролю")),
        APPROVER: employee_in(OrgUnitFactory.create(name="Юридичний відділ")),
        GRANTEE: employee_in(OrgUnitFactory.create(name="Відділ кадрів")),
        COLLEAGUE: employee_in(unit),
        OUTSIDER: employee_in(elsewhere),
        SUBSTITUTE: substitute,
        CITIZEN: UserFactory.create(roles=[Role.CITIZEN]),
    }


def _case(
    level: AccessLevel,
    *,
    people: dict[str, User],
    office: OrgUnit,
    unit: OrgUnit,
    journals: tuple[Journal, Journal],
) -> Case:
    incoming, outgoing_journal = journals
    card = _registered(level, people=people, office=office, unit=unit, journal=incoming)
    version = file_services.file_add(
        document=card,
        actor=people[REGISTRAR],
        content=pdf_with_text(f"Letter {level}"),
        name="lyst.pdf",
    ).versions.get()
    resolution_services.resolution_create(
        document=card,
        author=people[HEAD],
        entered_by=people[HEAD],
        text="Опрацювати та підготувати відповідь",
        executors=[people[RESPONSIBLE], people[CO_EXECUTOR]],
        for_information=[people[FOR_INFORMATION]],
        controller=people[CONTROLLER],
    )
    route_services.route_start(
        document=card,
        version=version,
        actor=people[REGISTRAR],
        steps=[
            route_steps.StepSpec(
                kind=ApprovalKind.VISA, participants=[people[APPROVER]]
            )
        ],
    )
    draft = _draft(level, people=people, office=office, unit=unit)
    letter = _registered(
        level,
        people=people,
        office=office,
        unit=unit,
        journal=outgoing_journal,
        kind=DocumentKind.OUTGOING,
    )
    return Case(
        card=card.public_id,
        version=version.public_id,
        task=Task.objects.get(document=card, role=TaskRole.RESPONSIBLE).public_id,
        approval=ApprovalTask.objects.get(step__route__document=card).public_id,
        draft=draft.public_id,
        outgoing=letter.public_id,
        number=card.registration_number,
    )


def _draft(
    level: AccessLevel,
    *,
    people: dict[str, User],
    office: OrgUnit,
    unit: OrgUnit,
    kind: DocumentKind = DocumentKind.INCOMING,
) -> Document:
    """A card of the office, addressed to the unit and to its head by name."""
    registrar = people[REGISTRAR]
    document = registration.document_create_draft(
        actor=registrar,
        kind=kind,
        org_unit=office,
        summary=f"Про ярмарок вихідного дня ({level}, {kind})",
        access_level=level,
        access_basis=BASIS if level in CLOSED_LEVELS else "",
        channel=Channel.POST,
        correspondent=CorrespondentFactory.create(),
        signatory=people[HEAD] if kind == DocumentKind.OUTGOING else None,
        addressee_units=[unit],
        addressee_users=[people[HEAD]],
    )
    if level in CLOSED_LEVELS:
        relations.document_grant_access(
            document=document, user=people[GRANTEE], actor=registrar
        )
    return document


def _registered(
    level: AccessLevel,
    *,
    people: dict[str, User],
    office: OrgUnit,
    unit: OrgUnit,
    journal: Journal,
    kind: DocumentKind = DocumentKind.INCOMING,
) -> Document:
    draft = _draft(level, people=people, office=office, unit=unit, kind=kind)
    document = registration.document_register(
        document=draft, journal=journal, actor=people[REGISTRAR]
    )
    # Indexing runs after commit, and this transaction never commits.
    registration.document_index(document_id=document.pk)
    return document
