"""The demo city's open-data catalogue: every registered dataset with a
filled passport, generated files, published.

Rooms load in INSTALLED_APPS order, so the structure and the summaries of
appeals exist by now. Running it again changes nothing that is published.
"""

from typing import Final

from hromada.core.datasets import UpdateFrequency
from hromada.core.demo import DemoContext
from hromada.core.errors import ApplicationError
from hromada.opendata import selectors, services
from hromada.opendata.models import Dataset, DataTheme, Licence
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit

# The unit keeping each room's datasets in the demo city (by unit index):
# the organisational department keeps the structure, the general
# department (which registers appeals) their statistics.
KEEPERS: Final = {"org": "02", "analytics": "01", "cnap": "07"}
DEFAULT_KEEPER: Final = "02"


def _passport(dataset: Dataset, unit: OrgUnit) -> services.PassportInput:
    head = org_selectors.org_unit_head(org_unit_id=unit.pk)
    person = head.get_full_name() if head is not None else unit.name
    return services.PassportInput(
        title=dataset.title,
        description=dataset.description,
        legal_basis=dataset.legal_basis,
        purpose=dataset.purpose,
        frequency=UpdateFrequency(dataset.frequency),
        keywords=tuple(dataset.keywords.values_list("name", flat=True)),
        theme=DataTheme(dataset.theme),
        responsible_person=person,
        responsible_email=unit.email,
        publisher=unit,
        licence=Licence.CC_BY,
    )


def load(context: DemoContext) -> None:
    """Sync, fill, generate and publish every dataset not yet published."""
    services.dataset_sync()
    published = 0
    for dataset in selectors.dataset_list_all().filter(is_published=False):
        index = KEEPERS.get(dataset.owner, DEFAULT_KEEPER)
        unit = OrgUnit.objects.filter(unit_index=index).first()
        if unit is None:
            continue
        services.dataset_refresh(dataset=dataset)
        dataset = services.dataset_passport_update(
            dataset=dataset, actor=None, passport=_passport(dataset, unit)
        )
        try:
            services.dataset_publish(dataset=dataset, actor=None)
        except ApplicationError as error:
            context.log.append(f"opendata: {dataset.name} not published: {error}")
            continue
        published += 1
    context.log.append(f"opendata: datasets published: {published}")
