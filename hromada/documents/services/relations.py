"""Writes around a card: links between cards, access grants, reply cards."""

from django.db import transaction
from django.utils.translation import gettext as _

from hromada.accounts import permissions as account_permissions
from hromada.accounts.models import User
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.documents import permissions
from hromada.documents.models import (
    AccessLevel,
    Channel,
    Document,
    DocumentAccessGrant,
    DocumentKind,
    DocumentLink,
    DocumentStatus,
    LinkKind,
)
from hromada.documents.services.registration import document_create_draft

GRANTED_LEVELS = (AccessLevel.DSK, AccessLevel.RESTRICTED)


@transaction.atomic
def document_link(
    *, source: Document, target: Document, kind: LinkKind, actor: User
) -> DocumentLink:
    """Record that ``source`` replies to / repeats / … ``target``; idempotent.

    The actor must see both cards.
    """
    sees_both = permissions.can_link(actor, source) and permissions.can_view(
        actor, target
    )
    if not sees_both:
        raise PermissionDeniedError(_("You can link only documents you can see."))
    if source.pk == target.pk:
        raise ApplicationError(
            _("A document cannot be linked to itself."), code="link_to_self"
        )
    link, created = DocumentLink.objects.get_or_create(
        source=source, target=target, kind=kind
    )
    if created:
        audit_record(
            actor=actor,
            action="documents.link",
            target=source,
            data={"target": target.pk, "kind": kind},
        )
    return link


@transaction.atomic
def document_link_remove(*, link: DocumentLink, actor: User) -> None:
    """Take back a link; whoever sees both cards may. Idempotent.

    The event goes on the link's source card, where ``document_link`` put it.
    """
    locked = (
        DocumentLink.objects.select_for_update()
        .select_related("source", "target")
        .filter(pk=link.pk)
        .first()
    )
    if locked is None:
        return
    if not permissions.can_remove_link(actor, locked):
        raise PermissionDeniedError(
            _("You can unlink only documents you can see both of.")
        )
    locked.delete()
    audit_record(
        actor=actor,
        action="documents.unlink",
        target=locked.source,
        data={"target": locked.target_id, "kind": locked.kind},
    )


@transaction.atomic
def document_grant_access(
    *, document: Document, user: User, actor: User
) -> DocumentAccessGrant:
    """Let ``user`` see a ДСК or restricted card (EDMS-29); idempotent.

    The card's registrar, author or unit head, who can see it; staff only.
    """
    _grant_check(document=document, actor=actor)
    if not account_permissions.can_use_cabinet(user):
        message = _("Access is granted only to active council staff.")
        raise ApplicationError(
            message, code="grantee_not_staff", details={"user": [message]}
        )
    grant, created = DocumentAccessGrant.objects.get_or_create(
        document=document, user=user, defaults={"granted_by": actor}
    )
    if created:
        audit_record(
            actor=actor,
            action="documents.grant_access",
            target=document,
            data={"user": user.pk},
        )
    return grant


@transaction.atomic
def document_grant_revoke(*, grant: DocumentAccessGrant, actor: User) -> None:
    """Withdraw a grant: the person no longer sees the card. Idempotent.

    Those who grant access revoke it, but never their own.
    """
    locked = (
        DocumentAccessGrant.objects.select_for_update()
        .select_related("document")
        .filter(pk=grant.pk)
        .first()
    )
    if locked is None:
        return
    _grant_check(document=locked.document, actor=actor)
    if locked.user_id == actor.pk:
        raise ApplicationError(
            _("You cannot withdraw your own access; ask another manager."),
            code="grant_own",
        )
    locked.delete()
    audit_record(
        actor=actor,
        action="documents.revoke_access",
        target=locked.document,
        data={"user": locked.user_id},
    )


@transaction.atomic
def document_reply_create(*, incoming: Document, actor: User) -> Document:
    """Draft an outgoing reply pre-filled from ``incoming`` (EDMS-17).

    The reply is linked ``reply_to`` the incoming card; any staff who sees it.
    A second click returns the actor's draft reply that is still open, so a
    double submit makes one reply.
    """
    if not permissions.can_reply(actor, incoming):
        raise PermissionDeniedError(_("You cannot reply to this document."))
    Document.objects.select_for_update().get(pk=incoming.pk)
    open_draft = Document.objects.filter(
        kind=DocumentKind.OUTGOING,
        status=DocumentStatus.DRAFT,
        created_by=actor,
        links_out__target=incoming,
        links_out__kind=LinkKind.REPLY_TO,
    ).first()
    if open_draft is not None:
        return open_draft
    label = incoming.registration_number or incoming.summary[:60]
    reply = document_create_draft(
        actor=actor,
        kind=DocumentKind.OUTGOING,
        org_unit=incoming.org_unit,
        summary=_("Reply to %(document)s") % {"document": label},
        access_level=AccessLevel(incoming.access_level),
        access_basis=incoming.access_basis,
        channel=Channel(incoming.channel),
        correspondent=incoming.correspondent,
    )
    DocumentLink.objects.create(source=reply, target=incoming, kind=LinkKind.REPLY_TO)
    audit_record(
        actor=actor,
        action="documents.reply_create",
        target=reply,
        data={"incoming": incoming.pk},
    )
    return reply


def _grant_check(*, document: Document, actor: User) -> None:
    if not permissions.can_grant_access(actor, document):
        raise PermissionDeniedError(
            _(
                "Access to this document is granted by the office, "
                "its author or the head of its unit."
            )
        )
    if document.access_level not in GRANTED_LEVELS:
        raise ApplicationError(
            _("Only ДСК and restricted documents need an access grant."),
            code="grant_not_needed",
        )
