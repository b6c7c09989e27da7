"""Steps of a route template: add, change, move, remove, terms."""

import pytest
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.deadlines.working_hours import add_working_hours
from hromada.core.errors import (
    ApplicationError,
    NotFoundError,
)
from hromada.core.models import AuditEvent
from hromada.documents.models import (
    ApprovalKind,
    OnReject,
    Quorum,
    RouteTemplateStep,
)
from hromada.documents.services import route_templates as services
from hromada.documents.services import routes as route_services
from hromada.documents.services.route_steps import StepSpec
from hromada.documents.tests.factories_routes import FileVersionFactory
from hromada.documents.tests.route_templates.world import (
    actions,
    orders,
    signer,
    staff,
)

pytestmark = pytest.mark.django_db


def _spec(case, visa):
    other = staff()
    inactive = UserFactory.create(roles=[Role.EXECUTOR], is_active=False)
    return {
        "no participants": StepSpec(kind=ApprovalKind.VISA, participants=[]),
        "named twice": StepSpec(kind=ApprovalKind.VISA, participants=[visa, visa]),
        "n above m": StepSpec(
            kind=ApprovalKind.VISA,
            participants=[visa, other],
            quorum=Quorum.N_OF_M,
            quorum_n=3,
        ),
        "n missing": StepSpec(
            kind=ApprovalKind.VISA, participants=[visa], quorum=Quorum.N_OF_M
        ),
        "inactive person": StepSpec(kind=ApprovalKind.VISA, participants=[inactive]),
        "signer without certificate": StepSpec(
            kind=ApprovalKind.SIGN, participants=[signer(), other]
        ),
        "too many hours": StepSpec(
            kind=ApprovalKind.VISA, participants=[visa], term_hours=81
        ),
    }[case]


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("no participants", "step_participants_invalid"),
        ("named twice", "step_participants_invalid"),
        ("n above m", "step_quorum_invalid"),
        ("n missing", "step_quorum_invalid"),
        ("inactive person", "step_participant_inactive"),
        ("signer without certificate", "step_signer_without_certificate"),
        ("too many hours", "step_term_invalid"),
    ],
)
def test_a_bad_step_is_refused_and_nothing_changes(template, head, visa, case, code):
    # given
    spec = _spec(case, visa)
    events = AuditEvent.objects.count()

    # when
    with pytest.raises(ApplicationError) as error:
        services.route_template_step_add(
            template=template, actor=head, spec=spec, order=2
        )

    # then
    assert error.value.code == code
    assert orders(template) == [(1, "visa", 1)]
    assert AuditEvent.objects.count() == events


def test_the_refusal_names_who_cannot_sign(template, head):
    # given
    able = signer()
    unable = UserFactory.create(
        roles=[Role.EXECUTOR], first_name="Ірина", last_name="Мороз"
    )

    # when
    with pytest.raises(ApplicationError) as error:
        services.route_template_step_add(
            template=template,
            actor=head,
            spec=StepSpec(kind=ApprovalKind.SIGN, participants=[able, unable]),
            order=2,
        )

    # then
    assert error.value.message == (
        "Етап 2: Мороз Ірина не має чинного сертифіката підпису й не може підписати."
    )


def test_a_repeated_step_add_creates_one_step(template, head):
    # given
    chief = signer()
    spec = StepSpec(
        kind=ApprovalKind.SIGN, participants=[chief], on_reject=OnReject.STOP
    )

    # when: the same form posted twice
    first = services.route_template_step_add(
        template=template, actor=head, spec=spec, order=2
    )
    second = services.route_template_step_add(
        template=template, actor=head, spec=spec, order=2
    )

    # then
    assert first == second
    assert orders(template) == [(1, "visa", 1), (2, "sign", 1)]
    assert actions().count("documents.route_template_step_add") == 1


def test_a_step_added_to_a_changed_template_is_refused(template, head, visa):
    with pytest.raises(ApplicationError) as error:
        services.route_template_step_add(
            template=template,
            actor=head,
            spec=StepSpec(kind=ApprovalKind.APPROVE, participants=[visa]),
            order=1,
        )

    assert error.value.code == "route_template_changed"
    assert orders(template) == [(1, "visa", 1)]


def test_a_step_is_changed_and_the_change_audited(template, head, visa):
    # given
    step = template.steps.get()
    other = staff()

    # when
    services.route_template_step_update(
        step=step,
        actor=head,
        spec=StepSpec(
            kind=ApprovalKind.APPROVE,
            participants=[visa, other],
            quorum=Quorum.N_OF_M,
            quorum_n=1,
            term_days=5,
            on_reject=OnReject.STOP,
        ),
    )
    services.route_template_step_update(
        step=step,
        actor=head,
        spec=StepSpec(
            kind=ApprovalKind.APPROVE,
            participants=[visa, other],
            quorum=Quorum.ANY,
            quorum_n=1,
            term_days=5,
            on_reject=OnReject.STOP,
        ),
    )

    # then: N is dropped outside "N of M"
    step.refresh_from_db()
    assert (step.kind, step.quorum, step.quorum_n, step.term_days, step.on_reject) == (
        "approve",
        "any",
        None,
        5,
        "stop",
    )
    assert set(step.participants.all()) == {visa, other}
    first, second = AuditEvent.objects.filter(
        action="documents.route_template_step_update"
    ).order_by("pk")
    assert (first.data["from"]["kind"], first.data["to"]["kind"]) == (
        "visa",
        "approve",
    )
    assert first.data["to"]["participants"] == sorted([visa.pk, other.pk])
    assert (second.data["from"]["quorum_n"], second.data["to"]["quorum_n"]) == (1, None)


def test_an_unchanged_step_writes_no_audit(template, head, visa):
    step = template.steps.get()
    events = AuditEvent.objects.count()

    services.route_template_step_update(
        step=step,
        actor=head,
        spec=StepSpec(kind=ApprovalKind.VISA, participants=[visa]),
    )

    assert AuditEvent.objects.count() == events


@pytest.fixture
def three_steps(template, head, visa):
    for order, kind in ((2, ApprovalKind.APPROVE), (3, ApprovalKind.ACQUAINT)):
        services.route_template_step_add(
            template=template,
            actor=head,
            spec=StepSpec(kind=kind, participants=[visa]),
            order=order,
        )
    return list(template.steps.order_by("order"))


def test_a_step_moves_and_a_repeated_move_changes_nothing(template, head, three_steps):
    # given
    acquaint = three_steps[2]

    # when: "move up" twice from position 3, posted twice
    services.route_template_step_move(step=acquaint, actor=head, to_order=2)
    services.route_template_step_move(step=acquaint, actor=head, to_order=2)
    services.route_template_step_move(step=acquaint, actor=head, to_order=1)

    # then
    assert [kind for _order, kind, _term in orders(template)] == [
        "acquaint",
        "visa",
        "approve",
    ]
    moves = AuditEvent.objects.filter(action="documents.route_template_step_move")
    assert [(e.data["from"], e.data["to"]) for e in moves.order_by("pk")] == [
        (3, 2),
        (2, 1),
    ]


@pytest.mark.parametrize("to_order", [0, 4])
def test_a_step_cannot_move_past_the_ends(template, head, three_steps, to_order):
    with pytest.raises(ApplicationError) as error:
        services.route_template_step_move(
            step=three_steps[0], actor=head, to_order=to_order
        )

    assert error.value.code == "step_move_out_of_range"
    assert [kind for _order, kind, _term in orders(template)] == [
        "visa",
        "approve",
        "acquaint",
    ]


def test_a_removed_step_leaves_no_gap(template, head, three_steps):
    # when
    services.route_template_step_remove(step=three_steps[1], actor=head)

    # then
    assert [(order, kind) for order, kind, _term in orders(template)] == [
        (1, "visa"),
        (2, "acquaint"),
    ]
    event = AuditEvent.objects.get(action="documents.route_template_step_remove")
    assert (event.data["order"], event.data["kind"]) == (2, "approve")


def test_the_last_step_of_a_template_in_use_stays(template, head):
    step = template.steps.get()

    with pytest.raises(ApplicationError) as error:
        services.route_template_step_remove(step=step, actor=head)
    services.route_template_deactivate(template=template, actor=head)
    services.route_template_step_remove(step=step, actor=head)

    assert error.value.code == "route_template_last_step"
    assert template.steps.exists() is False


def test_a_step_removed_meanwhile_is_reported(template, head, three_steps):
    # given: two requests hold the same step; the first removes it
    stale = RouteTemplateStep.objects.get(pk=three_steps[1].pk)
    services.route_template_step_remove(step=three_steps[1], actor=head)

    # when
    with pytest.raises(NotFoundError) as error:
        services.route_template_step_remove(step=stale, actor=head)

    # then
    assert error.value.code == "route_template_step_gone"
    assert actions().count("documents.route_template_step_remove") == 1


def test_a_term_in_working_hours_gives_the_step_a_due_moment(unit, head, visa):
    # given: a visa within 4 working hours
    author = staff()
    version = FileVersionFactory.create(
        document_file__document__created_by=author,
        document_file__document__org_unit=unit,
    )
    document = version.document_file.document
    template = services.route_template_create(
        actor=head,
        name="Термінове погодження",
        kind=document.kind,
        org_unit=unit,
        steps=[StepSpec(kind=ApprovalKind.VISA, participants=[visa], term_hours=4)],
    )

    # when
    before = timezone.now()
    route = route_services.route_start(
        document=document, version=version, actor=author, template=template
    )
    after = timezone.now()

    # then: four office hours from the start, on the calendar's working days
    step = route.steps.get()
    assert step.term_hours == 4
    assert (
        add_working_hours(start=before, hours=4)
        <= step.due_at
        <= add_working_hours(start=after, hours=4)
    )
    assert step.due_on == timezone.localdate(step.due_at)
