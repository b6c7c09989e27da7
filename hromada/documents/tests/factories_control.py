"""Factories of control of execution: registered cards, resolutions, tasks."""

from datetime import timedelta

import factory
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.documents.models import (
    AccessLevel,
    Document,
    DocumentAddressee,
    DocumentKind,
    DocumentStatus,
    Journal,
    Resolution,
    ResolutionStatus,
    Task,
    TaskReport,
    TaskRole,
    TaskStatus,
)
from hromada.documents.services import awaiting
from hromada.org.tests.factories import EmployeeFactory, OrgUnitFactory, PositionFactory


class ControlJournalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Journal

    name = factory.Sequence(lambda n: f"Журнал вхідних №{n}")
    kind = DocumentKind.INCOMING
    org_unit = factory.SubFactory(OrgUnitFactory)
    index_template = "{seq}/{case_index}"
    case_index = "01-12"


class RegisteredDocumentFactory(factory.django.DjangoModelFactory):
    """A registered incoming card: journal, year, number and date all set."""

    class Meta:
        model = Document

    kind = DocumentKind.INCOMING
    status = DocumentStatus.REGISTERED
    org_unit = factory.SubFactory(OrgUnitFactory)
    created_by = factory.SubFactory(UserFactory, roles=[Role.REGISTRAR])
    journal = factory.SubFactory(
        ControlJournalFactory, org_unit=factory.SelfAttribute("..org_unit")
    )
    registration_year = 2026
    registration_seq = factory.Sequence(lambda n: n + 1)
    registration_number = factory.LazyAttribute(lambda d: f"{d.registration_seq}/01-12")
    registered_on = factory.LazyFunction(timezone.localdate)
    registered_at = factory.LazyFunction(timezone.now)
    registered_by = factory.SelfAttribute("created_by")
    summary = factory.Sequence(lambda n: f"Про ремонт дороги №{n}")
    access_level = AccessLevel.INTERNAL


class DocumentAddresseeFactory(factory.django.DjangoModelFactory):
    """An addressee of a card, waiting for a resolution as the services say."""

    class Meta:
        model = DocumentAddressee
        skip_postgeneration_save = True

    document = factory.SubFactory(RegisteredDocumentFactory)

    @factory.post_generation
    def awaiting(self, create, extracted, **kwargs):
        if create:
            awaiting.awaiting_resolution_sync(document_id=self.document_id)


class ResolutionFactory(factory.django.DjangoModelFactory):
    """A resolution; the card's addressees stop waiting, as the service says."""

    class Meta:
        model = Resolution
        skip_postgeneration_save = True

    document = factory.SubFactory(RegisteredDocumentFactory)
    author = factory.SubFactory(UserFactory, roles=[Role.UNIT_HEAD])
    entered_by = factory.SelfAttribute("author")
    controller = factory.SelfAttribute("author")
    text = "Опрацювати та підготувати відповідь"
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=10))
    status = ResolutionStatus.ACTIVE
    signed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def awaiting(self, create, extracted, **kwargs):
        if create:
            awaiting.awaiting_resolution_sync(document_id=self.document_id)


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    resolution = factory.SubFactory(ResolutionFactory)
    document = factory.SelfAttribute("resolution.document")
    executor = factory.SubFactory(UserFactory, roles=[Role.EXECUTOR])
    role = TaskRole.RESPONSIBLE
    controller = factory.SelfAttribute("resolution.author")
    # As the service sets it: a co-executor reports to the responsible
    # executor of the same resolution, everyone else to the controller.
    reviewer = factory.LazyAttribute(lambda task: _reviewer(task))
    status = TaskStatus.ASSIGNED
    due_on = factory.SelfAttribute("resolution.due_on")
    assigned_at = factory.LazyFunction(timezone.now)


def _reviewer(task):
    if task.role == TaskRole.CO_EXECUTOR:
        responsible = Task.objects.filter(
            resolution=task.resolution, role=TaskRole.RESPONSIBLE
        ).first()
        if responsible is not None:
            return responsible.executor
    return task.controller


class TaskReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskReport

    task = factory.SubFactory(TaskFactory, status=TaskStatus.REPORTED)
    author = factory.SelfAttribute("task.executor")
    text = "Виконано, відповідь надіслано"


def employee_in(unit, *, is_head=False, roles=(Role.EXECUTOR,), **user_kwargs):
    """A user holding a current post in ``unit`` (its head post if asked)."""
    position = PositionFactory.create(
        org_unit=unit,
        is_head=is_head,
        role=Role.UNIT_HEAD if is_head else Role.EXECUTOR,
        title="Начальник відділу" if is_head else "Головний спеціаліст",
    )
    user = UserFactory.create(roles=list(roles), **user_kwargs)
    EmployeeFactory.create(user=user, position=position)
    return user
