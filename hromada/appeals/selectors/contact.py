"""Reads of the contact centre: a caller's appeals found by the phone, and
the load of the units that answer appeals.

A caller's appeals carry personal data (who called, from which number):
only the desk (``permissions.can_take_calls``) reads them. The load of
the units is counted for the desk and the leadership
(``permissions.can_view_load``). Anyone else gets nothing back.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final
from uuid import UUID

from django.db.models import Count, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from hromada.appeals import permissions
from hromada.appeals.models import (
    OPEN_STATUSES,
    Appeal,
    AppealChannel,
    AppealStatus,
    Applicant,
    AuthorCategory,
)
from hromada.appeals.permissions import AnyUser

UKRAINE: Final = "380"
# The national number: a two-digit operator or area code and seven digits.
NATIONAL_DIGITS: Final = 9
# E.164 numbers have at most 15 digits; fewer than 8 is no one's full number.
INTERNATIONAL_DIGITS: Final = range(8, 16)
PHONE_MAX_LENGTH: Final = 20  # Applicant.phone
CALLER_APPEALS_LIMIT: Final = 10
CALLER_OPEN_LIMIT: Final = 5
# "At risk": due today or within this many days.
AT_RISK_DAYS: Final = 3
NO_UNIT: Final = "none"


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _national(digits: str, *, is_international: bool) -> str:
    """The nine national digits of a Ukrainian number, or "" if it is not
    one. People write «+380 67…», «380 67…», «067…», the old «8 067…», and
    sometimes the national part alone, «67 123 45 67»."""
    size = len(digits)
    if digits.startswith(UKRAINE) and size == len(UKRAINE) + NATIONAL_DIGITS:
        return digits[len(UKRAINE) :]
    if digits.startswith(UKRAINE + "0") and size == len(UKRAINE) + 1 + NATIONAL_DIGITS:
        return digits[len(UKRAINE) + 1 :]  # «+380 (0)67 …»
    if is_international:
        return ""
    if digits.startswith("0") and size == 1 + NATIONAL_DIGITS:
        return digits[1:]
    if digits.startswith("80") and size == 2 + NATIONAL_DIGITS:
        return digits[2:]
    if size == NATIONAL_DIGITS and not digits.startswith("0"):
        return digits
    return ""


def phone_canonical(text: str) -> str:
    """One spelling of a phone number however it was typed.

    A Ukrainian number becomes ``+380XXXXXXXXX``; a foreign one given with
    its country code (``+`` or ``00``) becomes ``+`` and its digits; any
    other number is left as its digits; no digits at all gives "".
    """
    digits = _digits(text)
    is_international = text.strip().startswith("+")
    if digits.startswith("00"):
        digits, is_international = digits[2:], True
    if not digits:
        return ""
    national = _national(digits, is_international=is_international)
    if national:
        return f"+{UKRAINE}{national}"
    return f"+{digits}" if is_international else digits


def phone_is_complete(canonical: str) -> bool:
    """Whether a canonical number can be called back: a whole Ukrainian
    number, or a foreign one with its country code."""
    if canonical.startswith(f"+{UKRAINE}"):
        return len(canonical) == 1 + len(UKRAINE) + NATIONAL_DIGITS
    return canonical.startswith("+") and len(canonical) - 1 in INTERNATIONAL_DIGITS


def phone_variants(text: str) -> list[str]:
    """The spellings of the number ``Applicant.phone`` may hold: the column
    keeps what was typed, so a lookup asks for each usual spelling (an
    indexed ``IN``), the canonical one first."""
    typed = text.strip()
    canonical = phone_canonical(typed)
    if not canonical:
        return []
    spellings = [canonical, typed, _digits(typed)]
    if canonical.startswith(f"+{UKRAINE}") and phone_is_complete(canonical):
        spellings += _ukrainian_spellings(canonical[1 + len(UKRAINE) :])
    unique = dict.fromkeys(s for s in spellings if 0 < len(s) <= PHONE_MAX_LENGTH)
    return list(unique)


def _ukrainian_spellings(national: str) -> list[str]:
    code, first, second, third = (
        national[:2],
        national[2:5],
        national[5:7],
        national[7:],
    )
    spaced = f"{first} {second} {third}"
    dashed = f"{first}-{second}-{third}"
    return [
        f"{UKRAINE}{national}",
        f"0{national}",
        f"80{national}",
        f"+38 0{code} {spaced}",
        f"+38 (0{code}) {dashed}",
        f"+38(0{code}){dashed}",
        f"+38 0{code} {dashed}",
        f"+38-0{code}-{dashed}",
        f"+380 {code} {spaced}",
        f"+380 ({code}) {dashed}",
        f"+380{code}{first}{second}{third}",
        f"0{code} {spaced}",
        f"0{code} {dashed}",
        f"0{code}-{dashed}",
        f"(0{code}) {dashed}",
        f"(0{code}) {spaced}",
        f"(0{code}){dashed}",
    ]


def appeal_list_for_caller(*, user: AnyUser, phone: str) -> QuerySet[Appeal]:
    """The appeals whose applicant gave ``phone`` (in any spelling), most
    recent first; nothing unless ``user`` works at the desk.

    Found through the index on ``Applicant.phone``; slice the result.
    """
    variants = phone_variants(phone)
    if not variants or not permissions.can_take_calls(user):
        return Appeal.objects.none()
    return (
        Appeal.objects.filter(
            permissions.staff_appeals_q(user), applicant__phone__in=variants
        )
        .select_related("category", "unit")
        .order_by("-registered_at", "-pk")
    )


def appeal_list_caller_open(*, user: AnyUser, phone: str) -> QuerySet[Appeal]:
    """The caller's appeals still open: what a new call may repeat."""
    return appeal_list_for_caller(user=user, phone=phone).filter(
        status__in=OPEN_STATUSES
    )


def appeals_units_load(appeals: list[Appeal]) -> list[Appeal]:
    """``appeals`` with their units read in one query (the nearby ones come
    without them)."""
    prefetch_related_objects(appeals, "unit")
    return appeals


def applicant_latest_for_caller(*, user: AnyUser, phone: str) -> Applicant | None:
    """How the caller gave themselves last time (the newest applicant row
    with this phone), for the operator to confirm; desk only."""
    variants = phone_variants(phone)
    if not variants or not permissions.can_take_calls(user):
        return None
    return (
        Applicant.objects.filter(phone__in=variants)
        .order_by("-created_at", "-pk")
        .first()
    )


def author_category_list_privileged(*, on: date) -> QuerySet[AuthorCategory]:
    """The categories of authors in force on ``on`` whose appeals the law
    puts first (APL-12)."""
    return (
        AuthorCategory.objects.filter(privileged=True, valid_from__lte=on)
        .exclude(valid_to__lt=on)
        .order_by("code")
    )


def appeal_get_registered(*, user: AnyUser, public_id: UUID) -> Appeal | None:
    """An appeal as the operator reads it back to the caller: the number,
    who handles it, by when; desk only."""
    if not permissions.can_take_calls(user):
        return None
    return (
        Appeal.objects.filter(permissions.staff_appeals_q(user), public_id=public_id)
        .select_related("applicant", "category", "unit", "routing_rule")
        .first()
    )


# --- the load of the units ---------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class UnitLoad:
    """Open appeals of one unit (``unit_public_id`` None: not routed)."""

    unit_public_id: UUID | None
    unit_name: str
    unit_kind: str
    open_total: int
    unassigned: int
    in_progress: int
    overdue: int
    at_risk: int


@dataclass(frozen=True, kw_only=True, slots=True)
class ChannelCount:
    """Appeals registered through one channel."""

    channel: AppealChannel
    total: int


def unit_load(*, user: AnyUser, today: date) -> list[UnitLoad]:
    """Per unit: open appeals, of which not yet assigned and in progress,
    overdue (due before ``today``) and at risk (due within
    ``AT_RISK_DAYS``); the most overdue first. One grouped query."""
    if not permissions.can_view_load(user):
        return []
    at_risk = Q(due_on__gte=today, due_on__lte=today + timedelta(days=AT_RISK_DAYS))
    rows = (
        Appeal.objects.filter(permissions.staff_appeals_q(user))
        .filter(status__in=OPEN_STATUSES)
        .values("unit__public_id", "unit__name", "unit__kind")
        .annotate(
            open_total=Count("pk"),
            unassigned=Count("pk", filter=Q(status=AppealStatus.REGISTERED)),
            in_progress=Count("pk", filter=Q(status=AppealStatus.IN_PROGRESS)),
            overdue=Count("pk", filter=Q(due_on__lt=today)),
            at_risk=Count("pk", filter=at_risk),
        )
        .order_by("-overdue", "-at_risk", "-open_total", "unit__name")
    )
    return [
        UnitLoad(
            unit_public_id=row["unit__public_id"],
            unit_name=row["unit__name"] or "",
            unit_kind=row["unit__kind"] or "",
            open_total=row["open_total"],
            unassigned=row["unassigned"],
            in_progress=row["in_progress"],
            overdue=row["overdue"],
            at_risk=row["at_risk"],
        )
        for row in rows
    ]


def unit_load_total(rows: list[UnitLoad]) -> UnitLoad:
    """The sum of ``rows``: the whole council's line of the table."""
    return UnitLoad(
        unit_public_id=None,
        unit_name="",
        unit_kind="",
        open_total=sum(row.open_total for row in rows),
        unassigned=sum(row.unassigned for row in rows),
        in_progress=sum(row.in_progress for row in rows),
        overdue=sum(row.overdue for row in rows),
        at_risk=sum(row.at_risk for row in rows),
    )


def registrations_by_channel(*, user: AnyUser, day: date) -> list[ChannelCount]:
    """Appeals registered on ``day`` (Kyiv time) by channel, the busiest
    first. One grouped query."""
    if not permissions.can_view_load(user):
        return []
    start = timezone.make_aware(datetime.combine(day, time.min))
    end = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
    rows = (
        Appeal.objects.filter(permissions.staff_appeals_q(user))
        .filter(registered_at__gte=start, registered_at__lt=end)
        .values("channel")
        .annotate(total=Count("pk"))
        .order_by("-total", "channel")
    )
    return [
        ChannelCount(channel=AppealChannel(row["channel"]), total=row["total"])
        for row in rows
    ]


def appeal_list_overdue(
    *, user: AnyUser, today: date, unit: UUID | str | None = None
) -> QuerySet[Appeal]:
    """Open appeals past their due date, the oldest due first; of one unit
    when ``unit`` is its public id, of none when it is ``NO_UNIT``."""
    if not permissions.can_view_load(user):
        return Appeal.objects.none()
    appeals = Appeal.objects.filter(permissions.staff_appeals_q(user)).filter(
        status__in=OPEN_STATUSES, due_on__lt=today
    )
    if unit == NO_UNIT:
        appeals = appeals.filter(unit__isnull=True)
    elif unit is not None:
        appeals = appeals.filter(unit__public_id=unit)
    return appeals.select_related("category", "unit").order_by("due_on", "pk")
