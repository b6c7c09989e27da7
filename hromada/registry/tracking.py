"""When a regulatory act's effectiveness is tracked next (REG-05).

Law 1160-IV «Про засади державної регуляторної політики у сфері
господарської діяльності», art. 10, and the «Методика відстеження
результативності регуляторного акта» (КМУ №308 of 11.03.2004, п. 2):

- basic tracking is done before the day the act (or most of its
  provisions) comes into force; when it relies on statistics only, it may
  come later, but no later than the repeat tracking starts;
- repeat tracking is done one year after the act comes into force, and no
  later than two years after it, unless the regulatory body set an earlier
  term;
- periodic tracking is done once every three years from the day the
  repeat tracking (then the previous periodic one) was completed.

Each tracking ends with a report that the body publishes (art. 10; art. 13
for local bodies). DOMAIN.md marks these terms secondary (§2.7) and lists
them among the open questions (§5, item 10), so they are ``TrackingTerms``
to re-read against the act, not fixed numbers. A year is twelve months of
the one deadline service: from 29 February it ends on 28 February.

Pure: reads the act's and the documents' attributes and nothing else.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import formats
from django.utils.translation import gettext as _

from hromada.core.deadlines import add_months
from hromada.registry.models import (
    ActStatus,
    LegalAct,
    RegulatoryDocument,
    RegulatoryDocumentKind,
)

BASIC = RegulatoryDocumentKind.BASIC_TRACKING
REPEAT = RegulatoryDocumentKind.REPEAT_TRACKING
PERIODIC = RegulatoryDocumentKind.PERIODIC_TRACKING
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, kw_only=True, slots=True)
class TrackingTerms:
    """The terms of art. 10 of Law 1160-IV, in years."""

    repeat_from_years: int = 1
    repeat_until_years: int = 2
    periodic_every_years: int = 3


TERMS = TrackingTerms()


@dataclass(frozen=True, kw_only=True, slots=True)
class TrackingDue:
    """The next tracking of an act: its kind and term, and whether it is
    late on the day asked about.

    ``earliest`` is the first day of the term (repeat tracking only);
    ``latest`` its last day; ``overdue_since`` the day after ``latest``
    when that day has passed, else ``None``.
    """

    kind: RegulatoryDocumentKind
    earliest: date | None
    latest: date
    overdue_since: date | None

    @property
    def is_overdue(self) -> bool:
        """Whether the term has passed."""
        return self.overdue_since is not None

    def sentence(self) -> str:
        """The term in words: «Repeat tracking: between … and …»."""
        kind = RegulatoryDocumentKind(self.kind).label
        if self.overdue_since is not None:
            return _("%(kind)s: overdue since %(day)s.") % {
                "kind": kind,
                "day": _day(self.overdue_since),
            }
        if self.earliest is not None:
            return _("%(kind)s: between %(first)s and %(last)s.") % {
                "kind": kind,
                "first": _day(self.earliest),
                "last": _day(self.latest),
            }
        if self.kind == BASIC:
            return _("%(kind)s: before the act comes into force on %(day)s.") % {
                "kind": kind,
                "day": _day(self.latest + ONE_DAY),
            }
        return _("%(kind)s: no later than %(day)s.") % {
            "kind": kind,
            "day": _day(self.latest),
        }


def _day(day: date) -> str:
    return formats.date_format(day, "d.m.Y")


def _years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def tracking_due(
    *,
    act: LegalAct,
    documents: Iterable[RegulatoryDocument],
    today: date,
    terms: TrackingTerms = TERMS,
) -> TrackingDue | None:
    """The tracking ``act`` needs next, given its ``documents``.

    ``None`` when nothing is due: the act is not regulatory, is a draft,
    has no date of entry into force, or is no longer in force (or will
    not be when the next term begins).
    """
    start = act.effective_from
    if not act.is_regulatory or act.status == ActStatus.DRAFT or start is None:
        return None
    if act.status == ActStatus.REPEALED:
        return None
    earliest, latest, kind = _next_term(start, documents=documents, terms=terms)
    begins = earliest or latest
    if act.repealed_on is not None and act.repealed_on <= max(begins, today):
        return None
    return TrackingDue(
        kind=kind,
        earliest=earliest,
        latest=latest,
        overdue_since=latest + ONE_DAY if today > latest else None,
    )


def _next_term(
    start: date, *, documents: Iterable[RegulatoryDocument], terms: TrackingTerms
) -> tuple[date | None, date, RegulatoryDocumentKind]:
    """(earliest, latest, kind) of the tracking after those done."""
    done: dict[str, list[date]] = {}
    for document in documents:
        done.setdefault(document.kind, []).append(document.prepared_on)
    if REPEAT in done:
        # Art. 10: every three years from the end of the repeat tracking,
        # then from the end of the latest periodic one.
        last = max(done[REPEAT] + done.get(PERIODIC, []))
        return None, _years(last, terms.periodic_every_years), PERIODIC
    if BASIC in done:
        return (
            _years(start, terms.repeat_from_years),
            _years(start, terms.repeat_until_years),
            REPEAT,
        )
    # Art. 10: before the day the act comes into force.
    return None, start - ONE_DAY, BASIC
