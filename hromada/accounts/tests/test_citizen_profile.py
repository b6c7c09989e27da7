import pytest

from hromada.accounts import services
from hromada.accounts.models import CitizenProfile
from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import CitizenProfileFactory, UserFactory
from hromada.core.errors import PermissionDeniedError
from hromada.core.models import AuditEvent

pytestmark = pytest.mark.django_db

NEW = {
    "last_name": "Гнатюк",
    "first_name": "Ярина",
    "patronymic": "Степанівна",
    "address": "вул. Садова, 12",
    "phone": "+380671234567",
    "privileged_category": "idp",
}


def test_citizen_updates_own_profile_and_the_log_holds_no_values(
    django_capture_on_commit_callbacks,
):
    # given
    # (every name other than the new one: a random "Ярина" changed nothing)
    user = UserFactory.create(
        roles=[Role.CITIZEN], last_name="Інша", first_name="Оксана", patronymic=""
    )

    # when
    with django_capture_on_commit_callbacks(execute=True):
        profile = services.citizen_profile_update(user=user, actor=user, **NEW)

    # then
    user.refresh_from_db()
    assert (user.last_name, user.first_name, user.patronymic) == (
        "Гнатюк",
        "Ярина",
        "Степанівна",
    )
    assert (profile.address, profile.phone, profile.privileged_category) == (
        "вул. Садова, 12",
        "+380671234567",
        "idp",
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.actor_id) == ("accounts.profile_update", user.pk)
    assert event.data == {
        "fields": [
            "address",
            "first_name",
            "last_name",
            "patronymic",
            "phone",
            "privileged_category",
        ]
    }
    assert "Гнатюк" not in str(event.data)


def test_another_person_cannot_change_a_profile_and_nothing_changes():
    # given
    profile = CitizenProfileFactory.create()
    intruder = UserFactory.create(roles=[Role.EXECUTOR])

    # when
    with pytest.raises(PermissionDeniedError):
        services.citizen_profile_update(user=profile.user, actor=intruder, **NEW)

    # then
    profile.refresh_from_db()
    assert profile.address == "вул. Шевченка, 1, м. Вишневе"
    assert AuditEvent.objects.exists() is False


def test_staff_read_of_a_citizen_card_is_audited_with_its_purpose():
    # given
    profile = CitizenProfileFactory.create()
    clerk = UserFactory.create(roles=[Role.EXECUTOR])

    # when
    services.citizen_profile_read(profile=profile, reader=clerk, purpose="appeal К-125")

    # then
    event = AuditEvent.objects.get()
    assert (event.action, event.actor_id, event.target_id) == (
        "accounts.profile_read",
        clerk.pk,
        str(profile.pk),
    )
    assert event.data == {"purpose": "appeal К-125"}


def test_the_citizen_reading_their_own_card_is_not_logged():
    profile = CitizenProfileFactory.create()

    services.citizen_profile_read(profile=profile, reader=profile.user, purpose="own")

    assert AuditEvent.objects.exists() is False


def test_a_citizen_cannot_open_another_citizens_card():
    profile = CitizenProfileFactory.create()
    other = UserFactory.create(roles=[Role.CITIZEN])

    with pytest.raises(PermissionDeniedError):
        services.citizen_profile_read(
            profile=profile, reader=other, purpose="curiosity"
        )

    assert AuditEvent.objects.exists() is False
    assert CitizenProfile.objects.count() == 1
