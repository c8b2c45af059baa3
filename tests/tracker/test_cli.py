"""manage.py with the database out of reach: one clear line and exit code 1, never a traceback."""

import pytest

from tests.processes import manage

UNREACHABLE = {
    "PostgreSQL stopped": ("postgresql://postgres@127.0.0.1:1/tracker", "127.0.0.1:1/tracker"),
    "SQLite file in a missing folder": (
        "sqlite:////nonexistent-folder/tracker.sqlite3",
        "/nonexistent-folder/tracker.sqlite3",
    ),
}


@pytest.fixture
def import_file(tmp_path):
    path = tmp_path / "outcomes.csv"
    path.write_text("code,title,text,lead\nAJ-2026-001,A title,A text,joint\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("case", UNREACHABLE)
@pytest.mark.parametrize("command", ["import", "seed_demo", "migrate", "createsuperuser"])
def test_a_command_with_the_database_out_of_reach_says_so_in_one_line(case, command, import_file):
    url, where = UNREACHABLE[case]
    args = {
        "import": ["import_recommendations", str(import_file)],
        "seed_demo": ["seed_demo"],
        "migrate": ["migrate", "--noinput"],
        "createsuperuser": [
            "createsuperuser",
            "--noinput",
            "--username",
            "x",
            "--email",
            "x@x.org",
        ],
    }[command]
    result = manage(*args, database_url=url)

    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Database error at {where}: ")
    assert "Traceback" not in result.stderr + result.stdout


def test_the_line_is_in_the_terminals_language(import_file):
    url, where = UNREACHABLE["PostgreSQL stopped"]
    result = manage("seed_demo", database_url=url, lang="ja_JP.UTF-8")
    assert result.returncode == 1
    assert result.stderr.startswith(f"データベースエラー（{where}）：")


def test_traceback_still_shows_everything(import_file):
    url, _where = UNREACHABLE["PostgreSQL stopped"]
    result = manage("seed_demo", "--traceback", database_url=url)
    assert result.returncode == 1
    assert "Traceback" in result.stderr
