"""The public form, the confirmation, the public pages and "/my/appeals/"."""

import uuid

import pytest
from django.core.cache import cache
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import Appeal, AppealFollower, AppealIntake
from hromada.appeals.tests.factories import (
    AddressFactory,
    CategoryFactory,
    CategoryQuestionFactory,
    DistrictFactory,
    RoutingRuleFactory,
    accepted_register,
    appeal_file,
    appeals_journal,
    applicant_input,
)

pytestmark = pytest.mark.django_db

NEW = reverse("appeals:appeal_new")
DETAILS = reverse("appeals:appeal_new_details")


@pytest.fixture
def lighting():
    appeals_journal()
    district = DistrictFactory()
    category = CategoryFactory(code="lighting_fault", name="Вуличне освітлення")
    RoutingRuleFactory(category=category)
    AddressFactory(
        street__name="Садова",
        street__search_name="садова",
        number="14",
        district=district,
    )
    return category


def start_query(category, **extra):
    query = {
        "category": category.code,
        "location_address": "Садова 14",
        "location_lat": "",
        "location_lon": "",
        **extra,
    }
    return "&".join(f"{key}={value}" for key, value in query.items())


def details_post(**overrides):
    data = {
        "once": str(uuid.uuid4()),
        "category": "lighting_fault",
        "kind": "statement",
        "title": "Не світить ліхтар",
        "description": "Третій тиждень темно біля під'їзду.",
        "is_public": "true",
        "family_name": "Коваленко",
        "given_name": "Олена",
        "postal_address": "вул. Садова, 3, кв. 5",
        "email": "olena@test.example",
    }
    data.update(overrides)
    return data


def test_the_first_step_asks_for_the_category_and_the_place(client, lighting):
    content = client.get(NEW).content.decode()

    assert 'name="category"' in content
    assert "Вуличне освітлення" in content
    assert 'name="location_address"' in content
    assert f'action="{DETAILS}"' in content


def test_the_second_step_refuses_a_missing_category_on_the_first_page(client, lighting):
    response = client.get(DETAILS + "?category=&location_address=Садова+14")

    assert response.templates[0].name == "appeals/appeal_new.html"
    assert "govuk-error-summary" in response.content.decode()


def test_an_unknown_address_is_refused_on_the_first_page(client, lighting):
    response = client.get(
        DETAILS + "?category=lighting_fault&location_address=Неіснуюча+999"
    )

    assert response.templates[0].name == "appeals/appeal_new.html"
    errors = response.context["form"].errors.as_data()["location"]
    assert [error.code for error in errors] == ["not_found"]


def test_open_appeals_nearby_are_offered_before_writing(client, lighting):
    earlier = appeal_file(category=lighting, title="Темно біля школи")
    hidden = appeal_file(category=lighting, title="Прихована скарга", is_public=False)

    content = client.get(DETAILS + "?" + start_query(lighting)).content.decode()

    assert "Вже повідомили?" in content
    assert reverse("appeals:appeal_detail", args=[earlier.public_id]) in content
    assert hidden.title not in content


def test_a_visitor_files_an_appeal_and_sees_its_number_once(client, lighting):
    # when
    response = client.post(DETAILS + "?" + start_query(lighting), details_post())

    # then the appeal is accepted at once, registered a moment later
    accepted = AppealIntake.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("appeals:appeal_filed", args=[accepted.public_id])
    waiting = client.get(response.url).content.decode()
    assert "Ваше звернення прийнято" in waiting
    assert 'data-hx-trigger="every 2s"' in waiting
    assert not Appeal.objects.exists()
    [appeal] = accepted_register()
    page = client.get(response.url).content.decode()
    assert appeal.number in page
    assert "data-hx-trigger" not in page
    assert appeal.address.number == "14"
    # another browser cannot open the receipt
    client.cookies.clear()
    assert client.get(response.url).status_code == 404


def test_a_signed_in_citizen_lands_on_the_appeal_in_their_cabinet(client, lighting):
    citizen = UserFactory(roles=[Role.CITIZEN])
    client.force_login(citizen)

    response = client.post(DETAILS + "?" + start_query(lighting), details_post())
    [appeal] = accepted_register()

    assert appeal.owner == citizen
    page = client.get(response.url).content.decode()
    assert appeal.number in page
    assert reverse("appeals_my:my_appeal_detail", args=[appeal.public_id]) in page
    # another citizen cannot open the receipt
    client.force_login(UserFactory(roles=[Role.CITIZEN]))
    assert client.get(response.url).status_code == 404


def test_a_form_sent_twice_files_one_appeal(client, lighting):
    data = details_post()

    first = client.post(DETAILS + "?" + start_query(lighting), data)
    second = client.post(DETAILS + "?" + start_query(lighting), data)

    assert first.url == second.url
    assert AppealIntake.objects.count() == 1
    assert len(accepted_register()) == 1
    assert Appeal.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"email": ""}, "email"),
        ({"description": "<script>alert(1)</script>"}, "description"),
        ({"is_collective": "on", "co_signers": "Бондар"}, "co_signers"),
    ],
)
def test_bad_input_is_shown_on_the_form_and_nothing_is_filed(
    client, lighting, overrides, field
):
    response = client.post(
        DETAILS + "?" + start_query(lighting), details_post(**overrides)
    )

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert field in response.context["form"].errors
    assert Appeal.objects.count() == 0


def test_a_category_question_becomes_a_field_and_its_answer_is_kept(client, lighting):
    CategoryQuestionFactory(
        category=lighting, code="pole", label="Номер опори", required=True
    )

    missing = client.post(DETAILS + "?" + start_query(lighting), details_post())
    client.post(
        DETAILS + "?" + start_query(lighting), details_post(answer_pole="12-345")
    )

    assert 'name="answer_pole"' in missing.content.decode()
    [appeal] = accepted_register()
    assert appeal.answers == {"pole": "12-345"}


def test_the_public_pages_show_public_appeals_without_their_authors(client, lighting):
    public = appeal_file(
        category=lighting,
        applicant=applicant_input(
            family_name="Унікальнопрізвищенко",
            email="unique-author@test.example",
            phone="+380971234567",
            postal_address="вул. Таємна, 77",
        ),
        description="Дзвоніть мені 0971234567 або пишіть unique-author@test.example",
    )
    confidential = appeal_file(category=lighting, is_public=False, title="Секрет")

    listing = client.get(reverse("appeals:appeal_list")).content.decode()
    detail = client.get(
        reverse("appeals:appeal_detail", args=[public.public_id])
    ).content.decode()

    assert public.title in listing
    assert confidential.title not in listing
    for secret in (
        "Унікальнопрізвищенко",
        "unique-author@test.example",
        "0971234567",
        "Таємна",
    ):
        assert secret not in listing
        assert secret not in detail
    assert (
        client.get(
            reverse("appeals:appeal_detail", args=[confidential.public_id])
        ).status_code
        == 404
    )


def test_the_public_list_costs_the_same_queries_for_more_appeals(
    client, lighting, django_assert_max_num_queries
):
    for _ in range(3):
        appeal_file(category=lighting)
    client.get(reverse("appeals:appeal_list"))
    for _ in range(10):
        appeal_file(category=lighting)
    cache.clear()  # else the page cache answers, and no query is counted

    with django_assert_max_num_queries(4):
        client.get(reverse("appeals:appeal_list"))


def test_joining_an_appeal_counts_a_signed_in_person_once(client, lighting):
    appeal = appeal_file(category=lighting)
    neighbour = UserFactory(roles=[Role.CITIZEN])
    follow = reverse("appeals:appeal_follow", args=[appeal.public_id])

    anonymous = client.post(follow)
    client.force_login(neighbour)
    client.post(follow)
    client.post(follow)

    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous.url
    appeal.refresh_from_db()
    assert appeal.follower_count == 1
    assert AppealFollower.objects.filter(appeal=appeal, user=neighbour).count() == 1


def test_the_applicant_cannot_join_their_own_appeal(client, lighting):
    citizen = UserFactory(roles=[Role.CITIZEN])
    appeal = appeal_file(category=lighting, actor=citizen)
    client.force_login(citizen)

    client.post(reverse("appeals:appeal_follow", args=[appeal.public_id]))

    appeal.refresh_from_db()
    assert appeal.follower_count == 0


def test_my_appeals_lists_only_mine_and_hides_others(client, lighting):
    citizen, other = UserFactory.create_batch(2, roles=[Role.CITIZEN])
    mine = appeal_file(category=lighting, actor=citizen, is_public=False)
    theirs = appeal_file(category=lighting, actor=other, title="Чуже звернення")
    client.force_login(citizen)

    listing = client.get(reverse("appeals_my:my_appeal_list")).content.decode()

    assert mine.number in listing
    assert theirs.title not in listing
    assert (
        client.get(
            reverse("appeals_my:my_appeal_detail", args=[mine.public_id])
        ).status_code
        == 200
    )
    assert (
        client.get(
            reverse("appeals_my:my_appeal_detail", args=[theirs.public_id])
        ).status_code
        == 404
    )


def test_my_appeals_lists_what_is_still_being_registered(client, lighting):
    # given: the citizen's form sent, the number not there yet
    citizen = UserFactory(roles=[Role.CITIZEN])
    client.force_login(citizen)
    sent = client.post(DETAILS + "?" + start_query(lighting), details_post())

    # when
    waiting = client.get(reverse("appeals_my:my_appeal_list")).content.decode()
    [appeal] = accepted_register()
    later = client.get(reverse("appeals_my:my_appeal_list")).content.decode()

    # then
    assert "Прийняті, реєструються" in waiting
    assert f'href="{sent.url}"' in waiting
    assert "Прийняті, реєструються" not in later
    assert appeal.number in later


def test_my_appeals_needs_signing_in(client):
    response = client.get(reverse("appeals_my:my_appeal_list"))

    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_the_citizens_cabinet_and_the_portal_menu_lead_to_appeals(client):
    client.force_login(UserFactory(roles=[Role.CITIZEN]))

    home = client.get(reverse("accounts:home")).content.decode()

    assert f'href="{reverse("appeals_my:my_appeal_list")}"' in home
    assert f'href="{reverse("appeals:appeal_list")}"' in home
