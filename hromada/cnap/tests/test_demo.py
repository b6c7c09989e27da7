"""The demo city's registry of services: complete cards, published, once."""

import random

import pytest
from django.contrib.auth.hashers import make_password

from hromada.cnap import demo, terms
from hromada.cnap.models import AdministrativeService, ServiceStatus, TermUnit
from hromada.cnap.services.cards import completeness_check
from hromada.core.demo import DemoContext
from hromada.org import demo as org_demo
from hromada.search import selectors as search_selectors

pytestmark = pytest.mark.django_db


def _context() -> DemoContext:
    return DemoContext(rng=random.Random(1), password_hash=make_password(None))


def test_the_demo_publishes_the_pilot_services_with_complete_cards():
    org_demo.load(_context())

    demo.load(_context())
    demo.load(_context())  # a second run changes nothing

    services = AdministrativeService.objects.all()
    assert services.count() == 7
    assert set(services.values_list("status", flat=True)) == {ServiceStatus.ACTIVE}
    for service in services:
        completeness_check(service)  # raises if a card lacks anything
        assert terms.stages_fit(service, service.stages.all()) is True
    # DOMAIN.md §4.1: the technological card of S4 has its six stages
    s4 = services.get(name__startswith="Погодження ордера")
    assert [(stage.order, stage.role) for stage in s4.stages.all()] == [
        (1, "В"),
        (2, "В"),
        (3, "В"),
        (4, "У"),
        (5, "З"),
        (6, "В"),
    ]
    assert (s4.term_value, s4.term_unit) == (10, TermUnit.WORKING_DAYS)
    paid = services.get(is_paid=True)
    assert paid.payment_iban == "UA288999980000003341807000001"
    found = search_selectors.search_query(query="атестата", kinds=["cnap.service"])
    assert [hit.title for hit in found.hits] == [
        "Видача дубліката документа про загальну середню освіту"
    ]
