"""Commands answer in the operator's language, read from the terminal's locale."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from recommendations.management.language import terminal_language


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "en_AU.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "ja_JP.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LANGUAGE": "ja", "LC_ALL": "C"}, "ja"),
    ],
)
def test_terminal_language(environ, language):
    assert terminal_language(environ) == language


def run_command(*args, lang, database):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    env.update(
        LANG=lang,
        DJANGO_DEBUG="1",
        DATABASE_URL=f"sqlite:///{settings.BASE_DIR}/var/nonexistent-{os.getpid()}.sqlite3",
    )
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_japanese_terminal_gets_japanese_help_and_errors(tmp_path):
    help_text = run_command(
        "import_recommendations", "--help", lang="ja_JP.UTF-8", database=tmp_path / "db"
    ).stdout
    assert "CSVファイルから提言と実施状況の変更を取り込みます" in help_text

    missing = tmp_path / "missing.csv"
    result = run_command(
        "import_recommendations", str(missing), lang="ja_JP.UTF-8", database=tmp_path / "db"
    )
    assert result.returncode != 0
    assert "を読み込めません" in result.stderr

    result = run_command(
        "import_recommendations", str(missing), lang="en_AU.UTF-8", database=tmp_path / "db"
    )
    assert "Cannot read" in result.stderr
