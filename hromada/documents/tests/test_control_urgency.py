"""«Терміново» and «Невідкладно»: preset terms in working days (EDMS-10)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from hromada.core.models import CalendarDay, CalendarDayKind
from hromada.documents.models import (
    ResolutionStatus,
    ResolutionUrgency,
    Task,
)
from hromada.documents.selectors.control_tasks import Urgency
from hromada.documents.services import resolutions
from hromada.documents.templatetags.documents_control import desk_tags
from hromada.documents.tests.factories_control import (
    DocumentAddresseeFactory,
    RegisteredDocumentFactory,
    employee_in,
)
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db

THURSDAY = date(2026, 3, 5)
FRIDAY = date(2026, 3, 6)


def _today_is(monkeypatch, day: date) -> None:
    monkeypatch.setattr(timezone, "localdate", lambda *args: day)


@pytest.fixture
def unit():
    return OrgUnitFactory.create()


@pytest.fixture
def head(unit):
    return employee_in(unit, is_head=True)


@pytest.fixture
def clerk(unit):
    return employee_in(unit)


def _document(unit):
    document = RegisteredDocumentFactory.create(org_unit=unit)
    DocumentAddresseeFactory(document=document, org_unit=unit)
    return document


def _resolve(unit, head, clerk, urgency, **kwargs):
    return resolutions.resolution_create(
        document=kwargs.pop("document", None) or _document(unit),
        author=head,
        entered_by=kwargs.pop("entered_by", head),
        text="Терміново підготувати інформацію",
        executors=[clerk],
        urgency=urgency,
        **kwargs,
    )


@pytest.mark.parametrize(
    ("today", "urgency", "due_on"),
    [
        # Thursday + 3 working days skips the weekend: Fri, Mon, Tue.
        (THURSDAY, ResolutionUrgency.URGENT, date(2026, 3, 10)),
        # Friday + 1 working day is Monday.
        (FRIDAY, ResolutionUrgency.IMMEDIATE, date(2026, 3, 9)),
    ],
)
def test_a_mark_gives_its_preset_across_the_weekend(
    monkeypatch, unit, head, clerk, today, urgency, due_on
):
    # given
    _today_is(monkeypatch, today)

    # when
    resolution = _resolve(unit, head, clerk, urgency)

    # then
    resolution.refresh_from_db()
    assert (resolution.urgency, resolution.due_on, resolution.due_rule) == (
        urgency,
        due_on,
        resolutions.URGENCY_RULES[urgency],
    )
    assert Task.objects.get().due_on == due_on


def test_a_holiday_is_skipped(monkeypatch, unit, head, clerk):
    # given: the Monday after is declared a day off
    _today_is(monkeypatch, THURSDAY)
    CalendarDay.objects.create(
        date=date(2026, 3, 9), kind=CalendarDayKind.HOLIDAY, name="Свято"
    )

    # when
    urgent = _resolve(unit, head, clerk, ResolutionUrgency.URGENT)
    _today_is(monkeypatch, FRIDAY)
    immediate = _resolve(unit, head, clerk, ResolutionUrgency.IMMEDIATE)

    # then: Fri, Tue, Wed; and Tue
    assert (urgent.due_on, immediate.due_on) == (date(2026, 3, 11), date(2026, 3, 10))


def test_the_explanation_says_how_the_date_came(monkeypatch, unit, head, clerk):
    _today_is(monkeypatch, THURSDAY)

    resolution = _resolve(unit, head, clerk, ResolutionUrgency.URGENT)

    assert resolution.due_explanation == (
        "Позначка «Терміново»: 3 робочі дні від 05.03.2026, строк — 10.03.2026."
    )


def test_the_presets_come_from_the_settings(monkeypatch, settings, unit, head, clerk):
    # given
    _today_is(monkeypatch, THURSDAY)
    settings.HROMADA_EDMS_URGENT_DAYS = 5
    settings.HROMADA_EDMS_IMMEDIATE_DAYS = 2

    # when
    urgent = _resolve(unit, head, clerk, ResolutionUrgency.URGENT)
    immediate = _resolve(unit, head, clerk, ResolutionUrgency.IMMEDIATE)

    # then
    assert (urgent.due_on, immediate.due_on) == (date(2026, 3, 12), date(2026, 3, 9))


def test_an_explicit_due_date_wins_over_the_mark(monkeypatch, unit, head, clerk):
    # given
    _today_is(monkeypatch, THURSDAY)
    due_on = date(2026, 3, 20)

    # when
    resolution = _resolve(unit, head, clerk, ResolutionUrgency.IMMEDIATE, due_on=due_on)

    # then
    assert (resolution.urgency, resolution.due_on, resolution.due_rule) == (
        ResolutionUrgency.IMMEDIATE,
        due_on,
        "",
    )


def test_a_marked_cascade_never_outlasts_its_parent(monkeypatch, unit, head, clerk):
    # given: a parent task due tomorrow
    _today_is(monkeypatch, THURSDAY)
    document = _document(unit)
    parent = _resolve(
        unit, head, clerk, ResolutionUrgency.ORDINARY, document=document, due_on=FRIDAY
    )
    helper = employee_in(unit)

    # when
    child = resolutions.resolution_create(
        document=document,
        author=clerk,
        entered_by=clerk,
        text="Підготувати довідку",
        executors=[helper],
        parent_task=Task.objects.get(resolution=parent),
        urgency=ResolutionUrgency.URGENT,
    )

    # then
    assert child.due_on == FRIDAY


def test_a_marked_draft_counts_from_its_approval(monkeypatch, unit, head, clerk):
    # given: drafted on Thursday, approved on Monday
    _today_is(monkeypatch, THURSDAY)
    draft = _resolve(
        unit,
        head,
        clerk,
        ResolutionUrgency.URGENT,
        entered_by=employee_in(unit),
        is_draft=True,
    )
    _today_is(monkeypatch, date(2026, 3, 9))

    # when
    resolutions.resolution_approve(resolution=draft, actor=head)

    # then: Tue, Wed, Thu
    draft.refresh_from_db()
    assert (draft.status, draft.due_on) == (ResolutionStatus.ACTIVE, date(2026, 3, 12))
    assert Task.objects.get().due_on == date(2026, 3, 12)


# Pages ---------------------------------------------------------------------


@pytest.fixture
def demo(settings):
    settings.HROMADA_DEMO = True


def test_the_form_takes_the_mark(client, demo, unit, head, clerk):
    # given
    document = _document(unit)
    client.force_login(head)
    url = reverse("documents:resolution_create", args=[document.public_id])

    # when
    page = client.get(url)
    response = client.post(
        url,
        {
            "text": "Невідкладно",
            "responsible": str(clerk.public_id),
            "urgency": "immediate",
        },
    )

    # then
    assert "3 робочі дні" in page.content.decode()
    assert response.status_code == 302
    task = Task.objects.get()
    assert (task.resolution.urgency, task.due_on) == (
        ResolutionUrgency.IMMEDIATE,
        resolutions._urgent_due(ResolutionUrgency.IMMEDIATE).due_on,
    )


def test_the_mark_shows_on_the_desk_the_task_and_the_journal(
    client, demo, unit, head, clerk
):
    # given
    resolution = _resolve(unit, head, clerk, ResolutionUrgency.URGENT)
    task = Task.objects.get(resolution=resolution)
    tag = '<strong class="govuk-tag govuk-tag--purple">Терміново</strong>'

    # when
    client.force_login(clerk)
    inbox = client.get(reverse("documents:inbox")).content.decode()
    detail = client.get(reverse("documents:task_detail", args=[task.public_id]))
    client.force_login(head)
    journal = client.get(reverse("documents:control_journal")).content.decode()

    # then
    assert tag in inbox
    assert tag in detail.content.decode()
    assert tag in journal


def test_an_ordinary_resolution_shows_no_mark(client, demo, unit, head, clerk):
    # given
    resolution = _resolve(unit, head, clerk, ResolutionUrgency.ORDINARY)
    task = Task.objects.get(resolution=resolution)
    client.force_login(clerk)

    # when
    content = client.get(
        reverse("documents:task_detail", args=[task.public_id])
    ).content.decode()

    # then
    assert "govuk-tag--purple" not in content
    assert "govuk-tag--magenta" not in content
    assert task.due_on > timezone.localdate() + timedelta(days=20)


def test_every_desk_section_carries_the_mark(unit, head, clerk):
    # given: an immediate resolution, a report on it and an extension asked
    from hromada.documents.selectors import control as selectors
    from hromada.documents.services import control

    resolution = _resolve(unit, head, clerk, ResolutionUrgency.IMMEDIATE)
    draft = _resolve(
        unit,
        head,
        employee_in(unit),
        ResolutionUrgency.URGENT,
        entered_by=clerk,
        is_draft=True,
    )
    task = Task.objects.get(resolution=resolution)
    control.deadline_change_request(
        task=task,
        actor=clerk,
        new_due_on=task.due_on + timedelta(days=3),
        reason="Запит",
    )
    control.task_report_submit(task=task, actor=clerk, text="Готово")

    # when
    inbox = selectors.inbox_for_user(user=head, today=timezone.localdate())

    # then
    marks = {
        name: [entry.mark for entry in getattr(inbox, name)]
        for name in ("to_review", "extensions_to_decide", "resolutions_to_approve")
    }
    assert marks == {
        "to_review": [ResolutionUrgency.IMMEDIATE],
        "extensions_to_decide": [ResolutionUrgency.IMMEDIATE],
        "resolutions_to_approve": [ResolutionUrgency.URGENT],
    }
    assert draft.status == ResolutionStatus.DRAFT


def test_desk_tags_name_the_urgency_and_the_mark_in_words():
    # when
    with translation.override("uk"):
        both = desk_tags(Urgency.OVERDUE, ResolutionUrgency.IMMEDIATE)
        mark_only = desk_tags(mark="urgent")
        none = desk_tags(None, ResolutionUrgency.ORDINARY)

    # then
    assert both == (
        '<strong class="govuk-tag govuk-tag--red">Прострочено</strong> '
        '<strong class="govuk-tag govuk-tag--magenta">Невідкладно</strong>'
    )
    assert mark_only == '<strong class="govuk-tag govuk-tag--purple">Терміново</strong>'
    assert none == ""


def test_desk_tags_made_once_still_follow_the_language():
    # given: the Ukrainian tag, made and kept first
    with translation.override("uk"):
        desk_tags(Urgency.OVERDUE)

    # when
    with translation.override("en"):
        english = desk_tags(Urgency.OVERDUE)

    # then
    assert english == '<strong class="govuk-tag govuk-tag--red">Overdue</strong>'
