"""The hash-chained audit log: appended in the transaction, verified, immutable."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from hromada.core.audit import audit_hash, audit_record, audit_verify
from hromada.core.errors import ImmutableRecordError
from hromada.core.models import GENESIS_HASH, AuditChainHead, AuditEvent, CalendarDay
from hromada.core.request_context import current_ip

pytestmark = pytest.mark.django_db


@pytest.fixture
def target():
    return CalendarDay.objects.create(
        date=date(2025, 5, 10), kind="working_day", name="Субота"
    )


def _record(target, action="core.test", **data):
    with transaction.atomic():
        return audit_record(actor=None, action=action, target=target, data=data)


@pytest.fixture
def chain(target):
    return [_record(target, number=number) for number in range(1, 4)]


def _raw_update(event_id, column, value):
    # Raw SQL, as an intruder with database access would do it.
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    is_jsonb = column == "data" and connection.vendor == "postgresql"
    placeholder = "CAST(%s AS jsonb)" if is_jsonb else "%s"
    quoted = connection.ops.quote_name(column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {quoted} = {placeholder} WHERE id = %s",
            [value, event_id],
        )


def _raw_delete(event_id):
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [event_id])


def test_audit_record_appends_a_chained_event(target, django_user_model):
    # given
    actor = django_user_model.objects.create_user(email="clerk@test.example")

    # when
    with transaction.atomic():
        first = audit_record(
            actor=actor,
            action="core.first",
            target=target,
            data={"day": date(2025, 5, 10)},
        )
        second = audit_record(actor=None, action="core.second", target=target)

    # then
    assert (first.previous_hash, second.previous_hash) == (GENESIS_HASH, first.hash)
    assert (first.actor_id, second.actor_id) == (actor.pk, None)
    assert (first.target_id, first.data) == (str(target.pk), {"day": "2025-05-10"})
    assert AuditChainHead.objects.get().last_hash == second.hash
    stored = AuditEvent.objects.get(pk=first.pk)
    assert audit_hash(stored) == first.hash


def test_audit_record_keeps_the_request_ip(target):
    token = current_ip.set("203.0.113.7")
    try:
        event = _record(target)
    finally:
        current_ip.reset(token)

    assert AuditEvent.objects.get(pk=event.pk).ip_address == "203.0.113.7"


def test_an_intact_chain_verifies(chain, capsys):
    call_command("audit_verify")

    assert audit_verify() is None
    assert capsys.readouterr().out == "Audit chain intact: 3 events.\n"


def test_an_empty_log_verifies():
    assert audit_verify() is None


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("data", '{"number": 99}'),
        ("action", "core.forged"),
        ("target_id", "999"),
        ("previous_hash", "f" * 64),
    ],
)
def test_tampering_with_an_event_names_it(chain, column, value):
    # given
    tampered = chain[1]

    # when
    _raw_update(tampered.pk, column, value)

    # then
    with pytest.raises(CommandError) as broken:
        call_command("audit_verify")
    assert f"event {tampered.pk}:" in str(broken.value)


def test_tampering_with_the_first_event_is_found_first(chain):
    _raw_update(chain[0].pk, "action", "core.forged")
    _raw_update(chain[2].pk, "action", "core.forged")

    assert audit_verify().event_id == chain[0].pk


def test_deleting_an_event_breaks_the_chain_at_the_next_one(chain):
    _raw_delete(chain[1].pk)

    with pytest.raises(CommandError) as broken:
        call_command("audit_verify")

    assert str(broken.value) == (
        f"Audit chain broken at event {chain[2].pk}: previous_hash does not match."
    )


def test_deleting_the_newest_event_is_noticed_at_the_head(chain):
    _raw_delete(chain[2].pk)

    broken = audit_verify()

    assert (broken.event_id, broken.reason) == (
        chain[1].pk,
        "chain head does not match the last event",
    )


@pytest.mark.django_db(transaction=True)
def test_audit_record_refuses_to_run_outside_a_transaction(target):
    with pytest.raises(RuntimeError, match="inside the service's transaction"):
        audit_record(actor=None, action="core.test", target=target)

    assert AuditEvent.objects.exists() is False


def test_an_event_rolled_back_with_its_change_leaves_no_trace(target):
    def change_that_fails():
        with transaction.atomic():
            audit_record(actor=None, action="core.test", target=target)
            raise RuntimeError("the change itself failed")

    with pytest.raises(RuntimeError, match="the change itself failed"):
        change_that_fails()

    assert AuditEvent.objects.exists() is False
    assert audit_verify() is None


def test_a_stored_event_cannot_be_saved_again(chain):
    event = AuditEvent.objects.get(pk=chain[0].pk)
    event.action = "core.forged"

    with pytest.raises(ImmutableRecordError):
        event.save()

    assert AuditEvent.objects.get(pk=chain[0].pk).action == "core.test"


def test_an_event_with_a_chosen_pk_cannot_overwrite_another(chain):
    forged = AuditEvent(
        pk=chain[0].pk, action="core.forged", target_type_id=1, target_id="1"
    )

    with pytest.raises(ImmutableRecordError):
        forged.save()

    assert AuditEvent.objects.get(pk=chain[0].pk).action == "core.test"


def test_a_stored_event_cannot_be_deleted(chain):
    with pytest.raises(ImmutableRecordError):
        chain[0].delete()

    assert AuditEvent.objects.count() == 3


def test_events_cannot_be_updated_or_deleted_in_bulk(chain):
    with pytest.raises(ImmutableRecordError):
        AuditEvent.objects.filter(pk=chain[0].pk).update(action="core.forged")
    with pytest.raises(ImmutableRecordError):
        AuditEvent.objects.all().delete()

    assert (
        list(AuditEvent.objects.values_list("action", flat=True)) == ["core.test"] * 3
    )
    assert audit_verify() is None
