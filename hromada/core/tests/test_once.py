"""A form sent twice creates one record (``hromada.core.once``)."""

import threading
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction

from hromada.core import once
from hromada.core.errors import ApplicationError
from hromada.core.models import CalendarDay, FormSubmission


class Rollback(Exception):
    pass


_people = iter(range(1_000_000))


def _user():
    """A user; the core room may not import the accounts room's factories."""
    return get_user_model().objects.create_user(email=f"p{next(_people)}@test.example")


def _create_day(*, key, actor, day="2031-01-02"):
    """A creating service in miniature: claim, create, bind."""
    with transaction.atomic():
        earlier = once.submission_claim(key=key, actor=actor, action="core.day_create")
        if earlier is not None:
            return CalendarDay.objects.get(pk=earlier), False
        created = CalendarDay.objects.create(date=day, kind="holiday", name="Свято")
        once.submission_bind(key=key, target=created)
        return created, True


@pytest.mark.django_db
def test_the_second_send_gets_what_the_first_created():
    # given
    actor, key = _user(), uuid.uuid4()
    first, created = _create_day(key=key, actor=actor)

    # when
    second, created_again = _create_day(key=key, actor=actor)

    # then
    assert (created, created_again, second.pk) == (True, False, first.pk)
    assert CalendarDay.objects.count() == 1
    assert FormSubmission.objects.get().object_id == str(first.pk)


@pytest.mark.django_db
def test_without_a_key_every_send_is_a_first_send():
    # given
    actor = _user()
    _create_day(key=None, actor=actor, day="2031-01-02")

    # when
    _day, created = _create_day(key=None, actor=actor, day="2031-01-03")

    # then
    assert created is True
    assert (CalendarDay.objects.count(), FormSubmission.objects.count()) == (2, 0)


@pytest.mark.django_db
def test_someone_elses_key_is_refused():
    # given
    key = uuid.uuid4()
    _create_day(key=key, actor=_user())

    # when
    with pytest.raises(ApplicationError) as raised:
        _create_day(key=key, actor=_user(), day="2031-01-03")

    # then
    assert raised.value.code == "form_already_sent"
    assert CalendarDay.objects.count() == 1


@pytest.mark.django_db
def test_a_rolled_back_send_leaves_no_claim():
    # given
    actor, key = _user(), uuid.uuid4()

    def claim_and_fail():
        with transaction.atomic():
            once.submission_claim(key=key, actor=actor, action="core.day_create")
            raise Rollback

    with pytest.raises(Rollback):
        claim_and_fail()

    # when
    _day, created = _create_day(key=key, actor=actor)

    # then
    assert created is True


def test_a_claim_outside_a_transaction_is_a_programming_error():
    with pytest.raises(RuntimeError):
        once.submission_claim(key=uuid.uuid4(), actor=object(), action="x")


@pytest.mark.django_db(transaction=True)
def test_two_sends_at_the_same_moment_create_one_record():
    # given: the same form sent from two connections at once
    actor, key = _user(), uuid.uuid4()
    barrier = threading.Barrier(2)
    results, errors = [], []

    def send(index):
        try:
            barrier.wait()
            day = f"2031-01-0{index + 2}"  # without the key, two records
            results.append(_create_day(key=key, actor=actor, day=day))
        except Exception as error:  # collected, then the test fails on it
            errors.append(error)
        finally:
            connection.close()

    # when
    threads = [threading.Thread(target=send, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    # then
    assert errors == []
    assert sorted(created for _day, created in results) == [False, True]
    assert len({day.pk for day, _created in results}) == 1
    assert CalendarDay.objects.count() == 1
