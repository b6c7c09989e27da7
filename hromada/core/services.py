"""Writes of the kernel: the administrator's working-day calendar data."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, PermissionsMixin
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from hromada.core.audit import audit_record
from hromada.core.errors import PermissionDeniedError, ValidationError
from hromada.core.models import CalendarDay, MartialLawPeriod

Actor = AbstractBaseUser | AnonymousUser


def _require(actor: Actor, permission: str) -> None:
    # Any user model that has permissions at all; others hold none.
    allowed = isinstance(actor, PermissionsMixin | AnonymousUser) and actor.has_perm(
        permission
    )
    if not allowed:
        raise PermissionDeniedError(
            _("Only an administrator of the calendar may change it.")
        )


def _clean(instance: models.Model) -> None:
    try:
        instance.full_clean()
    except DjangoValidationError as error:
        details = error.message_dict
        first = next(iter(details.values()))[0]
        raise ValidationError(first, details=details) from error


def _calendar_day_data(day: CalendarDay) -> dict[str, object]:
    return {
        "date": day.date,
        "kind": day.kind,
        "name": day.name,
        "source_act": day.source_act,
    }


def _period_data(period: MartialLawPeriod) -> dict[str, object]:
    return {
        "starts_on": period.starts_on,
        "ends_on": period.ends_on,
        "decree_ref": period.decree_ref,
    }


@transaction.atomic
def calendar_day_save(*, day: CalendarDay, actor: Actor) -> CalendarDay:
    """Create or change an override of the working-day calendar; audited.

    Deadlines computed from now on see the change; stored due dates stay.
    """
    created = day.pk is None
    _require(actor, "core.add_calendarday" if created else "core.change_calendarday")
    _clean(day)
    day.save()
    audit_record(
        actor=actor,
        action="core.calendar_day_create" if created else "core.calendar_day_change",
        target=day,
        data=_calendar_day_data(day),
    )
    return day


@transaction.atomic
def calendar_day_delete(*, day: CalendarDay, actor: Actor) -> None:
    """Remove an override, so the statutory calendar applies again; audited."""
    _require(actor, "core.delete_calendarday")
    audit_record(
        actor=actor,
        action="core.calendar_day_delete",
        target=day,
        data=_calendar_day_data(day),
    )
    day.delete()


@transaction.atomic
def martial_law_period_save(
    *, period: MartialLawPeriod, actor: Actor
) -> MartialLawPeriod:
    """Record martial law or its extension by decree (TIME-06); audited."""
    created = period.pk is None
    _require(
        actor,
        "core.add_martiallawperiod" if created else "core.change_martiallawperiod",
    )
    _clean(period)
    period.save()
    audit_record(
        actor=actor,
        action=(
            "core.martial_law_period_create"
            if created
            else "core.martial_law_period_change"
        ),
        target=period,
        data=_period_data(period),
    )
    return period


@transaction.atomic
def martial_law_period_delete(*, period: MartialLawPeriod, actor: Actor) -> None:
    """Remove a martial-law period entered by mistake; audited."""
    _require(actor, "core.delete_martiallawperiod")
    audit_record(
        actor=actor,
        action="core.martial_law_period_delete",
        target=period,
        data=_period_data(period),
    )
    period.delete()
