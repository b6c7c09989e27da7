"""Events: calendars, events in them, and the iCalendar sequence numbers."""

from datetime import datetime
from decimal import Decimal
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from hromada.org.models import OrgUnit
from hromada.portal.models.base import RICH_TEXT_FEATURES, PortalPage


class EventStatus(models.TextChoices):
    """Whether an event takes place as announced (iCalendar ``STATUS`` and
    schema.org ``eventStatus``)."""

    CONFIRMED = "confirmed", _("Takes place")
    TENTATIVE = "tentative", _("To be confirmed")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    CANCELLED = "cancelled", _("Cancelled")


class EventsCalendarPage(PortalPage):
    """A calendar of the events below it: a month view, a list of coming
    events, and an iCalendar feed to subscribe to."""

    intro: "models.TextField[str, str]" = models.TextField(
        _("introduction"), blank=True
    )

    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("intro"),
    ]
    subpage_types: ClassVar[list[str]] = ["portal.EventPage"]
    parent_page_types: ClassVar[list[str]] = ["portal.HomePage", "portal.BodyPage"]

    class Meta:
        verbose_name = _("events calendar")
        verbose_name_plural = _("events calendars")

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        from hromada.portal import contexts

        context = super().get_context(request, *args, **kwargs)
        return {**context, **contexts.events_calendar(request=request, calendar=self)}

    def search_text(self) -> str:
        """The introduction."""
        return self.intro


class EventPage(PortalPage):
    """One event: when (Kyiv time), where, and what; never deleted when
    cancelled, so subscribed calendars learn of the cancellation."""

    schema_type: ClassVar[str] = "Event"

    starts_at: "models.DateTimeField[datetime, datetime]" = models.DateTimeField(
        _("starts at")
    )
    ends_at: "models.DateTimeField[datetime, datetime]" = models.DateTimeField(
        _("ends at")
    )
    status: "models.CharField[str, str]" = models.CharField(
        _("status"), max_length=16, choices=EventStatus, default=EventStatus.CONFIRMED
    )
    place: "models.CharField[str, str]" = models.CharField(
        _("place"), max_length=200, help_text=_("A hall, a square, a park.")
    )
    address: "models.CharField[str, str]" = models.CharField(
        _("address"), max_length=300, blank=True
    )
    latitude: "models.DecimalField[Decimal | None, Decimal | None]" = (
        models.DecimalField(
            _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
        )
    )
    longitude: "models.DecimalField[Decimal | None, Decimal | None]" = (
        models.DecimalField(
            _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
        )
    )
    summary: "models.TextField[str, str]" = models.TextField(
        pgettext_lazy("page", "summary"),
        max_length=400,
        help_text=_("One or two sentences shown in lists and calendars."),
    )
    body = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    organizer: "models.ForeignKey[OrgUnit | None, OrgUnit | None]" = models.ForeignKey(
        OrgUnit,
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("status"),
            ],
            heading=_("Time"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Place"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("organizer"),
    ]
    search_fields: ClassVar[list[Any]] = [
        *PortalPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("place"),
        index.FilterField("starts_at"),
    ]
    parent_page_types: ClassVar[list[str]] = ["portal.EventsCalendarPage"]
    subpage_types: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="portal_eventpage_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(status__in=EventStatus.values),
                name="portal_eventpage_status_known",
            ),
        ]

    def clean(self) -> None:
        """Refuse an end before the start and a slug another event has:
        ``/events/<slug>.ics`` names one event."""
        from hromada.portal import selectors

        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError(
                {"ends_at": _("An event cannot end before it starts.")}
            )
        if selectors.event_slug_taken(slug=self.slug, exclude_id=self.pk):
            raise ValidationError(
                {"slug": _("Another event already has this slug; choose another.")}
            )

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["is_cancelled"] = self.status == EventStatus.CANCELLED
        return context

    def search_text(self) -> str:
        """The summary, the place and the description without markup."""
        from django.utils.html import strip_tags

        return "\n".join(
            (self.summary, self.place, self.address, strip_tags(self.body))
        )

    def schema_entity(self, request: HttpRequest) -> dict[str, Any]:
        """An ``Event`` with its offsets (STANDARDS §5.5)."""
        from hromada.portal import metadata

        return metadata.event(page=self, request=request)

    @property
    def is_multiday(self) -> bool:
        """Whether the event ends on a later day than it starts (Kyiv time)."""
        from django.utils import timezone

        start: datetime = timezone.localtime(self.starts_at)
        end: datetime = timezone.localtime(self.ends_at)
        return start.date() != end.date()


class EventSequence(models.Model):
    """The iCalendar ``SEQUENCE`` of a published event (RFC 5545 §3.8.7.4).

    Kept apart from the page, whose fields revisions overwrite: it grows by
    one whenever a publication moves the time, the place or the status.
    """

    event: "models.OneToOneField[EventPage, EventPage]" = models.OneToOneField(
        EventPage,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="ical_sequence",
    )
    sequence: "models.PositiveIntegerField[int, int]" = models.PositiveIntegerField(
        _("sequence"), default=0
    )
    fingerprint: "models.CharField[str, str]" = models.CharField(
        _("fingerprint"), max_length=64
    )
    changed_at: "models.DateTimeField[datetime, datetime]" = models.DateTimeField(
        _("changed at")
    )

    class Meta:
        verbose_name = _("event sequence")
        verbose_name_plural = _("event sequences")

    def __str__(self) -> str:
        return f"{self.event_id}: {self.sequence}"
