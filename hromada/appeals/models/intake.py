"""An appeal the public has sent and the council has accepted, before it
is registered in the EDMS (ADR 9).

The portal form and Open311 accept an appeal with one row, after every
check that can refuse it; a background task registers it (the journal's
number, routing, the EDMS card) a moment later. The citizen follows the
row's ``public_id`` (the receipt page, Open311's ``token``) until the
number appears. The row keeps the checked input only until then: its
personal data moves to the appeal's applicant and the row keeps none.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hromada.appeals.models.appeals import Appeal
from hromada.appeals.models.choices import AppealChannel
from hromada.core.models import BaseModel


class IntakeState(models.TextChoices):
    """Where an accepted appeal is on its way to the journal."""

    RECEIVED = "received", _("Received, being registered")
    REGISTERED = "registered", _("Registered")


class AppealIntake(BaseModel):
    """One accepted appeal; ``public_id`` is the citizen's receipt."""

    channel = models.CharField(_("channel"), max_length=32, choices=AppealChannel)
    # The form's once-key: a second send of the same form finds this row.
    once_key = models.UUIDField(_("form key"), null=True, blank=True, unique=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    state = models.CharField(
        _("state"), max_length=16, choices=IntakeState, default=IntakeState.RECEIVED
    )
    # The checked input (``services.intake._payload``); emptied once
    # the appeal is registered.
    payload = models.JSONField(_("checked input"), default=dict, blank=True)
    appeal = models.OneToOneField(
        Appeal,
        verbose_name=_("appeal"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="intake",
    )
    attempts = models.PositiveSmallIntegerField(_("registration attempts"), default=0)
    # Why the last attempt failed: an error code, never the citizen's data.
    problem = models.CharField(_("last problem"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("accepted appeal")
        verbose_name_plural = _("accepted appeals")
        ordering = ["received_at", "pk"]
        indexes = [
            # The sweep: what has waited since before a moment.
            models.Index(
                fields=["received_at"],
                condition=Q(state="received"),
                name="appeals_intake_waiting",
            ),
            # Each acceptance asks whether an earlier appeal still waits for
            # its first attempt; refused ones waiting for the sweep are not
            # in this index, however many there are.
            models.Index(
                fields=["id"],
                condition=Q(state="received", attempts=0),
                name="appeals_intake_first_attempt",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=IntakeState.values),
                name="appeals_intake_state_known",
            ),
            models.CheckConstraint(
                condition=Q(state="received") | Q(appeal__isnull=False),
                name="appeals_intake_registered_has_appeal",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.received_at:%Y-%m-%d %H:%M}"
