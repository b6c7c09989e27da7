"""Who may see and act on documents; views, endpoints and services ask here.

A card is visible to the people named on it (its registrar, addressees,
executors, controllers, route participants, explicit grants, its holder),
to the units it belongs or is addressed to and the heads above them, and,
for open cards, to the council-wide roles. ДСК and restricted cards are
visible only to the people named on them (EDMS-29).
"""

import rules
from django.db.models import Exists, OuterRef, Q

from hromada.accounts import permissions as account_permissions
from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.documents.models import (
    AccessLevel,
    ApprovalRoute,
    ApprovalTask,
    Document,
    DocumentAccessGrant,
    DocumentAddressee,
    DocumentStatus,
    Task,
)
from hromada.org import selectors as org_selectors

OPEN_LEVELS = (AccessLevel.PUBLIC, AccessLevel.INTERNAL)
# Roles that see every open card of the council: the office registers and
# dispatches all mail; the leadership may look into any open matter.
COUNCIL_WIDE_ROLES = (
    Role.REGISTRAR,
    Role.MAYOR,
    Role.DEPUTY_MAYOR,
    Role.COUNCIL_SECRETARY,
)


def _people(user: User) -> frozenset[int]:
    """The user and everyone they substitute for today."""
    return frozenset({user.pk}) | org_selectors.substitution_absent_ids_for(user=user)


def _named_q(people: frozenset[int]) -> Q:
    return (
        Q(created_by__in=people)
        | Q(registered_by__in=people)
        | Q(holder__in=people)
        | Q(signatory__in=people)
        | Q(
            Exists(
                ApprovalRoute.objects.filter(
                    document=OuterRef("pk"), started_by__in=people
                )
            )
        )
        | Q(
            Exists(
                DocumentAddressee.objects.filter(
                    document=OuterRef("pk"), user__in=people
                )
            )
        )
        # One probe of the card's tasks for both: a head's journal checks
        # thousands of cards whose tasks they control (bench/edms.py, E3).
        | Q(
            Exists(
                Task.objects.filter(
                    Q(executor__in=people) | Q(controller__in=people),
                    document=OuterRef("pk"),
                )
            )
        )
        | Q(
            Exists(
                ApprovalTask.objects.filter(
                    step__route__document=OuterRef("pk"), participant__in=people
                )
            )
        )
        | Q(
            Exists(
                DocumentAccessGrant.objects.filter(
                    document=OuterRef("pk"), user__in=people
                )
            )
        )
    )


def _unit_q(user: User) -> Q:
    units = org_selectors.org_unit_ids_for_user(
        user=user
    ) | org_selectors.org_unit_descendant_ids(
        unit_ids=org_selectors.org_unit_ids_headed_by(user=user)
    )
    return Q(org_unit__in=units) | Q(
        Exists(
            DocumentAddressee.objects.filter(
                document=OuterRef("pk"), org_unit__in=units
            )
        )
    )


def visible_documents_q(user: User) -> Q:
    """The ``can_view`` rule as a queryset filter; keep the two in step."""
    if not account_permissions.can_use_cabinet(user):
        return Q(pk__in=[])
    open_cards = Q(access_level__in=OPEN_LEVELS)
    visible = _named_q(_people(user)) | (open_cards & _unit_q(user))
    if any(account_permissions.has_role(user, role) for role in COUNCIL_WIDE_ROLES):
        visible |= open_cards
    return visible


@rules.predicate
def can_view(user: User, document: Document) -> bool:
    """Whether ``user`` may open the card (hidden answers 404).

    Most rules on a card start with ``can_view``; the answer is kept on the
    instance for that user, so a page asking several rules runs the
    visibility query once. Services lock a fresh instance, so they ask anew.
    """
    answers: dict[int, bool] = document.__dict__.setdefault("_visible_to", {})
    if user.pk not in answers:
        answers[user.pk] = Document.objects.filter(
            visible_documents_q(user), pk=document.pk
        ).exists()
    return answers[user.pk]


@rules.predicate
def is_registrar(user: User) -> bool:
    """Works in the office: registers and dispatches documents."""
    return account_permissions.has_role(user, Role.REGISTRAR)


@rules.predicate
def is_draft(user: User, document: Document) -> bool:
    return document.status == DocumentStatus.DRAFT


@rules.predicate
def is_restricted(user: User, document: Document) -> bool:
    """ДСК or restricted by law: reads are audited (SEC-03, EDMS-29)."""
    return document.access_level not in OPEN_LEVELS


can_register = rules.is_active & is_registrar & can_view & is_draft
