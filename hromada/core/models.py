"""Kernel data: the base model, the audit chain, the calendar and counters."""

import uuid
from typing import Any, NoReturn

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _

from hromada.core.errors import ImmutableRecordError

GENESIS_HASH = "0" * 64


class BaseModel(models.Model):
    """Every room's base: a UUID used in URLs and two timestamps.

    Integer ids stay internal; URLs and the API use ``public_id``.
    """

    public_id = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field: models.Field[Any, Any]) -> Any:
        """What ``get_<field>_display()`` gives: the label of the value, or
        the value when it has none, as Django gives it. Django's own builds
        a dict of the field's choices on every call, hashing each label,
        which translates it: forty calls on a page of twenty acts took
        longer than the rest of the list. Here the labels are gathered once
        per field, untranslated, and only the one shown is translated."""
        value = getattr(self, field.attname)
        label = _choice_labels(field).get(make_hashable(value), value)
        return force_str(label, strings_only=True)


def _choice_labels(field: models.Field[Any, Any]) -> dict[Any, Any]:
    """The field's labels by value, lazy, kept on the field until its
    choices change."""
    choices = field.choices
    kept = field.__dict__.get("_hromada_labels")
    if kept is None or kept[0] is not choices:
        labels = {make_hashable(value): label for value, label in field.flatchoices}
        kept = field.__dict__["_hromada_labels"] = (choices, labels)
    return kept[1]


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    """Audit events in bulk: readable, never updated or deleted."""

    def update(self, **kwargs: Any) -> NoReturn:
        """Refuse: a stored audit event is never rewritten."""
        raise ImmutableRecordError("Audit events are append-only.")

    def delete(self) -> NoReturn:
        """Refuse: a stored audit event is never deleted."""
        raise ImmutableRecordError("Audit events are append-only.")


class AuditEvent(models.Model):
    """One entry of the append-only, hash-chained audit log.

    ``hash`` is SHA-256 over the event's canonical JSON, ``previous_hash``
    included; ``previous_hash`` is unique, so the chain cannot fork.
    """

    occurred_at = models.DateTimeField(_("occurred at"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=64, db_index=True)
    target_type = models.ForeignKey(
        ContentType,
        verbose_name=_("target type"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    target_id = models.CharField(_("target id"), max_length=64)
    data = models.JSONField(_("data"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    previous_hash = models.CharField(_("previous hash"), max_length=64, unique=True)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["pk"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.action} #{self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Insert a new event; refuse to save one that is already stored.

        A stored event is evidence: rewriting it would break the chain.
        """
        if self.pk is not None or not self._state.adding:
            raise ImmutableRecordError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Refuse: a stored audit event is never deleted."""
        raise ImmutableRecordError("Audit events are append-only.")


class AuditChainHead(models.Model):
    """The single row that holds the hash of the newest audit event.

    Writers lock it last, which serialises appends to the chain.
    """

    last_hash = models.CharField(_("last hash"), max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("audit chain head")
        verbose_name_plural = _("audit chain heads")
        constraints = [
            models.CheckConstraint(
                condition=Q(pk=1), name="core_auditchainhead_single_row"
            ),
        ]

    def __str__(self) -> str:
        return self.last_hash


class CalendarDayKind(models.TextChoices):
    """What an administrator's override says about one calendar date."""

    HOLIDAY = "holiday", _("Public holiday (day off)")
    DAY_OFF = "day_off", _("Transferred day off")
    WORKING_DAY = "working_day", _("Working day (e.g. a transferred Saturday)")


class CalendarDay(BaseModel):
    """An administrator's correction to the statutory working-day calendar.

    Overrides win over the ``holidays`` package and over martial law, so a
    Cabinet resolution on transfers can be entered the day it is published.
    """

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=CalendarDayKind)
    name = models.CharField(_("name"), max_length=200)
    source_act = models.CharField(_("source act"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=CalendarDayKind.values),
                name="core_calendarday_kind_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} {self.name}"


class MartialLawPeriod(BaseModel):
    """A period of martial law: holidays and transfers are not days off.

    Law 2136-IX art. 6 ч. 6 suspends КЗпП art. 73 while martial law lasts
    (DOMAIN.md TIME-04, TIME-06); extensions by decree are new rows or a
    changed ``ends_on``.
    """

    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    decree_ref = models.CharField(_("decree"), max_length=200)

    class Meta:
        verbose_name = _("martial-law period")
        verbose_name_plural = _("martial-law periods")
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="core_martiallawperiod_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.decree_ref


class RegistrationSequence(models.Model):
    """The last number issued in one journal for one year: a gap-free counter.

    Only ``hromada.core.sequences.sequence_next`` changes it.
    """

    journal = models.CharField(_("journal"), max_length=64)
    year = models.PositiveSmallIntegerField(_("year"))
    last_value = models.PositiveIntegerField(_("last value"), default=0)

    class Meta:
        verbose_name = _("registration sequence")
        verbose_name_plural = _("registration sequences")
        constraints = [
            models.UniqueConstraint(
                fields=["journal", "year"], name="core_registrationsequence_unique_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.journal}/{self.year}: {self.last_value}"


class FormSubmission(models.Model):
    """One sent form, by the key it carried: a second send finds this row.

    Only ``hromada.core.once`` writes it. ``object_id`` names what the first
    send created, so a double click leads to the same record.
    """

    key = models.UUIDField(_("key"), unique=True)
    # Empty for a visitor who has not signed in (a public form).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self) -> str:
        return f"{self.action} {self.key}"


class StoredFile(BaseModel):
    """A file kept by the atomic storage helper, with its SHA-256."""

    storage_name = models.CharField(_("storage name"), max_length=300, unique=True)
    original_name = models.CharField(_("original name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("stored file")
        verbose_name_plural = _("stored files")

    def __str__(self) -> str:
        return self.original_name
