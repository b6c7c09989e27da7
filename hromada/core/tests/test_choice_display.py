"""``get_<field>_display()`` of every room's models (``BaseModel``)."""

from datetime import date

import pytest
from django.db import models
from django.utils import translation

from hromada.core.models import CalendarDay, CalendarDayKind


@pytest.mark.parametrize("language", ["uk", "en"])
@pytest.mark.parametrize("kind", [*CalendarDayKind.values, "unknown", ""])
def test_the_label_shown_is_djangos_in_each_language(kind: str, language: str):
    day = CalendarDay(date=date(2026, 1, 1), kind=kind, name="Новий рік")
    field = CalendarDay._meta.get_field("kind")

    with translation.override(language):
        shown = day.get_kind_display()
        djangos = models.Model._get_FIELD_display(day, field)

    assert shown == djangos
    assert isinstance(shown, str)


def test_the_label_follows_the_language_of_each_call():
    day = CalendarDay(date=date(2026, 1, 1), kind=CalendarDayKind.HOLIDAY, name="")

    with translation.override("uk"):
        ukrainian = day.get_kind_display()
    with translation.override("en"):
        english = day.get_kind_display()

    assert ukrainian == "Святковий день (вихідний)"
    assert english == "Public holiday (day off)"


def test_changed_choices_are_read_again():
    field = CalendarDay._meta.get_field("kind")
    day = CalendarDay(date=date(2026, 1, 1), kind="extra", name="")
    before = day.get_kind_display()
    kept = field.choices
    try:
        field.choices = [*CalendarDayKind.choices, ("extra", "Додатковий")]
        after = day.get_kind_display()
    finally:
        field.choices = kept

    assert (before, after) == ("extra", "Додатковий")
    assert day.get_kind_display() == "extra"


def test_only_the_label_shown_is_translated(monkeypatch):
    day = CalendarDay(date=date(2026, 1, 1), kind=CalendarDayKind.DAY_OFF, name="")
    day.get_kind_display()
    asked: list[str] = []
    real = translation._trans.gettext
    # Every gettext, lazy or not, goes through the translation backend.
    monkeypatch.setattr(
        translation._trans,
        "gettext",
        lambda message: asked.append(message) or real(message),
    )

    with translation.override("en"):
        day.get_kind_display()

    assert asked == ["Transferred day off"]
