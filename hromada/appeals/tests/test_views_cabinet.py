"""The staff's workplace and the applicant's rating, through the pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import AppealStatus
from hromada.appeals.tests.factories import (
    CategoryFactory,
    RoutingRuleFactory,
    appeal_file,
    appeals_journal,
    enterprise,
)
from hromada.appeals.tests.test_filing import PNG

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    appeals_journal()
    lights = enterprise()
    category = CategoryFactory(code="lighting_fault", name="Вуличне освітлення")
    RoutingRuleFactory(category=category, unit=lights.unit)
    return category, lights


def url(name, appeal, *args):
    return reverse(f"appeals_cabinet:{name}", args=[appeal.public_id, *args])


def test_the_units_queue_shows_its_appeals_and_hides_others(client, city):
    category, lights = city
    other = enterprise("КП «Міськводоканал»")
    appeal = appeal_file(category=category)

    client.force_login(lights.dispatcher)
    mine = client.get(reverse("appeals_cabinet:queue")).content.decode()
    client.force_login(other.dispatcher)
    theirs = client.get(reverse("appeals_cabinet:queue")).content.decode()

    assert appeal.number in mine
    assert appeal.number not in theirs
    assert client.get(url("appeal_detail", appeal)).status_code == 404


def test_a_citizen_has_no_workplace(client, city):
    category, _lights = city
    appeal = appeal_file(category=category)
    client.force_login(UserFactory(roles=[Role.CITIZEN]))

    assert client.get(reverse("appeals_cabinet:queue")).status_code in (302, 403)
    assert client.get(url("appeal_detail", appeal)).status_code in (302, 403, 404)


def test_the_whole_cycle_through_the_pages(client, city):
    category, lights = city
    citizen = UserFactory(roles=[Role.CITIZEN])
    appeal = appeal_file(category=category, actor=citizen)

    # the dispatcher sees the applicant and assigns the executor
    client.force_login(lights.dispatcher)
    page = client.get(url("appeal_detail", appeal)).content.decode()
    assert "olena@test.example" in page
    assert 'action="' + url("appeal_assign", appeal) + '"' in page
    assert page.count('name="csrfmiddlewaretoken"') == page.count('method="post"')
    response = client.post(
        url("appeal_assign", appeal), {"executor": lights.executor.pk}
    )
    assert response.status_code == 302
    # the executor answers with a photo
    client.force_login(lights.executor)
    photo = SimpleUploadedFile("done.png", PNG, content_type="image/png")
    response = client.post(
        url("appeal_answer", appeal),
        {"text": "Лампу замінено.", "outcome": "satisfied", "attachments": [photo]},
    )
    assert response.status_code == 302
    # the director accepts: the answer is published with the photo
    client.force_login(lights.director)
    client.post(url("appeal_answer_accept", appeal))
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.ANSWERED
    client.logout()
    public = client.get(
        reverse("appeals:appeal_detail", args=[appeal.public_id])
    ).content.decode()
    assert "Лампу замінено." in public
    photo_url = reverse(
        "appeals:appeal_file",
        args=[appeal.public_id, appeal.attachments.get(role="answer").public_id],
    )
    assert photo_url in public
    assert client.get(photo_url)["Content-Type"] == "image/png"
    # the citizen says it is not resolved, then it is, and rates it
    client.force_login(citizen)
    rate = reverse("appeals_my:my_appeal_rate", args=[appeal.public_id])
    client.post(rate, {"resolved": "no", "rating": "2"})
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.IN_PROGRESS
    assert appeal.reopened_count == 1


def test_a_bad_action_shows_the_form_again_and_changes_nothing(client, city):
    category, lights = city
    appeal = appeal_file(category=category)
    client.force_login(lights.dispatcher)

    response = client.post(url("appeal_assign", appeal), {"executor": ""})

    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.REGISTERED


def test_an_action_the_user_may_not_take_is_refused(client, city):
    category, lights = city
    appeal = appeal_file(category=category)
    client.force_login(lights.executor)

    response = client.post(
        url("appeal_assign", appeal), {"executor": lights.executor.pk}
    )

    assert response.status_code == 400
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.REGISTERED


def test_the_applicants_own_files_are_never_public(client, city):
    category, _lights = city
    photo = SimpleUploadedFile("my-yard.png", PNG, content_type="image/png")
    citizen = UserFactory(roles=[Role.CITIZEN])
    appeal = appeal_file(category=category, actor=citizen, files=[photo])
    attachment = appeal.attachments.get()

    public = client.get(
        reverse("appeals:appeal_file", args=[appeal.public_id, attachment.public_id])
    )
    client.force_login(citizen)
    own = client.get(
        reverse(
            "appeals_my:my_appeal_file", args=[appeal.public_id, attachment.public_id]
        )
    )

    assert public.status_code == 404
    assert own.status_code == 200
    assert own["X-Content-Type-Options"] == "nosniff"


def test_the_queue_costs_the_same_queries_for_more_appeals(
    client, city, django_assert_max_num_queries
):
    category, lights = city
    for _ in range(3):
        appeal_file(category=category)
    client.force_login(lights.dispatcher)
    client.get(reverse("appeals_cabinet:queue"))
    for _ in range(10):
        appeal_file(category=category)

    with django_assert_max_num_queries(16):
        client.get(reverse("appeals_cabinet:queue"))


def test_an_unrouted_appeal_shows_its_forwarding_term(client, city):
    other = CategoryFactory(code="other", needs_location=False)
    appeal = appeal_file(category=other)
    client.force_login(UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR]))

    response = client.get(url("appeal_detail", appeal))

    assert response.context["forward_by"] is not None
    assert response.context["forward_by"].strftime("%d.%m.%Y") in (
        response.content.decode()
    )


def test_the_applicant_sees_the_files_of_the_accepted_answer_only(client, city):
    from hromada.appeals.services import answers, execution

    category, lights = city
    citizen = UserFactory(roles=[Role.CITIZEN])
    appeal = appeal_file(category=category, actor=citizen)
    execution.appeal_assign(
        appeal=appeal, actor=lights.dispatcher, executor=lights.executor
    )
    draft = SimpleUploadedFile("draft.png", PNG, content_type="image/png")
    answers.answer_submit(
        appeal=appeal,
        actor=lights.executor,
        text="Чернетка",
        outcome="explained",
        files=[draft],
    )
    answers.answer_return(appeal=appeal, actor=lights.director, comment="Інше фото")
    final = SimpleUploadedFile("final.png", PNG, content_type="image/png")
    answers.answer_submit(
        appeal=appeal,
        actor=lights.executor,
        text="Готово",
        outcome="satisfied",
        files=[final],
    )
    answers.answer_accept(appeal=appeal, actor=lights.director)
    returned = appeal.attachments.get(stored_file__original_name="draft.png")
    client.force_login(citizen)

    page = client.get(
        reverse("appeals_my:my_appeal_detail", args=[appeal.public_id])
    ).content.decode()
    draft_url = reverse(
        "appeals_my:my_appeal_file", args=[appeal.public_id, returned.public_id]
    )

    assert "final.png" in page or "Фото 1" in page
    assert draft_url not in page
    assert client.get(draft_url).status_code == 404
