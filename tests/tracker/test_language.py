"""Which language a page is in: the address decides, the page says so, and nothing else decides.

English at the root, the same paths in Japanese under /ja/; `<html lang>` and
Content-Language always match what is shown; a Japanese-preferring browser gets a
one-line hint, never a redirect; the switcher keeps the path and the filters.
"""

import re
from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings
from django.urls import reverse

from recommendations.models import PolicyArea, Recommendation, Workshop

pytestmark = pytest.mark.django_db

CATALOGUE = settings.BASE_DIR / "locale" / "ja" / "LC_MESSAGES" / "django.po"
PUBLIC_PAGES = [
    "/",
    "/recommendations/",
    "/recommendations/?area=critical-minerals&status=in_progress&sort=-code",
    "/areas/",
    "/workshops/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_english_at_the_root_and_japanese_under_ja(client, public_site, path):
    english = client.get(path)
    japanese = client.get("/ja" + path)

    assert (english.status_code, japanese.status_code) == (200, 200)
    assert english["Content-Language"] == "en"
    assert '<html lang="en">' in english.content.decode()
    assert japanese["Content-Language"] == "ja"
    assert '<html lang="ja">' in japanese.content.decode()


def test_reverse_gives_the_japanese_address_in_japanese():
    from django.utils import translation

    with translation.override("ja"):
        assert reverse("recommendations:recommendation_list") == "/ja/recommendations/"
        assert reverse("recommendations:recommendation_csv") == "/ja/recommendations/export.csv"
        assert reverse("recommendations:updates_feed") == "/ja/updates.atom"
        assert reverse("admin:index") == "/ja/admin/"
    assert reverse("recommendations:recommendation_list") == "/recommendations/"


@pytest.mark.parametrize("accept", ["ja", "ja-JP,ja;q=0.9,en;q=0.8", "en-US,en;q=0.9", "fr,de", ""])
def test_the_language_comes_from_the_address_alone(client, public_site, accept):
    response = client.get("/recommendations/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert '<html lang="en">' in response.content.decode()

    japanese = client.get("/ja/recommendations/", HTTP_ACCEPT_LANGUAGE=accept)
    assert japanese["Content-Language"] == "ja"


def test_a_language_cookie_changes_nothing(client, public_site):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ja"
    assert client.get("/recommendations/")["Content-Language"] == "en"


@pytest.mark.parametrize(
    ("accept", "hinted"),
    [
        ("ja", True),
        ("ja-JP,ja;q=0.9,en-US;q=0.8", True),
        ("fr;q=1,ja;q=0.9,en;q=0.5", True),
        ("en-AU,en;q=0.9,ja;q=0.8", False),
        ("de", False),
        ("", False),
    ],
)
def test_a_japanese_preferring_browser_gets_a_hint_not_a_redirect(
    client, public_site, accept, hinted
):
    response = client.get("/recommendations/?status=in_progress", HTTP_ACCEPT_LANGUAGE=accept)
    page = response.content.decode()

    assert response.status_code == 200
    assert ('class="language-hint" lang="ja"' in page) is hinted
    if hinted:
        hint = re.search(r'<p class="language-hint" lang="ja"><a href="([^"]+)"', page)
        assert hint.group(1) == "/ja/recommendations/?status=in_progress"
    # The English page's content depends on Accept-Language (the hint), so caches must vary.
    assert "Accept-Language" in response["Vary"]


def test_no_hint_on_a_japanese_page(client, public_site):
    page = client.get("/ja/recommendations/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "language-hint" not in page


@pytest.mark.parametrize(
    ("path", "other"),
    [
        ("/", "/ja/"),
        ("/recommendations/?area=critical-minerals&status=in_progress&page=2", None),
        ("/ja/recommendations/?q=%E9%89%B1%E7%89%A9&sort=-code", None),
        ("/areas/critical-minerals/?status=implemented", None),
        # No such page in either language: the switcher offers the other dashboard.
        ("/recommendations/NO-SUCH-CODE/", "/ja/"),
        ("/ja/no/such/page/", "/"),
    ],
)
def test_the_switcher_keeps_path_and_query_string(client, public_site, path, other):
    if other is None:
        other = path[3:] if path.startswith("/ja/") else "/ja" + path
    page = client.get(path).content.decode()
    switch = re.search(r'<nav class="language-switch"[^>]*><a href="([^"]+)" hreflang', page)
    assert switch, "no language switcher"
    assert switch.group(1).replace("&amp;", "&") == other


def test_old_english_urls_keep_working(client, public_site):
    for name in ("dashboard", "recommendation_list", "area_list", "workshop_list"):
        assert client.get(reverse(f"recommendations:{name}")).status_code == 200
    assert client.get("/recommendations/export.csv").status_code == 200
    assert client.get("/updates.atom").status_code == 200


def test_the_not_found_page_is_in_the_address_language(client, public_site):
    response = client.get("/ja/recommendations/NO-SUCH-CODE/")
    assert response.status_code == 404
    assert response["Content-Language"] == "ja"
    assert "ページが見つかりません" in response.content.decode()


def test_dates_follow_the_language(client, public_site):
    recommendation = Recommendation.objects.published().exclude(target_date=None).first()
    day = recommendation.target_date
    english = client.get(recommendation.get_absolute_url()).content.decode()
    japanese = client.get("/ja" + recommendation.get_absolute_url()).content.decode()
    assert f">{day.day} {day:%b} {day.year}<" in english
    assert f">{day.year}年{day.month}月{day.day}日<" in japanese


# -- no English left on a Japanese page -----------------------------------------------------


class JapaneseText(HTMLParser):
    """The text a Japanese page shows as Japanese: text inside lang="en" runs is content."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    SHOWN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "value")

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, lang or None)
        self.parts = []

    def language(self):
        for _tag, lang in reversed(self.stack):
            if lang:
                return lang
        return "ja"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        if tag not in self.VOID:
            self.stack.append((tag, lang))
        if (lang or self.language()) == "ja" and not (
            tag == "input" and attrs.get("type") in ("search", "hidden", "checkbox")
        ):
            self.parts.extend(attrs[name] for name in self.SHOWN_ATTRIBUTES if attrs.get(name))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] in ("script", "style"):
            return
        if self.language() == "ja":
            self.parts.append(data)

    def text(self):
        return re.sub(r"\s+", " ", " ".join(self.parts))


def english_ui_strings():
    """Every English phrase of the catalogue that differs in Japanese, split at placeholders."""
    phrases = set()
    for entry in polib.pofile(str(CATALOGUE)):
        for english in filter(None, (entry.msgid, entry.msgid_plural)):
            for piece in re.split(r"%\(\w+\)[sd]|%s|<[^>]+>|\{\{[^}]*\}\}", english):
                piece = piece.strip(" .,:;()–-·")
                # Words a Japanese page legitimately shows as they are (names, formats).
                if len(piece) >= 8 and " " in piece and not piece.isupper():
                    phrases.add(piece)
    return phrases


def japanese_pages():
    area = PolicyArea.objects.order_by("order").first()
    workshop = Workshop.objects.first()
    published = Recommendation.objects.published().order_by("code")
    return [
        *("/ja" + path for path in PUBLIC_PAGES),
        "/ja/recommendations/?overdue=1&sort=priority",
        "/ja/recommendations/?q=%E7%B5%8C%E6%B8%88&page=99&area=nonsense",
        f"/ja/areas/{area.slug}/",
        f"/ja/workshops/{workshop.slug}/",
        *(f"/ja/recommendations/{r.code}/" for r in published[:6]),
        f"/ja/recommendations/{published.filter(title_ja='').first().code}/",
        "/ja/recommendations/NO-SUCH-CODE/",
    ]


def test_japanese_pages_show_no_english_ui_string(client, demo):
    phrases = english_ui_strings()
    assert len(phrases) > 100, "the catalogue reader found too few phrases to mean anything"
    found = {}
    for path in japanese_pages():
        response = client.get(path)
        assert response.status_code in (200, 404), path
        parser = JapaneseText()
        parser.feed(response.content.decode())
        text = parser.text()
        left = sorted(phrase for phrase in phrases if phrase in text)
        if left:
            found[path] = left
    assert not found, f"English UI text on Japanese pages: {found}"
