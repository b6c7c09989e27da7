"""The public list's filters and the clusters of the public map."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from hromada.appeals.models import Appeal, AppealStatus
from hromada.appeals.tests.factories import (
    CITY_LAT,
    CITY_LON,
    CategoryFactory,
    DistrictFactory,
    appeal_file,
    appeals_journal,
)

pytestmark = pytest.mark.django_db

MAP = reverse("appeals:appeal_map")
LIST = reverse("appeals:appeal_list")
BBOX = f"{CITY_LON - 0.05},{CITY_LAT - 0.05},{CITY_LON + 0.05},{CITY_LAT + 0.05}"


@pytest.fixture
def tree():
    appeals_journal()
    housing = CategoryFactory(code="housing", name="Житло", needs_location=False)
    water = CategoryFactory(code="water", name="Вода", parent=housing)
    lights = CategoryFactory(code="lights", name="Освітлення")
    return housing, water, lights


def test_a_group_filter_lists_its_categories_and_no_others(client, tree):
    housing, water, lights = tree
    wet = appeal_file(category=water, title="Немає води")
    dark = appeal_file(category=lights, title="Темно на вулиці")

    content = client.get(LIST, {"category": housing.code}).content.decode()

    assert wet.title in content
    assert dark.title not in content


def test_status_district_and_period_filters(client, tree):
    _housing, water, lights = tree
    DistrictFactory(
        name="Західний", lon=CITY_LON - 0.04, lat=CITY_LAT - 0.02, size=0.04
    )
    district = DistrictFactory(
        name="Східний", lon=CITY_LON, lat=CITY_LAT - 0.02, size=0.04
    )
    far = appeal_file(
        category=lights, title="Далеко", lon=CITY_LON + 0.01, lat=CITY_LAT
    )
    near = appeal_file(category=water, title="Поруч", lon=CITY_LON - 0.01, lat=CITY_LAT)
    Appeal.objects.filter(pk=near.pk).update(
        status=AppealStatus.CLOSED, answered_at=timezone.now()
    )
    old = appeal_file(category=water, title="Давнє", lon=CITY_LON - 0.01, lat=CITY_LAT)
    Appeal.objects.filter(pk=old.pk).update(
        registered_at=timezone.now() - timezone.timedelta(days=400)
    )

    by_district = client.get(LIST, {"district": district.code}).content.decode()
    answered = client.get(LIST, {"status": "answered"}).content.decode()
    since = timezone.localdate() - timezone.timedelta(days=30)
    recent = client.get(
        LIST,
        {
            "start_day": str(since.day),
            "start_month": str(since.month),
            "start_year": str(since.year),
        },
    ).content.decode()

    assert far.title in by_district
    assert near.title not in by_district
    assert near.title in answered
    assert far.title not in answered
    assert old.title not in recent
    assert far.title in recent


def test_a_period_that_ends_before_it_starts_is_refused(client, tree):
    response = client.get(
        LIST,
        {
            "start_day": "10",
            "start_month": "5",
            "start_year": "2026",
            "end_day": "1",
            "end_month": "5",
            "end_year": "2026",
        },
    )

    assert "end" in response.context["form"].errors


def test_the_map_clusters_public_appeals_and_hides_confidential_ones(client, tree):
    _housing, _water, lights = tree
    for _ in range(3):
        appeal_file(category=lights)
    lone = appeal_file(
        category=lights,
        title="Дзвоніть 0971234567",
        lon=CITY_LON + 0.03,
        lat=CITY_LAT + 0.02,
    )
    appeal_file(
        category=lights, is_public=False, lon=CITY_LON - 0.03, lat=CITY_LAT - 0.02
    )

    cells = client.get(MAP, {"bbox": BBOX, "zoom": "14"}).json()["cells"]

    assert sorted(cell["count"] for cell in cells) == [1, 3]
    single = next(cell for cell in cells if cell["count"] == 1)
    assert single["url"] == reverse("appeals:appeal_detail", args=[lone.public_id])
    assert "0971234567" not in single["title"]
    for cell in cells:
        assert round(cell["lon"], 3) == cell["lon"]


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"bbox": BBOX},
        {"bbox": "1,2,3", "zoom": "14"},
        {"bbox": BBOX, "zoom": "3"},
        {"bbox": "30,50,35,55", "zoom": "14"},
        {"bbox": "a,b,c,d", "zoom": "14"},
    ],
)
def test_the_map_refuses_a_bad_window(client, tree, query):
    assert client.get(MAP, query).status_code == 400


def test_the_map_costs_three_queries_whatever_it_shows(
    client, tree, django_assert_max_num_queries
):
    _housing, _water, lights = tree
    for n in range(12):
        appeal_file(category=lights, lon=CITY_LON + n * 0.002, lat=CITY_LAT)

    # the categories of the filter, the cells, the titles of lone appeals
    with django_assert_max_num_queries(3):
        client.get(MAP, {"bbox": BBOX, "zoom": "16"})


def test_without_a_period_the_map_shows_the_last_90_days(client, tree):
    _housing, _water, lights = tree
    appeal_file(category=lights)
    old = appeal_file(category=lights, lon=CITY_LON + 0.02, lat=CITY_LAT)
    Appeal.objects.filter(pk=old.pk).update(
        registered_at=timezone.now() - timezone.timedelta(days=200)
    )

    recent = client.get(MAP, {"bbox": BBOX, "zoom": "14"}).json()["cells"]
    since = timezone.localdate() - timezone.timedelta(days=365)
    everything = client.get(
        MAP,
        {
            "bbox": BBOX,
            "zoom": "14",
            "start_day": since.day,
            "start_month": since.month,
            "start_year": since.year,
        },
    ).json()["cells"]

    assert sum(cell["count"] for cell in recent) == 1
    assert sum(cell["count"] for cell in everything) == 2


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has no covering indexes"
)
def test_the_map_has_its_covering_index_on_postgresql():
    # what appeal_map_cells reads, all in the index: no table reads
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'appeals_public_map'"
        )
        (definition,) = cursor.fetchone()

    assert "(registered_at) INCLUDE (id, lon, lat, category_id" in definition
    assert definition.endswith("WHERE is_public")
