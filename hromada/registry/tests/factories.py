"""Acts for the registry's tests, registered through the service as the
office registers them (so they are indexed and audited)."""

from datetime import date
from typing import Any

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.org.models import OrgUnit, OrgUnitKind
from hromada.org.tests.factories import OrgUnitFactory
from hromada.registry.models import (
    ActAccess,
    ActKind,
    LegalAct,
    RegulatoryDocument,
    RegulatoryDocumentKind,
)
from hromada.registry.services import acts as act_services
from hromada.registry.services import regulatory as regulatory_services
from hromada.registry.services.acts import ActData
from hromada.registry.tests.pdfs import PDF

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


def regulatory_act(**changes: Any) -> LegalAct:
    """A regulatory council decision in force from 1 March 2025."""
    values: dict[str, Any] = {
        "adopted_on": date(2025, 2, 14),
        "effective_from": date(2025, 3, 1),
        "title": "Про затвердження Правил розміщення зовнішньої реклами",
        "is_normative": True,
        "is_regulatory": True,
    }
    values.update(changes)
    return act_register(**values)


def regulatory_document(
    act: LegalAct, kind: str, prepared_on: date, **changes: Any
) -> RegulatoryDocument:
    """A document attached by the system (as the demo attaches them)."""
    values: dict[str, Any] = {
        "kind": RegulatoryDocumentKind(kind),
        "title": f"Звіт від {prepared_on:%d.%m.%Y}",
        "prepared_on": prepared_on,
    }
    values.update(changes)
    return regulatory_services.regulatory_document_add(
        actor=None,
        act=act,
        data=regulatory_services.RegulatoryDocumentData(**values),
        content=PDF,
        name="report.pdf",
    )
