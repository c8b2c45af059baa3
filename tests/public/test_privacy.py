"""Privacy crawl: everything an anonymous visitor can reach holds no private data.

Starting from the dashboard and the feed, follow every internal link (bounded) and
check that no participant name or email, no private note and no draft
recommendation's code or title appears in any response (Chatham House Rule).
"""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core.management import get_commands
from django.urls import reverse

from recommendations.models import Participant, Recommendation, StatusUpdate, Workshop
from tests.downloads import workbook_text

pytestmark = pytest.mark.django_db

MAX_PAGES = 400


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "link") and attrs.get("href"):
            self.links.append(attrs["href"])


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def body_of(response):
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type") == XLSX:
        return workbook_text(raw)
    return raw.decode("utf-8-sig")


def links_in(response, body):
    content_type = response["Content-Type"]
    if "html" in content_type:
        parser = LinkParser()
        parser.feed(body)
        return parser.links
    if "atom" in content_type:
        import xml.etree.ElementTree as ET

        return [el.get("href") for el in ET.fromstring(body).iter() if el.get("href")]
    return []


def internal(base, href):
    url, _ = urldefrag(urljoin(base, href))
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver"):
        return None
    if parts.path.startswith(("/admin/", "/ja/admin/", "/static/")):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def private_strings():
    """Every private value in the database right now: none may reach a public response."""
    secrets = set()
    for name, email, notes in Participant.objects.values_list("name", "email", "notes"):
        secrets |= {name, email, notes}
    secrets |= set(Workshop.objects.values_list("private_notes", flat=True))
    secrets |= set(StatusUpdate.objects.values_list("private_note", flat=True))
    for code, title in Recommendation.objects.drafts().values_list("code", "title"):
        secrets |= {code, title}
    secrets |= set(
        StatusUpdate.objects.filter(recommendation__is_published=False)
        .exclude(summary="")
        .values_list("summary", flat=True)
    )
    return {s for s in secrets if s and len(s) >= 4}


def crawl(client):
    start = [reverse("recommendations:dashboard"), reverse("recommendations:updates_feed")]
    seen, queue, visited = set(start), deque(start), []
    while queue and len(visited) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        assert response.status_code == 200, url
        body = body_of(response)
        visited.append((url, body))
        for href in links_in(response, body):
            target = internal(url, href)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
    return visited


def assert_nothing_private(client):
    secrets = private_strings()
    assert secrets, "the data must hold private values for this test to mean anything"
    visited = crawl(client)
    paths = {urlsplit(url).path for url, _ in visited}
    # The crawl really reached every kind of public page.
    for name in ("recommendation_list", "area_list", "workshop_list", "updates_feed"):
        assert reverse(f"recommendations:{name}") in paths
    assert any(p.startswith("/recommendations/AJ-") for p in paths)
    assert any(p.startswith("/areas/") and p != "/areas/" for p in paths)
    assert any(p.startswith("/workshops/") and p != "/workshops/" for p in paths)
    for url, body in visited:
        for secret in secrets:
            assert secret not in body, f"{secret!r} leaked on {url}"
    return visited


def test_crawl_of_the_test_site(client, public_site):
    visited = assert_nothing_private(client)
    assert len(visited) > 30


@pytest.mark.skipif("seed_demo" not in get_commands(), reason="seed_demo command not there yet")
def test_crawl_of_the_demo_data(client, db):
    from tests.factories import load_demo

    load_demo()
    assert_nothing_private(client)
