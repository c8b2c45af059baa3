"""What every test may ask for: the personas, the shared sets of data, and the test order.

Personas (each a user, and a client of its own signed in as that user):

- `anonymous`: a visitor who has not signed in (a plain client);
- `officer` / `officer_client`: staff in the Secretariat group, which does the work;
- `reviewer` / `reviewer_client`: staff in the Reviewer group, which reads, drafts and the
  audit trail included, and changes nothing;
- `superuser` / `superuser_client`;
- `outsider` / `outsider_client`: staff in no group, who may see nothing.

Both groups are created by a migration. Every persona signs in with
tests.factories.PASSWORD.
"""

import time

import pytest
from django.test import Client, override_settings

from tests.browser.tools import INSTALL_TOOLS, MISSING_TOOL, SCREENSHOT_DIR
from tests.factories import make_staff, make_superuser, signed_in


@pytest.fixture(autouse=True, scope="session")
def quick_password_hashing():
    """Passwords hashed with one round of MD5 instead of a million of PBKDF2.

    Each persona is created with a password and signs in; at about 0.3 s a hash that was a
    third of the suite's time. What a hash is made with is production's setting
    (tests/tracker/test_settings.py reads it there, in a subprocess); what the tests check
    is who may sign in and what they may do, which the hasher does not change.
    """
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


# -- Personas ------------------------------------------------------------------------------


@pytest.fixture
def anonymous():
    """A visitor who has not signed in."""
    return Client()


@pytest.fixture
def officer(db):
    """A staff member of the Secretariat group (the group is created by a migration)."""
    return make_staff("officer", "Secretariat")


@pytest.fixture
def officer_client(officer):
    return signed_in(officer)


@pytest.fixture
def reviewer(db):
    """A staff member of the Reviewer group (read-only; the group is created by a migration)."""
    return make_staff("reviewer", "Reviewer")


@pytest.fixture
def reviewer_client(reviewer):
    return signed_in(reviewer)


@pytest.fixture
def superuser(db):
    return make_superuser("superuser")


@pytest.fixture
def superuser_client(superuser):
    return signed_in(superuser)


@pytest.fixture
def outsider(db):
    """A staff member outside every group: the admin lets them in and shows them nothing."""
    return make_staff("outsider")


@pytest.fixture
def outsider_client(outsider):
    return signed_in(outsider)


# -- Shared sets of data ---------------------------------------------------------------------


@pytest.fixture
def public_site(db):
    """The small published tracker of tests.factories.make_public_site, plus private data."""
    from tests.factories import make_public_site

    return make_public_site()


@pytest.fixture
def csv_vocabulary(db):
    """Areas, meetings and bodies that tests.factories.import_row names."""
    from tests.factories import make_area, make_organisation, make_workshop

    return {
        "minerals": make_area(name="Critical minerals", slug="critical-minerals"),
        "energy": make_area(name="Energy security", slug="energy-security"),
        "canberra": make_workshop(slug="canberra-2025"),
        "tokyo": make_workshop(slug="tokyo-2025"),
        "dfat": make_organisation(
            name="Department of Foreign Affairs and Trade", short_name="DFAT", slug="dfat"
        ),
        "meti": make_organisation(
            name="Ministry of Economy, Trade and Industry", short_name="METI", slug="meti"
        ),
    }


@pytest.fixture
def demo(db):
    """The demo data that `make run` serves (the seed_demo command's rows)."""
    from tests.factories import load_demo

    load_demo()


@pytest.fixture
def canary_world(db):
    """tests.factories.make_canary_world: every canary of tests/canaries.py, planted around
    published recommendations."""
    from tests.factories import make_canary_world

    return make_canary_world()


@pytest.fixture
def fuzz_targets(db):
    """tests.factories.make_fuzz_targets: what fuzzed input names. Returns the area."""
    from tests.factories import make_fuzz_targets

    return make_fuzz_targets()


@pytest.fixture
def page_cache(settings):
    """The shared page cache on (it is off in tests, see pyproject.toml), empty before and
    after."""
    from django.core.cache import caches

    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    yield
    caches["pages"].clear()


# -- Every test ------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def english_outside_requests():
    """Each test starts in English: a request under /ja/ leaves Japanese active in its thread."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


def pytest_collection_modifyitems(config, items):
    """Browser tests last, whatever order pytest collected the folders in.

    Each live-server test empties the database when it ends; the rows the migrations wrote
    (the Secretariat and Reviewer groups, their permissions) come back only for tests that
    restore the serialized database. An ordinary test run after one would find no groups.
    (Runs after pytest-django's own ordering, which keeps its database groups in place.)
    """
    items.sort(key=lambda item: "tests/browser/" in item.nodeid.replace("\\", "/"))
    unserialized = [item.nodeid for item in items if _flushes_without_restoring(item)]
    if unserialized:
        raise pytest.UsageError(
            "These tests run in real transactions without serialized_rollback=True: "
            "the flush after each would recreate content types and permissions under new "
            "ids and lose the migrations' groups for whatever runs next on that process. "
            "Mark them django_db(transaction=True, serialized_rollback=True):\n  "
            + "\n  ".join(unserialized)
        )


def _in_real_transactions(item):
    marker = item.get_closest_marker("django_db")
    names = getattr(item, "fixturenames", ())
    return bool(
        (marker is not None and marker.kwargs.get("transaction"))
        or "transactional_db" in names
        or "live_server" in names
    )


def _flushes_without_restoring(item):
    marker = item.get_closest_marker("django_db")
    serialized = (marker is not None and marker.kwargs.get("serialized_rollback")) or (
        "django_db_serialized_rollback" in getattr(item, "fixturenames", ())
    )
    return _in_real_transactions(item) and not serialized


@pytest.fixture(autouse=True)
def fresh_content_type_ids(request):
    """A test in real transactions starts with ContentType's process-wide cache empty.

    Its database is restored from the serialized copy, under the ids the migrations gave;
    the cache may hold ids from whatever ran before on this process (a restore, a content
    type created on first use), and the admin's log would be handed an id that is gone.
    """
    if _in_real_transactions(request.node):
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()


# -- What a run says at its end (in the main process, with or without xdist's workers) -----

_skipped_for_tools = []
_started = time.time()


def pytest_runtest_logreport(report):
    if report.skipped and MISSING_TOOL in str(report.longrepr):
        _skipped_for_tools.append(report.nodeid)


def pytest_terminal_summary(terminalreporter, config):
    if hasattr(config, "workerinput"):
        return
    written = [path for path in SCREENSHOT_DIR.glob("*.png") if path.stat().st_mtime >= _started]
    if written:
        terminalreporter.write_sep("-", "browser screenshots")
        terminalreporter.write_line(f"{len(written)} screenshots written to {SCREENSHOT_DIR}")


def pytest_unconfigure(config):
    # After pytest's own closing line, so it is the last thing `make test` prints.
    if _skipped_for_tools and not hasattr(config, "workerinput"):
        print(
            f"\n{len(_skipped_for_tools)} browser and HTML-checker tests were SKIPPED because "
            f"Chromium or the Nu HTML checker is missing; to run them: {INSTALL_TOOLS}"
        )
