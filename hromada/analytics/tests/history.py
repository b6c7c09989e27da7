"""A small city with a history of appeals, made by the appeals room's own
services; dates are moved back with ``.update()`` (tests only)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import Appeal, AppealOutcome
from hromada.appeals.services import answers, execution, feedback
from hromada.appeals.services.filing import DESK_CHANNELS
from hromada.appeals.tests.factories import (
    CITY_LAT,
    CITY_LON,
    CategoryFactory,
    DistrictFactory,
    Enterprise,
    RoutingRuleFactory,
    appeal_file,
    appeals_journal,
    enterprise,
)

KYIV = timezone.get_default_timezone()


@dataclass
class City:
    """Two branches of the category tree, two districts, two enterprises."""

    improvement: Any
    lighting: Any
    waste: Any
    roads: Any
    centre: Any
    north: Any
    lights: Enterprise
    water: Enterprise
    citizen: Any


def city_build() -> City:
    appeals_journal()
    lights = enterprise("КП «Благоустрій»")
    water = enterprise("КП «Міськводоканал»")
    improvement = CategoryFactory(code="improvement", name="Благоустрій", position=1)
    lighting = CategoryFactory(
        code="lighting_fault", name="Вуличне освітлення", parent=improvement
    )
    waste = CategoryFactory(
        code="waste_collection", name="Вивезення відходів", parent=improvement
    )
    roads = CategoryFactory(code="road_damage", name="Дороги", position=2)
    RoutingRuleFactory(category=improvement, unit=lights.unit)
    RoutingRuleFactory(category=roads, unit=water.unit)
    return City(
        improvement=improvement,
        lighting=lighting,
        waste=waste,
        roads=roads,
        centre=DistrictFactory(name="Центральний", code="centre"),
        north=DistrictFactory(name="Північний", code="north"),
        lights=lights,
        water=water,
        citizen=UserFactory(roles=[Role.CITIZEN]),
    )


def at(day: date, hour: int = 10) -> datetime:
    """``hour`` o'clock of ``day`` in Kyiv."""
    return datetime.combine(day, time(hour), tzinfo=KYIV)


def filed(
    city: City,
    *,
    on: date,
    category: Any = None,
    district: Any = None,
    **overrides: Any,
) -> Appeal:
    """An appeal filed by the citizen, registered on ``on`` at 10:00."""
    overrides.setdefault("lon", CITY_LON)
    overrides.setdefault("lat", CITY_LAT)
    # A call is written down by an operator (the factory makes one).
    desk = overrides.get("channel") in DESK_CHANNELS
    appeal = appeal_file(
        category=category or city.lighting,
        actor=None if desk else city.citizen,
        **overrides,
    )
    changes: dict[str, Any] = {"registered_at": at(on)}
    if district is not None:
        changes["district"] = district
    Appeal.objects.filter(pk=appeal.pk).update(**changes)
    appeal.refresh_from_db()
    return appeal


def _unit_staff(city: City, appeal: Appeal) -> Enterprise:
    return city.lights if appeal.unit_id == city.lights.unit.pk else city.water


def answered(
    city: City,
    appeal: Appeal,
    *,
    on: date,
    hour: int = 12,
    outcome: str = AppealOutcome.SATISFIED,
) -> Appeal:
    """Assigned, answered and accepted; the answer dated ``on``. The due
    date moved earlier is put back after: the EDMS refuses a past term."""
    due_on, limit_on = appeal.due_on, appeal.limit_on
    Appeal.objects.filter(pk=appeal.pk).update(
        due_on=timezone.localdate() + timedelta(days=10),
        limit_on=timezone.localdate() + timedelta(days=45),
    )
    staff = _unit_staff(city, appeal)
    execution.appeal_assign(
        appeal=appeal, actor=staff.dispatcher, executor=staff.executor
    )
    answers.answer_submit(
        appeal=appeal, actor=staff.executor, text="Зроблено.", outcome=outcome
    )
    answers.answer_accept(appeal=appeal, actor=staff.director)
    Appeal.objects.filter(pk=appeal.pk).update(
        answered_at=at(on, hour), due_on=due_on, limit_on=limit_on
    )
    appeal.refresh_from_db()
    return appeal


def rated(city: City, appeal: Appeal, *, rating: int, resolved: bool = True) -> Appeal:
    """The citizen rates the answer: resolved (closed) or not (reopened)."""
    return feedback.appeal_rate(
        appeal=appeal, actor=city.citizen, resolved=resolved, rating=rating
    )


def due(appeal: Appeal, on: date) -> Appeal:
    """Move the appeal's due date (and its cap) to ``on``."""
    Appeal.objects.filter(pk=appeal.pk).update(
        due_on=on, limit_on=on + timedelta(days=45)
    )
    appeal.refresh_from_db()
    return appeal
