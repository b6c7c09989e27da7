"""The demo city's registry of administrative services (DOMAIN.md §4.1).

Written through the services, as the centre's administrators would: the
centre with a remote workplace and a mobile office, the providers, the
life situations, and seven published cards with their lists and
technological cards. A second run changes nothing.
"""

from decimal import Decimal
from typing import Any

from django.db import transaction

from hromada.cnap import demo_data, demo_services
from hromada.cnap.models import AdministrativeService, ServiceStatus
from hromada.cnap.services import cards, directory, items
from hromada.core.demo import DemoContext
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit


@transaction.atomic
def load(context: DemoContext) -> None:
    """Write the demo registry once."""
    if AdministrativeService.objects.exists():
        return
    units = {unit.unit_index: unit for unit in org_selectors.org_unit_list_active()}
    centres = _centres(units)
    situations = {
        name: directory.life_situation_save(actor=None, name=name, sort_order=order)
        for name, order in demo_data.SITUATIONS
    }
    providers: dict[str, Any] = {}
    for spec in demo_services.SERVICES:
        index = spec["provider"]
        if index not in providers:
            providers[index] = directory.provider_save(
                actor=None,
                data=directory.ProviderData(
                    name=units[index].name, org_unit=units[index]
                ),
            )
        _service(
            spec,
            provider=providers[index],
            centres=centres,
            situations=situations,
            units=units,
        )
    context.log.append(
        f"cnap: {len(demo_services.SERVICES)} services, {len(centres)} centres"
    )


def _centres(units: dict[str, OrgUnit]) -> dict[str, Any]:
    centres = {}
    for order, (key, kind, name, address, hours, index) in enumerate(demo_data.CENTRES):
        unit = units[index]
        centres[key] = directory.centre_save(
            actor=None,
            data=directory.CentreData(
                name=name,
                kind=kind,
                address=address,
                opening_hours=hours or unit.reception_hours,
                org_unit=unit,
                phone=unit.phone,
                email=unit.email,
                accessibility_notes=demo_data.ACCESSIBILITY if order == 0 else "",
                sort_order=order,
            ),
        )
    return centres


def _service(
    spec: dict[str, Any],
    *,
    provider: Any,
    centres: dict[str, Any],
    situations: dict[str, Any],
    units: dict[str, OrgUnit],
) -> None:
    term_value, term_unit = spec["term"]
    fee = dict(spec.get("fee", {}))
    if fee:
        fee["fee_amount"] = Decimal(fee["fee_amount"])
        fee.update(
            is_paid=True,
            payment_edrpou=demo_data.COUNCIL_EDRPOU,
            payment_iban=demo_data.COUNCIL_IBAN,
        )
    service = cards.service_create(
        actor=None,
        data=cards.ServiceData(
            name=spec["name"],
            national_registry_code=spec["code"],
            provider=provider,
            summary=spec["summary"],
            centres=tuple(centres[key] for key in spec["centres"]),
            life_situations=tuple(situations[name] for name in spec["situations"]),
            grounds=spec["grounds"],
            term_value=term_value,
            term_unit=term_unit,
            result=spec["result"],
            result_delivery=spec["delivery"],
            **demo_data.COMMON,
            **fee,
        ),
    )
    for level, title, url in (*spec["laws"], demo_data.LAW_5203, demo_data.LOCAL_CARDS):
        items.service_item_add(
            actor=None,
            service=service,
            data=items.LegalBasisData(level=level, title=title, url=url),
        )
    for title, form, source in spec["documents"]:
        items.service_item_add(
            actor=None,
            service=service,
            data=items.DocumentData(
                title=title, form=form, obtainable_from_registry=source == "registry"
            ),
        )
    for text in spec["refusals"]:
        items.service_item_add(
            actor=None, service=service, data=items.RefusalData(text=text)
        )
    for action, responsible, index, role, value, unit in spec["stages"]:
        items.service_item_add(
            actor=None,
            service=service,
            data=items.StageData(
                action=action,
                responsible=responsible,
                unit=units[index],
                role=role,
                term_value=value,
                term_unit=unit,
            ),
        )
    cards.service_status_set(actor=None, service=service, status=ServiceStatus.ACTIVE)
