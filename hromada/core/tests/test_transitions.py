"""The transitions helper: one table per lifecycle, checked before a move."""

import pytest
from django.db import models
from django.utils import translation

from hromada.core.errors import InvalidTransitionError
from hromada.core.transitions import transition_apply, transitions_check_complete


class LetterStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SIGNED = "signed", "Signed"
    SENT = "sent", "Sent"


LETTER_TRANSITIONS = {
    LetterStatus.DRAFT: frozenset({LetterStatus.SIGNED}),
    LetterStatus.SIGNED: frozenset({LetterStatus.SENT, LetterStatus.DRAFT}),
    LetterStatus.SENT: frozenset(),
}


class Letter:
    """Any object with a status attribute; nothing is saved by the helper."""

    def __init__(self, status):
        self.status = status


def test_a_legal_move_sets_the_status_and_returns_the_old_one():
    letter = Letter(LetterStatus.DRAFT)

    previous = transition_apply(
        letter, to=LetterStatus.SIGNED, table=LETTER_TRANSITIONS
    )

    assert (previous, letter.status) == (LetterStatus.DRAFT, LetterStatus.SIGNED)


def test_the_current_status_may_be_a_plain_string():
    letter = Letter("signed")

    previous = transition_apply(letter, to=LetterStatus.SENT, table=LETTER_TRANSITIONS)

    assert (previous, letter.status) == (LetterStatus.SIGNED, LetterStatus.SENT)


def test_an_illegal_move_raises_and_leaves_the_instance_unchanged():
    letter = Letter(LetterStatus.DRAFT)

    with translation.override("en"), pytest.raises(InvalidTransitionError) as refused:
        transition_apply(letter, to=LetterStatus.SENT, table=LETTER_TRANSITIONS)

    assert letter.status == LetterStatus.DRAFT
    assert (refused.value.code, refused.value.http_status, refused.value.message) == (
        "invalid_transition",
        409,
        "The status cannot change from “Draft” to “Sent”.",
    )


def test_the_refusal_is_translated():
    letter = Letter(LetterStatus.SENT)

    with translation.override("uk"), pytest.raises(InvalidTransitionError) as refused:
        transition_apply(letter, to=LetterStatus.DRAFT, table=LETTER_TRANSITIONS)

    assert refused.value.message == "Статус не можна змінити з “Sent” на “Draft”."


def test_a_move_from_a_final_status_is_refused():
    letter = Letter(LetterStatus.SENT)

    with pytest.raises(InvalidTransitionError):
        transition_apply(letter, to=LetterStatus.SENT, table=LETTER_TRANSITIONS)

    assert letter.status == LetterStatus.SENT


def test_a_complete_table_passes_the_check():
    assert transitions_check_complete(LETTER_TRANSITIONS, LetterStatus) is None


def test_an_incomplete_table_is_named():
    table = {LetterStatus.DRAFT: frozenset({LetterStatus.SIGNED})}

    with pytest.raises(
        ValueError, match=r"lacks \[LetterStatus.SENT, LetterStatus.SIGNED\]"
    ):
        transitions_check_complete(table, LetterStatus)
