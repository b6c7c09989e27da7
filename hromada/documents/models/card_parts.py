"""What hangs off a registration card: addressees, access grants, links."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hromada.core.models import BaseModel
from hromada.documents.models.cards import Document
from hromada.org.models import OrgUnit


class DocumentAddressee(BaseModel):
    """A unit or person a document is addressed to; they may see the card."""

    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="addressees",
    )
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The card waits for the addressee's head to resolve it: registered,
    # not closed «До справи», with no live (draft or active) resolution.
    # Kept by the services (services/awaiting.py) so that "To resolve" and
    # its badge start from the few waiting rows through the partial indexes
    # below, not from every card ever addressed to a unit (bench/edms.py).
    awaiting_resolution = models.BooleanField(_("awaiting a resolution"), default=False)

    class Meta:
        verbose_name = _("addressee")
        verbose_name_plural = _("addressees")
        indexes = [
            models.Index(
                fields=["org_unit"],
                condition=Q(awaiting_resolution=True),
                name="documents_addressee_unit_waits",
            ),
            models.Index(
                fields=["user"],
                condition=Q(awaiting_resolution=True),
                name="documents_addressee_user_waits",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(org_unit__isnull=False) | Q(user__isnull=False),
                name="documents_documentaddressee_someone",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user or self.org_unit)


class DocumentAccessGrant(BaseModel):
    """An explicit grant to see a ДСК or restricted card (EDMS-29)."""

    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="access_grants",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("access grant")
        verbose_name_plural = _("access grants")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "user"], name="documents_documentaccessgrant_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.document}"


class LinkKind(models.TextChoices):
    """How one document relates to another."""

    REPLY_TO = "reply_to", _("Reply to")
    REPEAT_OF = "repeat_of", _("Repeat of")
    DUPLICATE_OF = "duplicate_of", _("Duplicate of")
    AMENDS = "amends", _("Amends")
    CANCELS = "cancels", _("Cancels")
    RELATED = "related", _("Related to")


class DocumentLink(BaseModel):
    """A directed link: ``source`` is a reply to / repeat of / … ``target``."""

    source = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="links_out",
    )
    target = models.ForeignKey(
        Document,
        verbose_name=_("linked document"),
        on_delete=models.PROTECT,
        related_name="links_in",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=LinkKind)

    class Meta:
        verbose_name = _("document link")
        verbose_name_plural = _("document links")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"], name="documents_documentlink_once"
            ),
            models.CheckConstraint(
                condition=~Q(source=F("target")), name="documents_documentlink_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.target}"
