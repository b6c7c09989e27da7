"""The centre's open dataset: the registry of administrative services
(DOMAIN.md OD-04; CNAP-15: one structured card renders the information
card and an open-data row).

One row per public service (provided or temporarily suspended): what it
is, who provides it, what it costs, how long it takes, what the applicant
gets and where to apply, with the address of its information card. Drafts
and archived cards are not included; a card holds no personal data.
"""

from collections.abc import Iterator

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.cnap import selectors, terms
from hromada.cnap.models import ServiceCentre
from hromada.core.datasets import (
    ColumnType,
    DatasetColumn,
    DatasetProducer,
    Row,
    UpdateFrequency,
)

COLUMNS = (
    DatasetColumn(
        "registry_code",
        _("Code in the Register of administrative services"),
        _("Law 5203-VI art. 16; empty when the service has none."),
    ),
    DatasetColumn("name", _("Service")),
    DatasetColumn("provider", _("Provider")),
    DatasetColumn("provider_edrpou", _("Provider's ЄДРПОУ code")),
    DatasetColumn(
        "status",
        pgettext_lazy("service", "Status"),
        _("active (provided) or suspended (temporarily not provided)."),
    ),
    DatasetColumn("is_paid", _("Paid"), type=ColumnType.BOOLEAN),
    DatasetColumn("fee_uah", _("Fee, UAH"), type=ColumnType.NUMBER),
    DatasetColumn("term", _("Term")),
    DatasetColumn("result", _("Result")),
    DatasetColumn("life_situations", _("Life situations"), _("Separated by «; ».")),
    DatasetColumn("centres", _("Where to apply"), _("Separated by «; ».")),
    DatasetColumn("is_permit", _("Permit document"), type=ColumnType.BOOLEAN),
    DatasetColumn("version", _("Version of the card"), type=ColumnType.INTEGER),
    DatasetColumn("url", _("Address of the information card"), type=ColumnType.URL),
)


def _rows() -> Iterator[Row]:
    site = settings.HROMADA_SITE_URL.rstrip("/")
    services = selectors.service_list_public().prefetch_related(
        "life_situations",
        Prefetch("centres", queryset=ServiceCentre.objects.filter(is_active=True)),
    )
    for service in services:
        yield {
            "registry_code": service.national_registry_code,
            "name": service.name,
            "provider": service.provider.name,
            "provider_edrpou": service.provider.edrpou,
            "status": service.status,
            "is_paid": service.is_paid,
            "fee_uah": service.fee_amount,
            "term": terms.term_text(service),
            "result": service.result,
            "life_situations": "; ".join(s.name for s in service.life_situations.all()),
            "centres": "; ".join(centre.name for centre in service.centres.all()),
            "is_permit": service.is_permit,
            "version": service.version,
            "url": site + service.get_absolute_url(),
        }


SERVICES_DATASET = DatasetProducer(
    name="administratyvni-posluhy",
    owner="cnap",
    title=_("Administrative services of the community"),
    description=_(
        "The registry of the administrative services the community's centre "
        "receives applications for: provider, fee, term, result and where to "
        "apply, with the address of each service's information card, where "
        "the documents to bring, the refusal grounds and the technological "
        "card are."
    ),
    purpose=_("Informing applicants about administrative services."),
    legal_basis=_(
        "Law of Ukraine «On administrative services», art. 8; Law of Ukraine "
        "«On access to public information», art. 10-1 and 15; Cabinet of "
        "Ministers resolution №835 of 21.10.2015."
    ),
    columns=COLUMNS,
    rows=_rows,
    frequency=UpdateFrequency.ON_CHANGE,
    keywords=("адміністративні послуги", "ЦНАП", "інформаційні картки"),
)
