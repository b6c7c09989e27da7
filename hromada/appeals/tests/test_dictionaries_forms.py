"""The choices of a list question, typed one per line."""

import pytest
from django import forms
from django.utils import translation

from hromada.appeals.forms_dictionaries import choices_parse, choices_text


def messages(text):
    with pytest.raises(forms.ValidationError) as refused, translation.override("en"):
        choices_parse(text)
    with translation.override("en"):
        return [str(message) for message in refused.value.messages]


def test_lines_become_keys_and_names_whatever_the_dash():
    text = "led — Світлодіодна лампа\n\n  sodium – Натрієва \nold-1 - Стара\nx=Інша"

    assert choices_parse(text) == [
        {"key": "led", "name": "Світлодіодна лампа"},
        {"key": "sodium", "name": "Натрієва"},
        {"key": "old-1", "name": "Стара"},
        {"key": "x", "name": "Інша"},
    ]


def test_the_text_box_shows_what_it_parsed():
    choices = [{"key": "led", "name": "Світлодіодна"}, {"key": "x", "name": "Інша"}]

    assert choices_parse(choices_text(choices)) == choices


def test_empty_text_has_no_choices():
    assert choices_parse(" \n \n") == []


def test_every_bad_line_is_named():
    text = "led — Світлодіодна\nНатрієва\nled — Ще одна\n" + "k" * 51 + " — Довгий"

    assert messages(text) == [
        "Line 2: write the key, a dash and the name, for example "
        "«led — Світлодіодна лампа».",
        "Line 3: the key «led» is given twice.",
        "Line 4: the key is longer than 50 characters.",
    ]


def test_a_long_name_and_too_many_choices_are_refused():
    long_name = "led — " + "я" * 201
    many = "\n".join(f"k{n} — Варіант {n}" for n in range(101))

    assert messages(long_name) == ["Line 1: the name is longer than 200 characters."]
    assert messages(many) == ["Give at most 100 choices."]


def test_a_key_with_spaces_does_not_read():
    assert messages("номер опори — Номер") == [
        "Line 1: write the key, a dash and the name, for example "
        "«led — Світлодіодна лампа»."
    ]
