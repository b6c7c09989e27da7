"""Who may see and keep the registry of correspondents.

The office (registrars) keeps the registry. A person's entry is personal
data: staff outside the office see it only while they may see one of that
person's documents; organisations are seen by all staff.
"""

import rules
from django.db.models import Exists, OuterRef, Q

from hromada.accounts import permissions as account_permissions
from hromada.accounts.models import User
from hromada.documents.models import Correspondent, CorrespondentKind, Document
from hromada.documents.permissions.visibility import (
    is_registrar,
    visible_documents_q,
)


def visible_correspondents_q(user: User) -> Q:
    """The ``can_view_correspondent`` rule as a queryset filter."""
    if not account_permissions.can_use_cabinet(user):
        return Q(pk__in=[])
    if is_registrar(user):
        return Q()
    documents = Document.objects.filter(
        visible_documents_q(user), correspondent=OuterRef("pk")
    )
    return ~Q(kind=CorrespondentKind.PERSON) | Q(Exists(documents))


@rules.predicate
def can_view_correspondent(user: User, correspondent: Correspondent) -> bool:
    """Whether ``user`` may open the entry (hidden answers 404)."""
    return Correspondent.objects.filter(
        visible_correspondents_q(user), pk=correspondent.pk
    ).exists()


# Adding, correcting, deactivating and reactivating entries.
can_manage_correspondents = rules.is_active & is_registrar
