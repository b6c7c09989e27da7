"""REG-05: when a regulatory act's effectiveness is tracked next.

Law 1160-IV art. 10 (https://zakon.rada.gov.ua/laws/show/1160-15) and the
Методика of КМУ №308 of 11.03.2004: basic tracking before entry into force,
repeat tracking one to two years after it, periodic every three years from
the end of the repeat one. Pure: no database.
"""

from datetime import date

import pytest
from django.utils import translation

from hromada.registry.models import (
    ActStatus,
    LegalAct,
    RegulatoryDocument,
    RegulatoryDocumentKind,
)
from hromada.registry.tracking import (
    BASIC,
    PERIODIC,
    REPEAT,
    TrackingDue,
    TrackingTerms,
    tracking_due,
)

IMPACT = RegulatoryDocumentKind.IMPACT_ANALYSIS


def act(**changes) -> LegalAct:
    values = {
        "is_normative": True,
        "is_regulatory": True,
        "status": ActStatus.IN_FORCE,
        "adopted_on": date(2026, 2, 10),
        "effective_from": date(2026, 3, 1),
    }
    values.update(changes)
    return LegalAct(**values)


def done(*pairs: tuple[RegulatoryDocumentKind, date]) -> list[RegulatoryDocument]:
    return [RegulatoryDocument(kind=kind, prepared_on=day) for kind, day in pairs]


def due(regulatory_act: LegalAct, documents=(), *, today: date) -> TrackingDue | None:
    return tracking_due(act=regulatory_act, documents=documents, today=today)


def test_REG_05_basic_tracking_is_due_before_the_act_comes_into_force():
    # an impact analysis alone does not count as tracking
    documents = done((IMPACT, date(2026, 1, 5)))

    result = due(act(), documents, today=date(2026, 2, 28))

    assert result == TrackingDue(
        kind=BASIC, earliest=None, latest=date(2026, 2, 28), overdue_since=None
    )


def test_REG_05_basic_tracking_is_overdue_from_the_day_of_entry_into_force():
    result = due(act(), today=date(2026, 3, 1))

    assert (result.kind, result.overdue_since, result.is_overdue) == (
        BASIC,
        date(2026, 3, 1),
        True,
    )


def test_REG_05_repeat_tracking_falls_between_one_and_two_years_after_force():
    documents = done((BASIC, date(2026, 2, 20)))

    result = due(act(), documents, today=date(2026, 6, 1))

    assert result == TrackingDue(
        kind=REPEAT,
        earliest=date(2027, 3, 1),
        latest=date(2028, 3, 1),
        overdue_since=None,
    )


@pytest.mark.parametrize(
    ("today", "overdue_since"),
    [
        (date(2028, 3, 1), None),
        (date(2028, 3, 2), date(2028, 3, 2)),
    ],
)
def test_REG_05_repeat_tracking_is_late_only_after_the_second_anniversary(
    today, overdue_since
):
    result = due(act(), done((BASIC, date(2026, 2, 20))), today=today)

    assert result.overdue_since == overdue_since


def test_REG_05_a_leap_day_anniversary_ends_on_28_february():
    leap = act(adopted_on=date(2024, 2, 1), effective_from=date(2024, 2, 29))

    result = due(leap, done((BASIC, date(2024, 2, 20))), today=date(2024, 6, 1))

    assert (result.earliest, result.latest) == (date(2025, 2, 28), date(2026, 2, 28))


def test_REG_05_periodic_tracking_is_due_three_years_after_the_repeat_one():
    documents = done((BASIC, date(2026, 2, 20)), (REPEAT, date(2027, 5, 10)))

    result = due(act(), documents, today=date(2027, 6, 1))

    assert result == TrackingDue(
        kind=PERIODIC, earliest=None, latest=date(2030, 5, 10), overdue_since=None
    )


def test_REG_05_each_periodic_tracking_starts_the_next_three_years():
    documents = done(
        (BASIC, date(2026, 2, 20)),
        (REPEAT, date(2027, 5, 10)),
        (PERIODIC, date(2030, 4, 1)),
    )

    result = due(act(), documents, today=date(2033, 4, 2))

    assert (result.kind, result.latest, result.overdue_since) == (
        PERIODIC,
        date(2033, 4, 1),
        date(2033, 4, 2),
    )


def test_REG_05_periodic_tracking_from_a_leap_day_ends_on_28_february():
    documents = done((BASIC, date(2026, 2, 20)), (REPEAT, date(2028, 2, 29)))

    result = due(act(), documents, today=date(2028, 3, 1))

    assert result.latest == date(2031, 2, 28)


@pytest.mark.parametrize(
    "changes",
    [
        {"effective_from": None},
        {"status": ActStatus.DRAFT, "effective_from": None},
        {"is_regulatory": False},
        {"status": ActStatus.REPEALED, "repealed_on": date(2026, 9, 1)},
        # repealed by its dates, before the nightly status refresh
        {"repealed_on": date(2026, 9, 1)},
        # no longer in force when the repeat tracking's term begins
        {"repealed_on": date(2027, 3, 1)},
    ],
)
def test_REG_05_nothing_is_due_for_acts_not_or_no_longer_in_force(changes):
    documents = done((BASIC, date(2026, 2, 20)))

    assert due(act(**changes), documents, today=date(2026, 10, 1)) is None


def test_REG_05_an_act_repealed_after_the_term_begins_is_still_tracked():
    documents = done((BASIC, date(2026, 2, 20)))

    result = due(act(repealed_on=date(2027, 3, 2)), documents, today=date(2026, 10, 1))

    assert result.kind == REPEAT


def test_REG_05_the_terms_are_configurable():
    terms = TrackingTerms(repeat_from_years=1, repeat_until_years=3)

    result = tracking_due(
        act=act(),
        documents=done((BASIC, date(2026, 2, 20))),
        today=date(2026, 6, 1),
        terms=terms,
    )

    assert result.latest == date(2029, 3, 1)


@pytest.mark.parametrize(
    ("documents", "today", "sentence"),
    [
        (
            (),
            date(2026, 2, 1),
            "Basic effectiveness tracking: before the act comes into force "
            "on 01.03.2026.",
        ),
        (
            (),
            date(2026, 3, 5),
            "Basic effectiveness tracking: overdue since 01.03.2026.",
        ),
        (
            ((BASIC, date(2026, 2, 20)),),
            date(2026, 6, 1),
            "Repeat effectiveness tracking: between 01.03.2027 and 01.03.2028.",
        ),
        (
            ((BASIC, date(2026, 2, 20)), (REPEAT, date(2027, 5, 10))),
            date(2027, 6, 1),
            "Periodic effectiveness tracking: no later than 10.05.2030.",
        ),
    ],
)
def test_REG_05_the_next_tracking_in_words(documents, today, sentence):
    with translation.override("en"):
        assert due(act(), done(*documents), today=today).sentence() == sentence


def test_REG_05_the_next_tracking_in_ukrainian():
    result = due(act(), done((BASIC, date(2026, 2, 20))), today=date(2026, 6, 1))

    with translation.override("uk"):
        assert result.sentence() == (
            "Повторне відстеження результативності: між 01.03.2027 і 01.03.2028."
        )
