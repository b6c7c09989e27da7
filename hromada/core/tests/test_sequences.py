"""Registration numbers: gap-free per journal and year (EDMS-01..03)."""

import multiprocessing
import threading

import pytest
from django.db import connection, connections, transaction
from django.utils import translation

from hromada.core import sequences
from hromada.core.errors import ValidationError
from hromada.core.models import RegistrationSequence


class Rollback(Exception):
    pass


def _take_and_fail(journal="incoming", year=2025):
    """A registering service that fails after taking its number."""
    with transaction.atomic():
        number = sequences.sequence_next(journal=journal, year=year)
        raise Rollback(number)


def _take(journal="incoming", year=2025):
    with transaction.atomic():
        return sequences.sequence_next(journal=journal, year=year)


# --- numbering -----------------------------------------------------------------


@pytest.mark.django_db
def test_numbers_start_at_one_and_follow_each_other():
    assert [_take(), _take(), _take()] == [1, 2, 3]
    assert RegistrationSequence.objects.get().last_value == 3


@pytest.mark.django_db
def test_EDMS_02_each_journal_and_year_counts_on_its_own():
    # given
    _take("incoming", 2025)
    _take("incoming", 2025)

    # when
    numbers = [
        _take("outgoing", 2025),
        _take("incoming", 2026),
        _take("incoming", 2025),
    ]

    # then
    assert numbers == [1, 1, 3]


@pytest.mark.django_db
def test_a_rolled_back_registration_gives_its_number_back():
    # given
    assert _take() == 1

    # when: the registering service fails after taking number 2
    with pytest.raises(Rollback) as failed:
        _take_and_fail()
    assert failed.value.args == (2,)

    # then: the next registration gets 2, so the journal has no gap
    assert _take() == 2


@pytest.mark.django_db
def test_the_first_number_of_a_year_rolled_back_leaves_no_counter():
    with pytest.raises(Rollback):
        _take_and_fail("orders", 2026)

    assert RegistrationSequence.objects.filter(journal="orders").exists() is False
    assert _take("orders", 2026) == 1


@pytest.mark.django_db(transaction=True)
def test_sequence_next_refuses_to_run_outside_a_transaction():
    with pytest.raises(RuntimeError, match="inside the caller's transaction"):
        sequences.sequence_next(journal="incoming", year=2025)

    assert RegistrationSequence.objects.exists() is False


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("journal", "year"), [("", 2025), ("incoming", 0), ("incoming", 40000)]
)
def test_sequence_next_refuses_a_missing_journal_or_impossible_year(journal, year):
    with pytest.raises(ValueError, match="journal code and a year"):
        _take(journal, year)


# --- concurrency ------------------------------------------------------------------


def _run_in_threads(count, work):
    """Run ``work(index)`` in ``count`` threads at once, each with its own connection."""
    barrier = threading.Barrier(count)
    results, errors = [], []

    def run(index):
        try:
            barrier.wait()
            results.append(work(index))
        except Exception as error:  # collected, then the test fails on it
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_get_distinct_numbers_without_gaps():
    # given: 8 clerks registering 5 letters each, all at the same moment
    def register(_index):
        return [_take() for _ in range(5)]

    # when
    results, errors = _run_in_threads(8, register)

    # then
    numbers = sorted(number for batch in results for number in batch)
    assert (errors, numbers) == ([], list(range(1, 41)))
    assert RegistrationSequence.objects.get().last_value == 40


@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_with_rollbacks_stay_gap_free():
    # given: every third registration fails after taking its number
    def register(index):
        kept = []
        for attempt in range(6):
            try:
                with transaction.atomic():
                    number = sequences.sequence_next(journal="incoming", year=2025)
                    if (index + attempt) % 3 == 0:
                        raise Rollback
                kept.append(number)
            except Rollback:
                pass
        return kept

    # when
    results, errors = _run_in_threads(6, register)

    # then: the committed numbers are exactly 1..N
    numbers = sorted(number for batch in results for number in batch)
    assert errors == []
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) == 24
    assert RegistrationSequence.objects.get().last_value == 24


@pytest.mark.django_db(transaction=True)
def test_a_second_registration_waits_for_the_first_to_commit():
    # given: the first clerk holds number 1 and has not committed yet
    taken, release, second_done = (
        threading.Event(),
        threading.Event(),
        threading.Event(),
    )
    outcome = {}

    def first():
        try:
            with transaction.atomic():
                outcome["first"] = sequences.sequence_next(
                    journal="incoming", year=2025
                )
                taken.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    def second():
        try:
            taken.wait(timeout=30)
            outcome["second"] = _take()
            second_done.set()
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()

    # when: the second clerk asks while the first transaction is open
    finished_early = second_done.wait(timeout=1)
    release.set()
    for thread in threads:
        thread.join(timeout=60)

    # then: it waited, and got the next number rather than a duplicate
    assert finished_early is False
    assert (outcome["first"], outcome["second"]) == (1, 2)


def _process_worker(start, queue, per_process):
    # A forked child: the parent's connections were closed before forking,
    # so this process opens its own.
    try:
        start.wait(timeout=30)
        queue.put([_take("council", 2025) for _ in range(per_process)])
    except Exception as error:
        queue.put(repr(error))
    finally:
        connections.close_all()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_postgresql_processes_registering_at_once_get_gap_free_numbers():
    # given: four worker processes, as four gunicorn workers would be
    connections.close_all()
    context = multiprocessing.get_context("fork")
    start, queue = context.Event(), context.Queue()
    workers = [
        context.Process(target=_process_worker, args=(start, queue, 25))
        for _ in range(4)
    ]
    for worker in workers:
        worker.start()

    # when
    start.set()
    batches = [queue.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)

    # then
    numbers = sorted(number for batch in batches for number in batch)
    assert numbers == list(range(1, 101))
    assert RegistrationSequence.objects.get(journal="council").last_value == 100


# --- registration index templates ----------------------------------------------------


@pytest.mark.parametrize(
    ("template", "parts", "index"),
    [
        ("{seq}", {"seq": 865}, "865"),
        ("{seq}/{case_index}", {"seq": 865, "case_index": "03-8"}, "865/03-8"),
        ("{case_index}/{seq}", {"seq": 1245, "case_index": "03-08"}, "03-08/1245"),
        ("{letter}-{seq}", {"seq": 125, "letter": "К"}, "К-125"),
        (
            "{letter}-{seq}/{mark}",
            {"seq": 126, "letter": "К", "mark": "КО"},
            "К-126/КО",
        ),
        ("{seq}-р", {"seq": 365}, "365-р"),
        ("{seq}-к", {"seq": 57}, "57-к"),
        ("{seq}-{convocation}", {"seq": 2734, "convocation": "VIII"}, "2734-VIII"),
        (
            "{session}-{seq}/{convocation}",
            {"seq": 19, "session": 21, "convocation": "VIII"},
            "21-19/VIII",
        ),
        (
            "{session:02}-{seq}/{year}",
            {"seq": 434, "session": 8, "year": 2021},
            "08-434/2021",
        ),
        ("ЗП-{seq}", {"seq": 41, "year": 2025}, "ЗП-41"),
    ],
)
def test_registration_index_formats_of_domain_2_2(template, parts, index):
    assert sequences.registration_index_format(template, **parts) == index


@pytest.mark.parametrize(
    ("template", "code"),
    [
        ("{seq}/{unit}", "registration_index_unknown_part"),
        ("{seq.real}", "registration_index_unknown_part"),
        ("{0}", "registration_index_unknown_part"),
        ("{seq!r}", "registration_index_invalid"),
        ("{seq:>10}", "registration_index_invalid"),
        ("{seq:{year}}", "registration_index_invalid"),
        ("{seq", "registration_index_invalid"),
        ("{case_index}", "registration_index_without_seq"),
    ],
)
def test_bad_templates_are_refused(template, code):
    with pytest.raises(ValidationError) as refused:
        sequences.registration_index_format(
            template, seq=1, case_index="01-01", year=2025
        )

    assert refused.value.code == code


def test_an_unknown_part_is_named_in_the_message():
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        sequences.registration_index_check("{seq}/{unit}")

    assert refused.value.message == (
        "The registration index template “{seq}/{unit}” names an unknown part “unit”. "
        "Known parts: case_index, convocation, correspondent, executor, letter, mark, "
        "seq, session, signer, subject_code, unit_code, year."
    )


def test_a_missing_part_is_refused():
    with pytest.raises(ValidationError) as refused:
        sequences.registration_index_format("{seq}/{case_index}", seq=865)

    assert refused.value.code == "registration_index_missing_part"


def test_a_padded_part_that_is_not_a_number_is_refused():
    with pytest.raises(ValidationError) as refused:
        sequences.registration_index_format("{session:02}-{seq}", session="VIII", seq=1)

    assert refused.value.code == "registration_index_invalid"
