"""Registration numbers: gap-free counters and registration-index templates.

EDMS-01..03: a registration index is unique within its journal and year, its
sequence number restarts each year, and numbers are assigned atomically.
"""

import re
from string import Formatter

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from hromada.core.errors import ValidationError
from hromada.core.models import RegistrationSequence

# The parts a registration index may name (DOMAIN.md §2.2, index formats).
INDEX_PARTS = frozenset(
    {
        "seq",
        "year",
        "case_index",
        "letter",
        "mark",
        "unit_code",
        "correspondent",
        "signer",
        "executor",
        "subject_code",
        "session",
        "convocation",
    }
)
# A zero-padded width such as ``{session:02}``; nothing else may follow ``:``.
_FORMAT_SPEC = re.compile(r"0?[1-9]")
_YEAR_MAX = 32767  # the column is a PositiveSmallIntegerField


def sequence_next(*, journal: str, year: int) -> int:
    """The next number of ``journal`` in ``year``: 1, 2, 3, … without gaps.

    Call it inside the caller's transaction: the counter row stays locked
    until that transaction ends, so a rollback gives the number back and the
    next registration gets it. A building block of registering services, it
    writes no audit event itself; the service that registers does.
    """
    if not journal or not 1 <= year <= _YEAR_MAX:
        raise ValueError("A sequence needs a journal code and a year")
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("sequence_next must run inside the caller's transaction")
    counter = RegistrationSequence.objects.filter(journal=journal, year=year)
    # UPDATE … SET last_value = last_value + 1 locks the row (PostgreSQL) or
    # runs under the write lock BEGIN IMMEDIATE took (SQLite) until commit.
    if not counter.update(last_value=F("last_value") + 1):
        # First number of the year. The unique constraint settles a race:
        # the loser's INSERT waits for the winner, fails, and reads its row.
        RegistrationSequence.objects.get_or_create(journal=journal, year=year)
        counter.update(last_value=F("last_value") + 1)
    return counter.values_list("last_value", flat=True).get()


def registration_index_check(template: str) -> list[str]:
    """The part names ``template`` uses; raise ``ValidationError`` if invalid.

    A journal's form calls it to refuse a bad template when it is saved, not
    when the first document is registered.
    """
    return [name for name, _spec in _fields(template)]


def registration_index_format(template: str, **parts: object) -> str:
    """Fill a template like ``"{seq}/{case_index}"`` or ``"{letter}-{seq}"``.

    ``{session:02}`` pads a number with zeros. An unknown part, a missing
    part or a bad template raises ``ValidationError``.
    """
    fields = _fields(template)
    missing = sorted({name for name, _spec in fields} - set(parts))
    if missing:
        raise ValidationError(
            _("The registration index lacks the part “%(part)s”.")
            % {"part": missing[0]},
            code="registration_index_missing_part",
        )
    # Padding is for numbers: "{session:02}" of "VIII" is a mistake.
    if any(spec and not isinstance(parts[name], int) for name, spec in fields):
        raise _template_error(template)
    return template.format(**{name: parts[name] for name, _spec in fields})


def _fields(template: str) -> list[tuple[str, str]]:
    try:
        parsed = list(Formatter().parse(template))
    except ValueError:
        raise _template_error(template) from None
    fields: list[tuple[str, str]] = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in INDEX_PARTS:
            raise ValidationError(
                _(
                    "The registration index template “%(template)s” names an "
                    "unknown part “%(part)s”. Known parts: %(parts)s."
                )
                % {
                    "template": template,
                    "part": name,
                    "parts": ", ".join(sorted(INDEX_PARTS)),
                },
                code="registration_index_unknown_part",
            )
        if conversion is not None or (spec and not _FORMAT_SPEC.fullmatch(spec)):
            raise _template_error(template)
        fields.append((name, spec or ""))
    if "seq" not in {name for name, _spec in fields}:
        raise ValidationError(
            _("The registration index template “%(template)s” has no “{seq}”.")
            % {"template": template},
            code="registration_index_without_seq",
        )
    return fields


def _template_error(template: str) -> ValidationError:
    return ValidationError(
        _(
            "The registration index template “%(template)s” is not valid: write "
            "parts in braces, such as “{seq}/{case_index}” or “{session:02}”."
        )
        % {"template": template},
        code="registration_index_invalid",
    )
