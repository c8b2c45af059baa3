"""The production settings, served with two reference pages beside the site (bench/http.py)."""

from tracker.settings import *  # noqa: F403 - the real settings, one of them changed

ROOT_URLCONF = "bench.http_urls"
