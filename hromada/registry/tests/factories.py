"""Acts for the registry's tests, registered through the service as the
office registers them (so they are indexed and audited)."""

from datetime import date
from typing import Any

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.org.models import OrgUnit, OrgUnitKind
from hromada.org.tests.factories import OrgUnitFactory
from hromada.registry.models import ActAccess, ActKind, LegalAct
from hromada.registry.services import acts as act_services
from hromada.registry.services.acts import ActData

_counter = iter(range(1, 1_000_000))


def council() -> OrgUnit:
    """The council, made once per test database."""
    unit = OrgUnit.objects.filter(kind=OrgUnitKind.COUNCIL).first()
    return unit or OrgUnitFactory(kind=OrgUnitKind.COUNCIL, name="Вишнева міська рада")


def act_data(**changes: Any) -> ActData:
    """A council decision's card, with ``changes``."""
    values: dict[str, Any] = {
        "kind": ActKind.COUNCIL_DECISION,
        "number": f"{next(_counter)}-VIII",
        "adopted_on": date(2025, 3, 14),
        "issuer": changes.pop("issuer", None) or council(),
        "title": "Про затвердження Програми благоустрою",
        "text": "Міська рада вирішила затвердити Програму благоустрою.",
        "access": ActAccess.PUBLIC,
    }
    values.update(changes)
    return ActData(**values)


def act_register(**changes: Any) -> LegalAct:
    """A registered act (by the system, as an import registers it)."""
    return act_services.act_register(actor=None, data=act_data(**changes))


def keeper(**kwargs: Any) -> Any:
    """A registrar of the office, who keeps the registry."""
    return UserFactory(roles=[Role.REGISTRAR], **kwargs)


def staff(**kwargs: Any) -> Any:
    """A staff member who does not keep the registry."""
    return UserFactory(roles=[Role.EXECUTOR], **kwargs)
