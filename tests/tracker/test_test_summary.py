"""`make test` is honest about what it did not run."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

# make test runs the suite in parallel: the closing line must come from the main process.
WORKERS = pytest.mark.parametrize("workers", ["0", "2"])


def run_browser_tests(workers, **env):
    # SQLite in memory: under PostgreSQL the running suite already holds the test database.
    left_out = ("CI", "TRACKER_REQUIRE_BROWSER", "DATABASE_URL")
    clean = {k: v for k, v in os.environ.items() if k not in left_out}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-n",
            workers,
            "tests/browser/test_csp.py",
        ],
        cwd=settings.BASE_DIR,
        env={**clean, "CHROMIUM_PATH": "/nonexistent/chromium", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


@WORKERS
def test_skipped_browser_tests_end_the_run_with_one_line_saying_how_to_run_them(workers):
    result = run_browser_tests(workers)
    assert result.returncode == 0, result.stdout[-2000:]
    last = result.stdout.strip().splitlines()[-1]
    assert "browser and HTML-checker tests were SKIPPED" in last
    assert "apt-get install -y chromium" in last and "bash .ci/run" in last
    assert int(last.split()[0]) >= 1


@WORKERS
def test_in_ci_a_missing_browser_is_a_failure_not_a_skip(workers):
    result = run_browser_tests(workers, CI="true")
    assert result.returncode == 1
    assert "CI=true" in result.stdout
