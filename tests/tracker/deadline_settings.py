"""Settings for tests/tracker/test_middleware.py: the tracker with a request deadline of one second
and a page that takes longer (tests/tracker/deadline_urls.py)."""

from tracker.settings import *  # noqa: F403 - the real settings, two of them changed

ROOT_URLCONF = "tests.tracker.deadline_urls"
REQUEST_DEADLINE_SECONDS = 1
