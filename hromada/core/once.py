"""Forms sent twice create one record (a double click, a resent POST).

A form carries a key made when it was shown (``hromada.ui.forms.OnceField``).
The service that creates something claims the key inside its transaction,
before it writes; a second send of the same form finds the claim and gets
what the first send created. The claim is a unique row, so two sends at the
same moment are serialised by the database: the second waits for the first
to commit (PostgreSQL) or starts after it (SQLite, ``BEGIN IMMEDIATE``),
and a first send that rolled back leaves no claim behind.
"""

from uuid import UUID

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from hromada.core.errors import ApplicationError
from hromada.core.models import FormSubmission


def submission_claim(
    *, key: UUID | None, actor: models.Model | None, action: str
) -> str | None:
    """Claim ``key`` for ``action``; ``None`` if this is the first send.

    On a repeated send, the id of what the first send created (as given to
    ``submission_bind``). Without a key (an API client, an old form) every
    send is a first send. ``actor=None`` is a visitor who has not signed in
    (a public form): the key, made at random when the form was shown, is
    then the only thing that ties the two sends. Must run inside the
    caller's transaction.
    """
    if key is None:
        return None
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("submission_claim must run inside the caller's transaction")
    actor_id = actor.pk if actor is not None else None
    try:
        with transaction.atomic():
            FormSubmission.objects.create(key=key, actor_id=actor_id, action=action)
    except IntegrityError:
        earlier = FormSubmission.objects.get(key=key)
        if earlier.actor_id != actor_id or earlier.action != action:
            raise sent_by_another() from None
        return earlier.object_id
    return None


def sent_by_another() -> ApplicationError:
    """The refusal of a form's key that another person, or another action,
    already used: for a service that keeps the key on its own row."""
    return ApplicationError(
        _("This form was already sent. Open the page again."),
        code="form_already_sent",
    )


def submission_bind(*, key: UUID | None, target: models.Model) -> None:
    """Record that the send with ``key`` created ``target``."""
    if key is not None:
        FormSubmission.objects.filter(key=key).update(object_id=str(target.pk))
