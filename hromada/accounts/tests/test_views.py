import pytest

from hromada.accounts.models import CitizenProfile
from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.models import AuditEvent

pytestmark = pytest.mark.django_db

FORM = {
    "last_name": "Гнатюк",
    "first_name": "Ярина",
    "patronymic": "",
    "address": "вул. Садова, 12",
    "phone": "067 123 45 67",
    "privileged_category": "",
}


@pytest.fixture
def citizen(client):
    user = UserFactory.create(roles=[Role.CITIZEN])
    client.force_login(user)
    return user


def test_my_cabinet_shows_the_profile(client, citizen):
    response = client.get("/my/")

    assert response.status_code == 200
    assert citizen.email in response.content.decode()


def test_profile_form_saves_and_normalises_the_phone(client, citizen):
    response = client.post("/my/profile/", FORM)

    assert response.status_code == 302
    profile = CitizenProfile.objects.get(user=citizen)
    assert (profile.phone, profile.address) == ("+380671234567", "вул. Садова, 12")


def test_a_bad_phone_is_explained_in_ukrainian_and_nothing_is_saved(client, citizen):
    response = client.post("/my/profile/", {**FORM, "phone": "12345"})

    assert response.status_code == 200
    body = response.content.decode()
    assert "Введіть український номер телефону, наприклад +380501234567." in body
    assert CitizenProfile.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_submitting_twice_keeps_one_profile(client, citizen):
    client.post("/my/profile/", FORM)
    client.post("/my/profile/", FORM)

    assert CitizenProfile.objects.filter(user=citizen).count() == 1
    assert AuditEvent.objects.filter(action="accounts.profile_update").count() == 1
