"""The first ten minutes in a fresh clone: `make run`'s set-up, then any manage.py command
by hand with no variable set, and production never reading a local .env."""

import os
import re
import shutil
import subprocess
import sys

import pytest
from django.conf import settings

from tracker.local_env import write_local_env

REPO = settings.BASE_DIR
# What a newcomer's shell has: none of the tracker's variables.
OURS = re.compile(r"^(DJANGO_|DATABASE_|TRACKER_|IMPORT_|AXES_|TRUSTED_)")


@pytest.fixture
def clone(tmp_path):
    """A copy of the project as `git clone` gives it (no .env, no var/)."""
    target = tmp_path / "clone"
    shutil.copytree(
        REPO,
        target,
        ignore=shutil.ignore_patterns(
            ".venv", "var", ".git", ".env", "node_modules", "__pycache__", "*.pyc"
        ),
    )
    return target


def newcomer_env(**extra):
    return {**{k: v for k, v in os.environ.items() if not OURS.match(k)}, **extra}


def manage(clone, *args, env=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=clone,
        env=env or newcomer_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_make_run_writes_the_local_env_once(tmp_path):
    path = tmp_path / ".env"
    assert write_local_env(path)
    first = path.read_text()
    assert "DJANGO_DEBUG=1" in first and "DATABASE_URL=sqlite:///var/db.sqlite3" in first
    key = re.search(r"^DJANGO_SECRET_KEY=(.+)$", first, re.MULTILINE).group(1)
    assert len(key) >= 50
    assert not write_local_env(path)  # never overwritten
    assert path.read_text() == first
    assert ".env" in (REPO / ".gitignore").read_text().split()


def test_make_run_sets_up_then_serves_in_that_order():
    recipe = (
        subprocess.run(
            ["make", "--no-print-directory", "-n", "run"],
            cwd=REPO,
            # Not as a sub-make of `make test` (CI): no "Entering directory" lines.
            env={k: v for k, v in os.environ.items() if not k.startswith("MAKE")},
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()
    )
    assert "tracker.local_env" in recipe[-3]
    assert "manage.py setup_local" in recipe[-2]
    assert "manage.py runserver" in recipe[-1]


def test_after_make_runs_set_up_any_command_works_and_the_box_comes_last(clone):
    subprocess.run([sys.executable, "-m", "tracker.local_env"], cwd=clone, check=True)
    first = manage(clone, "setup_local", "--url", "http://127.0.0.1:8000/admin/")
    assert first.returncode == 0, first.stderr
    lines = first.stdout.strip().splitlines()
    # One line for the database, one for the demo, then the box, last of all.
    assert lines[0].startswith("Database ") and "migrations applied" in lines[0]
    assert lines[1].startswith("Demo data: ")
    box = lines[2:]
    assert box[0] == box[-1] == "#" * len(box[0])
    assert any("sign in at: http://127.0.0.1:8000/admin/" in line for line in box)
    assert any("username: admin" in line for line in box)
    assert any("password: " in line for line in box)
    assert first.stderr == ""

    # By hand, with no variable set: the commands a newcomer's guide names.
    assert manage(clone, "check").returncode == 0
    created = manage(
        clone,
        "createsuperuser",
        "--noinput",
        "--username",
        "second",
        "--email",
        "second@example.org",
        env=newcomer_env(DJANGO_SUPERUSER_PASSWORD="a-long-second-password"),
    )
    assert created.returncode == 0, created.stderr
    outcomes = clone / "outcomes.csv"
    outcomes.write_text(
        "code,title,text,lead,policy areas\nAJ-2099-001,A title,A text,joint,critical-minerals\n"
    )
    imported = manage(clone, "import_recommendations", str(outcomes), "--dry-run")
    assert imported.returncode == 0, imported.stderr

    # A later run: no new password, how to reset it instead, still last.
    again = manage(clone, "setup_local", "--url", "http://127.0.0.1:8000/admin/")
    last = again.stdout.strip().splitlines()[-1]
    assert "changepassword admin" in last and "password: " not in again.stdout


def test_production_never_reads_a_local_env(clone):
    (clone / ".env").write_text("DJANGO_DEBUG=1\nDJANGO_SECRET_KEY=local-key-" + "x" * 50 + "\n")
    show = "from django.conf import settings; print(settings.DEBUG)"
    # The image's environment: its Dockerfile ENV lines.
    image_env = dict(
        re.findall(r"(DJANGO_[A-Z_]+)=(\S+)", (REPO / "Dockerfile").read_text().split("WORKDIR")[0])
    )
    assert image_env["DJANGO_READ_DOTENV"] == "0" and image_env["DJANGO_DEBUG"] == "0"
    production = newcomer_env(**{**image_env, "DJANGO_SECRET_KEY": "production-key-" + "y" * 50})
    result = manage(clone, "shell", "-c", show, env=production)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr
    # The same .env is read in the clone itself, where it belongs.
    local = manage(clone, "shell", "-c", show)
    assert local.stdout.strip().splitlines()[-1] == "True", local.stderr
