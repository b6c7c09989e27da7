"""The operator registers the oral appeal and reads its number back; a
call about an earlier appeal is linked to it (APL-15)."""

import uuid

import pytest
from django.urls import reverse

from hromada.appeals.models import (
    Appeal,
    AppealChannel,
    AppealForm,
    AuthorCategory,
    ReceiptForm,
)
from hromada.appeals.tests.contact_centre_support import (  # noqa: F401 (fixtures)
    CALL,
    PHONE,
    call_data,
    city_fixture,
    desk_fixture,
    earlier,
    operator_fixture,
    page,
)
from hromada.appeals.tests.factories import (
    CategoryFactory,
    CategoryQuestionFactory,
    RoutingRuleFactory,
)
from hromada.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_the_operator_registers_an_oral_appeal_and_reads_the_number(
    desk, city, operator, django_capture_on_commit_callbacks
):
    # given
    privileged = AuthorCategory.objects.filter(privileged=True).first()
    data = call_data(author_categories=[privileged.pk], email="yaryna@test.example")

    # when
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(CALL, data)

    # then: registered as an oral appeal by phone, routed, the phone kept in
    # one spelling, owned by no account
    appeal = Appeal.objects.get()
    done = reverse("appeals_cabinet:contact_call_done", args=[appeal.public_id])
    assert (response.status_code, response["Location"]) == (302, done)
    assert (appeal.channel, appeal.receipt_form, appeal.appeal_form) == (
        AppealChannel.CONTACT_CENTRE,
        ReceiptForm.PHONE,
        AppealForm.ORAL,
    )
    assert (appeal.unit, appeal.owner, appeal.is_public, appeal.privileged) == (
        city.lights.unit,
        None,
        False,
        True,
    )
    assert appeal.address == city.address
    assert appeal.applicant.phone == PHONE
    assert appeal.applicant.full_name == "Гнатюк Ярина Іванівна"
    event = AuditEvent.objects.get(action="appeals.submit")
    assert event.actor == operator
    # the page to read back: the number, who handles it, by when
    html = page(desk.get(done))
    assert f"<strong>{appeal.number}</strong>" in html
    assert (
        f"Ваше звернення зареєстровано за номером {appeal.number}. "
        f"Його розглядає КП «Благоустрій»; відповідь надамо до "
        f"{appeal.due_on.strftime('%d.%m.%Y')}."
    ) in html
    assert "yaryna@test.example" in html
    assert f'href="{CALL}"' in html


def test_sending_the_form_twice_registers_one_appeal(desk, city):
    data = call_data()

    first = desk.post(CALL, data)
    second = desk.post(CALL, data)

    appeal = Appeal.objects.get()
    assert first["Location"] == second["Location"]
    assert str(appeal.public_id) in first["Location"]


def test_a_call_without_the_choices_the_caller_makes_is_refused(desk, city):
    # given: no answer on publicity, half a phone number, no surname
    data = call_data(is_public="", phone="067 123", family_name="")

    # when
    response = desk.post(CALL, data)

    # then: every problem at once, nothing written
    html = page(response)
    assert response.status_code == 400
    assert "Запитайте, чи може звернення бути публічним." in html
    assert "Введіть увесь номер з кодом" in html
    assert "govuk-error-summary" in html
    assert 'value="Ярина"' in html
    assert Appeal.objects.exists() is False
    assert AuditEvent.objects.filter(action="appeals.submit").exists() is False


@pytest.mark.parametrize(
    ("receipt", "link"), [("repeat", "repeat_of"), ("duplicate", "duplicate_of")]
)
def test_APL_15_a_call_about_an_earlier_appeal_is_linked_to_it(
    desk, city, receipt, link
):
    # given: the caller's earlier appeal, offered on the looked-up page
    first = earlier(city)
    offered = page(desk.get(CALL, {"phone": PHONE}))
    assert f'<option value="{first.public_id}">{first.number} — ' in offered

    # when
    response = desk.post(CALL, call_data(receipt=receipt, earlier=str(first.public_id)))

    # then
    assert response.status_code == 302
    appeal = Appeal.objects.exclude(pk=first.pk).get()
    assert (appeal.receipt_attribute, getattr(appeal, link)) == (receipt, first)


def test_a_link_needs_the_earlier_appeal(desk, city):
    earlier(city)

    response = desk.post(CALL, call_data(receipt="repeat", earlier=""))

    assert response.status_code == 400
    assert "Оберіть попереднє звернення." in page(response)
    assert Appeal.objects.count() == 1


def test_a_link_to_someone_elses_appeal_is_refused(desk, city):
    earlier(city)
    stranger = earlier(city, phone="+380501112233")

    response = desk.post(
        CALL, call_data(receipt="duplicate", earlier=str(stranger.public_id))
    )

    assert response.status_code == 400
    assert "Оберіть одне з попередніх звернень заявника." in page(response)
    assert Appeal.objects.count() == 2


def test_a_first_time_caller_is_not_asked_about_earlier_appeals(desk, city):
    html = page(desk.get(CALL, {"phone": PHONE}))

    assert 'name="receipt"' not in html
    assert 'name="earlier"' not in html


def test_a_category_with_a_place_needs_the_place(desk, city):
    response = desk.post(CALL, call_data(location_address=""))

    assert response.status_code == 400
    assert "Запитайте, де це" in page(response)
    assert Appeal.objects.exists() is False


def test_a_required_question_of_the_category_is_asked(desk, city):
    CategoryQuestionFactory(
        category=city.category, code="pole", label="Номер опори", required=True
    )

    refused = desk.post(CALL, call_data())
    accepted = desk.post(CALL, call_data(answer_pole="17"))

    assert refused.status_code == 400
    assert "Номер опори" in page(refused)
    assert accepted.status_code == 302
    assert Appeal.objects.get().answers == {"pole": "17"}


def test_a_category_without_a_place_needs_none(desk, city):
    CategoryFactory(code="billing", name="Нарахування", needs_location=False)

    response = desk.post(CALL, call_data(category="billing", location_address=""))

    assert response.status_code == 302
    appeal = Appeal.objects.get()
    assert (appeal.address, appeal.lon, appeal.unit) == (None, None, None)


def test_the_done_page_of_an_unrouted_appeal_says_the_desk_routes_it(desk, city):
    CategoryFactory(code="billing", name="Нарахування", needs_location=False)
    desk.post(CALL, call_data(category="billing", location_address=""))
    appeal = Appeal.objects.get()

    html = page(
        desk.get(reverse("appeals_cabinet:contact_call_done", args=[appeal.public_id]))
    )

    assert "Ще не передано: передасть контакт-центр або загальний відділ" in html


def test_the_done_page_of_a_matter_for_another_body_says_where_it_goes(desk, city):
    pensions = CategoryFactory(code="pensions", name="Пенсії", needs_location=False)
    RoutingRuleFactory(
        category=pensions,
        unit=None,
        outside_competence=True,
        forward_to="Пенсійний фонд України",
    )
    desk.post(CALL, call_data(category="pensions", location_address=""))
    appeal = Appeal.objects.get()

    html = page(
        desk.get(reverse("appeals_cabinet:contact_call_done", args=[appeal.public_id]))
    )

    assert (
        "Це питання вирішує Пенсійний фонд України: рада перешле звернення "
        "туди протягом п’яти днів і повідомить вас."
    ) in html


def test_an_unknown_appeal_has_no_done_page(desk, city):
    url = reverse("appeals_cabinet:contact_call_done", args=[uuid.uuid4()])

    assert desk.get(url).status_code == 404


def test_an_operator_registers_a_busy_hours_calls(
    desk, city, django_capture_on_commit_callbacks
):
    for _ in range(6):
        with django_capture_on_commit_callbacks(execute=True):
            response = desk.post(CALL, call_data())
        assert response.status_code == 302

    assert Appeal.objects.count() == 6
