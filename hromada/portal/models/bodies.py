"""Bodies of the council: the index and a page per unit of the org tree.

Names, contacts and heads come from the ``org`` room on every view; the
pages add only what the org tree does not hold (functions, documents).
"""

from typing import Any, ClassVar

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from hromada.org.models import OrgUnit
from hromada.portal.models.base import RICH_TEXT_FEATURES, PortalPage


class BodiesIndexPage(PortalPage):
    """Every public unit of the council with its contacts, by kind."""

    intro: "models.TextField[str, str]" = models.TextField(
        _("introduction"), blank=True
    )

    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("intro"),
    ]
    subpage_types: ClassVar[list[str]] = ["portal.BodyPage"]
    parent_page_types: ClassVar[list[str]] = ["portal.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("bodies index")
        verbose_name_plural = _("bodies indexes")

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        from hromada.portal import contexts

        context = super().get_context(request, *args, **kwargs)
        return {**context, **contexts.bodies_index(index=self)}

    def search_text(self) -> str:
        """The introduction."""
        return self.intro


class BodyPage(PortalPage):
    """The page of one unit: the council, the mayor's office, a department,
    a municipal enterprise. Its subtree is the unit's section of the portal."""

    schema_type: ClassVar[str] = "GovernmentOrganization"

    org_unit: "models.OneToOneField[OrgUnit, OrgUnit]" = models.OneToOneField(
        OrgUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Contacts and heads are shown from the council's structure."),
    )
    functions = RichTextField(
        _("functions and powers"), blank=True, features=RICH_TEXT_FEATURES
    )

    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("org_unit"),
        FieldPanel("functions"),
    ]
    search_fields: ClassVar[list[Any]] = [
        *PortalPage.search_fields,
        index.SearchField("functions"),
    ]
    parent_page_types: ClassVar[list[str]] = ["portal.BodiesIndexPage"]
    subpage_types: ClassVar[list[str]] = [
        "portal.StandardPage",
        "portal.NewsIndexPage",
        "portal.EventsCalendarPage",
        "portal.FormsSamplesPage",
    ]

    class Meta:
        verbose_name = pgettext_lazy("page type", "body")
        verbose_name_plural = _("bodies")

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        from hromada.portal import contexts

        context = super().get_context(request, *args, **kwargs)
        return {**context, **contexts.body(page=self)}

    def search_text(self) -> str:
        """The unit's name, address and functions."""
        from django.utils.html import strip_tags

        unit = self.org_unit
        return "\n".join((unit.name, unit.address, strip_tags(self.functions)))

    def schema_entity(self, request: HttpRequest) -> dict[str, Any]:
        """A ``GovernmentOrganization`` with the unit's contacts."""
        from hromada.portal import metadata

        return metadata.organization(org_unit=self.org_unit, request=request)
