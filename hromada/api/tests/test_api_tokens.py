import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.api import selectors, services
from hromada.api.models import ApiToken
from hromada.core.errors import PermissionDeniedError
from hromada.core.models import AuditEvent

pytestmark = pytest.mark.django_db

DOCUMENTS = "/api/v1/documents/"


def test_token_create_stores_only_the_hash_and_audits(staff):
    # when
    token, plaintext = services.api_token_create(
        user=staff, actor=staff, name="Бухгалтерія"
    )

    # then
    assert plaintext.startswith("hrm_")
    assert token.key_hash == selectors.api_token_hash(plaintext)
    assert plaintext not in token.key_hash
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.target_type, event.target_id) == (
        "api.token_create",
        staff,
        ContentType.objects.get_for_model(ApiToken),
        str(token.pk),
    )
    assert event.data == {"user": staff.pk, "name": "Бухгалтерія"}


def test_a_citizen_cannot_hold_a_token():
    # given
    citizen = UserFactory.create(roles=[Role.CITIZEN])

    # when
    with pytest.raises(PermissionDeniedError) as error:
        services.api_token_create(user=citizen, actor=None, name="Мій")

    # then
    assert error.value.code == "permission_denied"
    assert ApiToken.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_a_colleague_cannot_issue_a_token_for_someone_else(staff):
    # given
    colleague = UserFactory.create(roles=[Role.EXECUTOR])

    # when
    with pytest.raises(PermissionDeniedError):
        services.api_token_create(user=staff, actor=colleague, name="Чужий")

    # then
    assert ApiToken.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_bearer_token_authenticates_and_stamps_last_use(client_en, staff, staff_token):
    # when
    response = client_en.get(DOCUMENTS, HTTP_AUTHORIZATION=f"Bearer {staff_token}")

    # then
    assert response.status_code == 200
    assert response.json() == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }
    assert ApiToken.objects.get().last_used_at is not None


def test_a_revoked_token_gets_401(client_en, staff, staff_token):
    # given
    services.api_token_revoke(token=ApiToken.objects.get(), actor=staff)

    # when
    response = client_en.get(DOCUMENTS, HTTP_AUTHORIZATION=f"Bearer {staff_token}")

    # then
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json() == {
        "code": "authentication_failed",
        "message": "The token is invalid or revoked.",
        "details": {},
    }


def test_an_unknown_token_gets_401(client_en):
    response = client_en.get(DOCUMENTS, HTTP_AUTHORIZATION="Bearer hrm_nonsense")

    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_no_credentials_get_401_in_the_error_shape(client_en):
    response = client_en.get(DOCUMENTS)

    assert response.status_code == 401
    assert response.json() == {
        "code": "not_authenticated",
        "message": "Authentication credentials were not provided.",
        "details": {},
    }


def test_no_credentials_get_401_in_ukrainian_by_default():
    from rest_framework.test import APIClient

    response = APIClient().get(DOCUMENTS)

    assert response.status_code == 401
    assert response.json()["message"] == "Реквізити перевірки достовірності не надані."


def test_a_citizens_token_gets_403(client_en):
    # given: a token that slipped past the service (e.g. a role was removed)
    citizen = UserFactory.create(roles=[Role.CITIZEN])
    ApiToken.objects.create(
        user=citizen, name="x", key_hash=selectors.api_token_hash("hrm_citizen")
    )

    # when
    response = client_en.get(DOCUMENTS, HTTP_AUTHORIZATION="Bearer hrm_citizen")

    # then
    assert response.status_code == 403
    assert response.json() == {
        "code": "permission_denied",
        "message": "The API is for council staff.",
        "details": {},
    }


def test_a_citizens_session_gets_403(client_en):
    # given
    client_en.force_login(UserFactory.create(roles=[Role.CITIZEN]))

    # when
    response = client_en.get(DOCUMENTS)

    # then
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_a_staff_session_without_mfa_gets_403_outside_demo(client_en, staff, settings):
    # given
    settings.HROMADA_DEMO = False
    client_en.force_login(staff)

    # when
    response = client_en.get(DOCUMENTS)

    # then
    assert response.status_code == 403
    assert response.json() == {
        "code": "permission_denied",
        "message": "Staff accounts must use two-factor authentication.",
        "details": {},
    }


def test_a_token_needs_no_mfa_outside_demo(client_en, staff_token, settings):
    settings.HROMADA_DEMO = False

    response = client_en.get(DOCUMENTS, HTTP_AUTHORIZATION=f"Bearer {staff_token}")

    assert response.status_code == 200


def test_command_prints_the_token_once(staff):
    # given
    out = io.StringIO()

    # when
    call_command(
        "api_token_create",
        email=staff.email,
        name="Звітність",
        stdout=out,
        stderr=io.StringIO(),
    )

    # then
    plaintext = out.getvalue().strip()
    token = ApiToken.objects.get()
    assert (token.user, token.name, token.key_hash) == (
        staff,
        "Звітність",
        selectors.api_token_hash(plaintext),
    )
    assert token.revoked_at is None
    assert token.created_at <= timezone.now()


def test_unknown_api_path_answers_json_404(client_en):
    response = client_en.get("/api/v1/nothing")

    assert response.status_code == 404
    assert response.json() == {
        "code": "not_found",
        "message": "Not found.",
        "details": {},
    }
