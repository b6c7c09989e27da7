import pytest
from allauth.mfa.models import Authenticator

from hromada.accounts.tests.factories import CitizenProfileFactory, UserFactory
from hromada.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(client):
    user = UserFactory.create(is_superuser=True, is_staff=True)
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    client.force_login(user)
    return user


def test_opening_a_citizen_profile_in_the_admin_is_audited(client, superuser):
    profile = CitizenProfileFactory.create()

    response = client.get(f"/admin/accounts/citizenprofile/{profile.pk}/change/")

    assert response.status_code == 200
    event = AuditEvent.objects.get()
    assert (event.action, event.actor_id, event.data) == (
        "accounts.profile_read",
        superuser.pk,
        {"purpose": "admin"},
    )


def test_the_admin_cannot_change_a_user(client, superuser):
    user = UserFactory.create(last_name="Стара")

    client.post(f"/admin/accounts/user/{user.pk}/change/", {"last_name": "Нова"})

    user.refresh_from_db()
    assert user.last_name == "Стара"
