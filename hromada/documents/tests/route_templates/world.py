"""People and helpers shared by the route-template tests."""

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.models import AuditEvent
from hromada.documents.tests.factories_routes import SigningCertificateFactory
from hromada.org.tests.factories import EmployeeFactory


def staff():
    return UserFactory.create(roles=[Role.EXECUTOR])


def head_of(unit):
    return EmployeeFactory.create(
        position__org_unit=unit,
        position__is_head=True,
        user__roles=[Role.UNIT_HEAD],
    ).user


def signer():
    return SigningCertificateFactory.create().user


def actions():
    return list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))


def orders(template):
    return list(
        template.steps.order_by("order").values_list("order", "kind", "term_days")
    )
