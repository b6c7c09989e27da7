"""The demo nomenclature of 2026 (DOMAIN.md §4.5); the room's demo calls it."""

from django.db import transaction

from hromada.core.demo import DemoContext
from hromada.documents.models import Nomenclature, RetentionKind
from hromada.documents.services import archive as services
from hromada.org.models import OrgUnit

YEAR = 2026
PERMANENT = RetentionKind.PERMANENT
YEARS = RetentionKind.YEARS
# (unit index, case index, title, retention kind, years); the terms are
# demo values (⚠️ DOMAIN.md §4.5), not checked against 578/5.
ITEMS: tuple[tuple[str, str, str, RetentionKind, int | None], ...] = (
    ("01", "01-01", "Рішення міської ради", PERMANENT, None),
    (
        "01",
        "01-04",
        "Розпорядження міського голови з основної діяльності",
        PERMANENT,
        None,
    ),
    (
        "01",
        "01-12",
        "Журнали реєстрації вхідних і вихідних документів",
        YEARS,
        5,
    ),
    ("01", "01-20", "Звернення громадян та документи з їх розгляду", YEARS, 5),
    ("01", "01-25", "Акти про вилучення документів для знищення", PERMANENT, None),
    (
        "13",
        "13-01",
        "Листування з питань житлово-комунального господарства",
        YEARS,
        5,
    ),
    ("13", "13-05", "Звернення громадян з питань ЖКГ", YEARS, 5),
)


def _nomenclature(org_unit: OrgUnit) -> Nomenclature:
    existing = Nomenclature.objects.filter(year=YEAR, org_unit=org_unit).first()
    return existing or services.nomenclature_create(
        actor=None, year=YEAR, org_unit=org_unit
    )


@transaction.atomic
def load(context: DemoContext) -> None:
    """Create and approve the 2026 nomenclatures of units 01 and 13, once."""
    units = {
        unit.unit_index: unit
        for unit in OrgUnit.objects.filter(unit_index__in={i[0] for i in ITEMS})
    }
    added = 0
    for unit_index in sorted(units):
        nomenclature = _nomenclature(units[unit_index])
        if nomenclature.approved_at is not None:
            continue
        taken = set(nomenclature.items.values_list("case_index", flat=True))
        for index, case_index, title, kind, years in ITEMS:
            if index == unit_index and case_index not in taken:
                services.nomenclature_item_add(
                    nomenclature=nomenclature,
                    actor=None,
                    case_index=case_index,
                    title=title,
                    retention_kind=kind,
                    retention_years=years,
                )
                added += 1
        services.nomenclature_approve(nomenclature=nomenclature, actor=None)
    context.log.append(f"documents: nomenclature {YEAR}, {added} cases added")
