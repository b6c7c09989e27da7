"""Fixtures of the mobile cabinet tests: a unit, its head signed in, a letter."""

import pytest

from hromada.accounts.roles import Role
from hromada.documents.tests.factories_control import (
    DocumentAddresseeFactory,
    RegisteredDocumentFactory,
    employee_in,
)
from hromada.org.tests.factories import OrgUnitFactory


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def unit():
    return OrgUnitFactory.create()


@pytest.fixture
def head(unit, client):
    user = employee_in(unit, is_head=True, roles=[Role.UNIT_HEAD], last_name="Мельник")
    client.force_login(user)
    return user


@pytest.fixture
def clerk(unit):
    return employee_in(unit, last_name="Коваль", first_name="Оксана")


@pytest.fixture
def colleague(unit):
    return employee_in(unit, last_name="Бондар", first_name="Ігор")


@pytest.fixture
def letter(unit):
    document = RegisteredDocumentFactory.create(org_unit=unit)
    DocumentAddresseeFactory(document=document, org_unit=unit)
    return document
