"""What the contact centre's page tests share: the demo city, the operator
signed in, the form's data and earlier appeals from the caller's number."""

import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import (
    Appeal,
    AppealChannel,
)
from hromada.appeals.tests.factories import (
    AddressFactory,
    CategoryFactory,
    DistrictFactory,
    RoutingRuleFactory,
    StreetFactory,
    appeal_file,
    appeals_journal,
    applicant_input,
    enterprise,
)

CALL = reverse("appeals_cabinet:contact_call")
LOAD = reverse("appeals_cabinet:contact_load")
PHONE = "+380671234567"


@dataclass
class City:
    category: Any
    lights: Any
    address: Any


@pytest.fixture(name="city")
def city_fixture():
    appeals_journal()
    district = DistrictFactory(name="Центральний")
    address = AddressFactory(
        street=StreetFactory(name="Садова"), number="14", district=district
    )
    lights = enterprise("КП «Благоустрій»")
    group = CategoryFactory(code="improvement", name="Благоустрій")
    category = CategoryFactory(
        code="lighting_fault", name="Вуличне освітлення", parent=group
    )
    RoutingRuleFactory(category=category, unit=lights.unit)
    return City(category=category, lights=lights, address=address)


@pytest.fixture(name="operator")
def operator_fixture():
    return UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR])


@pytest.fixture(name="desk")
def desk_fixture(client, operator):
    client.force_login(operator)
    return client


def call_data(**overrides: Any) -> dict[str, Any]:
    values = {
        "once": str(uuid.uuid4()),
        "phone": "067 123 45 67",
        "family_name": "Гнатюк",
        "given_name": "Ярина",
        "patronymic": "Іванівна",
        "email": "",
        "postal_address": "",
        "category": "lighting_fault",
        "location_address": "Садова 14",
        "location_lat": "",
        "location_lon": "",
        "title": "Не світить ліхтар",
        "description": "Біля під'їзду темно третій тиждень.",
        "kind": "statement",
        "is_public": "false",
        "action": "register",
    }
    return {**values, **overrides}


def earlier(city: City, phone: str = "067 123 45 67", **overrides: Any) -> Appeal:
    return appeal_file(
        category=city.category,
        channel=AppealChannel.CONTACT_CENTRE,
        applicant=applicant_input(phone=phone, email=""),
        **overrides,
    )


def page(response) -> str:
    return response.content.decode()
