"""API data: bearer tokens held by staff members, Open311 client keys and
the updates their clients POST."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hromada.core.models import BaseModel


class HashedKey(BaseModel):
    """A named secret that only its SHA-256 stands for; the text is shown
    once. A revoked key stays for the audit trail and never works again."""

    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        """Whether the key still works (not revoked)."""
        return self.revoked_at is None


class ApiToken(HashedKey):
    """A bearer token of a staff member (``Authorization: Bearer``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="api_tokens",
    )

    class Meta(HashedKey.Meta):
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")


class Open311Client(HashedKey):
    """An application that files appeals through Open311 with its ``api_key``.

    A system administrator issues the key. ``allowed_origins`` are the web
    origins a browser may POST from with it (STANDARDS §0.2.5); a
    server-side client sends no ``Origin`` and needs none.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    allowed_origins = models.JSONField(
        _("allowed web origins"), default=list, blank=True
    )

    class Meta(HashedKey.Meta):
        verbose_name = _("Open311 client")
        verbose_name_plural = _("Open311 clients")


class Open311Update(BaseModel):
    """A citizen's update a client POSTed (mySociety's servicerequestupdates,
    STANDARDS §1.10): the client's own ``update_id`` for the request and the
    timeline step it became. The pair (client, appeal, client's id) is
    unique, so a repeated POST is answered with the first step (item 31)."""

    client = models.ForeignKey(
        Open311Client,
        verbose_name=_("client"),
        on_delete=models.PROTECT,
        related_name="updates",
    )
    appeal = models.ForeignKey(
        "appeals.Appeal",
        verbose_name=_("appeal"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    client_update_id = models.CharField(_("client's update id"), max_length=64)
    event = models.ForeignKey(
        "appeals.AppealEvent",
        verbose_name=_("appeal event"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Open311 update")
        verbose_name_plural = _("Open311 updates")
        constraints = [
            models.UniqueConstraint(
                fields=["client", "appeal", "client_update_id"],
                name="api_open311_update_once",
            )
        ]

    def __str__(self) -> str:
        return self.client_update_id
