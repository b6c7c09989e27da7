"""The public's appeals: accepted with one row, registered a moment later."""

import uuid
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks import default_task_backend

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import (
    Appeal,
    AppealChannel,
    AppealIntake,
    AuthorCategory,
    IntakeState,
)
from hromada.appeals.services import intake
from hromada.appeals.tests.factories import (
    CategoryFactory,
    CategoryQuestionFactory,
    DistrictFactory,
    RoutingRuleFactory,
    appeal_input,
    appeals_journal,
    applicant_input,
)
from hromada.core.errors import (
    ApplicationError,
    PermissionDeniedError,
    RateLimitedError,
    ValidationError,
)
from hromada.core.models import AuditEvent, StoredFile
from hromada.notifications.models import Notification

pytestmark = pytest.mark.django_db

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000005000157a1d6f90000"
    "000049454e44ae426082"
)


@pytest.fixture
def lighting():
    return CategoryFactory(code="lighting_fault", name="Вуличне освітлення")


def accept(category, *, actor=None, channel=AppealChannel.PORTAL, **overrides):
    once_key = overrides.pop("once_key", None)
    return intake.appeal_accept(
        actor=actor,
        channel=channel,
        data=appeal_input(category=category, **overrides),
        once_key=once_key,
        client_key="10.0.0.1",
    )


def test_an_accepted_appeal_is_one_audited_row_and_a_task(
    lighting, django_capture_on_commit_callbacks
):
    appeals_journal()

    with django_capture_on_commit_callbacks(execute=True):
        accepted = accept(lighting)

    assert accepted.state == IntakeState.RECEIVED
    assert not Appeal.objects.exists()
    assert not Notification.objects.exists()
    event = AuditEvent.objects.get(action="appeals.accept")
    assert event.target_id == str(accepted.pk)
    assert event.data == {"channel": "portal", "category": "lighting_fault"}
    [task] = default_task_backend.results
    assert task.task.name == "appeals_register_accepted"


def test_while_an_appeal_waits_its_run_takes_the_next_ones_too(
    lighting, django_capture_on_commit_callbacks
):
    # given: one appeal accepted, its run of registrations queued
    appeals_journal()
    with django_capture_on_commit_callbacks(execute=True):
        accept(lighting)

    # when two more are accepted before the run starts
    with django_capture_on_commit_callbacks(execute=True):
        accept(lighting)
    with django_capture_on_commit_callbacks(execute=True):
        accept(lighting)

    # then no more runs are queued, and the one run registers all three
    assert len(default_task_backend.results) == 1
    assert intake.appeal_intakes_register_accepted() == 3
    assert Appeal.objects.count() == 3
    # the next appeal, with none waiting, queues a run of its own
    with django_capture_on_commit_callbacks(execute=True):
        accept(lighting)
    assert len(default_task_backend.results) == 2


def test_a_run_leaves_a_refused_appeal_to_the_sweep(lighting):
    accept(lighting)  # no journal of appeals yet: refused

    assert intake.appeal_intakes_register_accepted() == 0
    assert AppealIntake.objects.get().attempts == 1


def test_registration_makes_the_appeal_the_citizen_described(
    lighting, django_capture_on_commit_callbacks
):
    # given
    appeals_journal()
    district = DistrictFactory()
    rule = RoutingRuleFactory(category=lighting)
    CategoryQuestionFactory(category=lighting, code="pole", required=False)
    veteran = AuthorCategory.objects.create(
        code="veteran", name="Ветеран війни", valid_from=date(2020, 1, 1)
    )
    citizen = UserFactory(roles=[Role.CITIZEN])
    photo = SimpleUploadedFile("lamp.png", PNG, content_type="image/png")
    accepted = accept(
        lighting,
        actor=citizen,
        answers={"pole": "12-345"},
        author_categories=[veteran],
        files=[photo],
        co_signers=[applicant_input(family_name="Бондар", given_name="Іван")],
        subject="collective",
        is_public=False,
    )
    [kept] = StoredFile.objects.all()

    # when
    with django_capture_on_commit_callbacks(execute=True):
        appeal = intake.appeal_intake_register(intake_id=accepted.pk)

    # then
    assert appeal is not None
    assert appeal.owner == citizen
    assert appeal.applicant.family_name == "Коваленко"
    assert list(appeal.co_signers.values_list("family_name", flat=True)) == ["Бондар"]
    assert appeal.answers == {"pole": "12-345"}
    assert list(appeal.author_categories.all()) == [veteran]
    assert appeal.privileged is False
    assert appeal.is_public is False
    assert appeal.unit == rule.unit
    assert appeal.district == district
    assert appeal.number == "КО-1"
    assert [a.stored_file for a in appeal.attachments.all()] == [kept]
    accepted.refresh_from_db()
    assert accepted.state == IntakeState.REGISTERED
    assert accepted.appeal == appeal
    assert accepted.payload == {}  # the citizen's data lives on the appeal
    assert AuditEvent.objects.filter(action="appeals.submit").count() == 1
    assert Notification.objects.filter(template="appeals/registered").count() == 1


def test_registering_twice_registers_once(lighting):
    appeals_journal()
    accepted = accept(lighting)

    first = intake.appeal_intake_register(intake_id=accepted.pk)
    second = intake.appeal_intake_register(intake_id=accepted.pk)

    assert first == second
    assert Appeal.objects.count() == 1


def test_a_form_sent_twice_gets_the_first_receipt(lighting):
    key = uuid.uuid4()

    first = accept(lighting, once_key=key)
    second = accept(lighting, once_key=key)

    assert first == second
    assert AppealIntake.objects.count() == 1


def test_another_persons_send_of_the_same_form_is_refused(lighting):
    key = uuid.uuid4()
    accept(lighting, once_key=key)

    with pytest.raises(ApplicationError) as refusal:
        accept(lighting, once_key=key, actor=UserFactory(roles=[Role.CITIZEN]))

    assert refusal.value.code == "form_already_sent"
    assert AppealIntake.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": " "}, "title"),
        ({"description": "<script>alert(1)</script>"}, "description"),
        ({"applicant": applicant_input(email="")}, "email"),
        ({"lon": 24.0, "lat": 49.8}, "location"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_kept(lighting, overrides, field):
    DistrictFactory()

    with pytest.raises(ValidationError) as refusal:
        accept(lighting, **overrides)

    assert field in refusal.value.details
    assert not AppealIntake.objects.exists()
    assert not AuditEvent.objects.filter(action="appeals.accept").exists()


def test_a_file_that_is_not_a_photo_is_refused_and_nothing_is_kept(lighting):
    upload = SimpleUploadedFile("lamp.exe", b"MZ\x90\x00", content_type="image/png")

    with pytest.raises(ValidationError):
        accept(lighting, files=[upload])

    assert not AppealIntake.objects.exists()
    assert not StoredFile.objects.exists()


def test_the_desk_channels_are_not_accepted_here(lighting):
    operator = UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR])

    with pytest.raises(PermissionDeniedError):
        accept(lighting, actor=operator, channel=AppealChannel.CONTACT_CENTRE)


def test_acceptance_is_rate_limited(lighting, django_capture_on_commit_callbacks):
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            accept(lighting)

    with pytest.raises(RateLimitedError):
        accept(lighting)

    assert AppealIntake.objects.count() == 5


def test_a_refused_registration_waits_and_the_sweep_registers_it_later(lighting):
    # given: the office has not opened the journal of appeals yet
    accepted = accept(lighting)

    # when
    refused = intake.appeal_intake_register(intake_id=accepted.pk)

    # then the appeal waits, the reason kept for the office
    assert refused is None
    accepted.refresh_from_db()
    assert accepted.state == IntakeState.RECEIVED
    assert (accepted.attempts, accepted.problem) == (1, "no_appeals_journal")
    assert accepted.payload["applicant"]["family_name"] == "Коваленко"

    # when the journal is opened, the sweep registers what waited
    appeals_journal()
    later = timezone.now() + timedelta(minutes=1)
    assert intake.appeal_intakes_register_waiting(received_before=later) == 1
    accepted.refresh_from_db()
    assert accepted.state == IntakeState.REGISTERED
    assert accepted.problem == ""


def test_the_sweep_leaves_what_was_just_accepted_to_its_task(lighting):
    appeals_journal()
    accepted = accept(lighting)

    swept = intake.appeal_intakes_register_waiting(
        received_before=accepted.received_at - timedelta(seconds=1)
    )

    assert swept == 0
    assert not Appeal.objects.exists()


def test_one_appeal_that_no_longer_makes_sense_does_not_stop_the_run(lighting):
    # given: two accepted appeals, the first one's category since deleted
    appeals_journal()
    broken = accept(CategoryFactory(code="gone", name="Скасована категорія"))
    good = accept(lighting)
    AppealIntake.objects.filter(pk=broken.pk).update(
        payload={**broken.payload, "category": 999_999}
    )

    # when
    registered = intake.appeal_intakes_register_accepted()

    # then the other is registered, the broken one kept for the office
    assert registered == 1
    good.refresh_from_db()
    assert good.state == IntakeState.REGISTERED
    broken.refresh_from_db()
    assert broken.state == IntakeState.RECEIVED
    assert (broken.attempts, broken.problem) == (1, "registration_failed")
