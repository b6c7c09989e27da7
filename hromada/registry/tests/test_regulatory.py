"""REG-05: a regulatory act's impact analysis and effectiveness reports.

Law 1160-IV arts. 8, 10 and 13 (https://zakon.rada.gov.ua/laws/show/1160-15)
and КМУ №308 of 11.03.2004: the services that attach and remove them.
"""

import hashlib
import uuid
from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from hromada.core.errors import PermissionDeniedError, ValidationError
from hromada.core.models import AuditEvent, StoredFile
from hromada.registry import demo
from hromada.registry.models import RegulatoryDocument
from hromada.registry.services import acts as act_services
from hromada.registry.services import regulatory as regulatory_services
from hromada.registry.services.regulatory import (
    BASIC,
    IMPACT,
    PERIODIC,
    REPEAT,
    RegulatoryDocumentData,
)
from hromada.registry.tests.factories import (
    act_data,
    act_register,
    keeper,
    regulatory_act,
    regulatory_document,
    staff,
)
from hromada.registry.tests.pdfs import PDF

pytestmark = pytest.mark.django_db


def add(act, *, actor=None, content=PDF, name="report.pdf", once_key=None, **data):
    values = {
        "kind": IMPACT,
        "title": "Аналіз регуляторного впливу проєкту рішення",
        "prepared_on": date(2025, 1, 10),
    }
    values.update(data)
    return regulatory_services.regulatory_document_add(
        actor=actor,
        act=act,
        data=RegulatoryDocumentData(**values),
        content=content,
        name=name,
        once_key=once_key,
    )


def test_a_keeper_attaches_an_impact_analysis_stored_hashed_and_audited():
    # given
    act, actor = regulatory_act(), keeper()

    # when
    document = add(
        act, actor=actor, published_on=date(2025, 1, 13), name="АРВ рекламa.pdf"
    )

    # then
    assert (
        document.kind,
        document.title,
        document.prepared_on,
        document.published_on,
    ) == (
        IMPACT,
        "Аналіз регуляторного впливу проєкту рішення",
        date(2025, 1, 10),
        date(2025, 1, 13),
    )
    assert (document.file.sha256, document.file.size, document.file.content_type) == (
        hashlib.sha256(PDF).hexdigest(),
        len(PDF),
        "application/pdf",
    )
    event = AuditEvent.objects.get(action="registry.regulatory_add")
    assert (event.actor_id, event.target_id) == (actor.pk, str(act.pk))
    assert event.data == {
        "document": str(document.public_id),
        "kind": "impact_analysis",
        "prepared_on": "2025-01-10",
        "sha256": hashlib.sha256(PDF).hexdigest(),
        "size": len(PDF),
    }


def test_reports_follow_each_other_and_periodic_ones_repeat():
    act = regulatory_act()

    add(act, kind=BASIC, prepared_on=date(2025, 2, 20))
    add(act, kind=REPEAT, prepared_on=date(2026, 3, 2))
    add(act, kind=PERIODIC, prepared_on=date(2026, 3, 20))
    add(act, kind=PERIODIC, prepared_on=date(2026, 4, 20))

    kinds = list(act.regulatory_documents.values_list("kind", flat=True))
    assert kinds == [BASIC, REPEAT, PERIODIC, PERIODIC]


def test_a_basic_report_dated_after_entry_into_force_is_accepted():
    # Art. 10: with statistics only, basic tracking may follow entry into force.
    act = regulatory_act()

    document = add(act, kind=BASIC, prepared_on=date(2025, 5, 1))

    assert document.kind == BASIC


def test_a_draft_carries_its_impact_analysis():
    draft = regulatory_act(is_draft=True, effective_from=None)

    assert add(draft).kind == IMPACT


def _today():
    return timezone.localdate()


@pytest.mark.parametrize(
    ("setup", "data", "code", "field"),
    [
        ("plain act", {}, "act_not_regulatory", None),
        ("", {"title": "  "}, "regulatory_title_required", "title"),
        (
            "",
            {"prepared_on": "tomorrow"},
            "regulatory_prepared_in_future",
            "prepared_on",
        ),
        (
            "",
            {"prepared_on": date(2025, 1, 10), "published_on": "tomorrow"},
            "regulatory_published_in_future",
            "published_on",
        ),
        (
            "",
            {"prepared_on": date(2025, 1, 10), "published_on": date(2025, 1, 9)},
            "regulatory_published_before_prepared",
            "published_on",
        ),
        ("impact", {}, "regulatory_duplicate", "kind"),
        ("basic", {"kind": BASIC}, "regulatory_duplicate", "kind"),
        ("", {"kind": REPEAT}, "regulatory_out_of_order", "kind"),
        (
            "basic",
            {"kind": REPEAT, "prepared_on": date(2025, 2, 19)},
            "regulatory_before_previous",
            "prepared_on",
        ),
        (
            "basic late",
            {"kind": REPEAT, "prepared_on": date(2025, 2, 28)},
            "regulatory_repeat_before_force",
            "prepared_on",
        ),
        ("basic", {"kind": PERIODIC}, "regulatory_out_of_order", "kind"),
        (
            "repeat",
            {"kind": PERIODIC, "prepared_on": date(2026, 3, 1)},
            "regulatory_before_previous",
            "prepared_on",
        ),
        ("draft", {"kind": BASIC}, "regulatory_tracking_of_draft", "kind"),
        ("", {"content": b"%PDF-1.7 not really"}, "scan_damaged", "file"),
        ("", {"name": "report.docx"}, "file_type_not_allowed", "file"),
    ],
)
def test_each_refusal_says_why_and_changes_nothing(setup, data, code, field):
    # given
    act = {
        "plain act": lambda: act_register(),
        "draft": lambda: regulatory_act(is_draft=True, effective_from=None),
    }.get(setup, regulatory_act)()
    if setup == "impact":
        regulatory_document(act, IMPACT, date(2025, 1, 5))
    if setup in {"basic", "repeat"}:
        regulatory_document(act, BASIC, date(2025, 2, 20))
    if setup == "basic late":
        regulatory_document(act, BASIC, date(2025, 2, 27))
    if setup == "repeat":
        regulatory_document(act, REPEAT, date(2026, 3, 2))
    actor = keeper()
    before = (
        list(RegulatoryDocument.objects.values_list("pk", flat=True)),
        AuditEvent.objects.count(),
        StoredFile.objects.count(),
    )
    for key in ("prepared_on", "published_on"):
        if data.get(key) == "tomorrow":
            data = {**data, key: _today() + timedelta(days=1)}

    # when
    with pytest.raises(ValidationError) as refusal:
        add(act, actor=actor, **data)

    # then
    assert refusal.value.code == code
    assert list(refusal.value.details) == ([field] if field else [])
    after = (
        list(RegulatoryDocument.objects.values_list("pk", flat=True)),
        AuditEvent.objects.count(),
        StoredFile.objects.count(),
    )
    assert after == before


def test_only_keepers_attach_documents_and_nothing_changes():
    act, actor = regulatory_act(), staff()
    events = AuditEvent.objects.count()

    with pytest.raises(PermissionDeniedError):
        add(act, actor=actor)

    assert RegulatoryDocument.objects.exists() is False
    assert StoredFile.objects.exists() is False
    assert AuditEvent.objects.count() == events


def test_a_form_sent_twice_attaches_one_document():
    act, actor, key = regulatory_act(), keeper(), uuid.uuid4()

    first = add(act, actor=actor, once_key=key)
    second = add(act, actor=actor, once_key=key)

    assert first.pk == second.pk
    assert RegulatoryDocument.objects.count() == 1
    assert AuditEvent.objects.filter(action="registry.regulatory_add").count() == 1


def test_the_database_keeps_one_analysis_and_one_periodic_report_a_day():
    act = regulatory_act()
    first = regulatory_document(act, IMPACT, date(2025, 1, 5))
    regulatory_document(act, BASIC, date(2025, 2, 20))
    regulatory_document(act, REPEAT, date(2026, 3, 2))
    periodic = regulatory_document(act, PERIODIC, date(2026, 4, 1))

    for original, day in ((first, date(2025, 1, 6)), (periodic, periodic.prepared_on)):
        with pytest.raises(IntegrityError), transaction.atomic():
            RegulatoryDocument.objects.create(
                act=act,
                kind=original.kind,
                title="Копія",
                prepared_on=day,
                file=original.file,
            )
    assert RegulatoryDocument.objects.count() == 4


def test_a_keeper_removes_a_document_its_file_stays_and_the_removal_is_audited():
    # given
    act, actor = regulatory_act(), keeper()
    document = regulatory_document(act, IMPACT, date(2025, 1, 5))

    # when
    regulatory_services.regulatory_document_remove(actor=actor, document=document)

    # then
    assert RegulatoryDocument.objects.exists() is False
    assert StoredFile.objects.filter(pk=document.file_id).exists() is True
    event = AuditEvent.objects.get(action="registry.regulatory_remove")
    assert (event.actor_id, event.target_id, event.data["kind"]) == (
        actor.pk,
        str(act.pk),
        "impact_analysis",
    )


def test_a_report_that_a_later_one_follows_is_not_removed():
    act = regulatory_act()
    basic = regulatory_document(act, BASIC, date(2025, 2, 20))
    regulatory_document(act, REPEAT, date(2026, 3, 2))

    with pytest.raises(ValidationError) as refusal:
        regulatory_services.regulatory_document_remove(actor=keeper(), document=basic)

    assert refusal.value.code == "regulatory_followed"
    assert act.regulatory_documents.count() == 2
    assert (
        AuditEvent.objects.filter(action="registry.regulatory_remove").exists() is False
    )


def test_an_act_with_documents_stays_regulatory_until_they_are_removed():
    act = regulatory_act()
    document = regulatory_document(act, IMPACT, date(2025, 1, 5))
    plain = act_data(
        number=act.number,
        adopted_on=act.adopted_on,
        effective_from=act.effective_from,
        title=act.title,
        is_normative=True,
        is_regulatory=False,
    )

    with pytest.raises(ValidationError) as refusal:
        act_services.act_update(actor=keeper(), act=act, data=plain)

    assert refusal.value.code == "regulatory_documents_attached"
    assert "is_regulatory" in refusal.value.details
    act.refresh_from_db()
    assert act.is_regulatory is True
    regulatory_services.regulatory_document_remove(actor=keeper(), document=document)
    updated = act_services.act_update(actor=keeper(), act=act, data=plain)
    assert updated.is_regulatory is False


def test_only_keepers_remove_documents():
    document = regulatory_document(regulatory_act(), IMPACT, date(2025, 1, 5))

    with pytest.raises(PermissionDeniedError):
        regulatory_services.regulatory_document_remove(actor=staff(), document=document)

    assert RegulatoryDocument.objects.filter(pk=document.pk).exists() is True


def test_the_demo_gives_the_oldest_regulatory_decisions_their_documents():
    # given: two regulatory decisions and a plain one, oldest first
    acts = [
        regulatory_act(
            number="1-VIII", adopted_on=date(2023, 3, 1), effective_from=None
        ),
        act_register(number="2-VIII", adopted_on=date(2023, 4, 1)),
        regulatory_act(
            number="3-VIII", adopted_on=date(2023, 5, 2), effective_from=None
        ),
    ]

    # when
    attached = demo._regulatory(acts)

    # then
    rows = list(
        RegulatoryDocument.objects.order_by("act__number", "prepared_on").values_list(
            "act__number", "kind", "prepared_on"
        )
    )
    assert (attached, rows) == (
        5,
        [
            ("1-VIII", IMPACT, date(2022, 12, 31)),
            ("1-VIII", BASIC, date(2023, 2, 26)),
            ("1-VIII", REPEAT, date(2024, 3, 15)),
            ("3-VIII", IMPACT, date(2023, 3, 3)),
            ("3-VIII", BASIC, date(2023, 4, 29)),
        ],
    )
    assert all(document.file.size > 0 for document in RegulatoryDocument.objects.all())
