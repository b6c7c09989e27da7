"""What the cnap room's writes share: who may write, what the audit log
keeps of a value, and keeping the search index in step with a card."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.utils import translation
from django.utils.translation import gettext as _

from hromada.cnap import permissions
from hromada.cnap.models import AdministrativeService
from hromada.cnap.selectors import SEARCH_KIND
from hromada.cnap.terms import term_text
from hromada.core.errors import PermissionDeniedError
from hromada.org.models import OrgUnit
from hromada.search import services as search_services


def keeper_check(actor: AbstractBaseUser | None) -> None:
    """Refuse anyone but the registry's keepers (``None``: the system)."""
    if actor is not None and not permissions.can_keep_services(actor):
        raise PermissionDeniedError(
            _("The registry of services is kept by the centre's administrators.")
        )


def audit_values(values: dict[str, object]) -> dict[str, object]:
    """``values`` as the audit log keeps them: a unit by its public id."""
    return {
        name: (str(value.public_id) if isinstance(value, OrgUnit) else value)
        for name, value in values.items()
    }


def service_reindex(service: AdministrativeService) -> None:
    """Put a public card into the site search, or take it out.

    The body holds what a visitor may search a service by: its summary, the
    grounds, the documents to bring, the result, the provider and the life
    situations. The words the platform adds (the term, free or paid) are in
    the site's language whatever the keeper's, as the cards are.
    """
    key = str(service.pk)
    if not service.is_public:
        search_services.search_document_remove(kind=SEARCH_KIND, object_id=key)
        return
    with translation.override(settings.LANGUAGE_CODE):
        added = [
            term_text(service),
            _("paid") if service.is_paid else _("free of charge"),
        ]
    parts = [
        service.summary,
        service.provider.name,
        " ".join(situation.name for situation in service.life_situations.all()),
        service.grounds,
        " ".join(document.title for document in service.required_documents.all()),
        service.result,
        service.result_delivery,
        *added,
    ]
    fields = (
        {"code": service.national_registry_code}
        if service.national_registry_code
        else {}
    )
    search_services.search_document_index(
        kind=SEARCH_KIND,
        object_id=key,
        title=service.name,
        body=" ".join(_sentence(part) for part in parts if part.strip()),
        fields=fields,
        is_public=True,
    )


def _sentence(text: str) -> str:
    """``text`` ending as a sentence, so that an excerpt of the body reads
    as separate sentences rather than one run of words."""
    text = " ".join(text.split())
    return text if text[-1] in ".!?…" else f"{text}."
