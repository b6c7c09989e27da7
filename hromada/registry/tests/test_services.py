"""Registration, correction, relations, editions and statuses of acts."""

import uuid
from datetime import date

import pytest
from django.utils import timezone

from hromada.core.errors import (
    InvalidTransitionError,
    PermissionDeniedError,
    ValidationError,
)
from hromada.core.models import AuditEvent
from hromada.registry.models import (
    ActAccess,
    ActStatus,
    LegalAct,
    LegalActEdition,
    RelationKind,
)
from hromada.registry.services import acts as act_services
from hromada.registry.services import changes as change_services
from hromada.registry.tests.factories import act_data, act_register, keeper, staff
from hromada.registry.tests.pdfs import PDF
from hromada.search import selectors as search_selectors
from hromada.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def test_register_an_adopted_act_puts_it_in_force_indexes_and_audits_it():
    # given a registrar
    actor = keeper()
    # when they register a decision adopted in the past
    act = act_services.act_register(
        actor=actor, data=act_data(number="245/3", adopted_on=date(2025, 3, 14))
    )
    # then it is in force from its date, has its address and is found
    assert act.status == ActStatus.IN_FORCE
    assert act.effective_from == date(2025, 3, 14)
    assert act.slug == "rishennia-rady-245-3-2025-03-14"
    assert act.number_key == "245/3"
    assert search_selectors.search_lookup(
        kind="registry.act", field="number", value="245/3"
    ) == [str(act.pk)]
    event = AuditEvent.objects.get(action="registry.register")
    assert (event.actor_id, event.target_id) == (actor.pk, str(act.pk))


def test_an_act_coming_into_force_later_is_adopted_until_then():
    today = timezone.localdate()
    act = act_register(
        adopted_on=today, effective_from=today.replace(year=today.year + 1)
    )
    assert act.status == ActStatus.ADOPTED


def test_a_draft_is_not_in_force():
    act = act_register(is_draft=True)
    assert (act.status, act.effective_from) == (ActStatus.DRAFT, None)


def test_the_same_number_date_and_body_are_refused_and_nothing_is_added():
    act_register(number="12")
    with pytest.raises(ValidationError) as refusal:
        act_register(number="12")
    assert refusal.value.code == "act_duplicate"
    assert LegalAct.objects.count() == 1


def test_a_form_sent_twice_registers_one_act():
    actor, key = keeper(), uuid.uuid4()
    first = act_services.act_register(
        actor=actor, data=act_data(number="7"), once_key=key
    )
    second = act_services.act_register(
        actor=actor, data=act_data(number="7"), once_key=key
    )
    assert first.pk == second.pk
    assert LegalAct.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"number": "  "}, "act_number_required"),
        ({"title": ""}, "act_title_required"),
        ({"is_regulatory": True, "is_normative": False}, "regulatory_not_normative"),
        ({"effective_from": date(2025, 3, 1)}, "act_force_before_adoption"),
    ],
)
def test_bad_cards_are_refused_with_a_reason_and_change_nothing(changes, code):
    with pytest.raises(ValidationError) as refusal:
        act_register(**changes)
    assert refusal.value.code == code
    assert not LegalAct.objects.exists()
    assert not AuditEvent.objects.filter(action="registry.register").exists()


def test_only_keepers_register_acts():
    with pytest.raises(PermissionDeniedError):
        act_services.act_register(actor=staff(), data=act_data())
    assert not LegalAct.objects.exists()


def test_a_scan_is_stored_with_its_sha256_and_anything_but_a_pdf_is_refused():
    act = act_services.act_register(
        actor=keeper(), data=act_data(), scan=PDF, scan_name="a.pdf"
    )
    assert act.scan is not None
    assert len(act.scan.sha256) == 64
    with pytest.raises(ValidationError):
        act_services.act_register(
            actor=keeper(), data=act_data(), scan=b"GIF89a", scan_name="a.gif"
        )
    assert LegalAct.objects.count() == 1


def test_internal_acts_are_indexed_as_not_public():
    act = act_register(access=ActAccess.INTERNAL)
    assert (
        SearchDocument.objects.get(kind="registry.act", object_id=str(act.pk)).is_public
        is False
    )


def test_correcting_the_card_keeps_the_address_and_reindexes():
    act = act_register(title="Про старе")
    changed = act_services.act_update(
        actor=keeper(), act=act, data=act_data(number=act.number, title="Про нове")
    )
    assert (changed.title, changed.slug) == ("Про нове", act.slug)
    assert SearchDocument.objects.get(object_id=str(act.pk)).title == "Про нове"
    assert AuditEvent.objects.get(action="registry.update").data["fields"] == ["title"]


def test_amending_with_a_text_makes_editions_on_both_sides_of_the_change():
    target = act_register(adopted_on=date(2024, 1, 10), text="Текст як ухвалено.")
    source = act_register(adopted_on=date(2025, 5, 6))
    change_services.act_relate(
        actor=keeper(),
        source=source,
        target=target,
        kind=RelationKind.AMENDS,
        text="Нова редакція.",
    )
    target.refresh_from_db()
    assert target.status == ActStatus.AMENDED
    editions = list(
        target.editions.order_by("valid_from").values_list(
            "valid_from", "valid_to", "text"
        )
    )
    assert editions == [
        (date(2024, 1, 10), date(2025, 5, 6), "Текст як ухвалено."),
        (date(2025, 5, 6), None, "Нова редакція."),
    ]
    assert SearchDocument.objects.get(object_id=str(target.pk)).body == "Нова редакція."


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        (RelationKind.REPEALS, ActStatus.REPEALED),
        (RelationKind.SUPERSEDES, ActStatus.REPEALED),
        (RelationKind.SUSPENDS, ActStatus.SUSPENDED),
        (RelationKind.IMPLEMENTS, ActStatus.IN_FORCE),
    ],
)
def test_a_relation_leaves_its_target_in_the_status_it_means(kind, status):
    target = act_register(adopted_on=date(2024, 1, 10))
    source = act_register(adopted_on=date(2025, 5, 6))
    change_services.act_relate(actor=None, source=source, target=target, kind=kind)
    target.refresh_from_db()
    assert target.status == status
    if status == ActStatus.REPEALED:
        assert target.repealed_on == date(2025, 5, 6)


def test_a_repeal_from_a_future_day_waits_for_that_day():
    today = timezone.localdate()
    target = act_register(adopted_on=date(2024, 1, 10))
    source = act_register(adopted_on=today)
    later = today.replace(year=today.year + 1)
    change_services.act_relate(
        actor=None,
        source=source,
        target=target,
        kind=RelationKind.REPEALS,
        effective_on=later,
    )
    target.refresh_from_db()
    assert (target.status, target.repealed_on) == (ActStatus.IN_FORCE, later)
    assert act_services.act_statuses_refresh(today=later) == 1
    target.refresh_from_db()
    assert target.status == ActStatus.REPEALED


@pytest.mark.parametrize("case", ["self", "draft_source", "repealed_target", "twice"])
def test_impossible_relations_are_refused(case):
    target = act_register(adopted_on=date(2024, 1, 10))
    source = act_register(adopted_on=date(2025, 5, 6), is_draft=case == "draft_source")
    if case == "self":
        source = target
    if case == "repealed_target":
        act_services.act_status_change(actor=None, act=target, to=ActStatus.REPEALED)
    if case == "twice":
        change_services.act_relate(
            actor=None, source=source, target=target, kind=RelationKind.IMPLEMENTS
        )
    with pytest.raises(ValidationError):
        change_services.act_relate(
            actor=None, source=source, target=target, kind=RelationKind.IMPLEMENTS
        )


def test_an_edition_entered_late_is_bounded_by_the_next_one():
    act = act_register(adopted_on=date(2024, 1, 10))
    change_services.act_edition_add(
        actor=None, act=act, valid_from=date(2024, 1, 10), text="А"
    )
    change_services.act_edition_add(
        actor=None, act=act, valid_from=date(2025, 1, 1), text="В"
    )
    change_services.act_edition_add(
        actor=None, act=act, valid_from=date(2024, 6, 1), text="Б"
    )
    rows = list(
        LegalActEdition.objects.filter(act=act).values_list(
            "text", "valid_from", "valid_to"
        )
    )
    assert rows == [
        ("А", date(2024, 1, 10), date(2024, 6, 1)),
        ("Б", date(2024, 6, 1), date(2025, 1, 1)),
        ("В", date(2025, 1, 1), None),
    ]


def test_an_edition_before_the_act_or_on_a_taken_day_is_refused():
    act = act_register(adopted_on=date(2024, 1, 10))
    change_services.act_edition_add(
        actor=None, act=act, valid_from=date(2024, 2, 1), text="А"
    )
    for day in (date(2023, 12, 31), date(2024, 2, 1)):
        with pytest.raises(ValidationError):
            change_services.act_edition_add(
                actor=None, act=act, valid_from=day, text="Б"
            )
    assert act.editions.count() == 1


def test_adopting_a_draft_puts_it_in_force_and_a_repealed_act_stays_repealed():
    draft = act_register(is_draft=True, adopted_on=date(2025, 2, 1))
    adopted = act_services.act_status_change(
        actor=keeper(), act=draft, to=ActStatus.IN_FORCE
    )
    assert (adopted.status, adopted.effective_from) == (
        ActStatus.IN_FORCE,
        date(2025, 2, 1),
    )
    act_services.act_status_change(actor=None, act=adopted, to=ActStatus.REPEALED)
    with pytest.raises(InvalidTransitionError):
        act_services.act_status_change(actor=None, act=adopted, to=ActStatus.IN_FORCE)


def test_statuses_follow_the_day_of_entry_into_force():
    today = timezone.localdate()
    later = today.replace(year=today.year + 1)
    act = act_register(adopted_on=today, effective_from=later)
    assert act_services.act_statuses_refresh(today=today) == 0
    assert act_services.act_statuses_refresh(today=later) == 1
    act.refresh_from_db()
    assert act.status == ActStatus.IN_FORCE
    assert AuditEvent.objects.filter(action="registry.status_change").count() == 1


def test_an_act_registered_with_a_scan_and_no_text_takes_the_scans_text():
    from weasyprint import HTML

    scan = HTML(string="<p>Про ремонт ліфтів у будинках</p>").write_pdf()
    act = act_services.act_register(
        actor=None, data=act_data(text=""), scan=scan, scan_name="a.pdf"
    )
    assert "ремонт ліфтів" in act.text
    assert SearchDocument.objects.get(object_id=str(act.pk)).body == act.text
