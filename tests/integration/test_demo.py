"""The demo city: deterministic, idempotent, refused in production."""

from collections import Counter, defaultdict
from io import StringIO
from math import ceil

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db.models import F, Sum

from hromada.accounts.models import User
from hromada.accounts.roles import Role
from hromada.analytics.models import AppealStat, Span
from hromada.appeals.models import Appeal, AppealAnswer, AppealEvent
from hromada.core.models import AuditEvent
from hromada.documents.models import DocumentKind
from hromada.gis import selectors as gis_selectors
from hromada.org.models import Employee, OrgUnit, OrgUnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_mode(settings):
    settings.HROMADA_DEMO = True
    settings.IS_PRODUCTION = False


def _snapshot():
    return (
        User.objects.count(),
        OrgUnit.objects.count(),
        Employee.objects.count(),
        AuditEvent.objects.count(),
        sorted(User.objects.values_list("email", "last_name", "first_name")),
    )


def test_demo_builds_the_city_with_one_account_per_role(demo_mode):
    # when
    call_command("demo", stdout=StringIO())

    # then
    assert OrgUnit.objects.filter(kind=OrgUnitKind.DEPARTMENT).count() == 19
    assert OrgUnit.objects.filter(kind=OrgUnitKind.ENTERPRISE).count() == 10
    assert OrgUnit.objects.filter(kind=OrgUnitKind.CNAP).count() == 1
    assert 120 <= Employee.objects.count() <= 140
    for role in Role:
        holders = User.objects.filter(
            groups__name=role.value, email__endswith="@vyshneve.example"
        )
        assert holders.exists() is True, role
    mayor = User.objects.get(email="mayor@vyshneve.example")
    assert mayor.check_password("demo-hromada") is True


def test_running_demo_twice_changes_nothing_and_is_deterministic(demo_mode):
    call_command("demo", stdout=StringIO())
    first = _snapshot()

    call_command("demo", stdout=StringIO())

    assert _snapshot() == first


def test_demo_is_refused_in_production(settings):
    settings.IS_PRODUCTION = True
    settings.HROMADA_DEMO = False

    with pytest.raises(CommandError, match="ніколи — у робочому середовищі"):
        call_command("demo")

    assert User.objects.exists() is False


# What each state of an appeal leaves behind when the services made it:
# its timeline steps and its audit actions, besides the registration's.
TRAIL = {
    "registered": (set(), set()),
    "in_progress": ({"assigned"}, {"appeals.assign"}),
    "answered": ({"assigned", "answered"}, {"appeals.assign", "appeals.answer_accept"}),
    "closed": (
        {"assigned", "answered", "rated", "closed"},
        {"appeals.assign", "appeals.answer_accept", "appeals.close"},
    ),
    "forwarded": ({"forwarded"}, {"appeals.forward"}),
}


def _trails():
    events, actions = defaultdict(set), defaultdict(set)
    for appeal_id, kind in AppealEvent.objects.values_list("appeal_id", "kind"):
        events[appeal_id].add(kind)
    audit = AuditEvent.objects.filter(
        target_type=ContentType.objects.get_for_model(Appeal)
    )
    for target_id, action in audit.values_list("target_id", "action"):
        actions[int(target_id)].add(action)
    return events, actions


def test_demo_appeals_live_a_mix_of_states_and_show_on_the_public_pages(
    demo_mode, client
):
    # when
    call_command("demo", stdout=StringIO())

    # then: the mix, each state reached by its own service steps
    appeals = Appeal.objects.select_related("category", "document")
    assert Counter(appeals.values_list("status", flat=True)) == {
        "registered": 21,
        "in_progress": 45,
        "answered": 70,
        "closed": 63,
        "forwarded": 5,
    }
    assert (
        appeals.filter(reopened_count=1).count(),
        appeals.exclude(extended_at=None).count(),
        appeals.exclude(rating=None).count(),
        AppealAnswer.objects.filter(status="submitted").count(),
        AppealAnswer.objects.filter(status="returned").count(),
    ) == (4, 7, 67, 7, 3)
    events, actions = _trails()
    astray = [
        appeal.number
        for appeal in appeals
        if not (
            {"registered"} | TRAIL[appeal.status][0] <= events[appeal.pk]
            and {"appeals.submit"} | TRAIL[appeal.status][1] <= actions[appeal.pk]
        )
    ]
    assert astray == []
    # every appeal is an EDMS card of the appeals journal, under its number
    assert appeals.filter(number="").exists() is False
    assert (
        appeals.exclude(
            document__kind=DocumentKind.APPEAL,
            document__registration_number=F("number"),
        ).exists()
        is False
    )
    # the statistics were refreshed after the appeals were handled
    assert AppealStat.objects.filter(span=Span.DAY).aggregate(
        registered=Sum("registered"), closed=Sum("closed"), ratings=Sum("rating_count")
    ) == {"registered": 204, "closed": 63, "ratings": 67}
    _assert_public_pages(client)


def _assert_public_pages(client):
    """Every place inside the city and on the 90-day map; 20 to a page."""
    public = Appeal.objects.filter(is_public=True)
    points = public.exclude(lon=None)
    listed = client.get("/appeals/")
    last = client.get(f"/appeals/?page={ceil(public.count() / 20)}")
    cells = client.get(
        "/appeals/map.json", {"bbox": "30.3,50.3,30.5,50.5", "zoom": "12"}
    ).json()["cells"]

    assert (
        Appeal.objects.filter(category__needs_location=True, lon=None).exists() is False
    )
    assert {gis_selectors.point_in_city(lon=a.lon, lat=a.lat) for a in points} == {True}
    assert sum(cell["count"] for cell in cells) == points.count()
    page = listed.context["page"]
    assert (listed.status_code, page.paginator.count, len(page)) == (
        200,
        public.count(),
        20,
    )
    assert page.has_next() is True
    assert 'href="?page=2"' in listed.content.decode()
    assert len(last.context["page"]) == public.count() - 20 * (
        page.paginator.num_pages - 1
    )
