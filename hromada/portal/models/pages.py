"""The home page and the simpler page types of the portal."""

from datetime import date
from typing import Any, ClassVar

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.documents.models import Document
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from hromada.org.models import OrgUnit
from hromada.portal.models.base import RICH_TEXT_FEATURES, PortalPage

SECTION_PAGE_TYPES = [
    "portal.NewsIndexPage",
    "portal.EventsCalendarPage",
    "portal.BodiesIndexPage",
    "portal.StandardPage",
    "portal.FormsSamplesPage",
    "portal.ContactsPage",
    "portal.BroadcastsPage",
    "portal.AccessibilityStatementPage",
]


class HomePage(PortalPage):
    """The portal's front page: news, coming events and the public services."""

    schema_type: ClassVar[str] = "GovernmentOrganization"

    intro: "models.TextField[str, str]" = models.TextField(
        _("introduction"), blank=True
    )
    council: "models.ForeignKey[OrgUnit | None, OrgUnit | None]" = models.ForeignKey(
        OrgUnit,
        verbose_name=_("council"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The unit whose contacts describe the council to search engines."),
    )

    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("council"),
    ]
    parent_page_types: ClassVar[list[str]] = ["wagtailcore.Page"]
    subpage_types: ClassVar[list[str]] = SECTION_PAGE_TYPES
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        from hromada.portal import contexts

        context = super().get_context(request, *args, **kwargs)
        return {**context, **contexts.home(request=request, home=self)}

    def search_text(self) -> str:
        """The introduction."""
        return self.intro

    def schema_entity(self, request: HttpRequest) -> dict[str, Any]:
        """The council as a ``GovernmentOrganization``."""
        from hromada.portal import metadata

        return metadata.organization(org_unit=self.council, request=request)


class StandardPage(PortalPage):
    """A page of text: a regulation, an explanation, a how-to."""

    intro: "models.TextField[str, str]" = models.TextField(
        _("introduction"), blank=True
    )
    body = RichTextField(_("text"), features=RICH_TEXT_FEATURES)

    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields: ClassVar[list[Any]] = [
        *PortalPage.search_fields,
        index.SearchField("body"),
    ]
    subpage_types: ClassVar[list[str]] = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def search_text(self) -> str:
        """The introduction and the text without markup."""
        from django.utils.html import strip_tags

        return f"{self.intro}\n{strip_tags(self.body)}"


class FormsSamplesPage(PortalPage):
    """Blank forms of applications with filled-in samples, to download."""

    intro: "models.TextField[str, str]" = models.TextField(
        _("introduction"), blank=True
    )

    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("intro"),
        InlinePanel("samples", heading=_("Forms"), label=_("Form")),
    ]
    subpage_types: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("forms and samples page")
        verbose_name_plural = _("forms and samples pages")

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["samples"] = list(
            self.samples.select_related("form_document", "sample_document")
        )
        return context

    def search_text(self) -> str:
        """The introduction and the name and description of every form."""
        lines = [self.intro]
        for sample in self.samples.all():
            lines += [sample.title, sample.description]
        return "\n".join(lines)


class FormSample(Orderable):
    """One blank form on a forms page, with an optional filled-in sample."""

    page = ParentalKey(
        FormsSamplesPage, on_delete=models.CASCADE, related_name="samples"
    )
    title: "models.CharField[str, str]" = models.CharField(_("name"), max_length=250)
    description: "models.TextField[str, str]" = models.TextField(
        _("description"), blank=True
    )
    form_document: "models.ForeignKey[Document, Document]" = models.ForeignKey(
        Document,
        verbose_name=_("blank form"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    sample_document: "models.ForeignKey[Document | None, Document | None]" = (
        models.ForeignKey(
            Document,
            verbose_name=_("filled-in sample"),
            null=True,
            blank=True,
            on_delete=models.PROTECT,
            related_name="+",
        )
    )

    panels: ClassVar[list[Any]] = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("form_document"),
        FieldPanel("sample_document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("form")
        verbose_name_plural = _("forms")

    def __str__(self) -> str:
        return self.title


class ContactsPage(PortalPage):
    """How to reach the council: its contacts from the council's structure
    and the editor's directions."""

    schema_type: ClassVar[str] = "GovernmentOrganization"

    org_unit: "models.ForeignKey[OrgUnit | None, OrgUnit | None]" = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Whose address, phone and e-mail the page shows."),
    )
    body = RichTextField(
        _("directions and hours"), blank=True, features=RICH_TEXT_FEATURES
    )

    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("org_unit"),
        FieldPanel("body"),
    ]
    subpage_types: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("contacts page")
        verbose_name_plural = _("contacts pages")

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        from hromada.portal import contexts

        context = super().get_context(request, *args, **kwargs)
        return {**context, **contexts.contacts(page=self)}

    def search_text(self) -> str:
        """The directions without markup."""
        from django.utils.html import strip_tags

        return strip_tags(self.body)

    def schema_entity(self, request: HttpRequest) -> dict[str, Any]:
        """The unit as a ``GovernmentOrganization``."""
        from hromada.portal import metadata

        return metadata.organization(org_unit=self.org_unit, request=request)


class BroadcastsPage(PortalPage):
    """Recordings of the council's sessions, newest first."""

    intro: "models.TextField[str, str]" = models.TextField(
        _("introduction"), blank=True
    )

    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("intro"),
    ]
    subpage_types: ClassVar[list[str]] = ["portal.BroadcastPage"]
    parent_page_types: ClassVar[list[str]] = ["portal.HomePage"]

    class Meta:
        verbose_name = _("broadcasts page")
        verbose_name_plural = _("broadcasts pages")

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        from hromada.portal import contexts

        context = super().get_context(request, *args, **kwargs)
        return {**context, **contexts.broadcasts(request=request, index=self)}


class BroadcastPage(PortalPage):
    """The video of one session with a text alternative (the agenda and the
    decisions in words) for people who cannot watch it."""

    schema_type: ClassVar[str] = "VideoObject"

    held_on: "models.DateField[date, date]" = models.DateField(_("held on"))
    video_url: "models.URLField[str, str]" = models.URLField(
        _("video address"),
        help_text=_("A link to the recording on a video service."),
    )
    duration_minutes: "models.PositiveIntegerField[int | None, int | None]" = (
        models.PositiveIntegerField(_("duration, minutes"), null=True, blank=True)
    )
    summary: "models.TextField[str, str]" = models.TextField(
        pgettext_lazy("page", "summary"), max_length=400
    )
    text_alternative = RichTextField(
        _("text alternative"),
        features=RICH_TEXT_FEATURES,
        help_text=_("The agenda, who spoke and what was decided, in words."),
    )

    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("held_on"),
        FieldPanel("video_url"),
        FieldPanel("duration_minutes"),
        FieldPanel("summary"),
        FieldPanel("text_alternative"),
    ]
    search_fields: ClassVar[list[Any]] = [
        *PortalPage.search_fields,
        index.SearchField("text_alternative"),
    ]
    parent_page_types: ClassVar[list[str]] = ["portal.BroadcastsPage"]
    subpage_types: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("broadcast")
        verbose_name_plural = _("broadcasts")

    def search_text(self) -> str:
        """The summary and the text alternative without markup."""
        from django.utils.html import strip_tags

        return f"{self.summary}\n{strip_tags(self.text_alternative)}"

    def schema_entity(self, request: HttpRequest) -> dict[str, Any]:
        """A ``VideoObject`` with its transcript."""
        from hromada.portal import metadata

        return metadata.video(page=self, request=request)


class ComplianceStatus(models.TextChoices):
    """How far the portal meets the accessibility standard."""

    FULL = "full", _("Fully compliant")
    PARTIAL = "partial", _("Partially compliant")
    NONE = "none", _("Not compliant")


class AccessibilityStatementPage(PortalPage):
    """The accessibility statement required of a public body's website."""

    standard: "models.CharField[str, str]" = models.CharField(
        _("standard"), max_length=200, default="ДСТУ EN 301 549:2022"
    )
    compliance: "models.CharField[str, str]" = models.CharField(
        _("compliance status"),
        max_length=16,
        choices=ComplianceStatus,
        default=ComplianceStatus.PARTIAL,
    )
    body = RichTextField(
        _("statement"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What is accessible, what is not yet, and how it is checked."),
    )
    feedback = RichTextField(
        _("feedback and contact"), blank=True, features=RICH_TEXT_FEATURES
    )
    response_days: "models.PositiveIntegerField[int, int]" = (
        models.PositiveIntegerField(_("answer within, working days"), default=5)
    )
    prepared_on: "models.DateField[date, date]" = models.DateField(_("prepared on"))
    reviewed_on: "models.DateField[date | None, date | None]" = models.DateField(
        _("last reviewed on"), null=True, blank=True
    )

    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("standard"),
        FieldPanel("compliance"),
        FieldPanel("body"),
        FieldPanel("feedback"),
        FieldPanel("response_days"),
        FieldPanel("prepared_on"),
        FieldPanel("reviewed_on"),
    ]
    subpage_types: ClassVar[list[str]] = []
    parent_page_types: ClassVar[list[str]] = ["portal.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(compliance__in=ComplianceStatus.values),
                name="portal_accessibilitystatementpage_compliance_known",
            ),
        ]

    def search_text(self) -> str:
        """The statement without markup."""
        from django.utils.html import strip_tags

        return f"{self.standard}\n{strip_tags(self.body)}"
