"""Who may take calls, and the operator looking the caller up: earlier
appeals by the phone, the details to confirm, the similar open appeals."""

import re

import pytest
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import (
    Appeal,
    AuthorCategory,
)
from hromada.appeals.tests.contact_centre_support import (  # noqa: F401 (fixtures)
    CALL,
    LOAD,
    PHONE,
    call_data,
    city_fixture,
    desk_fixture,
    earlier,
    operator_fixture,
    page,
)
from hromada.appeals.tests.factories import (
    CategoryQuestionFactory,
    RoutingRuleFactory,
    appeal_file,
    enterprise,
)

pytestmark = pytest.mark.django_db


# --- who may use the pages -------------------------------------------------


@pytest.mark.parametrize(
    ("roles", "call", "load"),
    [
        ([Role.CONTACT_CENTRE_OPERATOR], 200, 200),
        ([Role.REGISTRAR], 200, 200),
        ([Role.MAYOR], 404, 200),
        ([Role.ANALYST], 404, 200),
        ([Role.UNIT_HEAD], 404, 404),
        ([Role.DISPATCHER], 404, 404),
        ([Role.CITIZEN], 403, 403),
    ],
)
def test_who_may_take_calls_and_watch_the_load(client, city, roles, call, load):
    # given: an appeal registered by phone, whose page the operator reads back
    appeal = earlier(city)
    client.force_login(UserFactory(roles=roles))
    done = reverse("appeals_cabinet:contact_call_done", args=[appeal.public_id])

    # when
    statuses = (
        client.get(CALL).status_code,
        client.get(CALL, {"phone": PHONE}).status_code,
        client.get(done).status_code,
        client.get(LOAD).status_code,
    )

    # then
    assert statuses == (call, call, call, load)


def test_a_visitor_is_sent_to_sign_in(client, city):
    response = client.get(CALL, {"phone": PHONE})

    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_a_staff_member_outside_the_desk_cannot_post_a_lookup(client, city):
    earlier(city)
    client.force_login(enterprise("КП «Інше»").dispatcher)

    response = client.post(CALL, call_data(action="lookup"))

    assert response.status_code == 404
    assert "Гнатюк" not in page(response)


# --- the empty form ----------------------------------------------------------


def test_a_new_call_starts_at_the_phone_with_the_categories_grouped(desk, city):
    html = page(desk.get(CALL))

    assert 'type="tel"' in html
    assert "autofocus" in html
    assert '<optgroup label="Благоустрій">' in html
    assert 'value="lighting_fault"' in html
    assert 'name="once"' in html
    assert html.count('name="csrfmiddlewaretoken"') == html.count('method="post"')
    # the caller chooses: no answer is chosen for them (APL-18)
    publicity = re.findall(r'<input type="radio" name="is_public"[^>]*>', html)
    assert len(publicity) == 2
    assert [tag for tag in publicity if "checked" in tag] == []
    kind = re.findall(r'<input type="radio" name="kind"[^>]*checked[^>]*>', html)
    assert len(kind) == 1
    assert 'value="statement"' in kind[0]


def test_the_privileged_categories_are_offered(desk, city):
    privileged = AuthorCategory.objects.filter(privileged=True).first()
    other = AuthorCategory.objects.filter(privileged=False).first()

    html = page(desk.get(CALL))

    assert privileged.name in html
    assert other.name not in html


# --- looking the caller up -------------------------------------------------


def test_the_phone_in_the_address_shows_the_callers_appeals_and_details(desk, city):
    # given: two earlier appeals from the number, spelt differently
    first = earlier(city, title="Яма на дорозі")
    second = earlier(city, phone="+38 (067) 123-45-67", title="Не світить ліхтар")

    # when
    html = page(desk.get(CALL, {"phone": "0671234567"}))

    # then: the most recent first, with whom and until when
    assert html.index(second.number) < html.index(first.number)
    assert "КП «Благоустрій»" in html
    assert second.due_on.strftime("%d.%m.%Y") in html
    assert 'value="Коваленко"' in html
    assert 'value="Олена"' in html
    assert "підтвердьте їх із заявником" in html


def test_an_unknown_number_is_said_so(desk, city):
    earlier(city)

    html = page(desk.get(CALL, {"phone": "050 111 22 33"}))

    assert "Із номера 050 111 22 33 звернень не реєстрували." in html
    assert 'value="Коваленко"' not in html


def test_a_lookup_keeps_what_was_typed_and_registers_nothing(desk, city):
    # given: the operator typed a name and the matter before looking up
    earlier(city)
    data = call_data(action="lookup", patronymic="", email="")

    # when
    response = desk.post(CALL, data)

    # then: the typed name stays, the empty fields take the caller's last
    html = page(response)
    assert response.status_code == 200
    assert 'value="Гнатюк"' in html
    assert 'value="Коваленко"' not in html
    assert 'value="Петрівна"' in html
    assert "Біля під&#x27;їзду темно третій тиждень." in html
    assert f'value="{data["once"]}"' in html
    assert "govuk-error-summary" not in html
    assert Appeal.objects.count() == 1


def test_htmx_gets_the_callers_part_only(desk, city):
    appeal = earlier(city)

    response = desk.post(
        CALL,
        call_data(action="", family_name=""),
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="contact-caller",
    )

    html = page(response)
    assert response.status_code == 200
    assert "<html" not in html
    assert appeal.number in html
    assert 'value="Коваленко"' in html
    assert 'id="contact-status" data-hx-swap-oob="innerHTML"' in html
    assert "1 попереднє звернення з цього номера." in html


def test_htmx_gets_the_categorys_questions_and_the_similar_appeals(desk, city):
    # given: the caller's own open appeal, a public one nearby from someone
    # else, and a confidential one nearby from someone else
    CategoryQuestionFactory(category=city.category, label="Номер опори")
    own = earlier(city, title="Моє")
    public = appeal_file(category=city.category, title="Сусідське")
    hidden = appeal_file(category=city.category, title="Таємне", is_public=False)

    # when
    response = desk.post(
        CALL,
        call_data(
            action="", location_address="", location_lat="50.386", location_lon="30.37"
        ),
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="contact-similar",
    )

    # then
    html = page(response)
    assert "<html" not in html
    assert "Номер опори" in html
    assert own.number in html
    assert public.number in html
    assert hidden.number not in html
    assert "2 схожі відкриті звернення." in html


def test_no_similar_appeals_without_a_category(desk, city):
    earlier(city)

    html = page(desk.post(CALL, call_data(action="lookup", category="")))

    assert "Схожих відкритих звернень немає." not in html
    assert "Вже зареєстровано?" not in html


def test_the_lookup_costs_the_same_queries_for_more_appeals(
    desk, city, django_assert_max_num_queries
):
    # given: one earlier appeal, then five more
    earlier(city)
    desk.get(CALL, {"phone": PHONE})
    with django_assert_max_num_queries(10) as few:
        desk.get(CALL, {"phone": PHONE})
    for _ in range(5):
        earlier(city)

    # when
    with django_assert_max_num_queries(10) as more:
        html = page(desk.get(CALL, {"phone": PHONE}))

    # then
    assert len(more.captured_queries) == len(few.captured_queries)
    assert html.count("govuk-tag--blue") == 6


def test_the_similar_appeals_cost_the_same_queries_for_more(
    desk, city, django_assert_max_num_queries
):
    # given: the caller's appeal and one neighbour's, then three more
    # neighbours' routed to other units
    earlier(city)
    appeal_file(category=city.category)
    ask = {
        "data": call_data(action="", location_lat="50.386", location_lon="30.37"),
        "HTTP_HX_REQUEST": "true",
        "HTTP_HX_TARGET": "contact-similar",
    }
    desk.post(CALL, **ask)
    with django_assert_max_num_queries(12) as few:
        desk.post(CALL, **ask)
    for name in ("КП «Світло»", "КП «Ліхтар»", "КП «Опора»"):
        other = RoutingRuleFactory(
            category=city.category, unit=enterprise(name).unit, keywords=name
        )
        appeal_file(category=city.category, title=other.keywords)

    # when
    with django_assert_max_num_queries(12) as more:
        html = page(desk.post(CALL, **ask))

    # then
    assert len(more.captured_queries) == len(few.captured_queries)
    assert "КП «Опора»" in html
