"""The Japanese catalogue is complete, current, and compiled.

The compiled .mo is committed so that a fresh clone shows Japanese with no extra
command; `make messages` refreshes both files after a string changes.
"""

import os
import shutil
import subprocess
import sys

import polib
import pytest
from django.conf import settings

LOCALE = settings.BASE_DIR / "locale"
PO = LOCALE / "ja" / "LC_MESSAGES" / "django.po"
MO = LOCALE / "ja" / "LC_MESSAGES" / "django.mo"
# What `make messages` passes to makemessages: the project's own code, not its tests or tools.
IGNORED = ("--ignore=.venv", "--ignore=var", "--ignore=tests", "--ignore=bench")


def live_entries(catalogue):
    return [entry for entry in catalogue if not entry.obsolete and entry.msgid]


def test_every_entry_is_translated_and_none_is_fuzzy():
    catalogue = polib.pofile(str(PO))
    assert catalogue.percent_translated() == 100, [
        e.msgid for e in catalogue.untranslated_entries()
    ]
    assert not catalogue.fuzzy_entries(), [e.msgid for e in catalogue.fuzzy_entries()]
    assert not catalogue.obsolete_entries()


def test_placeholders_survive_translation():
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]|%s|%d|\{\{\s*\w+\s*\}\}")
    for entry in live_entries(polib.pofile(str(PO))):
        english = set(placeholder.findall(entry.msgid_plural or entry.msgid))
        translated = entry.msgstr_plural[0] if entry.msgid_plural else entry.msgstr
        assert set(placeholder.findall(translated)) == english, entry.msgid


def test_the_committed_mo_matches_the_po():
    source = {(e.msgctxt, e.msgid): e for e in live_entries(polib.pofile(str(PO)))}
    compiled = {(e.msgctxt, e.msgid): e for e in polib.mofile(str(MO)) if e.msgid}
    assert compiled.keys() == source.keys(), "run `make messages`: the .mo is out of date"
    for key, entry in source.items():
        if entry.msgid_plural:
            assert compiled[key].msgstr_plural[0] == entry.msgstr_plural[0], key
        else:
            assert compiled[key].msgstr == entry.msgstr, f"run `make messages`: {key}"


def test_django_serves_the_translations():
    from django.utils import translation

    with translation.override("ja"):
        assert translation.gettext("Recommendations") == "提言"
        assert translation.gettext("Implemented") == "実施済み"
        assert translation.gettext("Partially implemented") == "一部実施"


@pytest.mark.skipif(
    not shutil.which("xgettext") and not os.environ.get("TRACKER_REQUIRE_BROWSER"),
    reason="xgettext missing: apt-get install gettext",
)
def test_makemessages_finds_no_new_string(tmp_path):
    """Every string the code and templates mark is in the catalogue: a fresh extraction into
    a copy of the project adds no entry."""
    project = tmp_path / "project"
    shutil.copytree(
        settings.BASE_DIR,
        project,
        ignore=shutil.ignore_patterns(".venv", "var", ".git", "node_modules", "__pycache__"),
    )
    before = {(e.msgctxt, e.msgid) for e in live_entries(polib.pofile(str(PO)))}
    env = {**os.environ, "DJANGO_DEBUG": "1"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ja", "--no-obsolete", *IGNORED],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )
    after = polib.pofile(str(project / "locale" / "ja" / "LC_MESSAGES" / "django.po"))
    new = {(e.msgctxt, e.msgid) for e in live_entries(after)} - before
    gone = before - {(e.msgctxt, e.msgid) for e in live_entries(after)}
    assert not new, f"strings missing from the catalogue (run `make messages`): {sorted(new)}"
    assert not gone, f"catalogue entries no code uses any more: {sorted(gone)}"
    assert not after.untranslated_entries()
