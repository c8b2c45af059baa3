"""Commands answer in the operator's language, read from the terminal's locale."""

import pytest

from recommendations.management.language import terminal_language
from tests.processes import manage


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
    return manage(*args, database_url=f"sqlite:///{database}", lang=lang)


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
