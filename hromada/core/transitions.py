"""Lifecycles: a ``TextChoices`` field plus one explicit transitions table."""

from collections.abc import Mapping
from typing import TypeAlias, TypeVar

from django.db import models
from django.utils.translation import gettext as _

from hromada.core.errors import InvalidTransitionError

S = TypeVar("S", bound=models.TextChoices)
Transitions: TypeAlias = Mapping[S, frozenset[S]]


def transition_apply(
    instance: models.Model, *, to: S, table: Transitions[S], field: str = "status"
) -> S:
    """Set ``<field>`` to ``to`` if ``table`` allows it; return the old value.

    Nothing is saved: the calling service saves with ``update_fields``. An
    illegal move raises ``InvalidTransitionError`` and leaves the instance as
    it was.
    """
    status_type = type(to)
    current = status_type(getattr(instance, field))
    if to not in table.get(current, frozenset()):
        raise InvalidTransitionError(
            _("The status cannot change from “%(current)s” to “%(target)s”.")
            % {"current": current.label, "target": to.label}
        )
    setattr(instance, field, to)
    return current


def transitions_check_complete(table: Transitions[S], status_type: type[S]) -> None:
    """Raise ``ValueError`` unless ``table`` names every status as a source."""
    missing = set(status_type) - set(table)
    if missing:
        raise ValueError(f"Transitions table lacks {sorted(missing)}")
