"""The request deadline: a request that runs too long ends in the site's own error page."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory

from tracker.middleware import RequestDeadlineMiddleware, RequestTookTooLong


def test_a_request_past_its_deadline_is_ended_and_the_alarm_put_back(settings):
    settings.REQUEST_DEADLINE_SECONDS = 0.2
    before = signal.getsignal(signal.SIGALRM)

    def slow(request):
        time.sleep(2)
        return HttpResponse("late")

    started = time.monotonic()
    with pytest.raises(RequestTookTooLong):
        RequestDeadlineMiddleware(slow)(RequestFactory().get("/"))
    assert time.monotonic() - started < 1.5
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_quick_request_is_untouched(settings):
    settings.REQUEST_DEADLINE_SECONDS = 5
    response = RequestDeadlineMiddleware(lambda request: HttpResponse("ok"))(
        RequestFactory().get("/")
    )
    assert response.content == b"ok"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_gunicorns_timeout_outlasts_the_apps_deadline():
    config = {}
    exec((settings.BASE_DIR / "gunicorn.conf.py").read_text(), config)  # noqa: S102
    assert config["timeout"] > settings.REQUEST_DEADLINE_SECONDS >= 30


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_under_gunicorn_an_over_long_request_gets_the_sites_error_page(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.tracker.deadline_settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "deadline-test-" + "x" * 50,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
    }
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], env=env, check=True)
    port = free_port()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    # The image's own configuration file (gunicorn.conf.py, read from the working folder),
    # with only the address and the application (every view imported at boot) changed.
    process = subprocess.Popen(
        [str(gunicorn), "tests.tracker.deadline_wsgi:application", "--bind", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR,
        env=env,
        start_new_session=True,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        with pytest.raises(urllib.error.HTTPError) as failed:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/slow/", timeout=30)
        page = failed.value.read().decode()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)

    assert failed.value.code == 500
    assert "Something went wrong" in page and "<html" in page
    with sqlite3.connect(database) as db:
        written = db.execute(
            "SELECT COUNT(*) FROM recommendations_policyarea WHERE slug = 'half-written'"
        ).fetchone()[0]
    assert written == 0
