"""Several officers at once on the default install: SQLite in a file, served by gunicorn.

Each editor is a real HTTP client with its own session, all released at the same moment
by a barrier, against two gunicorn worker processes sharing one SQLite file: writes must
wait their turn, never fail with "database is locked", and a second save of the same
form is told who saved first, exactly as on PostgreSQL.
"""

import http.cookiejar
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings

EDITORS = ["alice", "bob", "carol", "dave", "erin"]
PASSWORD = "a-long-concurrency-password"
SETUP = f"""
from django.contrib.auth.models import Group, User
from recommendations.models import PolicyArea, Recommendation
group = Group.objects.get(name="Secretariat")
for name in {EDITORS!r}:
    user = User.objects.create_user(name, f"{{name}}@example.org", {PASSWORD!r},
                                    is_staff=True, first_name=name.title())
    user.groups.add(group)
shared = Recommendation.objects.create(code="AJ-2026-900", title="Shared", text="Text.", lead="joint")
shared.policy_areas.add(PolicyArea.objects.create(name="Supply chains", slug="supply-chains"))
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sqlite-server")
    database = folder / "tracker.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_DEBUG": "1",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    }
    python = sys.executable
    manage = [python, str(settings.BASE_DIR / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
    subprocess.run([*manage, "shell", "-c", SETUP], env=env, check=True)
    port = free_port()
    gunicorn = Path(python).parent / "gunicorn"
    process = subprocess.Popen(
        [str(gunicorn), "tracker.wsgi:application", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "2", "--threads", "4", "--log-level", "warning"],
        cwd=settings.BASE_DIR,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/admin/login/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not start")
        yield base, database
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


class Form(HTMLParser):
    """The fields a browser would submit from the form with `form_id`."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside or not a.get("name"):
            if tag == "option" and self.select and "selected" in a:
                self.fields.append((self.select, a.get("value", "")))
            return
        if tag == "input" and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.fields.append((a["name"], a.get("value", "on")))
            else:
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self.select = a["name"]
        elif tag == "textarea":
            self.textarea = [a["name"], ""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append(tuple(self.textarea))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data.removeprefix("\n") if not self.textarea[1] else data


class Editor:
    """One officer's browser: cookies, CSRF, sign-in, forms."""

    def __init__(self, base, username):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )
        form = self.form("/admin/login/", "login-form")
        form.update(username=username, password=PASSWORD)
        status, _body = self.post("/admin/login/", form)
        assert status == 302, f"{username} could not sign in"

    def get(self, path):
        with self.opener.open(self.base + path, timeout=60) as response:
            return response.read().decode()

    def form(self, path, form_id):
        parser = Form(form_id)
        parser.feed(self.get(path))
        fields = {}
        for name, value in parser.fields:
            fields.setdefault(name, []).append(value)
        return fields

    def post(self, path, fields):
        data = urllib.parse.urlencode(
            [(k, v) for k, vs in fields.items() for v in (vs if isinstance(vs, list) else [vs])]
        ).encode()
        request = urllib.request.Request(
            self.base + path, data=data, headers={"Referer": self.base + path}
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def all_at_once(jobs):
    """Run the callables in threads released together; their results in order."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        barrier.wait()
        results[index] = job()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def recommendation_id(database):
    with sqlite3.connect(database) as db:
        return db.execute(
            "SELECT id FROM recommendations_recommendation WHERE code = 'AJ-2026-900'"
        ).fetchone()[0]


def test_five_editors_record_status_updates_at_the_same_moment(server):
    base, database = server
    pk = recommendation_id(database)
    editors = [Editor(base, name) for name in EDITORS]
    add = "/admin/recommendations/statusupdate/add/"
    forms = []
    for day, editor in enumerate(editors, start=1):
        form = editor.form(add, "statusupdate_form")
        form.update(
            recommendation=str(pk),
            status="in_progress",
            as_of=f"2026-01-{day:02d}",
            summary=f"Update from {EDITORS[day - 1]}",
            _save="Save",
        )
        forms.append((editor, form))

    results = all_at_once([lambda e=e, f=f: e.post(add, f) for e, f in forms])

    assert [status for status, _body in results] == [302] * len(EDITORS), [
        body[:300] for status, body in results if status != 302
    ]
    with sqlite3.connect(database) as db:
        summaries = {
            row[0]
            for row in db.execute(
                "SELECT summary FROM recommendations_statusupdate WHERE recommendation_id = ?",
                [pk],
            )
        }
        current = db.execute(
            "SELECT status_as_of FROM recommendations_recommendation WHERE id = ?", [pk]
        ).fetchone()[0]
    assert summaries == {f"Update from {name}" for name in EDITORS}
    assert current == f"2026-01-{len(EDITORS):02d}"  # the latest as-of date is current


def test_two_saves_of_one_form_at_once_the_second_is_told_who_saved(server):
    base, database = server
    pk = recommendation_id(database)
    change = f"/admin/recommendations/recommendation/{pk}/change/"
    alice, bob = Editor(base, "alice"), Editor(base, "bob")
    alice_form = alice.form(change, "recommendation_form")
    bob_form = bob.form(change, "recommendation_form")
    alice_form.update(title="Alice's title", _save="Save")
    bob_form.update(title="Bob's title", _save="Save")

    results = all_at_once(
        [lambda: alice.post(change, alice_form), lambda: bob.post(change, bob_form)]
    )

    statuses = sorted(status for status, _body in results)
    assert statuses == [200, 302], [body[:300] for _status, body in results]
    winner = "Alice" if results[0][0] == 302 else "Bob"
    refused_page = next(body for status, body in results if status == 200)
    assert f"changed by {winner}" in refused_page
    with sqlite3.connect(database) as db:
        title = db.execute(
            "SELECT title FROM recommendations_recommendation WHERE id = ?", [pk]
        ).fetchone()[0]
    assert title == f"{winner}'s title"
