"""Cards for the cnap room's tests, written through the services as the
centre's administrators write them (so they are indexed and audited)."""

from decimal import Decimal
from typing import Any

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.cnap.models import (
    AdministrativeService,
    CentreKind,
    LegalBasisLevel,
    ServiceCentre,
    ServiceProvider,
    ServiceStatus,
    StageRole,
    TermUnit,
)
from hromada.cnap.services import cards, directory, items

_counter = iter(range(1, 1_000_000))


def keeper(**kwargs: Any) -> Any:
    """An administrator of the centre, who keeps the registry."""
    return UserFactory(roles=[Role.CNAP_ADMINISTRATOR], **kwargs)


def staff(**kwargs: Any) -> Any:
    """A staff member who does not keep the registry."""
    return UserFactory(roles=[Role.EXECUTOR], **kwargs)


def centre(**changes: Any) -> ServiceCentre:
    """The main centre (made once per test unless ``changes`` differ)."""
    values: dict[str, Any] = {
        "name": "Центр надання адміністративних послуг",
        "kind": CentreKind.MAIN,
        "address": "м. Вишневе, вул. Соборна, 1",
        "opening_hours": "Понеділок–п’ятниця: 8:00–17:00, середа до 20:00",
    }
    values.update(changes)
    found = ServiceCentre.objects.filter(name=values["name"]).first()
    return found or directory.centre_save(
        actor=None, data=directory.CentreData(**values)
    )


def provider(name: str = "Відділ освіти", **changes: Any) -> ServiceProvider:
    """A provider with ``name``, made once."""
    found = ServiceProvider.objects.filter(name=name).first()
    return found or directory.provider_save(
        actor=None, data=directory.ProviderData(name=name, **changes)
    )


def service_data(**changes: Any) -> cards.ServiceData:
    """A complete free card's fields, with ``changes``."""
    values: dict[str, Any] = {
        "name": f"Видача дубліката документа про освіту {next(_counter)}",
        "provider": changes.pop("provider", None) or provider(),
        "summary": "Для тих, хто втратив або зіпсував атестат.",
        "centres": (centre(),),
        "submission_methods": "Особисто або через представника в ЦНАП.",
        "term_value": 10,
        "term_unit": TermUnit.WORKING_DAYS,
        "result": "Дублікат документа про загальну середню освіту.",
        "result_delivery": "Особисто в ЦНАП.",
    }
    values.update(changes)
    return cards.ServiceData(**values)


def draft(**changes: Any) -> AdministrativeService:
    """A draft card without lists."""
    return cards.service_create(actor=None, data=service_data(**changes))


def complete(service: AdministrativeService) -> AdministrativeService:
    """``service`` with one act, two documents, a refusal ground and two
    stages: everything publishing asks for."""
    items.service_item_add(
        actor=None,
        service=service,
        data=items.LegalBasisData(
            level=LegalBasisLevel.LAW, title="Закон України «Про освіту»"
        ),
    )
    for title in ("Заява", "Паспорт громадянина України"):
        items.service_item_add(
            actor=None, service=service, data=items.DocumentData(title=title)
        )
    items.service_item_add(
        actor=None,
        service=service,
        data=items.RefusalData(text="Відсутність архівного запису про видачу."),
    )
    items.service_item_add(
        actor=None,
        service=service,
        data=items.StageData(
            action="Прийом і реєстрація заяви",
            responsible="Адміністратор ЦНАП",
            term_unit=TermUnit.SAME_DAY,
        ),
    )
    items.service_item_add(
        actor=None,
        service=service,
        data=items.StageData(
            action="Оформлення дубліката",
            responsible="Начальник відділу освіти",
            role=StageRole.APPROVES,
            term_value=5,
        ),
    )
    return AdministrativeService.objects.get(pk=service.pk)


def published(**changes: Any) -> AdministrativeService:
    """A complete card, published."""
    service = complete(draft(**changes))
    return cards.service_status_set(
        actor=None, service=service, status=ServiceStatus.ACTIVE
    )


def paid_changes() -> dict[str, Any]:
    """The fields of a paid card with valid payment details."""
    return {
        "is_paid": True,
        "fee_amount": Decimal("85.00"),
        "fee_legal_basis": "Закон України «Про адміністративні послуги», ст. 11",
        "payment_recipient": "ГУК у Київській області",
        "payment_edrpou": "37955989",
        "payment_iban": "UA213223130000026007233566001",
        "payment_purpose": "Адміністративний збір",
    }
