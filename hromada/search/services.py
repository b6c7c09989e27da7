"""Writes of the search room: put objects into the index and take them out."""

from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from hromada.core.errors import ValidationError
from hromada.search import backends
from hromada.search.models import SearchDocument, SearchField

_KEY_LENGTH = SearchDocument._meta.get_field("kind").max_length or 64
_TITLE_LENGTH = SearchDocument._meta.get_field("title").max_length or 1000
_FIELD_NAME_LENGTH = SearchField._meta.get_field("name").max_length or 64
_FIELD_VALUE_LENGTH = SearchField._meta.get_field("value").max_length or 255


@transaction.atomic
def search_document_index(
    *,
    kind: str,
    object_id: str,
    title: str,
    body: str,
    fields: Mapping[str, str] | None = None,
    is_public: bool,
) -> None:
    """Index one object under ``(kind, object_id)``, replacing its old entry.

    Idempotent. Not audited: the index is derived data, rebuilt from the
    source object at any time, and the source room's service audits the change.
    """
    _check_key(kind=kind, object_id=object_id)
    if len(title) > _TITLE_LENGTH:
        raise ValidationError(
            _("The title of an indexed object is longer than %(max)d characters.")
            % {"max": _TITLE_LENGTH},
            code="search_title_too_long",
        )
    for name, value in (fields or {}).items():
        _check_field(name=name, value=value)
    backends.get_backend().index(
        kind=kind,
        object_id=object_id,
        title=title,
        body=body,
        fields=fields,
        is_public=is_public,
    )


@transaction.atomic
def search_document_remove(*, kind: str, object_id: str) -> None:
    """Take one object out of the index; nothing happens if it is not there.

    Not audited, for the same reason as ``search_document_index``.
    """
    _check_key(kind=kind, object_id=object_id)
    backends.get_backend().remove(kind=kind, object_id=object_id)


def _check_key(*, kind: str, object_id: str) -> None:
    if not (0 < len(kind) <= _KEY_LENGTH and 0 < len(object_id) <= _KEY_LENGTH):
        raise ValidationError(
            _(
                "An indexed object needs a kind and an id, each of 1 to %(max)d "
                "characters."
            )
            % {"max": _KEY_LENGTH},
            code="invalid_search_key",
        )


def _check_field(*, name: str, value: str) -> None:
    if not 0 < len(name) <= _FIELD_NAME_LENGTH:
        raise ValidationError(
            _("An exact search field needs a name of 1 to %(max)d characters.")
            % {"max": _FIELD_NAME_LENGTH},
            code="invalid_search_field",
        )
    if len(value) > _FIELD_VALUE_LENGTH:
        raise ValidationError(
            _("The exact search field “%(name)s” is longer than %(max)d characters.")
            % {"name": name, "max": _FIELD_VALUE_LENGTH},
            code="search_field_too_long",
        )


def search_statistics_refresh() -> int:
    """Read which index terms are common from the database's statistics,
    for the choice of the words a search asks the index for (PostgreSQL;
    nothing to read on SQLite). How many terms are common."""
    return backends.get_backend().statistics_refresh()
