"""Fixtures of the route-template editor's page tests: a unit, its head,
a colleague to put on steps, a template with one visa step."""

import pytest

from hromada.documents.tests.factories_routes import (
    RouteTemplateFactory,
    RouteTemplateStepFactory,
)
from hromada.documents.tests.route_template_pages.pages import colleague, head_of
from hromada.org.tests.factories import (
    OrgUnitFactory,
)


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def unit():
    return OrgUnitFactory.create()


@pytest.fixture
def head(unit):
    return head_of(unit)


@pytest.fixture
def visa(unit):
    return colleague(unit)


@pytest.fixture
def template(unit, visa):
    template = RouteTemplateFactory.create(org_unit=unit, name="Лист відділу")
    RouteTemplateStepFactory.create(template=template, order=1, participants=[visa])
    return template
