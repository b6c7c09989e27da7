"""Administrators change the calendar through audited services and the admin."""

from datetime import date

import pytest
from django.urls import reverse

from hromada.core import services
from hromada.core.errors import PermissionDeniedError, ValidationError
from hromada.core.models import (
    AuditEvent,
    CalendarDay,
    CalendarDayKind,
    MartialLawPeriod,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(django_user_model):
    return django_user_model.objects.create_user(
        email="clerk@test.example", password="x" * 12
    )


@pytest.fixture
def admin_site(settings, admin_client):
    """The admin as a superuser sees it; the MFA gate is tested in accounts."""
    settings.HROMADA_DEMO = True
    return admin_client


def _day():
    return CalendarDay(
        date=date(2025, 5, 10),
        kind=CalendarDayKind.WORKING_DAY,
        name="Робоча субота",
        source_act="Розпорядження КМУ (приклад)",
    )


def test_administrator_adds_an_override_and_it_is_audited(admin_user):
    # when
    day = services.calendar_day_save(day=_day(), actor=admin_user)

    # then
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.target_id) == (
        "core.calendar_day_create",
        admin_user,
        str(day.pk),
    )
    assert event.data == {
        "date": "2025-05-10",
        "kind": "working_day",
        "name": "Робоча субота",
        "source_act": "Розпорядження КМУ (приклад)",
    }


def test_a_change_is_audited_as_a_change(admin_user):
    day = services.calendar_day_save(day=_day(), actor=admin_user)

    day.kind = CalendarDayKind.DAY_OFF
    services.calendar_day_save(day=day, actor=admin_user)

    assert list(AuditEvent.objects.values_list("action", "data__kind")) == [
        ("core.calendar_day_create", "working_day"),
        ("core.calendar_day_change", "day_off"),
    ]


def test_a_clerk_is_refused_and_nothing_changes(clerk):
    with pytest.raises(PermissionDeniedError):
        services.calendar_day_save(day=_day(), actor=clerk)

    assert CalendarDay.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_a_second_override_for_the_same_date_is_refused(admin_user):
    services.calendar_day_save(day=_day(), actor=admin_user)

    with pytest.raises(ValidationError) as refused:
        services.calendar_day_save(day=_day(), actor=admin_user)

    assert list(refused.value.details) == ["date"]
    assert (CalendarDay.objects.count(), AuditEvent.objects.count()) == (1, 1)


def test_deleting_an_override_is_audited(admin_user):
    day = services.calendar_day_save(day=_day(), actor=admin_user)
    day_id = day.pk

    services.calendar_day_delete(day=day, actor=admin_user)

    assert CalendarDay.objects.exists() is False
    event = AuditEvent.objects.order_by("pk").last()
    assert (event.action, event.target_id) == ("core.calendar_day_delete", str(day_id))


def test_extending_martial_law_is_audited(admin_user):
    period = MartialLawPeriod.objects.get()
    period.ends_on = date(2026, 2, 1)

    services.martial_law_period_save(period=period, actor=admin_user)

    event = AuditEvent.objects.get()
    assert (event.action, event.data) == (
        "core.martial_law_period_change",
        {
            "starts_on": "2022-02-24",
            "ends_on": "2026-02-01",
            "decree_ref": "Указ Президента України №64/2022",
        },
    )


def test_a_period_ending_before_it_starts_is_refused(admin_user):
    period = MartialLawPeriod(
        starts_on=date(2030, 1, 10), ends_on=date(2030, 1, 1), decree_ref="Указ №1/2030"
    )

    with pytest.raises(ValidationError):
        services.martial_law_period_save(period=period, actor=admin_user)

    assert (MartialLawPeriod.objects.count(), AuditEvent.objects.count()) == (1, 0)


def test_a_clerk_cannot_delete_martial_law(clerk):
    period = MartialLawPeriod.objects.get()

    with pytest.raises(PermissionDeniedError):
        services.martial_law_period_delete(period=period, actor=clerk)

    assert (MartialLawPeriod.objects.count(), AuditEvent.objects.count()) == (1, 0)


def test_admin_adds_an_override_through_the_service(admin_site, admin_user):
    # when
    response = admin_site.post(
        reverse("admin:core_calendarday_add"),
        {
            "date": "2025-05-10",
            "kind": "working_day",
            "name": "Робоча субота",
            "source_act": "",
        },
    )

    # then
    assert response.status_code == 302
    day = CalendarDay.objects.get()
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.target_id) == (
        "core.calendar_day_create",
        admin_user,
        str(day.pk),
    )


def test_admin_deletes_martial_law_through_the_service(admin_site):
    period = MartialLawPeriod.objects.get()

    response = admin_site.post(
        reverse("admin:core_martiallawperiod_delete", args=[period.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert MartialLawPeriod.objects.exists() is False
    assert AuditEvent.objects.get().action == "core.martial_law_period_delete"


def test_admin_shows_audit_events_read_only(admin_site, admin_user):
    # given
    services.calendar_day_save(day=_day(), actor=admin_user)
    event = AuditEvent.objects.get()

    # when
    changelist = admin_site.get(reverse("admin:core_auditevent_changelist"))
    add = admin_site.get(reverse("admin:core_auditevent_add"))
    change = admin_site.post(
        reverse("admin:core_auditevent_change", args=[event.pk]), {"action": "forged"}
    )
    delete = admin_site.post(
        reverse("admin:core_auditevent_delete", args=[event.pk]), {"post": "yes"}
    )

    # then
    assert (
        changelist.status_code,
        add.status_code,
        change.status_code,
        delete.status_code,
    ) == (
        200,
        403,
        403,
        403,
    )
    event.refresh_from_db()
    assert event.action == "core.calendar_day_create"
