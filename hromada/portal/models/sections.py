"""Sections of the portal that units of the council edit themselves."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Workflow

from hromada.org.models import OrgUnit


class PortalSection(models.Model):
    """A unit's share of the portal: its editors, its publishers and the
    moderation workflow that takes an editor's draft to the publisher.

    The pages the groups may edit are Wagtail's page permissions; this row
    keeps the groups found again however the unit is renamed.
    """

    org_unit = models.OneToOneField(
        OrgUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    editors = models.OneToOneField(
        Group,
        verbose_name=_("editors"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    publishers = models.OneToOneField(
        Group,
        verbose_name=_("publishers"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    workflow = models.ForeignKey(
        Workflow,
        verbose_name=_("moderation workflow"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("portal section")
        verbose_name_plural = _("portal sections")

    def __str__(self) -> str:
        return str(self.org_unit)
