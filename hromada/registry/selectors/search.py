"""The extended search of the registry: words, exact fields, facets, order.

Words go through the search room's index (Ukrainian morphology, phrases in
quotes, exclusions with "-"), joined with the acts table as a subquery, so
every other criterion, the count, the facets and the order are plain SQL
over the acts. Each facet counts the acts that match every criterion but
its own, so a reader sees the other choices with their counts.

Bounded work (bench/registry.py, a million acts): the acts that meet every
criterion but the facets' are read once, their kind, body, status and
year only, up to ``COUNTED_ACTS`` (1,001), driven by the index of words
(each match looked up in the acts by its id), and the number found and
the facets are counted from that read in Python, instead of a count and
four grouped queries each over every match: a word found in most acts
matched hundreds of thousands of them, and each of those queries took
seconds. The trade-offs, when more than 1,000 acts match:

- the number is shown as "more than 1,000", and the pages stop at the
  fifty that hold them: narrowing by a facet or a date shows the rest;
- the facets count the 1,001 acts read, and say so: the newest acts
  without words; with words, the first the index gives (in no useful
  order: reading the newest would cost as much as reading them all);
- relevance is not ranked: ranking needs every match's score, read from
  every match's stored vector, and a word in most acts says little about
  which is best. The newest acts come first, through the acts' date
  index, each looked up in the index of words (``search_reads``), and the
  page says so; with fewer matches (say the words are narrowed) the best
  come first again.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from hromada.org.models import OrgUnit
from hromada.registry import permissions
from hromada.registry.models import ActKind, ActStatus, LegalAct
from hromada.registry.selectors import excerpts
from hromada.registry.selectors import search_reads as reads
from hromada.registry.selectors.acts import (
    AnyUser,
    current_text_expression,
    in_force_on_q,
    visible_acts_q,
)
from hromada.registry.selectors.search_reads import FacetRow
from hromada.search import lemmatiser
from hromada.search import selectors as search_selectors
from hromada.search.results import SearchMatch

SEARCH_KIND = "registry.act"
PER_PAGE = 20
# The last page anyone may open; as the search room's own limit.
MAX_PAGE = search_selectors.MAX_OFFSET // PER_PAGE
FACET_SIZE = 12
# The acts read for the number found and the facets: fifty pages and
# one more, so "more than that" can be told (see the module's docstring).
COUNTED_ACTS = 50 * PER_PAGE + 1
# The fields of an act that a page of results shows (its title, link,
# kind, number, date, status, access), read for its hits.
HIT_FIELDS = ("slug", "title", "kind", "number", "adopted_on", "status", "access")
FACETS = ("kind", "issuer", "status", "year")


class ActSort(models.TextChoices):
    """The orders a reader may choose."""

    RELEVANCE = "relevance", _("Relevance")
    NEWEST = "newest", _("Newest first")
    OLDEST = "oldest", _("Oldest first")


@dataclass(frozen=True, kw_only=True)
class ActCriteria:
    """What a reader asks the registry for; every part is optional."""

    words: str = ""
    number: str = ""
    kind: ActKind | None = None
    issuer_id: int | None = None
    status: ActStatus | None = None
    year: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    in_force_on: date | None = None
    is_regulatory: bool = False
    sort: str = ""
    page: int = 1

    @property
    def effective_sort(self) -> str:
        """Relevance when there are words and no other order was chosen."""
        if self.sort in {ActSort.NEWEST, ActSort.OLDEST}:
            return self.sort
        return ActSort.RELEVANCE if self.words.strip() else ActSort.NEWEST


@dataclass(frozen=True, kw_only=True, slots=True)
class FacetItem:
    """One choice of a facet with the number of acts it would give."""

    value: str
    label: str
    count: int
    is_selected: bool


@dataclass(frozen=True, kw_only=True, slots=True)
class ActHit:
    """One act of a results page, with an excerpt of its current text."""

    act: LegalAct
    snippet: SafeString | str


@dataclass(frozen=True, kw_only=True)
class ActSearchResult:
    """A page of acts, the number of all matches and the facets.

    ``total`` is counted up to ``COUNTED_ACTS``; ``is_many`` says there
    are more than the pages hold, ``by_date_instead`` that the page is
    then the newest of them though the best were asked for, and
    ``facets_sampled`` that the facets count only the first
    ``COUNTED_ACTS`` acts found.
    """

    hits: list[ActHit]
    total: int
    page: int
    sort: str
    facets: dict[str, list[FacetItem]] = field(default_factory=dict)
    words_ignored: bool = False
    is_many: bool = False
    by_date_instead: bool = False
    facets_sampled: bool = False

    @property
    def many_from(self) -> int:
        """The number past which acts are "more than" it: what pages hold."""
        return COUNTED_ACTS - 1

    @property
    def pages(self) -> int:
        """How many pages the matches fill, up to the last one allowed."""
        shown = min(self.total, COUNTED_ACTS - 1)
        return min(MAX_PAGE, max(1, -(-shown // PER_PAGE)))


def act_search(*, user: AnyUser, criteria: ActCriteria) -> ActSearchResult:
    """A page of the acts ``user`` may read that meet ``criteria``.

    Words that leave nothing to look for (only exclusions, only signs)
    find nothing, and ``words_ignored`` says so. The matches are read once,
    up to ``COUNTED_ACTS`` of them (see the module's docstring): their
    number and the facets come from that read; when it stops short,
    ``is_many`` says so, the facets count the acts read, and the page is
    the newest acts instead of the best ones.
    """
    public_only = not permissions.can_read_internal_acts(user)
    acts = LegalAct.objects.filter(visible_acts_q(user))
    match = None
    if criteria.words.strip():
        match = search_selectors.search_match(
            query=criteria.words, kind=SEARCH_KIND, public_only=public_only
        )
        if match is None:
            return ActSearchResult(
                hits=[],
                total=0,
                page=1,
                sort=criteria.effective_sort,
                words_ignored=True,
            )
    read = reads.read_counted(
        acts.filter(_criteria_q(criteria, without=FACETS)),
        match=match,
        limit=COUNTED_ACTS,
    )
    chosen = _chosen(criteria)
    filtered = acts.filter(_criteria_q(criteria))
    total = _total(filtered, read=read, chosen=chosen, match=match)
    is_many = total >= COUNTED_ACTS
    sort = criteria.effective_sort
    if is_many and sort == ActSort.RELEVANCE:
        sort = ActSort.NEWEST
    shown = min(total, COUNTED_ACTS - 1)
    page = max(1, min(criteria.page, MAX_PAGE, -(-shown // PER_PAGE) or 1))
    if len(read) < COUNTED_ACTS:
        ids = _page_from_read(
            read, chosen=chosen, sort=sort, offset=(page - 1) * PER_PAGE
        )
    else:
        ids = reads.page_ids(
            filtered,
            match=match,
            ranked=sort == ActSort.RELEVANCE,
            oldest_first=sort == ActSort.OLDEST,
            offset=(page - 1) * PER_PAGE,
            size=PER_PAGE,
            is_many=is_many,
        )
    return ActSearchResult(
        hits=_hits(ids, match=match),
        total=total,
        page=page,
        sort=sort,
        facets=_facets(read, chosen=chosen),
        is_many=is_many,
        by_date_instead=sort != criteria.effective_sort,
        facets_sampled=len(read) >= COUNTED_ACTS,
    )


def _criteria_q(criteria: ActCriteria, *, without: Iterable[str] = ()) -> Q:
    """The criteria but the words, leaving out the facets ``without``."""
    left_out = set(without)
    condition = Q()
    if criteria.number.strip():
        condition &= Q(number_key=lemmatiser.normalise_value(criteria.number))
    if criteria.kind and "kind" not in left_out:
        condition &= Q(kind=criteria.kind)
    if criteria.issuer_id and "issuer" not in left_out:
        condition &= Q(issuer_id=criteria.issuer_id)
    if criteria.status and "status" not in left_out:
        condition &= Q(status=criteria.status)
    if criteria.year and "year" not in left_out:
        condition &= Q(adopted_on__year=criteria.year)
    if criteria.date_from:
        condition &= Q(adopted_on__gte=criteria.date_from)
    if criteria.date_to:
        condition &= Q(adopted_on__lte=criteria.date_to)
    if criteria.in_force_on:
        condition &= in_force_on_q(criteria.in_force_on)
    if criteria.is_regulatory:
        condition &= Q(is_regulatory=True)
    return condition


def _page_from_read(
    read: list[FacetRow], *, chosen: dict[str, object], sort: str, offset: int
) -> list[int]:
    """The page's ids when the read holds every match: sorted here as the
    database would sort them, instead of asking the index of words again
    (on PostgreSQL, each ask reads every match's stored vector to rank it)."""
    rows = [row for row in read if _meets(row, chosen)]
    if sort == ActSort.RELEVANCE:
        rows.sort(key=lambda row: (row["score"], row["adopted"], row["id"]))
        rows.reverse()
    elif sort == ActSort.OLDEST:
        rows.sort(key=lambda row: (row["adopted"], row["id"]))
    else:
        rows.sort(key=lambda row: (row["adopted"], row["id"]), reverse=True)
    return [int(str(row["id"])) for row in rows[offset : offset + PER_PAGE]]


def _chosen(criteria: ActCriteria) -> dict[str, object]:
    """The facets' values the reader has chosen."""
    values = {
        "kind": criteria.kind,
        "issuer": criteria.issuer_id,
        "status": criteria.status,
        "year": criteria.year,
    }
    return {name: value for name, value in values.items() if value}


def _meets(row: FacetRow, chosen: dict[str, object], *, without: str = "") -> bool:
    return all(row[name] == value for name, value in chosen.items() if name != without)


def _total(
    filtered: QuerySet[LegalAct],
    *,
    read: list[FacetRow],
    chosen: dict[str, object],
    match: SearchMatch | None,
) -> int:
    """How many acts meet every criterion, counted up to ``COUNTED_ACTS``:
    from the acts read when they are all of them or no facet is chosen,
    else by a count of its own."""
    if len(read) < COUNTED_ACTS or not chosen:
        return sum(1 for row in read if _meets(row, chosen))
    return reads.count_matches(filtered, match=match, limit=COUNTED_ACTS)


def _hits(ids: list[int], *, match: SearchMatch | None) -> list[ActHit]:
    acts = (
        LegalAct.objects.filter(pk__in=ids)
        .select_related("issuer")
        # What a results page shows of an act, and of its body the name;
        # the text in force is read once, as current_text: the text as
        # adopted would be read a second time when it is the one in force.
        .only(*HIT_FIELDS, "issuer__name")
        .annotate(current_text=current_text_expression())
        .in_bulk()
    )
    snippet: Callable[[str], SafeString | str] = _opening
    if match is not None:
        found = match

        def snippet(text: str) -> SafeString | str:
            return excerpts.act_excerpt(match=found, text=text)

    return [
        ActHit(act=act, snippet=snippet(act.current_text))
        for pk in ids
        if (act := acts.get(pk)) is not None
    ]


def _opening(text: str) -> str:
    words = text.split()
    return " ".join(words[:40]) + (" …" if len(words) > 40 else "")


def _facets(
    read: list[FacetRow], *, chosen: dict[str, object]
) -> dict[str, list[FacetItem]]:
    """Counts by kind, issuing body, status and year among the acts read,
    each facet leaving out its own criterion; the bodies' names in one
    query."""
    counts = {
        name: Counter(
            row[name] for row in read if _meets(row, chosen, without=name)
        ).most_common()
        for name in FACETS
    }
    top = {
        name: sorted(found, key=lambda pair: (-pair[1], pair[0]))[:FACET_SIZE]
        for name, found in counts.items()
    }
    issuers = dict(
        OrgUnit.objects.filter(pk__in=[v for v, _n in top["issuer"]]).values_list(
            "pk", "name"
        )
    )
    return {
        "kind": _items(
            top["kind"], labels=dict(ActKind.choices), chosen=chosen, name="kind"
        ),
        "issuer": _items(top["issuer"], labels=issuers, chosen=chosen, name="issuer"),
        "status": _items(
            top["status"], labels=dict(ActStatus.choices), chosen=chosen, name="status"
        ),
        "year": sorted(
            _items(top["year"], labels={}, chosen=chosen, name="year"),
            key=lambda item: int(item.value),
            reverse=True,
        ),
    }


def _items(
    counts: Iterable[tuple[Any, int]],
    *,
    labels: Mapping[Any, object],
    chosen: dict[str, object],
    name: str,
) -> list[FacetItem]:
    selected = chosen.get(name)
    return [
        FacetItem(
            value=str(value),
            label=str(labels.get(value, value)),
            count=count,
            is_selected=selected is not None and str(selected) == str(value),
        )
        for value, count in counts
    ]
