"""Factories of the appeals room's tests; appeals themselves are filed
through ``appeal_submit``, as every channel files them."""

from dataclasses import dataclass
from typing import Any

import factory

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import (
    AppealChannel,
    AppealKind,
    Category,
    CategoryQuestion,
    RoutingRule,
    TermRule,
)
from hromada.appeals.services import filing, filing_input, intake
from hromada.documents.models import DocumentKind
from hromada.documents.tests.factories_cards import JournalFactory
from hromada.gis.tests.factories import (  # noqa: F401 (used by the room's tests)
    AddressFactory,
    DistrictFactory,
    StreetFactory,
)
from hromada.org.models import OrgUnitKind
from hromada.org.tests.factories import (
    EmployeeFactory,
    OrgUnitFactory,
    PositionFactory,
)

# A square of the demo city, around 50.386 N, 30.370 E.
CITY_LON, CITY_LAT = 30.370, 50.386


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    code = factory.Sequence(lambda n: f"category-{n}")
    name = factory.Sequence(lambda n: f"Категорія №{n}")
    term_rule = TermRule.NO_STUDY


class CategoryQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CategoryQuestion

    category = factory.SubFactory(CategoryFactory)
    code = factory.Sequence(lambda n: f"question-{n}")
    label = "Номер опори"


class RoutingRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoutingRule

    name = factory.Sequence(lambda n: f"Правило №{n}")
    unit = factory.SubFactory(OrgUnitFactory, kind=OrgUnitKind.ENTERPRISE)


def appeals_journal() -> Any:
    """The council's journal of appeals («{letter}-{seq}», case 01-20)."""
    return JournalFactory(
        kind=DocumentKind.APPEAL,
        name="Звернення громадян",
        index_template="{letter}-{seq}",
        case_index="01-20",
    )


def applicant_input(**overrides: Any) -> filing_input.ApplicantInput:
    values = {
        "family_name": "Коваленко",
        "given_name": "Олена",
        "patronymic": "Петрівна",
        "email": "olena@test.example",
        "postal_address": "вул. Садова, 3, кв. 5, м. Вишневе",
    }
    return filing_input.ApplicantInput(**{**values, **overrides})


def appeal_input(*, category: Category, **overrides: Any) -> filing_input.AppealInput:
    values: dict[str, Any] = {
        "kind": AppealKind.STATEMENT,
        "category": category,
        "title": "Не світить ліхтар",
        "description": "Третій тиждень не світить ліхтар біля під'їзду.",
        "applicant": applicant_input(),
        "lon": CITY_LON,
        "lat": CITY_LAT,
    }
    return filing_input.AppealInput(**{**values, **overrides})


def appeal_file(*, category: Category, actor: Any = None, **overrides: Any) -> Any:
    """File an appeal through the portal, as a citizen would; a channel of
    the desk (the contact centre, a hotline) is written down by an
    operator, made here unless ``actor`` names one. The public's appeal is
    accepted and registered at once, as the background task would."""
    channel = overrides.pop("channel", AppealChannel.PORTAL)
    if actor is None and channel in filing.DESK_CHANNELS:
        actor = UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR])
    data = appeal_input(category=category, **overrides)
    if channel not in intake.PUBLIC_CHANNELS:
        return filing.appeal_submit(actor=actor, channel=channel, data=data)
    # The public's appeal: accepted, then registered as the task does.
    accepted = intake.appeal_accept(actor=actor, channel=channel, data=data)
    return intake.appeal_intake_register(intake_id=accepted.pk)


@dataclass
class Enterprise:
    """A municipal enterprise with a director, a dispatcher and an executor."""

    unit: Any
    director: Any
    dispatcher: Any
    executor: Any


def enterprise(name: str = "КП «Благоустрій»") -> Enterprise:
    """A unit staffed as the dispatch service of R1 works."""
    unit = OrgUnitFactory(kind=OrgUnitKind.ENTERPRISE, name=name)

    def post(title: str, role: Role, *, is_head: bool = False) -> Any:
        return EmployeeFactory(
            user__roles=[role],
            position=PositionFactory(
                org_unit=unit, title=title, role=role, is_head=is_head
            ),
        ).user

    return Enterprise(
        unit=unit,
        director=post("Директор", Role.UNIT_HEAD, is_head=True),
        dispatcher=post("Диспетчер", Role.DISPATCHER),
        executor=post("Інженер", Role.EXECUTOR),
    )


def accepted_register() -> list[Any]:
    """Register every accepted appeal now, as the background task does a
    moment after acceptance (tests run no queue); the appeals, oldest
    first."""
    from datetime import timedelta

    from django.utils import timezone

    from hromada.appeals.models import AppealIntake
    from hromada.appeals.services import intake

    intake.appeal_intakes_register_waiting(
        received_before=timezone.now() + timedelta(seconds=1)
    )
    return [
        accepted.appeal
        for accepted in AppealIntake.objects.select_related("appeal").order_by("pk")
        if accepted.appeal is not None
    ]
