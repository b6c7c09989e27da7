"""Fixtures of the route-template tests: a unit, its head, a template."""

import pytest

from hromada.documents.models import ApprovalKind
from hromada.documents.services import route_templates as services
from hromada.documents.services.route_steps import StepSpec
from hromada.documents.tests.route_templates.world import head_of, staff
from hromada.org.tests.factories import OrgUnitFactory


@pytest.fixture
def unit():
    return OrgUnitFactory.create()


@pytest.fixture
def head(unit):
    return head_of(unit)


@pytest.fixture
def visa():
    return staff()


@pytest.fixture
def template(unit, head, visa):
    return services.route_template_create(
        actor=head,
        name="Лист за підписом начальника",
        kind="outgoing",
        org_unit=unit,
        steps=[StepSpec(kind=ApprovalKind.VISA, participants=[visa])],
    )
