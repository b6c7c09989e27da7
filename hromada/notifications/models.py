"""The notification outbox and, for demo mode, the captured-mail store."""

from datetime import timedelta
from typing import Final

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.core.models import BaseModel, StoredFile
from hromada.core.transitions import Transitions


class NotificationChannel(models.TextChoices):
    """How a notification travels; SMS and Telegram adapters come later."""

    EMAIL = "email", _("E-mail")


class NotificationStatus(models.TextChoices):
    """Where a notification is in delivery; moves are in the table below."""

    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


# SENDING -> PENDING is a failed attempt that will be retried; SENDING ->
# SENDING takes over an attempt whose worker died after its claim (see
# NOTIFICATION_SENDING_TIMEOUT). SENT and FAILED are final.
NOTIFICATION_TRANSITIONS: Final[Transitions[NotificationStatus]] = {
    NotificationStatus.PENDING: frozenset({NotificationStatus.SENDING}),
    NotificationStatus.SENDING: frozenset(
        {
            NotificationStatus.SENT,
            NotificationStatus.PENDING,
            NotificationStatus.FAILED,
            NotificationStatus.SENDING,
        }
    ),
    NotificationStatus.SENT: frozenset(),
    NotificationStatus.FAILED: frozenset(),
}

# An attempt still "sending" after this long is taken to have died with its
# worker; a network send is bounded far below it by the SMTP timeout.
NOTIFICATION_SENDING_TIMEOUT: Final = timedelta(minutes=15)


class Notification(BaseModel):
    """One message to one person, written in the sender's transaction.

    ``context`` holds ids and primitive values only; the message is rendered
    at delivery. ``dedup_key`` makes a repeated send return the same row.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recipient_email = models.EmailField(
        _("recipient e-mail address"),
        blank=True,
        help_text=_(
            "For people without an account, or an address given for this "
            "matter; it wins over the account's address."
        ),
    )
    channel = models.CharField(
        _("channel"),
        max_length=16,
        choices=NotificationChannel,
        default=NotificationChannel.EMAIL,
    )
    template = models.CharField(_("template"), max_length=100)
    context = models.JSONField(_("context"), default=dict, blank=True)
    # Files sent with the message, e.g. a signed outgoing letter.
    attachments = models.ManyToManyField(
        StoredFile, verbose_name=_("attachments"), blank=True, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8, default="uk")
    dedup_key = models.CharField(_("deduplication key"), max_length=200)
    message_id = models.CharField(_("message id"), max_length=255)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=NotificationStatus,
        default=NotificationStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(
                fields=["status", "next_attempt_at"],
                name="notifications_due_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["dedup_key"], name="notifications_notification_dedup_key_unique"
            ),
            models.CheckConstraint(
                condition=Q(status__in=NotificationStatus.values),
                name="notifications_notification_status_known",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=NotificationChannel.values),
                name="notifications_notification_channel_known",
            ),
            models.CheckConstraint(
                condition=Q(recipient__isnull=False) | ~Q(recipient_email=""),
                name="notifications_notification_has_recipient",
            ),
            models.CheckConstraint(
                condition=Q(status=NotificationStatus.SENT, sent_at__isnull=False)
                | (~Q(status=NotificationStatus.SENT) & Q(sent_at__isnull=True)),
                name="notifications_notification_sent_at_once_sent",
            ),
            models.CheckConstraint(
                condition=~Q(status=NotificationStatus.PENDING)
                | Q(next_attempt_at__isnull=False),
                name="notifications_notification_pending_is_scheduled",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template} #{self.pk}"


class CapturedMail(BaseModel):
    """An e-mail kept instead of sent, so demo users can read it.

    Written only by ``CapturedMailBackend``, which demo mode installs.
    """

    sent_at = models.DateTimeField(_("sent at"), db_index=True)
    from_email = models.CharField(
        pgettext_lazy("e-mail", "from"), max_length=300, blank=True
    )
    to = models.TextField(pgettext_lazy("e-mail", "to"))
    subject = models.CharField(_("subject"), max_length=998, blank=True)
    text = models.TextField(_("plain text"), blank=True)
    html = models.TextField(_("HTML"), blank=True)

    class Meta:
        verbose_name = _("captured e-mail")
        verbose_name_plural = _("captured e-mails")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return self.subject
