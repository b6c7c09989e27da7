import html
import re
from datetime import date

import pytest
from django import forms
from django.template.loader import render_to_string
from django.utils import translation
from pytest_django.asserts import assertInHTML

from hromada.ui.forms import DateInputs


class ContactForm(forms.Form):
    name = forms.CharField(label="Ім’я", help_text="Як у паспорті.")
    email = forms.EmailField(label="Електронна пошта")
    comment = forms.CharField(label="Коментар", widget=forms.Textarea, required=False)


class ChoicesForm(forms.Form):
    channel = forms.ChoiceField(
        label="Як відповісти",
        choices=[("email", "Листом"), ("phone", "Телефоном")],
        widget=forms.RadioSelect,
    )
    topics = forms.MultipleChoiceField(
        label="Теми",
        choices=[("roads", "Дороги"), ("parks", "Парки")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    district = forms.ChoiceField(label="Район", choices=[("1", "Центральний")])
    agree = forms.BooleanField(label="Погоджуюся")
    born_on = forms.DateField(label="Дата народження", widget=DateInputs())
    scan = forms.FileField(label="Скан", required=False)


def _invalid_contact_form() -> ContactForm:
    with translation.override("uk"):
        form = ContactForm(data={"name": "", "email": "not-an-email"})
        assert form.is_valid() is False
    return form


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def test_invalid_field_has_govuk_group_label_hint_and_error():
    # given
    form = _invalid_contact_form()

    # when
    with translation.override("uk"):
        rendered = str(form)

    # then
    assertInHTML('<label class="govuk-label" for="id_name">Ім’я</label>', rendered)
    assertInHTML(
        '<div class="govuk-hint" id="id_name-hint">Як у паспорті.</div>', rendered
    )
    assertInHTML(
        '<p class="govuk-error-message" id="id_name-error">'
        '<span class="govuk-visually-hidden">Помилка:</span> Це поле обов\'язкове.</p>',
        rendered,
    )
    assertInHTML(
        '<input type="text" name="name" id="id_name" required aria-invalid="true"'
        ' aria-describedby="id_name-hint id_name-error"'
        ' class="govuk-input govuk-input--error">',
        rendered,
    )
    assert rendered.count('class="govuk-form-group govuk-form-group--error"') == 2


def test_email_error_is_django_ukrainian_message():
    form = _invalid_contact_form()

    with translation.override("uk"):
        rendered = str(form)

    assertInHTML(
        '<p class="govuk-error-message" id="id_email-error">'
        '<span class="govuk-visually-hidden">Помилка:</span>'
        " Введіть коректну адресу електронної пошти.</p>",
        rendered,
    )
    assertInHTML(
        '<input type="email" name="email" value="not-an-email" id="id_email"'
        ' maxlength="320" required'
        ' aria-invalid="true" aria-describedby="id_email-error"'
        ' class="govuk-input govuk-input--error">',
        rendered,
    )


def test_valid_optional_textarea_is_marked_optional_without_error():
    form = ContactForm()

    with translation.override("uk"):
        rendered = str(form)

    assertInHTML(
        '<label class="govuk-label" for="id_comment">Коментар (необов’язково)</label>',
        rendered,
    )
    assert 'class="govuk-textarea"' in rendered
    assert "govuk-form-group--error" not in rendered
    assert "aria-describedby" not in rendered.split('id="id_email"')[1].split(">")[0]


def test_error_summary_links_every_error_to_its_field():
    # given
    form = _invalid_contact_form()
    with translation.override("uk"):
        form.add_error(None, "Звернення з такою темою вже є.")

        # when
        rendered = render_to_string("ui/components/error_summary.html", {"form": form})

    # then
    assertInHTML(
        '<h2 class="govuk-error-summary__title">Виникла проблема</h2>', rendered
    )
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', rendered)
    assert [(href, html.unescape(text)) for href, text in links] == [
        ("#non-field-errors", "Звернення з такою темою вже є."),
        ("#id_name", "Це поле обов'язкове."),
        ("#id_email", "Введіть коректну адресу електронної пошти."),
    ]
    assert '<div role="alert">' in rendered


def test_non_field_errors_have_the_summary_target_in_the_form():
    form = _invalid_contact_form()
    form.add_error(None, "Звернення з такою темою вже є.")

    with translation.override("uk"):
        rendered = str(form)

    assertInHTML(
        '<p class="govuk-error-message" id="non-field-errors">'
        '<span class="govuk-visually-hidden">Помилка:</span>'
        " Звернення з такою темою вже є.</p>",
        rendered,
    )


def test_error_summary_is_empty_for_a_valid_form():
    form = ContactForm(data={"name": "Оксана", "email": "oksana@test.example"})
    assert form.is_valid() is True

    rendered = render_to_string("ui/components/error_summary.html", {"form": form})

    assert rendered.strip() == ""


def test_choices_render_govuk_radios_checkboxes_select_and_file_upload():
    # given
    form = ChoicesForm(data={})
    form.is_valid()

    # when
    with translation.override("uk"):
        rendered = str(form)

    # then
    assertInHTML(
        '<div class="govuk-radios__item">'
        '<input type="radio" name="channel" value="email" class="govuk-radios__input"'
        ' required aria-invalid="true" id="id_channel_0">'
        '<label class="govuk-label govuk-radios__label" for="id_channel_0">Листом</label>'
        "</div>",
        rendered,
    )
    assert re.search(
        r'<fieldset class="govuk-fieldset"\s+aria-describedby="id_channel-error">',
        rendered,
    )
    assertInHTML(
        '<div class="govuk-checkboxes__item">'
        '<input type="checkbox" name="topics" value="parks" class="govuk-checkboxes__input"'
        ' id="id_topics_1">'
        '<label class="govuk-label govuk-checkboxes__label" for="id_topics_1">Парки</label>'
        "</div>",
        rendered,
    )
    assert 'class="govuk-select govuk-select--error"' in rendered
    assert 'class="govuk-file-upload"' in rendered
    assertInHTML(
        '<input type="checkbox" name="agree" id="id_agree" required aria-invalid="true"'
        ' aria-describedby="id_agree-error" class="govuk-checkboxes__input">',
        rendered,
    )


def test_error_summary_links_radios_to_their_first_option():
    form = ChoicesForm(data={})
    form.is_valid()

    rendered = render_to_string("ui/components/error_summary.html", {"form": form})

    hrefs = re.findall(r'<a href="#([^"]+)">', rendered)
    assert hrefs == ["id_channel_0", "id_district", "id_agree", "id_born_on_0"]


def test_date_inputs_render_three_labelled_boxes():
    form = ChoicesForm(initial={"born_on": date(1990, 3, 7)})

    with translation.override("uk"):
        rendered = str(form["born_on"].as_field_group())

    assertInHTML(
        '<div class="govuk-date-input__item"><div class="govuk-form-group">'
        '<label class="govuk-label govuk-date-input__label" for="id_born_on_1">Місяць</label>'
        '<input type="text" name="born_on_month" value="3" inputmode="numeric"'
        ' class="govuk-input govuk-date-input__input govuk-input--width-2" required'
        ' id="id_born_on_1">'
        "</div></div>",
        rendered,
    )
    assert "<legend" in rendered


@pytest.mark.parametrize(
    ("day", "month", "year", "expected"),
    [
        ("7", "3", "1990", date(1990, 3, 7)),
        ("07", "03", "1990", date(1990, 3, 7)),
    ],
)
def test_date_inputs_give_a_date(day, month, year, expected):
    form = ChoicesForm(
        data={"born_on_day": day, "born_on_month": month, "born_on_year": year}
    )

    form.is_valid()

    assert form.cleaned_data["born_on"] == expected


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [("31", "2", "2024"), ("7", "3", "90"), ("", "3", "1990")],
)
def test_date_inputs_refuse_impossible_dates_and_keep_what_was_typed(day, month, year):
    # given
    form = ChoicesForm(
        data={"born_on_day": day, "born_on_month": month, "born_on_year": year}
    )

    # when
    with translation.override("uk"):
        form.is_valid()
        rendered = str(form["born_on"].as_field_group())

    # then
    assert form.errors["born_on"] == ["Введіть коректну дату."]
    assert f'name="born_on_year" value="{year}"' in rendered
    assert "govuk-input--error" in rendered
    assert _text(rendered).startswith("Дата народження Помилка: Введіть коректну дату.")


def test_select_writes_each_option_with_its_value_and_the_chosen_one_selected():
    class Chosen(forms.Form):
        colour = forms.ChoiceField(
            choices=[
                ("", "Будь-який"),
                ("Тіні", [("1", "Сірий <темний>"), ("2", "Білий")]),
                ("3", "Зелений"),
            ]
        )

    rendered = str(Chosen({"colour": "2"})["colour"])

    assertInHTML(
        '<select name="colour" class="govuk-select" required id="id_colour">'
        '<option value="">Будь-який</option>'
        '<optgroup label="Тіні"><option value="1">Сірий &lt;темний&gt;</option>'
        '<option value="2" selected>Білий</option></optgroup>'
        '<option value="3">Зелений</option></select>',
        rendered,
    )
