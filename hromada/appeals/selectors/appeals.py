"""Reads of appeals: the applicant's own, public ones, similar ones nearby."""

import math
from typing import Final
from uuid import UUID

from django.db.models import Q, QuerySet

from hromada.appeals import permissions
from hromada.appeals.models import (
    OPEN_STATUSES,
    AnswerStatus,
    Appeal,
    AppealAttachment,
    AppealEvent,
    AttachmentRole,
    Category,
)
from hromada.appeals.permissions import AnyUser

# "Already reported?" looks this far around the pin.
NEARBY_METRES: Final = 150
NEARBY_LIMIT: Final = 5
METRES_PER_DEGREE: Final = 111_320


def appeal_list_own(*, user: AnyUser) -> QuerySet[Appeal]:
    """The appeals ``user`` filed, newest first."""
    return (
        Appeal.objects.filter(permissions.owned_appeals_q(user))
        .select_related("category", "unit")
        .order_by("-registered_at", "-pk")
    )


def appeal_get_own(*, user: AnyUser, public_id: UUID | str) -> Appeal | None:
    """One of the user's own appeals, or ``None`` for any other id."""
    return (
        appeal_list_own(user=user)
        .select_related("applicant", "district", "address__street")
        .filter(public_id=public_id)
        .first()
    )


def appeal_get_filed(*, public_id: UUID | str) -> Appeal | None:
    """What the confirmation page shows of an appeal just filed: the
    number and the terms, no personal data. The view checks that this
    browser filed it."""
    return (
        Appeal.objects.filter(public_id=public_id)
        .only("number", "registered_at", "due_on", "is_public", "public_id", "title")
        .first()
    )


def appeal_events(*, appeal: Appeal) -> QuerySet[AppealEvent]:
    """The appeal's timeline, oldest first, with the units named."""
    return appeal.events.select_related("unit").order_by("at", "pk")


def appeal_list_nearby(
    *, category: Category, lon: float, lat: float, exclude_id: int | None = None
) -> list[Appeal]:
    """Open public appeals of ``category`` within ``NEARBY_METRES``, nearest
    first: what the citizen may have come to report again.

    The box is found by the (category, status, lon, lat) index; the circle
    is cut in Python.
    """
    lat_delta = NEARBY_METRES / METRES_PER_DEGREE
    lon_delta = lat_delta / max(math.cos(math.radians(lat)), 0.01)
    candidates = Appeal.objects.filter(
        permissions.public_appeals_q(),
        category=category,
        status__in=OPEN_STATUSES,
        lon__gte=lon - lon_delta,
        lon__lte=lon + lon_delta,
        lat__gte=lat - lat_delta,
        lat__lte=lat + lat_delta,
    ).select_related("category")
    if exclude_id is not None:
        candidates = candidates.exclude(pk=exclude_id)
    near = [
        (distance_metres(lon, lat, appeal.lon, appeal.lat), appeal)
        for appeal in candidates[:100]
        if appeal.lon is not None and appeal.lat is not None
    ]
    near = [item for item in near if item[0] <= NEARBY_METRES]
    near.sort(key=lambda item: item[0])
    return [appeal for _distance, appeal in near[:NEARBY_LIMIT]]


def distance_metres(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Distance along the ground, by the equirectangular approximation
    (exact enough within a city)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return math.hypot(x, y) * 6_371_000


def appeal_attachments(*, appeal: Appeal) -> QuerySet[AppealAttachment]:
    """What the applicant sees of the appeal's files, oldest first: their
    own, and those of accepted answers once the appeal is answered (not
    the drafts a controller returned)."""
    own = Q(role=AttachmentRole.APPLICANT)
    if not appeal.is_open:
        own |= Q(role=AttachmentRole.ANSWER, answer__status=AnswerStatus.ACCEPTED)
    return appeal.attachments.filter(own).select_related("stored_file").order_by("pk")
