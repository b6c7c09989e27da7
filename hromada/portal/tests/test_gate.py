import pytest

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.org.tests.factories import EmployeeFactory, OrgUnitFactory
from hromada.portal import services

pytestmark = pytest.mark.django_db


def test_the_editor_sends_anonymous_visitors_to_the_portal_sign_in(client):
    response = client.get("/cms/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_wagtail_password_form_is_never_offered(client):
    response = client.get("/cms/login/?next=/cms/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/cms/pages/"


def test_a_citizen_is_refused_the_editor(client):
    client.force_login(UserFactory.create(roles=[Role.CITIZEN]))

    assert client.get("/cms/").status_code == 403


def test_staff_without_two_factor_are_sent_to_set_it_up(client, settings):
    settings.HROMADA_DEMO = False
    client.force_login(UserFactory.create(roles=[Role.CONTENT_EDITOR]))

    response = client.get("/cms/")

    assert response.status_code == 302
    assert "/accounts/2fa/" in response["Location"]


def test_a_section_editor_reaches_the_editor_in_demo_mode(client, settings, home):
    # given
    settings.HROMADA_DEMO = True
    unit = OrgUnitFactory.create()
    editor = EmployeeFactory.create(
        position__org_unit=unit,
        position__role=Role.CONTENT_EDITOR,
        user__roles=[Role.CONTENT_EDITOR],
    ).user
    services.portal_section_setup(org_unit=unit, root_page=home, actor=None)
    client.force_login(editor)

    # when
    response = client.get("/cms/")

    # then
    assert response.status_code == 200


def test_staff_without_an_editor_section_get_a_refusal_not_a_loop(client, settings):
    settings.HROMADA_DEMO = True
    client.force_login(UserFactory.create(roles=[Role.EXECUTOR]))

    response = client.get("/cms/", follow=True)

    assert response.status_code == 403
