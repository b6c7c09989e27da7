"""The translation check itself: it passes on the rooms and can fail."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import check_translations  # noqa: E402

pytestmark = pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="gettext missing"
)


def _room(tmp_path: Path, po_entry: str) -> Path:
    room = tmp_path / "sample"
    (room / "locale/uk/LC_MESSAGES").mkdir(parents=True)
    (room / "apps.py").write_text("")
    (room / "views.py").write_text(
        "from django.utils.translation import gettext as _\n\nTITLE = _('Staff directory')\n"
    )
    (room / "locale/uk/LC_MESSAGES/django.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        + po_entry
    )
    return room


def test_a_translated_string_passes(tmp_path):
    room = _room(tmp_path, 'msgid "Staff directory"\nmsgstr "Телефонний довідник"\n')

    assert check_translations.check_room(room) == []


def test_a_missing_translation_fails(tmp_path):
    room = _room(tmp_path, "")

    assert check_translations.check_room(room) == [
        "sample: untranslated: 'Staff directory'"
    ]


def test_a_fuzzy_translation_fails(tmp_path):
    room = _room(tmp_path, '#, fuzzy\nmsgid "Staff directory"\nmsgstr "Довідник"\n')

    assert check_translations.check_room(room) == ["sample: fuzzy: 'Staff directory'"]


def _catalogue(tmp_path: Path, name: str, entries: str) -> Path:
    room = tmp_path / name
    (room / "locale/uk/LC_MESSAGES").mkdir(parents=True)
    (room / "locale/uk/LC_MESSAGES/django.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        + entries
    )
    return room


def test_a_string_an_earlier_room_translates_otherwise_fails(tmp_path):
    first = _catalogue(tmp_path, "documents", 'msgid "Open"\nmsgstr "Відкрити"\n')
    later = _catalogue(
        tmp_path,
        "analytics",
        'msgid "Open"\nmsgstr "На розгляді"\n\n'
        'msgctxt "count"\nmsgid "Closed"\nmsgstr "Закрито"\n',
    )

    assert check_translations.check_shadowed([first, later]) == [
        "analytics: shown as another room's translation: 'Open' → «Відкрити» "
        "(documents), not «На розгляді»"
    ]


def test_a_context_or_the_same_wording_passes(tmp_path):
    first = _catalogue(
        tmp_path,
        "documents",
        'msgid "Open"\nmsgstr "Відкрити"\n\nmsgid "Status"\nmsgstr "Статус"\n',
    )
    later = _catalogue(
        tmp_path,
        "analytics",
        'msgctxt "count"\nmsgid "Open"\nmsgstr "На розгляді"\n\n'
        'msgid "Status"\nmsgstr "Статус"\n',
    )

    assert check_translations.check_shadowed([first, later]) == []


def test_every_room_is_completely_translated():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check_translations.py")],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout
