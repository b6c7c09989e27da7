"""Writes of the notifications room: the outbox, delivery, captured mail."""

import logging
import re
import smtplib
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from email.utils import parseaddr
from functools import partial
from typing import Final, TypeAlias

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hromada.accounts.models import User
from hromada.core import storage
from hromada.core.audit import audit_record
from hromada.core.errors import ValidationError
from hromada.core.models import StoredFile
from hromada.core.transitions import transition_apply
from hromada.notifications import tasks
from hromada.notifications.models import (
    NOTIFICATION_SENDING_TIMEOUT,
    NOTIFICATION_TRANSITIONS,
    CapturedMail,
    Notification,
    NotificationChannel,
    NotificationStatus,
)

logger = logging.getLogger(__name__)

# What a notification's context may hold: ids and plain values, never model
# instances or personal data the message does not need.
ContextValue: TypeAlias = str | int | float | bool | None

MAX_ATTEMPTS: Final = 6
# 2, 4, 8, 16 and 32 minutes: about an hour before a message is given up.
RETRY_BASE_DELAY: Final = timedelta(minutes=2)
# Worth another try: the mail server refused for now or the network failed
# (ConnectionError and socket timeouts are OSError subclasses).
TRANSIENT_ERRORS: Final = (smtplib.SMTPException, OSError)
INTERRUPTED_ERROR: Final = "Interrupted: the attempt did not finish in time"
LAST_ERROR_MAX_LENGTH: Final = 300

# "<room>/<name>": letters, digits and underscores, so that a template name
# can never climb out of notifications/email/.
TEMPLATE_NAME = re.compile(r"[a-z][a-z0-9_]*/[a-z][a-z0-9_]*")
# Anything that looks like an address, to keep addresses out of last_error:
# SMTP errors quote refused recipients.
EMAIL_ADDRESS = re.compile(r"[^\s<>()\[\]'\",;:]+@[^\s<>()\[\]'\",;:]+")
TEMPLATE_DIR: Final = "notifications/email"
TEMPLATE_SUFFIXES: Final = (".subject.txt", ".txt", ".html")


def notification_send(
    *,
    recipient: User | None = None,
    recipient_email: str = "",
    template: str,
    context: Mapping[str, ContextValue],
    dedup_key: str,
    channel: NotificationChannel = NotificationChannel.EMAIL,
    language: str | None = None,
    attachments: Sequence[StoredFile] = (),
) -> Notification:
    """Write an outbox row in the caller's transaction; deliver it on commit.

    Raises ``RuntimeError`` outside a transaction. A repeated ``dedup_key``
    returns the first row and enqueues nothing; a rollback sends nothing.
    ``attachments`` are stored files sent with the e-mail.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("notification_send must run in the caller's transaction")
    language = language or settings.LANGUAGE_CODE
    _recipient_check(recipient=recipient, recipient_email=recipient_email)
    _template_check(template=template, language=language)
    _context_check(context=context)
    notification, created = Notification.objects.get_or_create(
        dedup_key=dedup_key,
        defaults=_notification_defaults(
            recipient=recipient,
            recipient_email=recipient_email.strip(),
            template=template,
            context=context,
            channel=channel,
            language=language,
        ),
    )
    if created and attachments:
        notification.attachments.set(attachments)
    if created:
        # robust: a queue that is down must not fail the caller's request
        # after its commit; the outbox flush enqueues the row later.
        enqueue = partial(
            tasks.notification_deliver.enqueue, notification_id=notification.pk
        )
        transaction.on_commit(enqueue, robust=True)
    return notification


def _recipient_check(*, recipient: User | None, recipient_email: str) -> None:
    if recipient is None and not recipient_email.strip():
        raise ValidationError(
            _("A notification needs a recipient or an e-mail address."),
            code="notification_without_recipient",
        )
    if recipient_email.strip():
        try:
            validate_email(recipient_email.strip())
        except DjangoValidationError:
            raise ValidationError(
                _("Enter a valid e-mail address."),
                code="notification_email_invalid",
                details={"recipient_email": [_("Enter a valid e-mail address.")]},
            ) from None


def _template_check(*, template: str, language: str) -> None:
    if not TEMPLATE_NAME.fullmatch(template):
        raise ValidationError(
            _("“%(template)s” is not a notification template name.")
            % {"template": template},
            code="notification_template_invalid",
        )
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(
            _("“%(language)s” is not a language of the platform.")
            % {"language": language},
            code="notification_language_unknown",
        )
    # Fail in the caller's tests, not as a failed delivery: all three parts
    # must exist. TemplateDoesNotExist is a programming error, left to raise.
    for suffix in TEMPLATE_SUFFIXES:
        get_template(f"{TEMPLATE_DIR}/{template}{suffix}")


def _context_check(*, context: Mapping[str, ContextValue]) -> None:
    for key, value in context.items():
        if not isinstance(value, str | int | float | bool | type(None)):
            raise ValidationError(
                _("The notification context value “%(key)s” is not a plain value.")
                % {"key": key},
                code="notification_context_invalid",
            )


def _notification_defaults(
    *,
    recipient: User | None,
    recipient_email: str,
    template: str,
    context: Mapping[str, ContextValue],
    channel: NotificationChannel,
    language: str,
) -> dict[str, object]:
    public_id = uuid.uuid4()
    return {
        "public_id": public_id,
        "recipient": recipient,
        "recipient_email": recipient_email,
        "channel": channel,
        "template": template,
        "context": dict(context),
        "language": language,
        "message_id": f"<notif-{public_id}@{_mail_domain()}>",
        "status": NotificationStatus.PENDING,
        "next_attempt_at": timezone.now(),
    }


def _mail_domain() -> str:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or "localhost"


def notification_deliver(*, notification_id: int) -> datetime | None:
    """Send one notification unless it is sent, failed or not yet due.

    Returns when to try again after a transient error, else ``None``. Call
    it outside any transaction; safe to run twice. Delivery is at least once:
    the claim (``sending``, one attempt more) commits before the send and the
    outcome is recorded in a second transaction, so no transaction stays open
    on the network. A worker that dies between the mail server's acceptance
    and that second commit leaves the row ``sending``; after
    NOTIFICATION_SENDING_TIMEOUT the outbox flush hands it out again and the
    message may arrive twice, with the same Message-ID. A lost message is
    worse than a duplicate for official correspondence.
    """
    notification = _delivery_claim(notification_id=notification_id)
    if notification is None:
        return None
    message = _message_build(notification=notification)
    try:
        message.send()
    except TRANSIENT_ERRORS as error:
        return _delivery_failure_record(notification_id=notification_id, error=error)
    _delivery_success_record(notification_id=notification_id)
    return None


def _locked(notification_id: int) -> Notification:
    # of=("self",): never lock the recipient's user row with the outbox row.
    notifications = Notification.objects.select_for_update(of=("self",))
    return notifications.select_related("recipient").get(pk=notification_id)


def _is_due(notification: Notification, *, now: datetime) -> bool:
    if notification.status == NotificationStatus.PENDING:
        due_at = notification.next_attempt_at
        return due_at is None or due_at <= now
    if notification.status == NotificationStatus.SENDING:
        return notification.updated_at <= now - NOTIFICATION_SENDING_TIMEOUT
    return False


@transaction.atomic
def _delivery_claim(*, notification_id: int) -> Notification | None:
    notification = _locked(notification_id)
    if not _is_due(notification, now=timezone.now()):
        return None
    if notification.status == NotificationStatus.SENDING:
        notification.last_error = INTERRUPTED_ERROR
        if notification.attempts >= MAX_ATTEMPTS:
            _delivery_give_up(notification=notification)
            return None
    transition_apply(
        notification, to=NotificationStatus.SENDING, table=NOTIFICATION_TRANSITIONS
    )
    # The row is locked, so a plain increment cannot lose an update.
    notification.attempts += 1
    notification.save(update_fields=["status", "attempts", "last_error", "updated_at"])
    return notification


def _message_build(*, notification: Notification) -> EmailMultiAlternatives:
    base = f"{TEMPLATE_DIR}/{notification.template}"
    with translation.override(notification.language):
        context = {
            **notification.context,
            "city_name": _city_name(),
            "site_url": settings.HROMADA_SITE_URL.rstrip("/"),
        }
        subject = render_to_string(f"{base}.subject.txt", context)
        text = render_to_string(f"{base}.txt", context)
        html = render_to_string(f"{base}.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        to=[_address(notification)],
        headers={
            "Message-ID": notification.message_id,
            "Auto-Submitted": "auto-generated",
            "Content-Language": notification.language,
        },
    )
    message.attach_alternative(html, "text/html")
    for stored in notification.attachments.all():
        with storage.file_open(stored) as handle:
            message.attach(stored.original_name, handle.read(), stored.content_type)
    return message


def _city_name() -> str:
    city = settings.HROMADA_CITY
    name: str = city["name_en"] if translation.get_language() == "en" else city["name"]
    return name


def _address(notification: Notification) -> str:
    # The address given for this matter wins; otherwise the account's
    # address at delivery time, so a change made meanwhile is respected.
    if notification.recipient_email:
        return notification.recipient_email
    if notification.recipient is None:  # excluded by a database constraint
        raise ValueError(f"Notification {notification.pk} has no recipient")
    return notification.recipient.email


@transaction.atomic
def _delivery_success_record(*, notification_id: int) -> None:
    notification = _locked(notification_id)
    if notification.status != NotificationStatus.SENDING:
        return  # another worker took the attempt over and finished it
    previous = transition_apply(
        notification, to=NotificationStatus.SENT, table=NOTIFICATION_TRANSITIONS
    )
    notification.sent_at = timezone.now()
    notification.next_attempt_at = None
    notification.save(
        update_fields=["status", "sent_at", "next_attempt_at", "updated_at"]
    )
    audit_record(
        actor=None,
        action="notifications.sent",
        target=notification,
        data={"from": previous, "attempts": notification.attempts},
    )


@transaction.atomic
def _delivery_failure_record(
    *, notification_id: int, error: Exception
) -> datetime | None:
    notification = _locked(notification_id)
    if notification.status != NotificationStatus.SENDING:
        return None  # another worker took the attempt over
    notification.last_error = _error_describe(error)
    # No exc_info: the traceback would carry the address this log must not.
    logger.warning(
        "Notification %s, attempt %s failed: %s",
        notification.pk,
        notification.attempts,
        notification.last_error,
    )
    if notification.attempts >= MAX_ATTEMPTS:
        _delivery_give_up(notification=notification)
        return None
    transition_apply(
        notification, to=NotificationStatus.PENDING, table=NOTIFICATION_TRANSITIONS
    )
    delay = RETRY_BASE_DELAY * 2 ** (notification.attempts - 1)
    notification.next_attempt_at = timezone.now() + delay
    notification.save(
        update_fields=["status", "last_error", "next_attempt_at", "updated_at"]
    )
    return notification.next_attempt_at


def _delivery_give_up(*, notification: Notification) -> None:
    previous = transition_apply(
        notification, to=NotificationStatus.FAILED, table=NOTIFICATION_TRANSITIONS
    )
    notification.next_attempt_at = None
    notification.save(
        update_fields=["status", "last_error", "next_attempt_at", "updated_at"]
    )
    audit_record(
        actor=None,
        action="notifications.failed",
        target=notification,
        data={"from": previous, "attempts": notification.attempts},
    )


def _error_describe(error: Exception) -> str:
    """The exception's class and message, without addresses, shortened."""
    message = EMAIL_ADDRESS.sub("[address]", str(error))
    return f"{type(error).__name__}: {message}"[:LAST_ERROR_MAX_LENGTH]


@transaction.atomic
def notification_test_send(*, recipient_email: str) -> Notification:
    """Queue the plain test message to ``recipient_email``, once per call.

    For operators checking mail delivery: shell access to run the management
    command replaces a permission check.
    """
    return notification_send(
        recipient_email=recipient_email,
        template="notifications/test_message",
        context={},
        dedup_key=f"notifications.test:{uuid.uuid4()}",
    )


@transaction.atomic
def captured_mail_record(
    *, from_email: str, to: list[str], subject: str, text: str, html: str
) -> CapturedMail:
    """Keep one e-mail instead of sending it; only the demo backend calls it.

    There is no actor: the platform itself is sending the message.
    """
    return CapturedMail.objects.create(
        sent_at=timezone.now(),
        from_email=from_email,
        to=", ".join(to),
        subject=subject,
        text=text,
        html=html,
    )
