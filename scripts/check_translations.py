"""Fail when a room's Ukrainian catalogue misses a string or has a fuzzy one.

Each room is copied to a temporary folder with its ``locale/``; there
``makemessages`` merges the strings the code uses now into the copy of the
catalogue. Any entry left without a translation, or marked fuzzy, fails.

Django merges the catalogues of all INSTALLED_APPS, and for one msgid (with
the same msgctxt) the room listed first wins. A room that translates a string
differently from an earlier room would silently show the earlier wording, so
such a string fails too: give it a context (``pgettext``) in the later room.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROOMS = ROOT / "hromada"
MANAGE = ROOT / "manage.py"


def _entries(po_text: str) -> list[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy) for every non-header entry of a .po text."""
    entries = []
    for block in re.split(r"\n\s*\n", po_text):
        if "msgid" not in block or block.lstrip().startswith("#~"):
            continue
        fuzzy = bool(re.search(r"^#,.*\bfuzzy\b", block, re.M))
        msgid = _joined(block, "msgid")
        if msgid == "":
            continue
        plural = "msgid_plural" in block
        msgstrs = (
            [_joined(block, f"msgstr\\[{i}\\]") for i in range(3)]
            if plural
            else [_joined(block, "msgstr")]
        )
        missing = any(s in ("", None) for s in msgstrs)
        entries.append((msgid, "" if missing else "ok", fuzzy))
    return entries


def _joined(block: str, key: str) -> str | None:
    match = re.search(rf"^{key} (\".*\"(?:\n\".*\")*)", block, re.M)
    if match is None:
        return None
    return "".join(re.findall(r"\"(.*)\"", match.group(1)))


def _translations(po_text: str) -> dict[tuple[str | None, str], str]:
    """{(msgctxt, msgid): msgstr} of the translated, non-fuzzy entries.

    Plural entries give their msgstr[0]; the header is left out.
    """
    translations = {}
    for block in re.split(r"\n\s*\n", po_text):
        if "msgid" not in block or block.lstrip().startswith("#~"):
            continue
        if re.search(r"^#,.*\bfuzzy\b", block, re.M):
            continue
        msgid = _joined(block, "msgid")
        if not msgid:
            continue
        msgstr = _joined(
            block, "msgstr\\[0\\]" if "msgid_plural" in block else "msgstr"
        )
        if msgstr:
            translations[(_joined(block, "msgctxt"), msgid)] = msgstr
    return translations


def _rooms_in_app_order() -> list[Path]:
    """The rooms' folders in the order of INSTALLED_APPS (first one wins)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django
    from django.apps import apps

    django.setup()
    return [
        Path(app.path)
        for app in apps.get_app_configs()
        if app.name.startswith("hromada.")
    ]


def check_shadowed(rooms: list[Path] | None = None) -> list[str]:
    """Strings whose translation an earlier room's catalogue overrides;
    ``rooms`` in the order Django reads them (INSTALLED_APPS by default)."""
    shown: dict[tuple[str | None, str], tuple[str, str]] = {}
    problems = []
    for room in _rooms_in_app_order() if rooms is None else rooms:
        po = room / "locale/uk/LC_MESSAGES/django.po"
        if not po.exists():
            continue
        for key, msgstr in _translations(po.read_text(encoding="utf-8")).items():
            if key not in shown:
                shown[key] = (room.name, msgstr)
                continue
            owner, wording = shown[key]
            if wording != msgstr:
                context, msgid = key
                where = f" (context {context!r})" if context is not None else ""
                problems.append(
                    f"{room.name}: shown as another room's translation: "
                    f"{msgid!r}{where} → «{wording}» ({owner}), not «{msgstr}»"
                )
    return problems


def check_room(room: Path) -> list[str]:
    """Problems of one room, as lines ready to print."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / room.name
        shutil.copytree(
            room, copy, ignore=shutil.ignore_patterns("tests", "__pycache__")
        )
        (copy / "locale").mkdir(exist_ok=True)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.base",
            "PYTHONPATH": str(ROOT),
        }
        subprocess.run(
            [
                sys.executable,
                str(MANAGE),
                "makemessages",
                "-l",
                "uk",
                "--no-obsolete",
                "--no-location",
                "-i",
                "tests/*",
            ],
            cwd=copy,
            env=env,
            check=True,
            capture_output=True,
        )
        po = copy / "locale/uk/LC_MESSAGES/django.po"
        if not po.exists():
            return []
        if not (room / "locale/uk/LC_MESSAGES/django.po").exists():
            return [f"{room.name}: no locale/uk/LC_MESSAGES/django.po"]
        problems = []
        for msgid, msgstr, fuzzy in _entries(po.read_text(encoding="utf-8")):
            if fuzzy:
                problems.append(f"{room.name}: fuzzy: {msgid!r}")
            elif not msgstr:
                problems.append(f"{room.name}: untranslated: {msgid!r}")
        return problems


def main() -> int:
    rooms = sorted(p for p in ROOMS.iterdir() if (p / "apps.py").exists())
    problems = [line for room in rooms for line in check_room(room)]
    problems += check_shadowed()
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} translation problems.")
        return 1
    print(f"Translations complete in {len(rooms)} rooms.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
