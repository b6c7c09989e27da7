"""Handling an appeal through the EDMS: route, forward, assign, answer,
accept or return, extend, rate, reopen, close."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import (
    AnswerStatus,
    AppealEventKind,
    AppealOutcome,
    AppealStatus,
    AuthorCategory,
)
from hromada.appeals.services import answers, execution, feedback, following
from hromada.appeals.tests.factories import (
    CategoryFactory,
    RoutingRuleFactory,
    appeal_file,
    appeals_journal,
    enterprise,
)
from hromada.appeals.tests.test_filing import PNG
from hromada.core.errors import (
    ApplicationError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from hromada.core.models import AuditEvent
from hromada.documents.models import (
    CardClosure,
    Resolution,
    Task,
    TaskReport,
    TaskStatus,
)
from hromada.documents.services import control
from hromada.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    appeals_journal()
    lights = enterprise()
    category = CategoryFactory(code="lighting_fault", name="Вуличне освітлення")
    RoutingRuleFactory(category=category, unit=lights.unit)
    return category, lights


@pytest.fixture
def operator():
    return UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR])


def assigned(city, **overrides):
    category, lights = city
    appeal = appeal_file(category=category, **overrides)
    return execution.appeal_assign(
        appeal=appeal, actor=lights.dispatcher, executor=lights.executor
    )


def answered(city, **overrides):
    _category, lights = city
    appeal = assigned(city, **overrides)
    answers.answer_submit(
        appeal=appeal,
        actor=lights.executor,
        text="Лампу замінено 12.05.",
        outcome=AppealOutcome.SATISFIED,
    )
    return answers.answer_accept(appeal=appeal, actor=lights.director)


def test_the_dispatcher_enters_the_directors_resolution_for_the_executor(city):
    category, lights = city
    appeal = appeal_file(category=category)

    appeal = execution.appeal_assign(
        appeal=appeal, actor=lights.dispatcher, executor=lights.executor
    )

    assert appeal.status == AppealStatus.IN_PROGRESS
    assert appeal.executor == lights.executor
    assert appeal.controller == lights.director
    resolution = Resolution.objects.get(document=appeal.document)
    assert resolution.author == lights.director
    assert resolution.entered_by == lights.dispatcher
    task = Task.objects.get(resolution=resolution)
    assert task.executor == lights.executor
    assert task.due_on == appeal.due_on
    appeal.document.refresh_from_db()
    assert appeal.document.holder_id == lights.executor.pk
    assert AppealEventKind.ASSIGNED in appeal.events.values_list("kind", flat=True)
    told = Notification.objects.get(template="appeals/assigned")
    assert told.recipient_email == "olena@test.example"
    assert told.context["unit"] == lights.unit.name
    assert Notification.objects.filter(
        template="documents/task_assigned", recipient=lights.executor
    ).exists()


def test_only_the_units_head_or_dispatcher_assigns_and_only_its_people(city):
    category, lights = city
    other = enterprise("КП «Міськводоканал»")
    appeal = appeal_file(category=category)

    for outsider in (lights.executor, other.dispatcher, UserFactory()):
        with pytest.raises(PermissionDeniedError):
            execution.appeal_assign(
                appeal=appeal, actor=outsider, executor=lights.executor
            )
    with pytest.raises(ApplicationError) as refusal:
        execution.appeal_assign(
            appeal=appeal, actor=lights.director, executor=other.executor
        )
    assert refusal.value.code == "executor_outside_unit"
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.REGISTERED
    assert not Resolution.objects.exists()


def test_a_privileged_applicants_task_is_due_earlier(city):
    combatant = AuthorCategory.objects.get(name="учасник бойових дій")

    appeal = assigned(city, author_categories=[combatant])

    task = Task.objects.get(document=appeal.document)
    assert task.due_on == appeal.due_on - timedelta(days=5)


def test_the_operator_routes_what_no_rule_routed(city, operator):
    _category, lights = city
    unrouted = CategoryFactory(code="other", needs_location=False)
    appeal = appeal_file(category=unrouted, lon=None, lat=None)
    assert appeal.unit is None

    appeal = execution.appeal_route(appeal=appeal, actor=operator, unit=lights.unit)

    assert appeal.unit == lights.unit
    assert list(appeal.document.addressees.values_list("org_unit", flat=True)) == [
        lights.unit.pk
    ]
    with pytest.raises(PermissionDeniedError):
        execution.appeal_route(appeal=appeal, actor=lights.executor, unit=lights.unit)


def test_forwarding_closes_the_card_and_tells_the_applicant(city, operator):
    category, _lights = city
    appeal = appeal_file(category=category)

    appeal = execution.appeal_forward(
        appeal=appeal, actor=operator, forward_to="Служба автомобільних доріг"
    )

    assert appeal.status == AppealStatus.FORWARDED
    assert appeal.outcome == AppealOutcome.FORWARDED
    appeal.document.refresh_from_db()
    assert appeal.document.closed_as == CardClosure.TO_FILE
    told = Notification.objects.get(template="appeals/forwarded")
    assert told.context["forward_to"] == "Служба автомобільних доріг"
    with pytest.raises(PermissionDeniedError):
        execution.appeal_forward(appeal=appeal, actor=operator, forward_to="x")


def test_the_executors_answer_waits_for_the_controller(city):
    _category, lights = city
    appeal = assigned(city)
    photo = SimpleUploadedFile("done.png", PNG, content_type="image/png")

    answer = answers.answer_submit(
        appeal=appeal,
        actor=lights.executor,
        text="Лампу замінено.",
        outcome=AppealOutcome.SATISFIED,
        files=[photo],
    )

    assert answer.status == AnswerStatus.SUBMITTED
    assert Task.objects.get(document=appeal.document).status == TaskStatus.REPORTED
    assert answer.attachments.get().is_image
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.IN_PROGRESS
    assert appeal.answer_text == ""
    with pytest.raises(InvalidTransitionError):
        answers.answer_submit(
            appeal=appeal, actor=lights.executor, text="Ще раз", outcome="satisfied"
        )
    with pytest.raises(PermissionDeniedError):
        answers.answer_accept(appeal=appeal, actor=lights.executor)


@pytest.mark.parametrize(
    ("text", "outcome", "field"),
    [("", "satisfied", "text"), ("Текст", "forwarded", "outcome")],
)
def test_a_bad_answer_is_refused_and_nothing_is_reported(city, text, outcome, field):
    _category, lights = city
    appeal = assigned(city)

    with pytest.raises(ApplicationError) as refusal:
        answers.answer_submit(
            appeal=appeal, actor=lights.executor, text=text, outcome=outcome
        )

    assert field in refusal.value.details
    assert not TaskReport.objects.exists()


def test_the_accepted_answer_is_published_and_everyone_told(city):
    _category, lights = city
    appeal = assigned(city)
    neighbour = UserFactory(roles=[Role.CITIZEN])
    following.appeal_follow(appeal=appeal, actor=neighbour)
    answers.answer_submit(
        appeal=appeal, actor=lights.executor, text="Готово.", outcome="satisfied"
    )

    appeal = answers.answer_accept(appeal=appeal, actor=lights.director)

    assert appeal.status == AppealStatus.ANSWERED
    assert appeal.answer_text == "Готово."
    assert appeal.outcome == AppealOutcome.SATISFIED
    assert appeal.answered_at is not None
    task = Task.objects.get(document=appeal.document)
    assert task.status == TaskStatus.DONE
    told = Notification.objects.filter(template="appeals/answered")
    assert {n.recipient_email for n in told} >= {"olena@test.example"}
    assert told.filter(recipient=neighbour).exists()
    assert AuditEvent.objects.filter(action="appeals.answer_accept").exists()


def test_a_returned_answer_goes_back_to_the_executor(city):
    _category, lights = city
    appeal = assigned(city)
    answers.answer_submit(
        appeal=appeal, actor=lights.executor, text="Чернетка", outcome="explained"
    )

    answer = answers.answer_return(
        appeal=appeal, actor=lights.director, comment="Додайте фото."
    )

    assert answer.status == AnswerStatus.RETURNED
    assert Task.objects.get(document=appeal.document).status == TaskStatus.ASSIGNED
    second = answers.answer_submit(
        appeal=appeal, actor=lights.executor, text="З фото", outcome="satisfied"
    )
    assert second.status == AnswerStatus.SUBMITTED


def test_a_report_accepted_on_the_cards_own_page_answers_the_appeal(
    city, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    _category, lights = city
    appeal = assigned(city)
    answer = answers.answer_submit(
        appeal=appeal, actor=lights.executor, text="Готово.", outcome="satisfied"
    )

    with django_capture_on_commit_callbacks(execute=True):
        control.task_report_accept(report=answer.task_report, actor=lights.director)

    queued = [
        result
        for result in default_task_backend.results  # type: ignore[attr-defined]
        if result.task.name == "appeal_answer_record"
    ]
    assert [result.kwargs for result in queued] == [
        {"task_id": answer.task_report.task_id}
    ]
    answers.answer_record_from_task(task_id=answer.task_report.task_id)
    answers.answer_record_from_task(task_id=answer.task_report.task_id)
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.ANSWERED
    assert appeal.events.filter(kind=AppealEventKind.ANSWERED).count() == 1


def test_not_resolved_reopens_with_a_new_control_cycle(city):
    _category, lights = city
    citizen = UserFactory(roles=[Role.CITIZEN])
    appeal = answered(city, actor=citizen)

    appeal = feedback.appeal_rate(
        appeal=appeal, actor=citizen, resolved=False, rating=2, comment="Знову темно"
    )

    assert appeal.status == AppealStatus.IN_PROGRESS
    assert appeal.reopened_count == 1
    assert appeal.rating == 2
    assert (appeal.due_on - timezone.localdate()).days == 15
    tasks = Task.objects.filter(document=appeal.document).order_by("pk")
    assert [task.status for task in tasks] == [TaskStatus.DONE, TaskStatus.ASSIGNED]
    assert tasks[1].executor == lights.executor
    assert tasks[1].controller == lights.director
    told = Notification.objects.filter(template="appeals/reopened")
    assert {n.recipient for n in told} == {lights.executor, lights.director}
    # the second cycle ends with an answer and a good rating
    answers.answer_submit(
        appeal=appeal,
        actor=lights.executor,
        text="Опору замінено.",
        outcome="satisfied",
    )
    appeal = answers.answer_accept(appeal=appeal, actor=lights.director)
    appeal = feedback.appeal_rate(appeal=appeal, actor=citizen, resolved=True, rating=5)
    assert appeal.status == AppealStatus.CLOSED
    assert appeal.rating == 5
    assert Notification.objects.filter(template="appeals/answered").count() == 2


def test_only_the_applicant_rates_and_only_in_time(city):
    citizen = UserFactory(roles=[Role.CITIZEN])
    appeal = answered(city, actor=citizen)

    with pytest.raises(PermissionDeniedError):
        feedback.appeal_rate(
            appeal=appeal, actor=UserFactory(), resolved=False, rating=1
        )
    with pytest.raises(ApplicationError) as refusal:
        feedback.appeal_rate(appeal=appeal, actor=citizen, resolved=True, rating=9)
    assert "rating" in refusal.value.details
    appeal.answered_at = timezone.now() - timedelta(days=31)
    appeal.save(update_fields=["answered_at"])
    with pytest.raises(InvalidTransitionError) as late:
        feedback.appeal_rate(appeal=appeal, actor=citizen, resolved=False, rating=1)
    assert late.value.code == "reopen_too_late"
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.ANSWERED


def test_answered_appeals_nobody_rates_are_closed_after_the_window(city):
    appeal = answered(city)
    fresh = answered(city)
    appeal.answered_at = timezone.now() - timedelta(days=31)
    appeal.save(update_fields=["answered_at"])

    closed = feedback.appeals_close_unrated()

    assert closed == 1
    appeal.refresh_from_db()
    fresh.refresh_from_db()
    assert appeal.status == AppealStatus.CLOSED
    assert fresh.status == AppealStatus.ANSWERED


def test_the_head_extends_the_term_within_45_days_and_the_applicant_hears(city):
    _category, lights = city
    appeal = assigned(city)
    until = appeal.due_on + timedelta(days=10)

    appeal = execution.appeal_extend(
        appeal=appeal,
        actor=lights.director,
        until=until,
        reason="Потрібна заміна опори",
    )

    assert appeal.due_on == until
    assert Task.objects.get(document=appeal.document).due_on == until
    told = Notification.objects.get(template="appeals/extended")
    assert told.context["reason"] == "Потрібна заміна опори"
    with pytest.raises(ApplicationError) as refusal:
        execution.appeal_extend(
            appeal=appeal,
            actor=lights.director,
            until=appeal.limit_on + timedelta(days=1),
            reason="Ще",
        )
    assert "until" in refusal.value.details
    with pytest.raises(PermissionDeniedError):
        execution.appeal_extend(
            appeal=appeal, actor=lights.executor, until=until, reason="x"
        )


def test_the_published_texts_hide_the_applicants_names(city):
    _category, lights = city
    appeal = assigned(
        city,
        title="Коваленко просить полагодити ліхтар",
        description="Я, Коваленко Олена Петрівна, прошу полагодити ліхтар.",
    )
    answers.answer_submit(
        appeal=appeal,
        actor=lights.executor,
        text="Шановна Олено Петрівно! Лампу замінено.",
        outcome=AppealOutcome.SATISFIED,
    )

    appeal = answers.answer_accept(appeal=appeal, actor=lights.director)

    for text in (appeal.public_title, appeal.public_description, appeal.public_answer):
        assert "Коваленко" not in text
        assert "Олен" not in text
        assert "Петрівн" not in text
    assert "Лампу замінено." in appeal.public_answer
    assert "полагодити ліхтар" in appeal.public_description
