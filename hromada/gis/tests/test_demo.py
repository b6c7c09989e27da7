import random
import time

import pytest
from django.contrib.auth.hashers import make_password

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.demo import DemoContext
from hromada.core.models import AuditEvent
from hromada.gis import demo, selectors
from hromada.gis.models import Address, District, Street

pytestmark = pytest.mark.django_db


def context():
    return DemoContext(rng=random.Random(1), password_hash=make_password(None))


@pytest.fixture
def gis_editor():
    return UserFactory.create(email="gis@vyshneve.example", roles=[Role.GIS_EDITOR])


def test_the_demo_map_is_built_once_and_every_address_has_a_district(gis_editor):
    # given
    first = context()

    # when
    started = time.monotonic()
    demo.load(first)
    elapsed = time.monotonic() - started
    events = AuditEvent.objects.count()
    demo.load(context())

    # then
    assert (District.objects.count(), Street.objects.count()) == (5, 40)
    assert 40 * 8 <= Address.objects.count() <= 40 * 15
    assert Address.objects.filter(district=None).exists() is False
    # one event per district, per street and per street's buildings
    assert events == 5 + 40 + 40
    assert AuditEvent.objects.count() == events
    assert first.log == [
        f"gis: 5 districts, 40 streets, {Address.objects.count()} buildings"
    ]
    assert elapsed < 3


def test_the_demo_districts_do_not_overlap_and_cover_the_box(gis_editor):
    # given
    demo.load(context())
    districts = list(selectors.district_list())

    # when: a grid of points over the box, off the districts' edges
    counts = []
    for i in range(40):
        for j in range(40):
            lon = demo.WEST + (demo.EAST - demo.WEST) * (i + 0.37) / 40
            lat = demo.SOUTH + (demo.NORTH - demo.SOUTH) * (j + 0.37) / 40
            counts.append(
                sum(
                    selectors.district_among([d], lon=lon, lat=lat) is not None
                    for d in districts
                )
            )

    # then: each point lies in exactly one district
    assert set(counts) == {1}


def test_the_demo_citizen_s_address_is_in_the_registry(gis_editor):
    # given
    demo.load(context())

    # when
    resolution = selectors.address_resolve(text="вул. Садова, 12")

    # then
    assert str(resolution.address) == "вул. Садова, 12"
    assert resolution.address.district is not None


def test_without_a_gis_editor_the_demo_map_is_left_out():
    # when
    log = context()
    demo.load(log)

    # then
    assert District.objects.exists() is False
    assert log.log == ["gis: no demo GIS editor, no map data"]
