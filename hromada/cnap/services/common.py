"""What the cnap room's writes share: who may write, how a refusal names
its field, and keeping the search index in step with a card."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.translation import gettext as _

from hromada.cnap import permissions
from hromada.cnap.models import AdministrativeService
from hromada.cnap.selectors import SEARCH_KIND
from hromada.cnap.terms import term_text
from hromada.core.errors import PermissionDeniedError, ValidationError
from hromada.search import services as search_services


def keeper_check(actor: AbstractBaseUser | None) -> None:
    """Refuse anyone but the registry's keepers (``None``: the system)."""
    if actor is not None and not permissions.can_keep_services(actor):
        raise PermissionDeniedError(
            _("The registry of services is kept by the centre's administrators.")
        )


def field_refusal(field: str, message: str, code: str) -> ValidationError:
    """A refusal that names the form field it is about."""
    return ValidationError(message, code=code, details={field: [message]})


def service_reindex(service: AdministrativeService) -> None:
    """Put a public card into the site search, or take it out.

    The body holds what a visitor may search a service by: its summary, the
    grounds, the documents to bring, the result, the provider and the life
    situations.
    """
    key = str(service.pk)
    if not service.is_public:
        search_services.search_document_remove(kind=SEARCH_KIND, object_id=key)
        return
    parts = [
        service.summary,
        service.provider.name,
        " ".join(situation.name for situation in service.life_situations.all()),
        service.grounds,
        " ".join(document.title for document in service.required_documents.all()),
        service.result,
        service.result_delivery,
        term_text(service),
        _("paid") if service.is_paid else _("free of charge"),
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
