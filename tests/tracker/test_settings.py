"""tracker/settings.py under controlled environments.

The settings module has no side effects, so most tests execute it afresh with runpy under
a monkeypatched environment (the running test process keeps its own settings). One
subprocess proves what an operator sees when production starts without a secret key.
"""

import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tracker.settings import BASE_DIR, database_from_url

SETTINGS_FILE = BASE_DIR / "tracker" / "settings.py"
CONFIG_PREFIXES = ("DJANGO_", "DATABASE_", "TIME_ZONE", "IMPORT_", "AXES_")


@pytest.fixture
def load_settings(monkeypatch):
    """Execute the settings module with only the given configuration variables set."""

    def load(**env):
        for name in list(os.environ):
            if name.startswith(CONFIG_PREFIXES):
                monkeypatch.delenv(name)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(SETTINGS_FILE))

    return load


# --- the whole module under an environment --------------------------------------------


def test_production_without_a_secret_key_refuses_to_start():
    env = {k: v for k, v in os.environ.items() if not k.startswith(CONFIG_PREFIXES)}
    env["DJANGO_SETTINGS_MODULE"] = "tracker.settings"

    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize("debug", ["0", "false", "no", "off"])
def test_production_switches_off_debug_and_needs_the_key(load_settings, debug):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        load_settings(DJANGO_DEBUG=debug)

    settings = load_settings(DJANGO_DEBUG=debug, DJANGO_SECRET_KEY="k" * 50)

    assert settings["DEBUG"] is False
    assert settings["SECRET_KEY"] == "k" * 50


def test_local_development_runs_without_a_key(load_settings):
    settings = load_settings(DJANGO_DEBUG="1")

    assert settings["DEBUG"] is True
    assert settings["SECRET_KEY"]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DJANGO_DEBUG", "maybe"),
        ("DATABASE_URL", "mysql://user@host/db"),
        ("DATABASE_URL", "postgresql://user@host:5432/"),
        ("DATABASE_URL", "postgresql://user@host:port/db"),
        ("DATABASE_URL", "sqlite://"),
        ("IMPORT_MAX_BYTES", "5MB"),
        ("IMPORT_MAX_ROWS", "many"),
        ("DJANGO_SECURE_HSTS_SECONDS", "1.5"),
    ],
)
def test_malformed_values_are_refused_naming_the_variable(load_settings, name, value):
    env = {"DJANGO_DEBUG": "1", name: value}

    with pytest.raises(ImproperlyConfigured, match=name):
        load_settings(**env)


def test_sqlite_by_default_in_the_ignored_var_folder(load_settings):
    database = load_settings(DJANGO_DEBUG="1")["DATABASES"]["default"]

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(database["NAME"]) == BASE_DIR / "var" / "db.sqlite3"
    assert "var/" in (BASE_DIR / ".gitignore").read_text().split()


def test_allowed_hosts_is_a_comma_separated_list(load_settings):
    settings = load_settings(
        DJANGO_DEBUG="1", DJANGO_ALLOWED_HOSTS=" tracker.example.org, ,.example.jp ,"
    )

    assert settings["ALLOWED_HOSTS"] == [
        "tracker.example.org",
        ".example.jp",
        # Always, for the container's own healthcheck:
        "localhost",
        "127.0.0.1",
        "[::1]",
    ]


def test_allowed_hosts_default_to_this_machine(load_settings):
    assert load_settings(DJANGO_DEBUG="1")["ALLOWED_HOSTS"] == ["localhost", "127.0.0.1", "[::1]"]


def test_time_zone_and_import_limits_are_configurable(load_settings):
    settings = load_settings(
        DJANGO_DEBUG="1", TIME_ZONE="Asia/Tokyo", IMPORT_MAX_BYTES="1024", IMPORT_MAX_ROWS="10"
    )

    assert settings["TIME_ZONE"] == "Asia/Tokyo"
    assert (settings["IMPORT_MAX_BYTES"], settings["IMPORT_MAX_ROWS"]) == (1024, 10)


def test_default_time_zone_and_languages(load_settings):
    settings = load_settings(DJANGO_DEBUG="1")

    assert settings["TIME_ZONE"] == "Australia/Sydney"
    assert [code for code, _name in settings["LANGUAGES"]] == ["en", "ja"]


def test_static_root_is_configurable(load_settings, tmp_path):
    assert load_settings(DJANGO_DEBUG="1")["STATIC_ROOT"] == BASE_DIR / "var" / "static"
    settings = load_settings(DJANGO_DEBUG="1", DJANGO_STATIC_ROOT=str(tmp_path))
    assert settings["STATIC_ROOT"] == tmp_path


# --- database_from_url ----------------------------------------------------------------


def test_postgresql_url_gives_every_connection_part():
    database = database_from_url(
        "postgresql://tracker:p%40ss%2Fword@db.internal:6543/tracker_prod"
        "?sslmode=require&application_name=tracker"
    )

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["USER"] == "tracker"
    assert database["PASSWORD"] == "p@ss/word"  # percent-encoded in the URL
    assert (database["HOST"], database["PORT"]) == ("db.internal", "6543")
    assert database["NAME"] == "tracker_prod"
    assert database["OPTIONS"] == {
        "options": "-c jit=off -c work_mem=32MB",
        "sslmode": "require",
        "application_name": "tracker",
    }


def test_postgres_scheme_alias_and_defaults():
    database = database_from_url("postgres://localhost/tracker")

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["USER"], database["PASSWORD"], database["PORT"]) == ("", "", "")
    assert database["OPTIONS"] == {"options": "-c jit=off -c work_mem=32MB"}


def test_postgresql_server_options_are_jit_off_unless_the_url_says(db):
    # JIT compiling costs more than it saves on queries of this size (settings.py).
    database = database_from_url("postgresql://localhost/tracker?options=-c%20work_mem%3D64MB")
    assert database["OPTIONS"]["options"] == "-c work_mem=64MB"
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW jit")
            assert cursor.fetchone() == ("off",)
            cursor.execute("SHOW work_mem")
            assert cursor.fetchone() == ("32MB",)


def test_postgresql_connections_are_kept_and_health_checked(monkeypatch):
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "0")

    database = database_from_url("postgresql://postgres@127.0.0.1:5432/tracker")

    assert database["CONN_MAX_AGE"] == 0
    assert database["CONN_HEALTH_CHECKS"] is True


def test_sqlite_paths_relative_to_the_project_or_absolute(tmp_path):
    relative = database_from_url("sqlite:///var/other.sqlite3")
    absolute = database_from_url(f"sqlite:///{tmp_path}/db.sqlite3")

    assert relative["ENGINE"] == "django.db.backends.sqlite3"
    assert relative["NAME"] == str(BASE_DIR / "var" / "other.sqlite3")
    assert absolute["NAME"] == f"{tmp_path}/db.sqlite3"


def test_sqlite_lets_writers_wait_their_turn():
    options = database_from_url("sqlite:///var/db.sqlite3")["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://user@host/db", "must start with sqlite:// or postgresql://"),
        ("just-a-path.sqlite3", "must start with sqlite:// or postgresql://"),
        ("postgresql://user@host:5432", "names no PostgreSQL database"),
        ("postgresql://user@host:abc/db", "port that is not a number"),
        ("sqlite://", "names no SQLite file"),
    ],
)
def test_malformed_urls_name_the_variable_and_the_problem(url, message):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL") as error:
        database_from_url(url)

    assert message in str(error.value)


@pytest.mark.parametrize("debug", ["0", "1"])
def test_passwords_are_hashed_with_a_slow_hash_outside_the_tests(load_settings, debug):
    # The suite signs its personas in with a one-round hash (tests/conftest.py); the
    # settings themselves leave Django's default, PBKDF2 with its full iteration count.
    env = {"DJANGO_DEBUG": debug, "DJANGO_SECRET_KEY": "x" * 50}
    from django.conf import global_settings

    hashers = load_settings(**env).get("PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS)
    assert hashers[0] == "django.contrib.auth.hashers.PBKDF2PasswordHasher"
    assert not any("MD5" in hasher for hasher in hashers)


def test_the_test_run_itself_hashes_quickly():
    from django.conf import settings
    from django.contrib.auth.hashers import get_hasher

    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]
    assert get_hasher().algorithm == "md5"
