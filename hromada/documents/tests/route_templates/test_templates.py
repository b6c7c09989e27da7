"""Route templates: who builds them, names, activation, running routes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import (
    ApplicationError,
    PermissionDeniedError,
)
from hromada.core.models import AuditEvent
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalKind,
    ApprovalRoute,
    ApprovalTask,
    RouteStatus,
    RouteTemplate,
    RouteTemplateStep,
)
from hromada.documents.selectors import routes as selectors
from hromada.documents.services import route_templates as services
from hromada.documents.services import routes as route_services
from hromada.documents.services.route_steps import StepSpec
from hromada.documents.tests.factories_routes import (
    FileVersionFactory,
    RouteTemplateFactory,
    SigningCertificateFactory,
)
from hromada.documents.tests.route_templates.world import (
    actions,
    head_of,
    orders,
    signer,
    staff,
)
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


def test_a_unit_head_builds_a_template_that_starts_a_route(unit, head, visa):
    # given
    author = staff()
    version = FileVersionFactory.create(
        document_file__document__created_by=author,
        document_file__document__org_unit=unit,
    )
    document = version.document_file.document
    chief = signer()
    steps = [
        StepSpec(kind=ApprovalKind.VISA, participants=[visa], term_days=3),
        StepSpec(kind=ApprovalKind.SIGN, participants=[chief]),
    ]

    # when
    template = services.route_template_create(
        actor=head,
        name="Лист за підписом міського голови",
        kind=document.kind,
        org_unit=unit,
        steps=steps,
    )
    route = route_services.route_start(
        document=document, version=version, actor=author, template=template
    )

    # then
    assert template.is_active is True
    assert list(selectors.route_template_list(kind=document.kind, org_unit=unit)) == [
        template
    ]
    assert route.template == template
    assert list(route.steps.values_list("order", "kind", "term_days")) == [
        (1, "visa", 3),
        (2, "sign", 1),
    ]
    assert [t.participant for t in ApprovalTask.objects.filter(step__route=route)] == [
        visa,
        chief,
    ]
    event = AuditEvent.objects.get(action="documents.route_template_create")
    assert (event.actor, event.data) == (
        head,
        {"name": "Лист за підписом міського голови", "kind": "outgoing", "steps": 2},
    )


def test_an_executor_cannot_build_a_template(unit, visa):
    with pytest.raises(PermissionDeniedError):
        services.route_template_create(
            actor=visa,
            name="Шаблон",
            kind="outgoing",
            org_unit=unit,
            steps=[StepSpec(kind=ApprovalKind.VISA, participants=[staff()])],
        )

    assert RouteTemplate.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_a_template_without_steps_waits_until_it_is_activated(unit, head, visa):
    # given
    template = services.route_template_create(
        actor=head, name="  Наказ   з кадрів ", kind="internal", org_unit=unit
    )
    assert (template.name, template.is_active) == ("Наказ з кадрів", False)

    # when: activation without steps, then with one
    with pytest.raises(ApplicationError) as error:
        services.route_template_activate(template=template, actor=head)
    services.route_template_step_add(
        template=template,
        actor=head,
        spec=StepSpec(kind=ApprovalKind.ACQUAINT, participants=[visa]),
        order=1,
    )
    services.route_template_activate(template=template, actor=head)
    services.route_template_activate(template=template, actor=head)

    # then
    assert error.value.code == "route_without_steps"
    template.refresh_from_db()
    assert template.is_active is True
    assert actions() == [
        "documents.route_template_create",
        "documents.route_template_step_add",
        "documents.route_template_activate",
    ]


def test_only_system_administrators_build_council_wide_templates(head, visa):
    # given
    admin = UserFactory.create(roles=[Role.SYSTEM_ADMINISTRATOR])

    # when
    with pytest.raises(PermissionDeniedError):
        services.route_template_create(
            actor=head, name="Для всіх", kind="outgoing", org_unit=None
        )
    template = services.route_template_create(
        actor=admin, name="Для всіх", kind="outgoing", org_unit=None
    )

    # then
    assert list(RouteTemplate.objects.all()) == [template]
    assert template.org_unit is None


def test_the_head_of_a_parent_unit_edits_templates_of_the_units_below(visa):
    # given
    parent = OrgUnitFactory.create()
    child = OrgUnitFactory.create(parent=parent)
    parent_head = head_of(parent)
    child_head = head_of(child)

    # when
    template = services.route_template_create(
        actor=parent_head, name="Відділу", kind="outgoing", org_unit=child
    )

    # then
    assert template.org_unit == child
    with pytest.raises(PermissionDeniedError):
        services.route_template_create(
            actor=child_head, name="Управління", kind="outgoing", org_unit=parent
        )


@pytest.mark.parametrize(
    ("name", "kind", "unit_is_other", "created"),
    [
        ("Лист за підписом начальника", "outgoing", False, False),
        ("Лист за підписом начальника", "internal", False, True),
        ("Лист за підписом начальника", "outgoing", True, True),
        ("Інший", "outgoing", False, True),
    ],
)
def test_names_are_unique_per_unit_and_kind(
    template, unit, head, name, kind, unit_is_other, created
):
    # given
    other = OrgUnitFactory.create(parent=unit)
    events = AuditEvent.objects.count()

    # when
    def create():
        return services.route_template_create(
            actor=head, name=name, kind=kind, org_unit=other if unit_is_other else unit
        )

    # then
    if created:
        create()
    else:
        with pytest.raises(ApplicationError) as error:
            create()
        assert error.value.code == "route_template_name_taken"
        assert error.value.details == {
            "name": ["Шаблон із такою назвою вже є для цього підрозділу й виду."]
        }
    assert RouteTemplate.objects.count() == (2 if created else 1)
    assert AuditEvent.objects.count() == events + (1 if created else 0)


def test_council_wide_names_are_unique_too():
    admin = UserFactory.create(roles=[Role.SYSTEM_ADMINISTRATOR])
    services.route_template_create(
        actor=admin, name="Для всіх", kind="outgoing", org_unit=None
    )

    with pytest.raises(ApplicationError) as error:
        services.route_template_create(
            actor=admin, name="Для всіх", kind="outgoing", org_unit=None
        )

    assert error.value.code == "route_template_name_taken"
    assert RouteTemplate.objects.count() == 1


def test_a_head_of_another_unit_changes_nothing(template, visa):
    # given
    stranger = head_of(OrgUnitFactory.create())
    step = template.steps.get()
    events = AuditEvent.objects.count()
    spec = StepSpec(kind=ApprovalKind.APPROVE, participants=[visa])

    # when
    attempts = [
        lambda: services.route_template_update(
            template=template,
            actor=stranger,
            name="Чуже",
            kind="outgoing",
            org_unit=template.org_unit,
        ),
        lambda: services.route_template_deactivate(template=template, actor=stranger),
        lambda: services.route_template_step_add(
            template=template, actor=stranger, spec=spec, order=2
        ),
        lambda: services.route_template_step_update(
            step=step, actor=stranger, spec=spec
        ),
        lambda: services.route_template_step_move(
            step=step, actor=stranger, to_order=1
        ),
        lambda: services.route_template_step_remove(step=step, actor=stranger),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDeniedError):
            attempt()

    # then
    template.refresh_from_db()
    assert (template.name, template.is_active) == ("Лист за підписом начальника", True)
    assert orders(template) == [(1, "visa", 1)]
    assert AuditEvent.objects.count() == events


def test_a_template_is_renamed_and_moved_within_the_heads_units(template, unit, head):
    # given
    child = OrgUnitFactory.create(parent=unit)
    elsewhere = OrgUnitFactory.create()

    # when
    services.route_template_update(
        template=template, actor=head, name="Лист", kind="internal", org_unit=child
    )
    with pytest.raises(PermissionDeniedError):
        services.route_template_update(
            template=template,
            actor=head,
            name="Лист",
            kind="internal",
            org_unit=elsewhere,
        )

    # then
    template.refresh_from_db()
    assert (template.name, template.kind, template.org_unit) == (
        "Лист",
        "internal",
        child,
    )
    event = AuditEvent.objects.get(action="documents.route_template_update")
    assert event.data == {
        "kind": {"from": "outgoing", "to": "internal"},
        "name": {"from": "Лист за підписом начальника", "to": "Лист"},
        "org_unit": {"from": unit.pk, "to": child.pk},
    }


def test_an_unchanged_template_writes_no_audit(template, unit, head):
    events = AuditEvent.objects.count()

    services.route_template_update(
        template=template,
        actor=head,
        name="Лист за підписом начальника",
        kind="outgoing",
        org_unit=unit,
    )

    assert AuditEvent.objects.count() == events


def test_activation_checks_the_signers_again(unit, head):
    # given: a template whose signer's certificate was revoked after building
    certificate = SigningCertificateFactory.create()
    template = services.route_template_create(
        actor=head, name="Підпис", kind="outgoing", org_unit=unit
    )
    services.route_template_step_add(
        template=template,
        actor=head,
        spec=StepSpec(kind=ApprovalKind.SIGN, participants=[certificate.user]),
        order=1,
    )
    certificate.not_after = timezone.now() - timedelta(minutes=1)
    certificate.save(update_fields=["not_after"])

    # when
    with pytest.raises(ApplicationError) as error:
        services.route_template_activate(template=template, actor=head)

    # then
    assert error.value.code == "step_signer_without_certificate"
    template.refresh_from_db()
    assert template.is_active is False


@pytest.fixture
def running(unit, template, visa):
    author = staff()
    version = FileVersionFactory.create(
        document_file__document__created_by=author,
        document_file__document__org_unit=unit,
    )
    route = route_services.route_start(
        document=version.document_file.document,
        version=version,
        actor=author,
        template=template,
    )
    return route


def test_a_deactivated_template_starts_no_route(unit, template, head):
    # given
    services.route_template_deactivate(template=template, actor=head)
    author = staff()
    version = FileVersionFactory.create(
        document_file__document__created_by=author,
        document_file__document__org_unit=unit,
    )

    # when
    with pytest.raises(ApplicationError) as error:
        route_services.route_start(
            document=version.document_file.document,
            version=version,
            actor=author,
            template=template,
        )

    # then
    assert error.value.code == "route_template_inactive"
    assert ApprovalRoute.objects.exists() is False
    assert list(selectors.route_template_list(kind="outgoing", org_unit=unit)) == []


def test_editing_a_template_never_changes_a_running_route(
    running, template, head, visa
):
    # given
    other = staff()
    step = template.steps.get()

    # when: every kind of edit, then deactivation
    services.route_template_step_update(
        step=step,
        actor=head,
        spec=StepSpec(kind=ApprovalKind.APPROVE, participants=[other], term_days=9),
    )
    services.route_template_step_add(
        template=template,
        actor=head,
        spec=StepSpec(kind=ApprovalKind.ACQUAINT, participants=[other]),
        order=2,
    )
    services.route_template_step_move(step=step, actor=head, to_order=2)
    services.route_template_step_remove(step=step, actor=head)
    services.route_template_deactivate(template=template, actor=head)

    # then: the route keeps its copy and finishes on it
    assert list(running.steps.values_list("order", "kind", "term_days")) == [
        (1, "visa", 1)
    ]
    assert list(
        ApprovalTask.objects.filter(step__route=running).values_list(
            "participant", flat=True
        )
    ) == [visa.pk]
    route_services.route_decide(
        task=ApprovalTask.objects.get(step__route=running),
        actor=visa,
        decision=ApprovalDecision.APPROVED,
        seen_sha256=running.file_version.sha256,
    )
    running.refresh_from_db()
    assert running.status == RouteStatus.APPROVED


def test_a_restart_copies_the_route_not_the_edited_template(
    running, template, head, visa
):
    # given: the template changes, then the author uploads a new version
    services.route_template_step_update(
        step=template.steps.get(),
        actor=head,
        spec=StepSpec(kind=ApprovalKind.APPROVE, participants=[staff()]),
    )
    old_version = running.file_version
    new_version = FileVersionFactory.create(
        document_file=old_version.document_file, number=2
    )

    # when
    restarted = route_services.route_restart_for_version(version_id=new_version.pk)

    # then
    assert restarted is not None
    assert list(restarted.steps.values_list("kind", flat=True)) == ["visa"]
    assert list(
        ApprovalTask.objects.filter(step__route=restarted).values_list(
            "participant", flat=True
        )
    ) == [visa.pk]


def test_the_editor_list_shows_only_what_the_user_may_edit(template, unit, visa):
    # given
    child = OrgUnitFactory.create(parent=unit)
    below = RouteTemplateFactory.create(org_unit=child)
    RouteTemplateFactory.create(org_unit=OrgUnitFactory.create())
    council_wide = RouteTemplateFactory.create(org_unit=None)
    admin = UserFactory.create(roles=[Role.SYSTEM_ADMINISTRATOR])
    child_head = head_of(child)

    # when
    def seen(user, **filters):
        return set(selectors.route_template_list_for_user(user=user, **filters))

    # then
    assert seen(head_of(unit)) == {template, below}
    assert seen(child_head) == {below}
    assert seen(visa) == set()
    assert len(seen(admin)) == 4
    assert seen(admin, council_wide=True) == {council_wide}
    assert seen(admin, org_unit=child) == {below}
    assert seen(admin, kind="internal") == set()
    assert set(selectors.route_template_step_list_for_user(user=child_head)) == set(
        RouteTemplateStep.objects.filter(template=below)
    )
