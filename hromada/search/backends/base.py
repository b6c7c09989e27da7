"""The index interface shared by every database backend.

``SearchDocument`` and ``SearchField`` rows, query parsing, phrase checks,
lookups and snippets are the same everywhere; a backend supplies only its
full-text structure: how terms are written, removed and matched and ranked.
Backends are reached through ``services`` and ``selectors`` only.
"""

import abc
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from django.db import connection

from hromada.search import lemmatiser, snippets, terms
from hromada.search.models import SearchDocument, SearchField
from hromada.search.query import QueryPlan, parse
from hromada.search.results import SearchHit, SearchMatch, SearchPage

# A longer text is indexed by its first words only: PostgreSQL refuses a
# tsvector over 1 MB, and nobody finds a council decision by its 50 001st word.
MAX_INDEXED_WORDS = 50_000
# A phrase query is checked in Python over at most this many best matches of
# its words (their lemma text is read for the check), so its total counts
# the phrase matches among them.
MAX_PHRASE_CANDIDATES = 500

# Matches are counted up to this many: past the last page anyone may open
# (selectors.MAX_OFFSET plus a page), a larger number changes nothing a
# reader can do, and counting every match of a common word costs as much
# as ranking them.
COUNTED_MATCHES = 10_101

SqlParams = list[str | int | float]


class _Row(NamedTuple):
    kind: str
    object_id: str
    title: str
    body: str
    score: float


class SearchBackend(abc.ABC):
    """Full-text index over ``SearchDocument`` rows; one subclass per vendor.

    Subclasses implement ``_write_terms``, ``_delete_terms`` and
    ``_match_sql``; everything else is shared, so both backends parse
    queries, check phrases and build snippets identically.
    """

    vendor: str

    def index(
        self,
        *,
        kind: str,
        object_id: str,
        title: str,
        body: str,
        fields: Mapping[str, str] | None,
        is_public: bool,
    ) -> None:
        """Create or replace the entry of one object, inside a transaction."""
        exact = dict(fields or {})
        body_groups = _term_groups(body)[:MAX_INDEXED_WORDS]
        field_groups = [_term_groups(value) for value in exact.values()]
        document, _created = SearchDocument.objects.update_or_create(
            kind=kind,
            object_id=object_id,
            defaults={
                "title": title,
                "body": body,
                "title_lemmas": terms.groups_text(_term_groups(title)),
                "lemmas": terms.segments_text([body_groups, *field_groups]),
                "fields": exact,
                "is_public": is_public,
            },
        )
        SearchField.objects.filter(document=document).delete()
        SearchField.objects.bulk_create(
            SearchField(
                document=document, name=name, value=lemmatiser.normalise_value(value)
            )
            for name, value in exact.items()
        )
        self._write_terms(document=document)

    def remove(self, *, kind: str, object_id: str) -> None:
        """Drop the entry of one object; nothing happens if there is none."""
        document_ids = list(
            SearchDocument.objects.filter(kind=kind, object_id=object_id).values_list(
                "pk", flat=True
            )
        )
        for document_id in document_ids:
            self._delete_terms(document_id=document_id)
        SearchDocument.objects.filter(pk__in=document_ids).delete()

    def search(
        self,
        *,
        query: str,
        kinds: Sequence[str] | None,
        public_only: bool,
        limit: int,
        offset: int,
    ) -> SearchPage:
        """One page of the documents matching ``query``, best first.

        ``kinds=None`` searches every kind; an empty sequence searches none.
        """
        kinds = [kinds] if isinstance(kinds, str) else kinds
        plan = parse(query)
        if plan.is_empty or (kinds is not None and not kinds):
            return SearchPage(hits=(), total=0, limit=limit, offset=offset)
        where, params = _filters(kinds=kinds, public_only=public_only)
        if plan.needs_verification:
            matches, total = self._verified_matches(
                plan=plan, where=where, params=params, limit=limit, offset=offset
            )
            documents = SearchDocument.objects.only(
                "id", "kind", "object_id", "title", "body"
            ).in_bulk([document_id for document_id, _score in matches])
            # A document deleted between the two queries is left out.
            rows = [
                _Row(doc.kind, doc.object_id, doc.title, doc.body, score)
                for id_, score in matches
                if (doc := documents.get(id_)) is not None
            ]
        else:
            rows, total = self._page(
                plan=plan, where=where, params=params, limit=limit, offset=offset
            )
        hits = tuple(_hit(row, plan) for row in rows)
        return SearchPage(hits=hits, total=total, limit=limit, offset=offset)

    def best_object_ids(
        self,
        *,
        query: str,
        kinds: Sequence[str] | None,
        public_only: bool,
        limit: int,
    ) -> list[str]:
        """Object ids of the ``limit`` best matches of ``query``, best first.

        One query without text, snippets or a count, for lists that show
        the objects their own way (a registry by date; bench/edms.py, E5).
        """
        plan = parse(query)
        if plan.is_empty or (kinds is not None and not kinds):
            return []
        where, params = _filters(kinds=kinds, public_only=public_only)
        if plan.needs_verification:
            matches = self._phrase_matches(
                plan=plan, where=where, params=params, key="d.object_id"
            )
            return [object_id for object_id, _score in matches[:limit]]
        records = self._select(
            plan=plan,
            columns="d.object_id",
            where=where,
            params=params,
            limit=limit,
            offset=0,
        )
        return [object_id for object_id, _score in records]

    def match(self, *, query: str, kind: str, public_only: bool) -> SearchMatch | None:
        """SQL of the ``id`` (object id, text) and ``score`` of every match.

        For a room that joins the matches with its own table, filters and
        sorts them itself (the registry of acts). ``None`` for a query with
        nothing to look for. A phrase is checked among the
        ``MAX_PHRASE_CANDIDATES`` best matches of its words, as in
        ``search``.
        """
        plan = parse(query)
        if plan.is_empty:
            return None
        where, params = _filters(kinds=[kind], public_only=public_only)
        sql, match_params = self._ranked_sql(plan=plan, where=where, key="d.object_id")
        all_params = [*match_params, *params]
        if plan.needs_verification:
            found = self._phrase_matches(
                plan=plan, where=where, params=params, key="d.object_id"
            )
            ids = [object_id for object_id, _score in found] or [""]
            sql = (
                f"SELECT v.id AS id, v.score AS score FROM ({sql}) AS v "  # noqa: S608
                f"WHERE v.id IN ({', '.join(['%s'] * len(ids))})"
            )
            all_params.extend(ids)
            return SearchMatch(
                sql=sql, params=tuple(all_params), highlighted=plan.highlighted
            )
        contains_sql, contains_params = self._contains_sql(
            plan=plan, where=where, params=params
        )
        return SearchMatch(
            sql=sql,
            params=tuple(all_params),
            highlighted=plan.highlighted,
            contains_sql=contains_sql,
            contains_params=tuple(contains_params),
        )

    def _contains_sql(
        self, *, plan: QueryPlan, where: str, params: SqlParams
    ) -> tuple[str, SqlParams]:
        """``SearchMatch.contains_sql``: the object's document among the
        ids of every match, which the database reads once (unranked)."""
        match_sql, match_params = self._match_sql(plan=plan)
        sql = (
            f"EXISTS (SELECT 1 FROM {_table()} AS d WHERE {where} "  # noqa: S608
            f"AND d.object_id = {SearchMatch.OBJECT_ID} "
            f"AND d.id IN (SELECT m.id FROM ({match_sql}) AS m))"
        )
        return sql, [*params, *match_params]

    def lookup(
        self, *, kind: str, field: str, value: str, public_only: bool = True
    ) -> list[str]:
        """Object ids of ``kind`` whose exact ``field`` equals ``value``.

        The comparison is on normalised values: case, apostrophe and dash
        variants and repeated spaces do not matter.
        """
        normalised = lemmatiser.normalise_value(value)
        if not normalised:
            return []
        matches = SearchField.objects.filter(
            name=field, value=normalised, document__kind=kind
        )
        if public_only:
            matches = matches.filter(document__is_public=True)
        return list(
            matches.order_by("document__object_id").values_list(
                "document__object_id", flat=True
            )
        )

    def statistics_refresh(self) -> int:
        """Read what the backend keeps of the index's statistics; how many
        terms are common (none on a backend that keeps nothing)."""
        return 0

    @abc.abstractmethod
    def _write_terms(self, *, document: SearchDocument) -> None:
        """Bring the backend's structure in line with ``document``'s lemmas."""

    @abc.abstractmethod
    def _delete_terms(self, *, document_id: int) -> None:
        """Forget the terms of a document about to be deleted."""

    @abc.abstractmethod
    def _match_sql(self, *, plan: QueryPlan) -> tuple[str, SqlParams]:
        """SQL selecting ``id`` and ``score`` (higher is better) of matches."""

    def _page(
        self, *, plan: QueryPlan, where: str, params: SqlParams, limit: int, offset: int
    ) -> tuple[list[_Row], int]:
        columns = "d.kind, d.object_id, d.title, d.body"
        records = self._select(
            plan=plan,
            columns=columns,
            where=where,
            params=params,
            limit=limit,
            offset=offset,
        )
        rows = [
            _Row(kind, object_id, title, body, float(score))
            for kind, object_id, title, body, score in records
        ]
        return rows, self._count(plan=plan, where=where, params=params)

    def _verified_matches(
        self, *, plan: QueryPlan, where: str, params: SqlParams, limit: int, offset: int
    ) -> tuple[list[tuple[int, float]], int]:
        matches = self._phrase_matches(
            plan=plan, where=where, params=params, key="d.id"
        )
        accepted = [(int(id_), float(score)) for id_, score in matches]
        return accepted[offset : offset + limit], len(accepted)

    def _phrase_matches(
        self, *, plan: QueryPlan, where: str, params: SqlParams, key: str
    ) -> list[tuple[Any, Any]]:
        """(``key``, score) of the best matches of the words that hold the
        phrase too, checked over their lemma text; ``key`` is a column of
        ``d``.
        """
        records = self._select(
            plan=plan,
            columns=f"{key}, d.title_lemmas, d.lemmas",
            where=where,
            params=params,
            limit=MAX_PHRASE_CANDIDATES,
            offset=0,
        )
        return [
            (value, score)
            for value, title_lemmas, lemmas, score in records
            if plan.accepts(
                terms.text_segments(title_lemmas) + terms.text_segments(lemmas)
            )
        ]

    def _select(
        self,
        *,
        plan: QueryPlan,
        columns: str,
        where: str,
        params: SqlParams,
        limit: int,
        offset: int,
    ) -> list[tuple[Any, ...]]:
        """``columns`` of one page of matches, best first.

        The page is cut from the ranked matches first; only its rows are
        joined for their text (a join of every match cost more than the
        ranking on a broad query; bench/edms.py, E5).
        """
        ranked_sql, ranked_params = self._ranked_sql(plan=plan, where=where)
        # Only constants and quoted identifiers are formatted in; every value
        # travels as a parameter.
        sql = (
            f"SELECT {columns}, r.score FROM ({ranked_sql} "  # noqa: S608
            f"ORDER BY score DESC, id LIMIT %s OFFSET %s) AS r "
            f"JOIN {_table()} AS d ON d.id = r.id ORDER BY r.score DESC, d.id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*ranked_params, *params, limit, offset])
            return list(cursor.fetchall())

    def _ranked_sql(
        self, *, plan: QueryPlan, where: str, key: str = "d.id"
    ) -> tuple[str, SqlParams]:
        """SQL of ``id`` (the column ``key`` of ``d``) and ``score`` of the
        matches that pass ``where``.

        ``where`` speaks of the document as ``d``; the backend's parameters
        come first, then those of ``where``.
        """
        match_sql, match_params = self._match_sql(plan=plan)
        sql = (
            f"SELECT {key} AS id, m.score AS score FROM ({match_sql}) AS m "  # noqa: S608
            f"JOIN {_table()} AS d ON d.id = m.id WHERE {where}"
        )
        return sql, match_params

    def _count(self, *, plan: QueryPlan, where: str, params: SqlParams) -> int:
        """How many documents match, counted up to ``COUNTED_MATCHES``."""
        ranked_sql, ranked_params = self._ranked_sql(plan=plan, where=where)
        sql = f"SELECT COUNT(*) FROM ({ranked_sql} LIMIT %s) AS c"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [*ranked_params, *params, COUNTED_MATCHES])
            row = cursor.fetchone()
        return int(row[0]) if row else 0


def _term_groups(text: str) -> list[terms.TermGroup]:
    groups = (terms.term_group(lemmas) for lemmas in lemmatiser.lemmatise(text))
    return [group for group in groups if group]


def _table() -> str:
    return connection.ops.quote_name(SearchDocument._meta.db_table)


def _filters(
    *, kinds: Sequence[str] | None, public_only: bool
) -> tuple[str, SqlParams]:
    clauses: list[str] = ["1 = 1"]
    params: SqlParams = []
    if kinds is not None:
        clauses.append(f"d.kind IN ({', '.join(['%s'] * len(kinds))})")
        params.extend(kinds)
    if public_only:
        clauses.append("d.is_public = %s")
        params.append(True)
    return " AND ".join(clauses), params


def _hit(row: _Row, plan: QueryPlan) -> SearchHit:
    return SearchHit(
        kind=row.kind,
        object_id=row.object_id,
        title=row.title,
        score=row.score,
        snippet=snippets.snippet_html(text=row.body, highlighted=plan.highlighted),
    )
