import pytest

pytestmark = pytest.mark.django_db

PROVIDER = {
    "openid_connect": {
        "APPS": [
            {
                "provider_id": "id-gov-ua",
                "name": "ID.GOV.UA",
                "client_id": "hromada",
                "secret": "not-a-real-secret",
                "settings": {"server_url": "https://id.example.gov.ua"},
            }
        ]
    }
}


def test_a_configured_openid_connect_provider_is_offered_on_the_sign_in_page(
    client, settings
):
    settings.SOCIALACCOUNT_PROVIDERS = PROVIDER

    response = client.get("/accounts/login/")

    body = response.content.decode()
    assert "ID.GOV.UA" in body
    assert "/accounts/oidc/id-gov-ua/login/" in body


def test_without_configuration_no_provider_is_offered(client):
    response = client.get("/accounts/login/")

    assert "/accounts/oidc/" not in response.content.decode()
