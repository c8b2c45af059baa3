"""docker-compose.yml, the Dockerfile and the production environment they set.

No Docker engine runs here, so this checks what can be checked without one: the compose
file's wiring (check-jsonschema checks its schema in CI), that the image's entrypoint and
command exist and load the application, and that the settings start, pass
`check --deploy` and collect static files under the environment compose gives `web`.
"""

import json
import os
import re
import secrets
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tracker.settings import database_from_url

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent

# Values an operator's .env would hold; compose substitutes them into the file.
OPERATOR_ENV = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
    "POSTGRES_PASSWORD": "s3cret",
    "DJANGO_ALLOWED_HOSTS": "tracker.example.org",
    "SITE_URL": "https://tracker.example.org",
    "EMAIL_HOST": "smtp.example.org",
}

VARIABLE = re.compile(r"\$\$|\$\{(?P<name>\w+)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}")


class MissingVariable(Exception):
    pass


def interpolate(text, env):
    """Compose's ${NAME}, ${NAME:-default}, ${NAME:?error} and $$ substitution."""

    def replace(match):
        if match.group(0) == "$$":
            return "$"
        name, op, arg = match.group("name", "op", "arg")
        value = env.get(name)
        unset = value is None or (value == "" and op and op.startswith(":"))
        if unset and op and op.endswith("?"):
            raise MissingVariable(f"{name}: {arg}")
        if unset and op and op.endswith("-"):
            return arg
        return value or ""

    return VARIABLE.sub(replace, text)


def load_compose(env):
    """The compose file as compose sees it: parsed first, then every string interpolated."""

    def resolve(node):
        if isinstance(node, dict):
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return interpolate(node, env) if isinstance(node, str) else node

    return resolve(yaml.safe_load((REPO / "docker-compose.yml").read_text()))


@pytest.fixture(scope="module")
def compose():
    return load_compose(OPERATOR_ENV)


@pytest.fixture(scope="module")
def web_env(compose):
    return {name: str(value) for name, value in compose["services"]["web"]["environment"].items()}


def dockerfile_instructions():
    """(INSTRUCTION, arguments) pairs, continuation lines joined and comments dropped."""
    lines = [
        line
        for line in (REPO / "Dockerfile").read_text().splitlines()
        if not line.lstrip().startswith("#")
    ]
    joined = "\n".join(lines).replace("\\\n", " ")
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1].strip())
        for line in joined.splitlines()
        if line.strip()
    ]


def dockerfile(instruction):
    return [args for name, args in dockerfile_instructions() if name == instruction]


def production_process_env(web_env, **overrides):
    """This machine's environment with the Django settings replaced by compose's."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "TIME_ZONE", "IMPORT_"))
    }
    env.update(web_env)
    env.update(overrides)
    return env


def run(args, env, timeout=120):
    return subprocess.run(
        args, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


# --- docker-compose.yml ----------------------------------------------------------------


def test_web_waits_for_a_healthy_db(compose):
    services = compose["services"]
    assert set(services) >= {"db", "web"}
    depends_on = services["web"]["depends_on"]
    assert set(depends_on) <= set(services)  # the schema check cannot see this
    assert depends_on["db"]["condition"] == "service_healthy"


def test_db_is_the_official_postgres_image_with_a_pinned_major_version(compose):
    assert re.fullmatch(r"postgres:\d+(\.\d+)?(-\w+)?", compose["services"]["db"]["image"])


def test_db_has_a_pg_isready_healthcheck(compose):
    healthcheck = compose["services"]["db"]["healthcheck"]
    assert "pg_isready" in " ".join(healthcheck["test"])
    assert {"interval", "retries"} <= set(healthcheck)


def test_db_keeps_its_data_in_a_named_volume_declared_at_top_level(compose):
    sources = [
        volume.split(":", 1)[0]
        for volume in compose["services"]["db"]["volumes"]
        if volume.endswith(":/var/lib/postgresql/data")
    ]
    assert len(sources) == 1
    assert sources[0] in compose["volumes"]


def test_web_reaches_the_db_service_by_its_name(web_env):
    url = web_env["DATABASE_URL"]
    assert urlsplit(url).hostname == "db"
    database = database_from_url(url)
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PASSWORD"]) == ("db", "s3cret")


def test_web_is_built_from_the_dockerfile_and_runs_in_production_mode(compose, web_env):
    assert compose["services"]["web"]["build"] in (".", {"context": "."})
    assert web_env["DJANGO_DEBUG"] == "0"
    # A variable without a value would silently inherit whatever the host has.
    assert all(value is not None for value in compose["services"]["web"]["environment"].values())


@pytest.mark.parametrize("name", ["DJANGO_SECRET_KEY", "POSTGRES_PASSWORD"])
def test_compose_refuses_to_start_without_a_secret(name):
    env = {k: v for k, v in OPERATOR_ENV.items() if k != name}
    with pytest.raises(MissingVariable, match=name):
        load_compose(env)


def test_the_web_port_is_published_on_the_loopback_interface_only(compose):
    for port in compose["services"]["web"]["ports"]:
        assert str(port).startswith("127.0.0.1:")


# --- Dockerfile ------------------------------------------------------------------------


def test_image_is_python_3_11_slim_and_runs_as_a_non_root_user():
    assert dockerfile("FROM") == ["python:3.11-slim"]
    users = dockerfile("USER")
    assert users and users[-1] not in {"root", "0"}


def test_entrypoint_is_an_executable_script_of_the_repository():
    (entrypoint,) = json.loads(dockerfile("ENTRYPOINT")[-1])
    assert entrypoint.startswith("/app/")  # WORKDIR, where `COPY . .` puts the repository
    script = REPO / entrypoint.removeprefix("/app/")
    assert script.is_file() and os.access(script, os.X_OK)
    text = script.read_text()
    assert text.startswith("#!/bin/sh")
    assert 'exec "$@"' in text


def test_entrypoint_runs_management_commands_that_exist():
    from django.core.management import get_commands

    (entrypoint,) = json.loads(dockerfile("ENTRYPOINT")[-1])
    text = (REPO / entrypoint.removeprefix("/app/")).read_text()
    commands = re.findall(r"^python manage\.py (\w+)", text, flags=re.MULTILINE)
    assert commands == ["migrate", "sync_trends", "collectstatic"]
    assert set(commands) <= set(get_commands())


def test_entrypoint_is_not_left_out_of_the_image():
    ignored = (REPO / ".dockerignore").read_text().split()
    for needed in ("docker", "manage.py", "templates", "static", "tracker", "recommendations"):
        assert needed not in ignored


def test_the_image_command_loads_the_application_under_the_compose_environment(web_env):
    command = json.loads(dockerfile("CMD")[-1])
    assert command[:2] == ["gunicorn", "tracker.wsgi:application"]
    gunicorn = VENV_BIN / "gunicorn"
    assert gunicorn.is_file(), "gunicorn is a dependency in pyproject.toml"

    # --check-config imports tracker.wsgi (so django.setup() runs), then exits.
    result = run([str(gunicorn), *command[1:], "--check-config"], production_process_env(web_env))

    assert result.returncode == 0, result.stderr


# --- settings under the production environment -----------------------------------------


def test_check_deploy_runs_under_the_compose_environment(web_env, tmp_path):
    # Whether it is warning-free is tested in tests/tracker/test_security.py; here: it starts.
    result = run(
        [sys.executable, "manage.py", "check", "--deploy"],
        production_process_env(web_env, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"),
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified" in result.stdout + result.stderr


def test_collectstatic_writes_a_manifest_and_compressed_files(web_env, tmp_path):
    static_root = tmp_path / "static"

    result = run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        production_process_env(web_env, DJANGO_STATIC_ROOT=str(static_root)),
        timeout=300,
    )

    assert result.returncode == 0, result.stderr
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    stylesheets = [name for name in manifest["paths"] if name.endswith(".css")]
    assert stylesheets, "the site's stylesheet is collected"
    hashed = static_root / manifest["paths"][stylesheets[0]]
    assert hashed.is_file()
    assert hashed.with_name(hashed.name + ".gz").is_file()  # whitenoise's compressed copy


# --- documentation of the configuration -------------------------------------------------

SETTINGS_VARIABLE = re.compile(r'env_(?:str|bool|int|list)\("([A-Z_]+)"')


def settings_variables():
    return sorted(set(SETTINGS_VARIABLE.findall((REPO / "tracker/settings.py").read_text())))


def test_settings_read_the_variables_this_test_knows_of():
    assert {"DATABASE_URL", "DJANGO_DEBUG", "DJANGO_SECRET_KEY"} <= set(settings_variables())


@pytest.mark.parametrize("document", [".env.example", "README.md"])
def test_every_environment_variable_is_documented(document):
    text = (REPO / document).read_text()
    missing = [name for name in settings_variables() if name not in text]
    assert not missing, f"{document} does not mention {missing}"


# --- the two commands and CI -------------------------------------------------------------


def test_readme_opens_with_exactly_the_two_commands():
    readme = (REPO / "README.md").read_text()
    assert readme.startswith("# Track 1.5 Recommendations Tracker\n")
    first_block = readme.split("```", 2)[1]
    commands = [line.split("#", 1)[0].strip() for line in first_block.splitlines()[1:]]
    assert [command for command in commands if command] == ["make run", "make test"]


def test_makefile_has_the_targets_the_readme_and_ci_use():
    targets = set(re.findall(r"^([\w-]+):", (REPO / "Makefile").read_text(), flags=re.MULTILINE))
    assert {"run", "test", "lint", "check", "install-dev"} <= targets


def test_ci_script_is_executable_bash_that_stops_at_the_first_error():
    script = REPO / ".ci" / "run"
    assert os.access(script, os.X_OK)
    assert "set -euo pipefail" in script.read_text()
    assert run(["bash", "-n", str(script)], dict(os.environ)).returncode == 0


# --- the notifier: send_notifications on a schedule ---------------------------------------


def test_the_notifier_runs_the_web_image_with_the_web_environment(compose):
    web, notifier = compose["services"]["web"], compose["services"]["notifier"]
    assert notifier["build"] == web["build"]
    assert notifier["environment"] == web["environment"]
    # The web service migrates on start; the notifier waits for it to be healthy.
    assert notifier["depends_on"] == {"web": {"condition": "service_healthy"}}
    assert notifier["entrypoint"] == ["yacron", "-c", "/app/docker/yacron.yaml"]
    assert "ports" not in notifier


def test_compose_refuses_to_start_without_the_address_for_links_in_emails():
    with pytest.raises(MissingVariable):
        load_compose({k: v for k, v in OPERATOR_ENV.items() if k != "SITE_URL"})


def test_the_image_installs_the_scheduler_the_notifier_runs():
    assert any("[scheduler]" in args for args in dockerfile("RUN"))
    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert any(dep.startswith("yacron") for dep in extras["optional-dependencies"]["scheduler"])


def test_the_schedule_is_valid_and_runs_a_command_that_exists():
    # yacron itself is not a dev dependency (it pins an older ruamel.yaml than
    # check-jsonschema needs); `yacron -c docker/yacron.yaml -v` validated this file.
    config = yaml.safe_load((REPO / "docker/yacron.yaml").read_text())
    assert config["defaults"]["concurrencyPolicy"] == "Forbid"
    [job] = config["jobs"]
    assert len(job["schedule"].split()) == 5
    assert job["command"] == "python /app/manage.py send_notifications"
    assert (REPO / "notifications/management/commands/send_notifications.py").is_file()
