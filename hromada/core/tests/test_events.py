"""Typed events: delivered after commit, never after a rollback."""

import logging
from dataclasses import dataclass

import pytest
from django.db import transaction

from hromada.core.events import EventChannel

pytestmark = pytest.mark.django_db


@dataclass(frozen=True, kw_only=True, slots=True)
class LetterSigned:
    letter_id: int


class Rollback(Exception):
    pass


@pytest.fixture
def channel():
    return EventChannel[LetterSigned]("tests.letter_signed")


def test_receivers_get_the_event_only_after_commit(
    channel, django_capture_on_commit_callbacks
):
    # given
    received = []
    channel.connect(received.append)

    # when
    with django_capture_on_commit_callbacks(execute=True):
        channel.send_on_commit(LetterSigned(letter_id=7))
        before_commit = list(received)

    # then
    assert (before_commit, received) == ([], [LetterSigned(letter_id=7)])


def test_a_rolled_back_transaction_sends_nothing(
    channel, django_capture_on_commit_callbacks
):
    received = []
    channel.connect(received.append)

    def sign_and_fail():
        with transaction.atomic():
            channel.send_on_commit(LetterSigned(letter_id=7))
            raise Rollback

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Rollback),
    ):
        sign_and_fail()

    assert (received, callbacks) == ([], [])


def test_a_failing_receiver_does_not_stop_the_others(
    channel, django_capture_on_commit_callbacks, caplog
):
    # given
    received = []

    def broken(event):
        raise RuntimeError("receiver bug")

    channel.connect(broken)
    channel.connect(received.append)

    # when
    with (
        caplog.at_level(logging.ERROR, logger="hromada.core.events"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        channel.send_on_commit(LetterSigned(letter_id=8))

    # then
    assert received == [LetterSigned(letter_id=8)]
    assert [record.message.split(" failed on ")[1] for record in caplog.records] == [
        "tests.letter_signed"
    ]


def test_a_receiver_connects_once_and_can_disconnect(
    channel, django_capture_on_commit_callbacks
):
    received = []
    channel.connect(received.append)
    channel.connect(received.append)

    with django_capture_on_commit_callbacks(execute=True):
        channel.send_on_commit(LetterSigned(letter_id=1))
    channel.disconnect(received.append)
    with django_capture_on_commit_callbacks(execute=True):
        channel.send_on_commit(LetterSigned(letter_id=2))

    assert received == [LetterSigned(letter_id=1)]
