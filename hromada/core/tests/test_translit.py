"""Transliteration by resolution №55 and the slugs made from it."""

import pytest

from hromada.core.translit import slugify_uk, transliterate


@pytest.mark.parametrize(
    ("ukrainian", "latin"),
    [
        # The resolution's own examples.
        ("Згурський", "Zghurskyi"),
        ("Юлія", "Yuliia"),
        ("Знам'янка", "Znamianka"),
        ("Щербухи", "Shcherbukhy"),
        ("Їжакевич", "Yizhakevych"),
        ("Яготин", "Yahotyn"),
        ("Ковалів", "Kovaliv"),
        ("Гайсин", "Haisyn"),
        ("Ґалаґан", "Galagan"),
        ("Стрий", "Stryi"),
        ("Львів", "Lviv"),
    ],
)
def test_names_are_written_as_the_resolution_writes_them(ukrainian, latin):
    assert transliterate(ukrainian) == latin


def test_letters_of_other_alphabets_and_signs_stay():
    assert transliterate("№ 12/3 Kyiv") == "№ 12/3 Kyiv"


def test_a_slug_is_lowercase_ascii_cut_at_a_word():
    assert slugify_uk("Рішення виконавчого комітету № 245/3") == (
        "rishennia-vykonavchoho-komitetu-245-3"
    )
    assert (
        slugify_uk("Про затвердження Програми розвитку", max_length=20)
        == "pro-zatverdzhennia"
    )
    assert slugify_uk("!!!") == ""
