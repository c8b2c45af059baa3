"""Found by search engines: the sitemap, robots.txt, a description and hreflang alternates.

The sitemap lists every public page in English and in Japanese, each with both versions as
alternates, and nothing else: no draft, no organisation only a draft is addressed to or
whose people only attended, nobody who took part. Every page says what it is in a
<meta name="description"> and names its English, Japanese and x-default addresses.
"""

import datetime
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.cache import caches
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from recommendations.choices import Status
from recommendations.models import Organisation, PolicyArea, Recommendation, Workshop
from recommendations.public import sitemaps
from tests.factories import (
    DRAFT_CODE,
    DRAFT_TITLE,
    SECRET_PARTICIPANT,
    make_area,
    make_organisation,
    make_participant,
    make_recommendation,
    make_tracker,
)
from tracker.context_processors import language_alternates, language_choice

pytestmark = pytest.mark.django_db

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
ORIGIN = "http://testserver"
SECTIONS = ["pages", "recommendations", "areas", "bodies", "workshops"]

# The queries of /sitemap.xml (the index), whatever the number of rows: one per section
# that reads the database, each section's rows read once for both its page count and its
# latest change (the static pages read nothing).
#  1 the published recommendations' codes and last changes, by code
#  2 the policy areas' slugs
#  3 the slugs of the organisations a published recommendation is addressed to (EXISTS)
#  4 the workshops' slugs
INDEX_QUERIES = 4
# The queries of one section's sitemap (any of its pages): that section's rows, once.
SECTION_QUERIES = {"pages": 0, "recommendations": 1, "areas": 1, "bodies": 1, "workshops": 1}


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def section_locations(client, **request):
    """The address of every page of every section, as the index lists them."""
    index = parse(client.get(reverse("sitemap"), **request))
    assert index.tag == f"{SITEMAP_NS}sitemapindex"
    return [loc.text for loc in index.iter(f"{SITEMAP_NS}loc")]


def sitemap_entries(client):
    """{loc: {hreflang: href}} over every page of every section of the sitemap."""
    entries = {}
    for section in section_locations(client):
        urlset = parse(client.get(path_of(section)))
        assert urlset.tag == f"{SITEMAP_NS}urlset"
        for url in urlset.iter(f"{SITEMAP_NS}url"):
            loc = url.find(f"{SITEMAP_NS}loc").text
            assert loc not in entries, f"{loc} is listed twice"
            alternates = {}
            for link in url.findall(f"{XHTML_NS}link"):
                assert link.get("rel") == "alternate"
                assert link.get("hreflang") not in alternates
                alternates[link.get("hreflang")] = link.get("href")
            entries[loc] = alternates
    return entries


def expected_english_paths():
    """Every public page's English address, from the database."""
    static = [
        reverse(f"recommendations:{name}")
        for name in (
            "dashboard",
            "recommendation_list",
            "area_list",
            "body_list",
            "workshop_list",
            "report",
        )
    ]
    public_orgs = Organisation.objects.filter(recommendations__is_published=True).distinct()
    return [
        *static,
        *(r.get_absolute_url() for r in Recommendation.objects.published()),
        *(area.get_absolute_url() for area in PolicyArea.objects.all()),
        *(org.get_absolute_url() for org in public_orgs),
        *(workshop.get_absolute_url() for workshop in Workshop.objects.all()),
    ]


def in_japanese(path):
    return "/ja" + path


# -- the sitemap --------------------------------------------------------------------------


def test_the_index_lists_one_sitemap_per_section(client, public_site):
    response = client.get("/sitemap.xml")
    assert response["X-Robots-Tag"].startswith("noindex")
    assert section_locations(client) == [
        f"{ORIGIN}{reverse('sitemap_section', args=[section])}" for section in SECTIONS
    ]
    assert reverse("sitemap_section", args=["pages"]) == "/sitemap-pages.xml"


def test_every_public_page_is_listed_in_both_languages_with_its_alternates(client, public_site):
    entries = sitemap_entries(client)
    english = expected_english_paths()
    expected = {ORIGIN + path for path in english} | {ORIGIN + in_japanese(p) for p in english}
    assert set(entries) == expected
    for path in english:
        alternates = {
            "en": ORIGIN + path,
            "ja": ORIGIN + in_japanese(path),
            "x-default": ORIGIN + path,
        }
        assert entries[ORIGIN + path] == alternates
        assert entries[ORIGIN + in_japanese(path)] == alternates


def test_every_address_in_the_sitemap_answers(client, public_site):
    entries = sitemap_entries(client)
    addresses = set(entries) | {href for links in entries.values() for href in links.values()}
    assert len(addresses) > 40
    for address in sorted(addresses):
        assert address.startswith(ORIGIN + "/")
        response = client.get(path_of(address))
        assert response.status_code == 200, address
        assert response["Content-Language"] == (
            "ja" if path_of(address).startswith("/ja/") else "en"
        )


def test_drafts_attendees_and_their_organisations_never_appear(client, public_site):
    attendee_org = make_organisation(name="Attendance-Only Institute", slug="attendee-only")
    make_participant(
        workshop=public_site["workshops"][0], organisation=attendee_org, name=SECRET_PARTICIPANT
    )
    draft_org = make_organisation(name="Draft-Addressee Agency", slug="draft-addressee")
    make_recommendation(
        code="AJ-2099-998", is_published=False, bodies=[draft_org], status=Status.IN_PROGRESS
    )
    entries = sitemap_entries(client)
    listed = "\n".join([*entries, *(href for links in entries.values() for href in links.values())])
    for secret in (DRAFT_CODE, "AJ-2099-998", "attendee-only", "draft-addressee"):
        assert secret not in listed
    raw = b"".join(
        client.get(path_of(section)).content for section in section_locations(client)
    ).decode()
    for secret in (DRAFT_CODE, DRAFT_TITLE, SECRET_PARTICIPANT, "Attendance-Only", "Draft-Addr"):
        assert secret not in raw
    # Addressed by a published recommendation as well: now it has a page, and is listed.
    make_recommendation(bodies=[draft_org])
    assert f"{ORIGIN}/bodies/draft-addressee/" in sitemap_entries(client)


def test_a_recommendation_was_last_modified_when_it_last_changed(client, public_site):
    recommendation = public_site["published"][0]
    Recommendation.objects.filter(pk=recommendation.pk).update(
        updated_at=datetime.datetime(2026, 2, 3, 4, 5, tzinfo=datetime.UTC)
    )
    urlset = parse(client.get(reverse("sitemap_section", args=["recommendations"])))
    lastmod = {
        url.find(f"{SITEMAP_NS}loc").text: url.find(f"{SITEMAP_NS}lastmod").text
        for url in urlset.iter(f"{SITEMAP_NS}url")
    }
    # In the site's time zone (Sydney): 4:05 UTC is 15:05 there, the same day.
    assert lastmod[ORIGIN + recommendation.get_absolute_url()] == "2026-02-03"
    assert lastmod[ORIGIN + in_japanese(recommendation.get_absolute_url())] == "2026-02-03"
    other = Recommendation.objects.published().exclude(pk=recommendation.pk).first()
    expected = timezone.localtime(other.updated_at).date().isoformat()
    assert lastmod[ORIGIN + other.get_absolute_url()] == expected


def test_a_status_update_moves_the_last_modified_date(client, public_site):
    from recommendations.services import record_status_update

    recommendation = public_site["published"][1]
    Recommendation.objects.filter(pk=recommendation.pk).update(
        updated_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    )
    record_status_update(
        recommendation=Recommendation.objects.get(pk=recommendation.pk),
        status=Status.IMPLEMENTED,
        as_of=datetime.date(2025, 12, 1),
    )
    section = client.get(reverse("sitemap_section", args=["recommendations"])).content.decode()
    assert f"<lastmod>{timezone.localdate().isoformat()}</lastmod>" in section


def test_x_default_is_the_english_page_even_where_a_slug_is_en(client, public_site):
    # Django builds x-default by deleting the first "/en/" of the address: not here.
    make_area(name="English-language policy", slug="en")
    entries = sitemap_entries(client)
    assert entries[f"{ORIGIN}/ja/areas/en/"]["x-default"] == f"{ORIGIN}/areas/en/"


def test_the_addresses_follow_the_request_scheme(client, public_site):
    locations = section_locations(client, secure=True)
    assert locations and all(loc.startswith("https://testserver/") for loc in locations)
    urlset = parse(client.get("/sitemap-areas.xml", secure=True))
    hrefs = [link.get("href") for link in urlset.iter(f"{XHTML_NS}link")]
    assert hrefs and all(href.startswith("https://testserver/") for href in hrefs)


def test_a_large_section_is_split_into_pages_the_index_lists(client, public_site, monkeypatch):
    whole = sitemap_entries(client)
    # 4 addresses a page: 2 recommendations in 2 languages.
    monkeypatch.setattr(sitemaps.PublicSitemap, "limit", 4)
    published = Recommendation.objects.published().count()
    pages = -(-published // 2)
    listed = section_locations(client)
    recommendation_pages = [loc for loc in listed if "/sitemap-recommendations.xml" in loc]
    assert recommendation_pages == [
        f"{ORIGIN}/sitemap-recommendations.xml",
        *(f"{ORIGIN}/sitemap-recommendations.xml?p={n}" for n in range(2, pages + 1)),
    ]
    for loc in listed:
        urlset = parse(client.get(path_of(loc)))
        assert 0 < len(urlset.findall(f"{SITEMAP_NS}url")) <= 4
    # Split or whole, the same addresses, each once.
    assert sitemap_entries(client) == whole
    beyond = client.get(f"/sitemap-recommendations.xml?p={pages + 1}")
    assert beyond.status_code == 404
    assert client.get("/sitemap-recommendations.xml?p=x").status_code == 404


def test_no_such_section_is_not_found(client, public_site):
    assert client.get("/sitemap-participants.xml").status_code == 404
    assert client.get("/ja/sitemap.xml").status_code == 404


def test_the_sitemap_is_read_only(client, public_site):
    assert client.post("/sitemap.xml").status_code == 405
    assert client.post("/sitemap-pages.xml").status_code == 405
    assert client.head("/sitemap.xml").status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_the_index_runs_a_fixed_number_of_queries(client, db, django_assert_num_queries, count):
    make_tracker(count)
    with django_assert_num_queries(INDEX_QUERIES):
        assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("count", [3, 30])
def test_a_section_runs_a_fixed_number_of_queries(
    client, db, django_assert_num_queries, section, count
):
    make_tracker(count)
    with django_assert_num_queries(SECTION_QUERIES[section]):
        response = client.get(reverse("sitemap_section", args=[section]))
    assert response.status_code == 200


# -- robots.txt ---------------------------------------------------------------------------


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_to_the_sitemap(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = [line.split(":", 1)[1].strip() for line in lines if line.startswith("Disallow:")]
    assert disallowed == ["/admin/", "/ja/admin/"]
    # The admin really is there, in both languages.
    assert reverse("admin:index") == "/admin/"
    with translation.override("ja"):
        assert reverse("admin:index") == "/ja/admin/"
    assert "Allow: /" in lines
    assert [line for line in lines if line.startswith("Sitemap:")] == [
        "Sitemap: http://testserver/sitemap.xml"
    ]


def test_robots_txt_names_the_sitemap_on_the_requests_scheme_and_host(client):
    response = client.get("/robots.txt", secure=True, HTTP_HOST="localhost")
    assert "Sitemap: https://localhost/sitemap.xml\n" in response.content.decode()


def test_robots_txt_is_at_the_root_only_and_read_only(client, db):
    assert client.get("/ja/robots.txt").status_code == 404
    assert client.post("/robots.txt").status_code == 405


# -- every page: a description and its language versions -----------------------------------


class Head(HTMLParser):
    """The descriptions and alternate links a page declares."""

    def __init__(self):
        super().__init__()
        self.descriptions = []
        self.alternates = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name") == "description":
            self.descriptions.append(attrs.get("content"))
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates.append((attrs["hreflang"], attrs.get("href")))


def head_of(response):
    head = Head()
    head.feed(response.content.decode())
    return head


def public_pages(site):
    """One address of every kind of public page (English), the way visitors reach them."""
    recommendation = site["published"][0]
    return [
        "/",
        "/?as_of=2025-12-31",
        "/recommendations/",
        "/recommendations/?area=critical-minerals&status=in_progress",
        recommendation.get_absolute_url(),
        "/areas/",
        site["areas"][0].get_absolute_url(),
        "/bodies/",
        site["bodies"][0].get_absolute_url(),
        "/workshops/",
        site["workshops"][0].get_absolute_url(),
        "/report/",
        "/report/?from=2025-07-01&to=2025-09-30",
    ]


def test_every_public_page_describes_itself_and_names_both_languages(client, public_site):
    descriptions = set()
    for english in public_pages(public_site):
        for path in (english, in_japanese(english)):
            response = client.get(path)
            assert response.status_code == 200, path
            head = head_of(response)
            assert len(head.descriptions) == 1, path
            (description,) = head.descriptions
            assert description.strip(), path
            assert len(description) <= 170, (path, description)
            descriptions.add(description)
            assert sorted(head.alternates) == sorted(
                [
                    ("en", ORIGIN + english),
                    ("ja", ORIGIN + in_japanese(english)),
                    ("x-default", ORIGIN + english),
                ]
            ), path
    # Each kind of page says something of its own (the query variants repeat their page's).
    assert len(descriptions) >= 11


def test_the_descriptions_say_what_each_page_is(client, public_site):
    recommendation = public_site["published"][0]
    (description,) = head_of(client.get(recommendation.get_absolute_url())).descriptions
    assert description == (
        f"{recommendation.code} {recommendation.title} "
        f"(current status: {recommendation.get_status_display()})"
    )
    area = public_site["areas"][0]
    (description,) = head_of(client.get(area.get_absolute_url())).descriptions
    assert area.name in description
    body = public_site["bodies"][0]
    (description,) = head_of(client.get(body.get_absolute_url())).descriptions
    assert body.name in description
    workshop = public_site["workshops"][0]
    (description,) = head_of(client.get(workshop.get_absolute_url())).descriptions
    assert description.startswith(workshop.title)
    (description,) = head_of(client.get("/report/?from=2025-07-01&to=2025-09-30")).descriptions
    assert "1 Jul 2025" in description and "30 Sep 2025" in description


def test_a_description_is_escaped_and_kept_short(client, db):
    # Within the column's 300 characters, far beyond the description's 160.
    title = 'Ports & "green" <shipping> corridors ' + "with a very long tail " * 12
    recommendation = make_recommendation(title=title.strip(), status=Status.IN_PROGRESS)
    response = client.get(recommendation.get_absolute_url())
    html = response.content.decode()
    assert "Ports &amp; &quot;green&quot; &lt;shipping&gt;" in html
    (description,) = head_of(response).descriptions
    assert description.startswith(f'{recommendation.code} Ports & "green" <shipping> corridors')
    assert description.endswith("(current status: In progress)")
    assert len(description) <= 160


def test_the_not_found_page_has_a_description_and_no_alternates(client, public_site):
    response = client.get("/recommendations/NO-SUCH-CODE/")
    assert response.status_code == 404
    head = head_of(response)
    assert len(head.descriptions) == 1 and head.descriptions[0]
    assert head.alternates == []


def test_a_draft_is_not_described_to_the_public(client, public_site):
    response = client.get(public_site["draft"].get_absolute_url())
    assert response.status_code == 404
    assert DRAFT_TITLE not in response.content.decode()


def test_the_alternates_keep_the_query_string_and_stay_on_this_host():
    request = RequestFactory().get("/recommendations/", {"status": "in_progress"})
    request.LANGUAGE_CODE = "en"
    alternates = language_choice(request)["language_alternates"]
    assert alternates == [
        {"hreflang": "en", "url": f"{ORIGIN}/recommendations/?status=in_progress"},
        {"hreflang": "ja", "url": f"{ORIGIN}/ja/recommendations/?status=in_progress"},
        {"hreflang": "x-default", "url": f"{ORIGIN}/recommendations/?status=in_progress"},
    ]
    # A path beginning with // is a path on this host, never another host.
    request = RequestFactory().get("//elsewhere.example/x")
    urls = {"en": "//elsewhere.example/x", "ja": "/ja//elsewhere.example/x"}
    assert [alt["url"] for alt in language_alternates(request, urls)] == [
        f"{ORIGIN}//elsewhere.example/x",
        f"{ORIGIN}/ja//elsewhere.example/x",
        f"{ORIGIN}//elsewhere.example/x",
    ]


def test_the_alternates_of_a_japanese_page(client, public_site):
    response = client.get("/ja/areas/?x=1", secure=True)
    assert sorted(head_of(response).alternates) == [
        ("en", "https://testserver/areas/?x=1"),
        ("ja", "https://testserver/ja/areas/?x=1"),
        ("x-default", "https://testserver/areas/?x=1"),
    ]


def test_a_cached_page_never_carries_another_hosts_addresses(client, public_site, settings):
    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    client.get("/areas/", HTTP_HOST="localhost")
    page = client.get("/areas/").content.decode()
    assert "http://localhost/" not in page
    caches["pages"].clear()


# -- the same view in other formats (<link rel="alternate">) -------------------------------

ALTERNATE = re.compile(r'<link rel="alternate" type="([^"]+)" href="([^"]+)"')


@pytest.mark.parametrize(
    "page",
    [
        lambda site: reverse("recommendations:recommendation_list") + "?status=in_progress",
        lambda site: site["areas"][1].get_absolute_url() + "?status=in_progress",
    ],
)
def test_list_pages_name_their_feed_csv_excel_json_and_calendar(client, public_site, page):
    html = client.get(page(public_site)).content.decode()
    alternates = {kind: href.replace("&amp;", "&") for kind, href in ALTERNATE.findall(html)}
    assert set(alternates) == {
        "application/atom+xml",
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/json",
        "text/calendar",
    }
    for kind, href in alternates.items():
        assert "status=in_progress" in href, kind
        response = client.get(href)
        assert response.status_code == 200, href
        assert response["Content-Type"].startswith(kind), (href, response["Content-Type"])


def test_a_recommendation_names_its_json(client, public_site):
    recommendation = public_site["published"][0]
    html = client.get(recommendation.get_absolute_url()).content.decode()
    [(kind, href)] = ALTERNATE.findall(html)
    assert kind == "application/json"
    assert client.get(href).json()["code"] == recommendation.code
