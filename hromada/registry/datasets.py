"""The registry's open dataset: the public acts' cards (КМУ №835, annex).

«Нормативно-правові акти, акти індивідуальної дії, проєкти актів» is on
the list every local council publishes. A row is an act's card with its
address; texts stay on the act's page, internal acts are left out.
"""

from collections.abc import Iterator

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.core.datasets import (
    ColumnType,
    DatasetColumn,
    DatasetProducer,
    Row,
    UpdateFrequency,
)
from hromada.registry.models import ActAccess, LegalAct

COLUMNS = (
    DatasetColumn("kind", _("Kind of act"), _("The kind's code, as in the registry.")),
    DatasetColumn("kind_name", _("Kind of act, in words")),
    DatasetColumn("number", pgettext_lazy("act", "Number")),
    DatasetColumn("date", _("Date"), type=ColumnType.DATE),
    DatasetColumn("issuer", pgettext_lazy("act", "Issued by")),
    DatasetColumn("title", _("Title")),
    DatasetColumn("status", _("Status"), _("The status's code, as in the registry.")),
    DatasetColumn("status_name", _("Status, in words")),
    DatasetColumn("is_normative", _("Normative act"), type=ColumnType.BOOLEAN),
    DatasetColumn("is_regulatory", _("Regulatory act"), type=ColumnType.BOOLEAN),
    DatasetColumn("effective_from", _("In force from"), type=ColumnType.DATE),
    DatasetColumn("repealed_on", _("No longer in force from"), type=ColumnType.DATE),
    DatasetColumn("url", _("Address of the act"), type=ColumnType.URL),
)


def _rows() -> Iterator[Row]:
    site = settings.HROMADA_SITE_URL.rstrip("/")
    acts = (
        LegalAct.objects.filter(access=ActAccess.PUBLIC)
        .select_related("issuer")
        .order_by("adopted_on", "id")
    )
    for act in acts.iterator(chunk_size=2000):
        yield {
            "kind": act.kind,
            "kind_name": str(act.get_kind_display()),
            "number": act.number,
            "date": act.adopted_on,
            "issuer": act.issuer.name,
            "title": act.title,
            "status": act.status,
            "status_name": str(act.get_status_display()),
            "is_normative": act.is_normative,
            "is_regulatory": act.is_regulatory,
            "effective_from": act.effective_from,
            "repealed_on": act.repealed_on,
            "url": site + act.get_absolute_url(),
        }


ACTS_DATASET = DatasetProducer(
    name="normatyvno-pravovi-akty",
    owner="registry",
    title=_("Legal acts of the council, its executive committee and the mayor"),
    description=_(
        "The cards of the public acts of the registry: kind, number, date, "
        "issuing body, title, status and dates of force, with the address of "
        "each act's page, where its text, editions and scan are. Internal "
        "acts are not included."
    ),
    purpose=_("Access to the acts of local self-government."),
    legal_basis=_(
        "Law of Ukraine «On access to public information», art. 10-1 and 15; "
        "Cabinet of Ministers resolution №835 of 21.10.2015."
    ),
    columns=COLUMNS,
    rows=_rows,
    frequency=UpdateFrequency.DAILY,
    keywords=(
        "рішення",
        "розпорядження",
        "нормативно-правові акти",
        "регуляторні акти",
    ),
)
