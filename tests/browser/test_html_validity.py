"""The Nu HTML checker finds no error in any public page, nor in its stylesheets, as served."""

import json
import subprocess
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.browser


def fetch(url):
    """Status and bytes as served (an error page's body too: it is a page people see)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class StylesheetLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self.hrefs.append(attrs["href"])


def describe(message, checked):
    where = checked.get(PurePosixPath(message.get("url", "")).stem, message.get("url", "?"))
    extract = message.get("extract", "").strip()
    return f"{where} line {message.get('lastLine', '?')}: {message['message']} in {extract!r}"


def test_public_pages_and_stylesheets_are_valid(site, vnu_command, tmp_path):
    checked = {}  # file stem -> what it holds, for the failure message
    stylesheets = set()
    for name, path in site.pages.items():
        status, html = fetch(site.url(path))
        site.check_status(name, status)
        (tmp_path / f"{name}.html").write_bytes(html)
        checked[name] = f"{name} {path}"
        links = StylesheetLinks()
        links.feed(html.decode())
        stylesheets.update(urljoin(path, href) for href in links.hrefs)
    for number, path in enumerate(sorted(stylesheets)):
        status, css = fetch(site.url(path))
        assert status == 200, f"stylesheet {path} answered {status}"
        (tmp_path / f"stylesheet-{number}.css").write_bytes(css)
        checked[f"stylesheet-{number}"] = path

    # One JVM start checks the whole folder: starting java per page would dominate the run.
    result = subprocess.run(
        [*vnu_command, "--errors-only", "--also-check-css", "--format", "json", "--stdout"]
        + [str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.stdout, f"the Nu HTML checker did not run: {result.stderr}"
    messages = json.loads(result.stdout)["messages"]

    errors = [describe(message, checked) for message in messages]
    assert not errors, "Nu HTML checker errors:\n" + "\n".join(errors)
    assert stylesheets, "no page links a stylesheet"
