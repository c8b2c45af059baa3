"""Real-browser checks: Playwright drives Debian's Chromium against pytest-django's live_server.

External tools are found through the environment (CHROMIUM_PATH, VNU_JAR); when one is
missing the tests that need it are skipped with the reason, or fail when
TRACKER_REQUIRE_BROWSER=1 (CI sets it so a missing browser cannot pass silently).
"""

import os
import shutil
from pathlib import Path

import pytest

from .site import seed_public_site
from .tools import MISSING_TOOL, REPO, SCREENSHOT_DIR

CHROMIUM_PATH = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
VNU_JAR = Path(os.environ.get("VNU_JAR", REPO / "var/node/node_modules/vnu-jar/build/dist/vnu.jar"))

# Root in a container, no network: no sandbox, no GPU, nothing that phones home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 800}


def require_tool(path, reason):
    """Skip the test that needs `path` when it is missing; fail instead when CI demands it."""
    if path and Path(path).is_file():
        return
    if os.environ.get("TRACKER_REQUIRE_BROWSER") == "1" or os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true or TRACKER_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(f"{MISSING_TOOL}: {reason}")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    require_tool(
        CHROMIUM_PATH, f"Chromium not found at {CHROMIUM_PATH}; install the chromium package"
    )
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM_PATH),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def vnu_command():
    """The Nu HTML checker's command line, up to its arguments."""
    java = shutil.which("java")
    require_tool(java, "java not found on PATH; install a Java runtime (default-jre-headless)")
    require_tool(
        VNU_JAR,
        f"Nu HTML checker not found at {VNU_JAR}; install it with "
        "`npm install --prefix var/node vnu-jar` or set VNU_JAR",
    )
    return [java, "-jar", str(VNU_JAR)]


@pytest.fixture(scope="session", autouse=True)
def _serialized_db_contents(django_db_setup):
    """What the test databases held after migrating, as Django serialized it at setup.

    Taken before Playwright starts: once its sync API runs, code here sees a new context
    and so new connection objects (Django keeps them per context), which lack this.
    """
    from django.db import connections

    return {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }


@pytest.fixture(autouse=True)
def _keep_serialized_contents(_serialized_db_contents):
    """Hand the serialized rows to today's connection objects, so a serialized rollback
    (here and in every later test) still restores content types, permissions and groups.
    (ContentType's cache of ids is emptied as each starts: tests/conftest.py.)"""
    from django.db import connections

    for alias, contents in _serialized_db_contents.items():
        if contents is not None:
            connections[alias]._test_serialized_contents = contents


@pytest.fixture
def site(live_server, django_db_serialized_rollback):
    """The demo data behind a live server, and the public pages worth checking.

    live_server tests empty the database after themselves. With a serialized rollback the
    rows the migrations wrote (content types, permissions, the Secretariat group) come back
    exactly as they were; a plain flush would recreate content types under new ids, and
    the next test that restores serialized rows (tests/management/test_backup.py) would collide.
    """
    return seed_public_site(live_server.url)


def open_page(new_context, **context_args):
    context = new_context(**context_args)
    # Pages here answer in milliseconds; a missing element should fail fast, not in 30 s.
    context.set_default_timeout(10_000)
    return context.new_page()


@pytest.fixture
def desktop_page(new_context):
    return open_page(new_context, viewport=DESKTOP)


@pytest.fixture
def phone_page(new_context):
    return open_page(new_context, viewport=PHONE)


@pytest.fixture
def japanese_browser_page(new_context):
    """A browser whose preferred language is Japanese (Accept-Language: ja-JP)."""
    return open_page(new_context, viewport=DESKTOP, locale="ja-JP")


@pytest.fixture
def no_script_page(new_context):
    return open_page(new_context, viewport=DESKTOP, java_script_enabled=False)


@pytest.fixture
def save_screenshot():
    """Write a full-page screenshot of `page` as SCREENSHOT_DIR/<name>-<width>.png."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)

    def save(page, name):
        path = SCREENSHOT_DIR / f"{name}-{page.viewport_size['width']}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return save
