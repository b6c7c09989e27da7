import pytest
from django.core import mail

from hromada.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_password_reset_mail_is_signed_by_the_council_in_ukrainian(client):
    # given
    UserFactory.create(email="olena@test.example")

    # when
    response = client.post("/accounts/password/reset/", {"email": "olena@test.example"})

    # then
    assert response.status_code == 302
    message = mail.outbox[0]
    assert message.subject == "[Вишнева міська рада] Відновлення пароля"
    assert "Добрий день! Це повідомлення від: Вишнева міська рада." in message.body
    assert "Hello from" not in message.body
    assert "http://testserver/accounts/password/reset/key/" in message.body


def test_unknown_address_gets_no_reset_link_and_the_page_does_not_tell(client):
    response = client.post(
        "/accounts/password/reset/", {"email": "nobody@test.example"}
    )

    assert response.status_code == 302
    assert all("/accounts/password/reset/key/" not in m.body for m in mail.outbox)
