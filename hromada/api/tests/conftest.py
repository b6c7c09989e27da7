import pytest
from rest_framework.test import APIClient

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.HROMADA_DEMO = True  # no MFA step for session tests


@pytest.fixture
def client_en():
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def staff():
    return UserFactory.create(roles=[Role.EXECUTOR])


@pytest.fixture
def staff_token(staff):
    # Imported here: collecting this conftest must not load the API's models
    # where the room is not installed (see hromada/api/conftest.py).
    from hromada.api import services

    _token, plaintext = services.api_token_create(user=staff, actor=None, name="CI")
    return plaintext
