"""The public statistics page and the staff's analytics: what they show,
to whom, and what they cost."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.analytics import services
from hromada.analytics.tests.history import answered, due, filed, rated
from hromada.appeals.tests.factories import CITY_LAT, CITY_LON

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
STATS = reverse("analytics:appeal_stats")
CABINET = reverse("analytics_cabinet:appeal_stats")
REPORT = reverse("analytics_cabinet:appeal_report_858")


@pytest.fixture
def history(city):
    """Three public appeals in one square, answered and rated, and a
    confidential one, all in the current month's first days."""
    day = TODAY - timedelta(days=1)
    appeals = [filed(city, on=day, district=city.centre) for _n in range(3)]
    answered(city, appeals[0], on=day + timedelta(days=1))
    rated(city, appeals[0], rating=5)
    answered(city, appeals[1], on=day + timedelta(days=1))
    rated(city, appeals[1], rating=4)
    due(appeals[2], day - timedelta(days=1))
    filed(city, on=day, category=city.roads, is_public=False, district=city.north)
    services.appeal_stats_refresh(today=TODAY)
    return appeals


def period(**extra):
    return {
        "date_from": (TODAY - timedelta(days=30)).isoformat(),
        "date_to": TODAY.isoformat(),
        **extra,
    }


def test_the_public_page_counts_public_appeals_only(client, history):
    response = client.get(STATS, period())

    assert response.status_code == 200
    totals = response.context["dashboard"].totals
    assert (totals.registered, totals.answered, totals.overdue_open) == (3, 2, 1)
    assert [row.label for row in response.context["dashboard"].by_category] == [
        "Благоустрій"
    ]
    assert [row.label for row in response.context["dashboard"].by_district] == [
        "Центральний"
    ]


def test_the_public_page_writes_numbers_as_ukrainians_do(client, history):
    response = client.get(STATS, period())

    page = response.content.decode()
    # rated 5 and 4: average 4,5, every rating a high one
    assert "4,5" in page
    assert "100,0&nbsp;%" in page
    assert "Медіанний час відповіді, днів" in page


def test_a_category_shows_its_children_and_takes_their_appeals(client, history, city):
    response = client.get(STATS, period(category="improvement"))

    dashboard = response.context["dashboard"]
    assert [(row.label, row.figures.registered) for row in dashboard.by_category] == [
        ("Вуличне освітлення", 3)
    ]
    assert dashboard.by_period.rows[0].label == "Вуличне освітлення"


def test_the_filters_by_district_and_unit(client, history, city):
    north = client.get(STATS, period(district="north"))
    centre = client.get(STATS, period(district="centre"))
    water = client.get(STATS, period(unit=str(city.water.unit.public_id)))

    assert north.context["dashboard"].totals.registered == 0
    assert centre.context["dashboard"].totals.registered == 3
    assert water.context["dashboard"].totals.registered == 0
    assert "Жодного звернення" in north.content.decode()


def test_a_period_that_runs_backwards_is_refused_at_its_field(client, history):
    response = client.get(
        STATS, {"date_from": TODAY, "date_to": TODAY - timedelta(days=1)}
    )

    assert response.status_code == 200
    assert response.context["dashboard"] is None
    assert "Кінець періоду раніше за його початок." in response.content.decode()


def test_without_dates_the_page_shows_the_last_twelve_months(client, history):
    response = client.get(STATS)

    query = response.context["query"]
    assert query.date_to == TODAY
    assert query.date_from.day == 1
    assert response.context["dashboard"].totals.registered == 3
    assert len(response.context["dashboard"].by_period.columns) == 12


def test_the_heat_map_draws_squares_of_three_appeals_or_more(client, history, city):
    # given: a fourth public appeal far away, alone in its square
    filed(city, on=TODAY, lon=CITY_LON + 0.02, lat=CITY_LAT + 0.02)
    services.appeal_stats_refresh(today=TODAY)

    # when
    response = client.get(STATS, period())

    # then: the square of three is shown, the lone appeal is not
    cells = response.context["dashboard"].cells
    assert [cell.appeals for cell in cells] == [3]
    assert cells[0].south <= CITY_LAT < cells[0].north
    assert cells[0].west <= CITY_LON < cells[0].east
    assert 'data-module="hromada-heat-map"' in response.content.decode()


def test_the_page_offers_charts_beside_their_tables(client, history):
    page = client.get(STATS, period()).content.decode()

    assert page.count('data-module="hromada-stats-chart"') == 2
    assert 'data-table="stats-by-period"' in page
    assert 'id="stats-by-period"' in page
    assert "stats-charts.mjs" in page
    assert "<script>" not in page
    assert " onclick=" not in page


def test_the_public_page_never_reads_the_appeals(client, history):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(STATS, period())

    assert response.status_code == 200
    sql = " ".join(query["sql"] for query in captured.captured_queries)
    assert "appeals_appeal" not in sql
    assert "analytics_appealstat" in sql


def test_the_public_page_costs_the_same_queries_for_a_longer_history(
    client, city, django_assert_max_num_queries
):
    # given: one appeal, counted
    filed(city, on=TODAY - timedelta(days=3))
    services.appeal_stats_refresh(today=TODAY)
    client.get(STATS, period())
    with CaptureQueriesContext(connection) as small:
        client.get(STATS, period())

    # when: a year of appeals more, in several categories and districts
    for days_ago in (40, 100, 200, 300):
        filed(city, on=TODAY - timedelta(days=days_ago), district=city.north)
        filed(city, on=TODAY - timedelta(days=days_ago), category=city.roads)
    services.appeal_stats_rebuild(today=TODAY)

    # then
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(STATS, {"date_from": TODAY - timedelta(days=364)})
    assert response.context["dashboard"].totals.registered == 9
    assert len(small.captured_queries) <= 8


def person(who, city):
    match who:
        case "anonymous":
            return None
        case "citizen":
            return city.citizen
        case "executor":
            return city.lights.executor
        case "unit head":
            return city.lights.director
        case "operator":
            return UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR])
    return UserFactory(roles=[Role(who)])


@pytest.mark.parametrize(
    ("who", "status"),
    [
        # sent to sign in; the cabinet refuses citizens; other staff find
        # nothing, as if the page did not exist
        ("anonymous", 302),
        ("citizen", 403),
        ("executor", 404),
        ("unit head", 404),
        ("operator", 404),
        (Role.MAYOR.value, 200),
        (Role.DEPUTY_MAYOR.value, 200),
        (Role.COUNCIL_SECRETARY.value, 200),
        (Role.ANALYST.value, 200),
        (Role.SYSTEM_ADMINISTRATOR.value, 200),
    ],
)
def test_who_sees_the_staffs_analytics(client, city, who, status):
    # given
    user = person(who, city)
    if user is not None:
        client.force_login(user)

    # when
    page = client.get(CABINET)
    report = client.get(REPORT, {"year": TODAY.year, "quarter": 1})

    # then
    assert (page.status_code, report.status_code) == (status, status)


def test_the_staff_see_confidential_appeals_and_the_load_of_units(
    client, history, city
):
    # given
    client.force_login(UserFactory(roles=[Role.ANALYST]))

    # when
    response = client.get(CABINET, period())

    # then
    assert response.context["dashboard"].totals.registered == 4
    load = [(row.label, row.open, row.overdue) for row in response.context["unit_load"]]
    assert load == [
        (city.lights.unit.name, 1, 1),
        (city.water.unit.name, 1, 0),
    ]
    assert [row.label for row in response.context["channels"]] == ["Форма на порталі"]
    page = response.content.decode()
    assert reverse("analytics_cabinet:appeal_report_858") in page


def test_the_menu_offers_analytics_to_the_leadership_only(client, city):
    client.force_login(UserFactory(roles=[Role.MAYOR]))
    mayor_page = client.get(reverse("ui:cabinet_home")).content.decode()
    client.force_login(city.lights.executor)
    executor_page = client.get(reverse("ui:cabinet_home")).content.decode()

    assert CABINET in mayor_page
    assert CABINET not in executor_page


def test_the_report_858_is_a_workbook_of_the_quarter(client, history):
    # given
    client.force_login(UserFactory(roles=[Role.MAYOR]))
    year, quarter = TODAY.year, (TODAY.month - 1) // 3 + 1

    # when
    response = client.get(REPORT, {"year": year, "quarter": quarter})

    # then
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="appeals-858-{year}-q{quarter}.xlsx"'
    )
    sheet = load_workbook(BytesIO(response.content)).active
    cells = {row[1]: row[2] for row in sheet.iter_rows(values_only=True) if row[1]}
    assert sheet["A1"].value == "Вишнева міська рада"
    assert cells["Звернення, що надійшли за квартал, усього"] == 4
    assert cells["Заява (клопотання)"] == 4
    assert cells["Поштою (електронною поштою)"] == 4
    assert sheet["B8"].font.bold is True


def test_a_report_of_a_quarter_before_the_classifier_is_refused(client, city):
    client.force_login(UserFactory(roles=[Role.MAYOR]))

    response = client.get(REPORT, {"year": 1999, "quarter": 1})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
