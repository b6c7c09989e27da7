"""Factories of the cards area: journals, correspondents, cards, links."""

import factory
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.documents.models import (
    AccessLevel,
    Channel,
    Correspondent,
    CorrespondentKind,
    Document,
    DocumentAccessGrant,
    DocumentKind,
    DocumentLink,
    DocumentStatus,
    Journal,
    LinkKind,
)
from hromada.documents.selectors import cards as card_selectors
from hromada.org.tests.factories import OrgUnitFactory


class JournalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Journal

    name = factory.Sequence(lambda n: f"Журнал №{n}")
    kind = DocumentKind.INCOMING
    org_unit = factory.SubFactory(OrgUnitFactory)
    index_template = "{seq}/{case_index}"
    case_index = "01-12"


class CorrespondentFactory(factory.django.DjangoModelFactory):
    """An organisation; ``person=True`` gives a private person instead."""

    class Meta:
        model = Correspondent

    class Params:
        person = factory.Trait(
            kind=CorrespondentKind.PERSON,
            name=factory.Sequence(lambda n: f"Коваленко Ірина №{n}"),
            email="",
            address=factory.Sequence(lambda n: f"вул. Садова, {n + 1}, м. Вишневе"),
        )

    kind = CorrespondentKind.ORGANISATION
    name = factory.Sequence(lambda n: f"ТОВ «Постачальник {n}»")
    email = factory.Sequence(lambda n: f"office{n}@supplier.example")
    search_name = factory.LazyAttribute(
        lambda c: card_selectors.correspondent_search_key(c.name)
    )


class DocumentFactory(factory.django.DjangoModelFactory):
    """A draft incoming card, complete enough to be registered.

    ``registered=True`` gives it a number in a fresh journal of its kind.
    """

    class Meta:
        model = Document

    class Params:
        registered = factory.Trait(
            status=DocumentStatus.REGISTERED,
            journal=factory.SubFactory(
                JournalFactory,
                kind=factory.SelfAttribute("..kind"),
                org_unit=factory.SelfAttribute("..org_unit"),
            ),
            registration_year=2026,
            registration_seq=factory.Sequence(lambda n: n + 1),
            registration_number=factory.LazyAttribute(
                lambda d: f"{d.registration_seq}/01-12"
            ),
            registered_on=factory.LazyFunction(timezone.localdate),
            registered_at=factory.LazyFunction(timezone.now),
            registered_by=factory.SubFactory(UserFactory, roles=[Role.REGISTRAR]),
        )

    kind = DocumentKind.INCOMING
    org_unit = factory.SubFactory(OrgUnitFactory)
    created_by = factory.SubFactory(UserFactory, roles=[Role.REGISTRAR])
    summary = factory.Sequence(lambda n: f"Про постачання матеріалів №{n}")
    access_level = AccessLevel.INTERNAL
    channel = Channel.POST
    correspondent = factory.SubFactory(CorrespondentFactory)
    holder = factory.SelfAttribute("created_by")
    held_since = factory.LazyFunction(timezone.now)


class DocumentLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentLink

    source = factory.SubFactory(DocumentFactory, registered=True)
    target = factory.SubFactory(DocumentFactory, registered=True)
    kind = LinkKind.RELATED


class DocumentAccessGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentAccessGrant

    document = factory.SubFactory(DocumentFactory, access_level=AccessLevel.DSK)
    user = factory.SubFactory(UserFactory, roles=[Role.EXECUTOR])
    granted_by = factory.SubFactory(UserFactory, roles=[Role.REGISTRAR])
