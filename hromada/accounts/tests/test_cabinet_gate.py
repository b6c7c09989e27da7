"""The cabinet gate: a staff role, and TOTP outside demo mode."""

import pytest
from allauth.mfa.models import Authenticator

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
CABINET = "/cabinet/"


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(CABINET)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/cabinet/")


def test_staff_without_mfa_cannot_reach_the_cabinet_outside_demo_mode(client, settings):
    # given
    settings.HROMADA_DEMO = False
    client.force_login(UserFactory.create(roles=[Role.EXECUTOR]))

    # when
    response = client.get(CABINET)

    # then: sent to set up an authenticator app
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_staff_with_totp_reaches_the_cabinet(client, settings):
    settings.HROMADA_DEMO = False
    user = UserFactory.create(roles=[Role.EXECUTOR])
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    client.force_login(user)

    response = client.get(CABINET)

    assert response.status_code == 200


def test_demo_mode_lets_staff_in_without_mfa(client, settings):
    settings.HROMADA_DEMO = True
    client.force_login(UserFactory.create(roles=[Role.EXECUTOR]))

    response = client.get(CABINET)

    assert response.status_code == 200


def test_citizen_is_refused_the_cabinet(client, settings):
    settings.HROMADA_DEMO = True
    client.force_login(UserFactory.create(roles=[Role.CITIZEN]))

    response = client.get(CABINET)

    assert response.status_code == 403


def test_admin_site_requires_mfa_for_superusers_outside_demo_mode(client, settings):
    settings.HROMADA_DEMO = False
    client.force_login(UserFactory.create(is_superuser=True, is_staff=True))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
