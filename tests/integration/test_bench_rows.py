"""The benchmark fixture's bulk writer (bench/edms_rows.py)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from bench import edms_cards, edms_rows
from hromada.core.models import CalendarDay, CalendarDayKind
from hromada.documents.models import CardClosure, Document, DocumentAddressee
from hromada.documents.services import awaiting
from hromada.search.models import SearchDocument, SearchField


def _entry(rows: edms_rows.Rows, title: str) -> int:
    return rows.add(
        {
            "kind": "bench.test",
            "object_id": title,
            "title": title,
            "fields": {"registration_number": title},
            "created_at": "2026-01-05T09:00:00+02:00",
            "updated_at": "2026-01-05T09:00:00+02:00",
        }
    )


@pytest.mark.django_db
def test_rows_fill_defaults_give_ids_and_store_choice_values():
    # given: two entries and a field pointing at the second, by the id
    # the writer gave it (no round trip)
    entries = edms_rows.Rows(SearchDocument)
    fields = edms_rows.Rows(SearchField)
    _entry(entries, "1/01-10")
    second = _entry(entries, "2/01-10")
    fields.add({"document_id": second, "name": "registration_number", "value": "x"})
    days = edms_rows.Rows(CalendarDay)
    days.add(
        {
            "date": date(2031, 3, 9),
            "kind": CalendarDayKind.WORKING_DAY,
            "name": "Перенесений робочий день",
            "created_at": "2031-01-01T00:00:00+02:00",
            "updated_at": "2031-01-01T00:00:00+02:00",
        }
    )

    # when
    for rows in (entries, fields, days):
        rows.write(rows.take())
    edms_rows.reset_sequences([SearchDocument, SearchField, CalendarDay])

    # then: defaults filled (a fresh public id each, "" for blank text,
    # False), JSON kept, the field on the second entry, the choice's value
    stored = list(SearchDocument.objects.filter(kind="bench.test").order_by("pk"))
    assert [e.title for e in stored] == ["1/01-10", "2/01-10"]
    assert stored[0].public_id != stored[1].public_id
    assert stored[0].body == ""
    assert stored[0].is_public is False
    assert stored[1].fields == {"registration_number": "2/01-10"}
    assert SearchField.objects.get(document__title="2/01-10").value == "x"
    assert CalendarDay.objects.get(date=date(2031, 3, 9)).kind == "working_day"
    # and: the database's own ids continue after the given ones
    later = SearchDocument.objects.create(kind="bench.test", object_id="3", title="3")
    assert later.pk > second
    assert entries.take() == []


@pytest.mark.django_db(transaction=True)
def test_writer_writes_batches_in_its_thread_and_reports_a_failure():
    if connection.vendor != "postgresql":
        pytest.skip("a second connection to the in-memory test database")
    # given: a batch, then one whose entry repeats the first one's id
    entries = edms_rows.Rows(SearchDocument)
    first = _entry(entries, "1/01-10")
    writer = edms_rows.Writer()
    writer.put([entries])
    entries.add({**_row_of(first), "id": first})

    # when / then: the first batch lands; the second fails in the thread,
    # and close() raises it
    writer.put([entries])
    with pytest.raises(Exception, match="duplicate key"):
        writer.close()
    assert SearchDocument.objects.filter(kind="bench.test").count() == 1


def _row_of(pk: int) -> dict[str, object]:
    return {
        "kind": "bench.test",
        "object_id": f"again-{pk}",
        "title": "again",
        "created_at": "2026-01-05T09:00:00+02:00",
        "updated_at": "2026-01-05T09:00:00+02:00",
    }


@pytest.mark.django_db(transaction=True)
def test_a_kept_history_is_found_again_as_it_was_generated():
    if connection.vendor != "postgresql":
        pytest.skip("the writer thread needs a second connection")
    from bench import edms_data

    # given: a small history (4,500 cards), as a run with BENCH_KEEP=1 leaves it
    made = edms_data.generate(scale=0.001)

    # then: it is settled as a running city's tables are: every page of the
    # cards and tasks marked visible to all (index-only scans need no
    # table), not left for autovacuum to do beside the measured requests
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, relpages, relallvisible FROM pg_class "
            "WHERE relname IN ('documents_document', 'documents_task')"
        )
        settled = cursor.fetchall()
    assert len(settled) == 2
    for name, pages, visible in settled:
        assert pages > 0, name
        assert visible == pages, name

    # and: as the services leave an office's mail, every addressee row says
    # whether its card waits for a resolution; only lately registered cards
    # may (here the busy executor's tasks resolved those), the older ones
    # unresolved were filed «До справи»
    waiting = set(
        Document.objects.filter(awaiting.awaiting_resolution_q()).values_list(
            "pk", flat=True
        )
    )
    rows = list(
        DocumentAddressee.objects.values_list("document_id", "awaiting_resolution")
    )
    assert rows
    assert all((document_id in waiting) == flag for document_id, flag in rows)
    addressed = {document_id for document_id, _flag in rows}
    old = timezone.now() - edms_cards.WAITS_FOR - timedelta(hours=1)
    older = set(
        Document.objects.filter(registered_at__lt=old).values_list("pk", flat=True)
    )
    assert not waiting & addressed & older
    assert Document.objects.filter(closed_as=CardClosure.TO_FILE).exists()

    # when: a later run with BENCH_EDMS_REUSE=1 reads it back
    found = edms_data.existing(scale=0.001)

    # then: the same people, unit, journals and samples are measured
    assert found.registrar == made.registrar
    assert found.busy == made.busy
    assert found.large_head == made.large_head
    assert found.small_head == made.small_head
    assert found.large_unit == made.large_unit
    assert found.journals == made.journals
    assert (found.sample_number, found.sample_words) == (
        made.sample_number,
        made.sample_words,
    )
    assert (found.documents, found.tasks, found.users) == (
        made.documents,
        made.tasks,
        made.users,
    )
