"""Chatham House Rule, proven: planted canaries never reach an anonymous visitor.

Canary participants (names, emails, notes), private notes on meetings and updates, draft
recommendations and organisations that only attended or are addressed only by drafts are
planted; then every public URL form is fetched anonymously (pages, each filter of the
list and the export, the feed, error pages, searches for the canaries, and every link the
pages offer), and no canary may appear in any body or header.
"""

import csv
import io
import re
from html import escape
from urllib.parse import quote, quote_plus, urlencode, urlsplit

import pytest
from django.urls import reverse

from notifications.models import Subscription
from recommendations.models import Organisation, Recommendation
from recommendations.public.sitemaps import SITEMAPS
from tests.canaries import (
    ATTENDEE_ORG,
    ATTENDING_PERSON,
    CANARIES,
    DRAFT_CODE,
    DRAFT_SUMMARY,
    DRAFT_TITLE,
    EMAIL,
    MEETING_NOTE,
    PERSON,
    PERSON_NOTE,
    UPDATE_NOTE,
    list_queries,
)
from tests.downloads import workbook_text

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OPEN_DATA_NAMES = (
    "index",
    "datapackage",
    "status_updates_csv",
    "policy_areas_csv",
    "bodies_csv",
    "workshops_csv",
    "recommendation_areas_csv",
    "recommendation_bodies_csv",
    "recommendation_workshops_csv",
)


def unfolded_calendar(raw):
    """iCalendar text as written, unfolded and unescaped, so a folded canary still shows."""
    text = raw.decode("utf-8").replace("\r\n ", "")
    for escaped, plain in (("\\,", ","), ("\\;", ";"), ("\\n", "\n"), ("\\\\", "\\")):
        text = text.replace(escaped, plain)
    return text


def body_of(response):
    """The decoded body, read once (a streamed export can only be consumed once); of an
    Excel workbook, the text of its cells (the zipped bytes would hide any canary)."""
    if not hasattr(response, "_decoded_body"):
        raw = b"".join(response.streaming_content) if response.streaming else response.content
        if response.get("Content-Type") == XLSX:
            response._decoded_body = workbook_text(raw)
        elif response.get("Content-Type", "").startswith("text/calendar"):
            response._decoded_body = unfolded_calendar(raw)
        else:
            response._decoded_body = raw.decode("utf-8-sig", errors="replace")
    return response._decoded_body


def text_of(response):
    headers = "\n".join(f"{name}: {value}" for name, value in response.items())
    return headers + "\n" + body_of(response)


def csv_rows(response):
    return [row for row in csv.reader(io.StringIO(body_of(response))) if row]


def without_echo(text, typed):
    """The visitor's own search words may be echoed back (search box, links): drop them."""
    for form in (typed, escape(typed), quote(typed), quote_plus(typed), quote(typed, safe="")):
        text = text.replace(form, "")
    return text


def assert_no_canary(url, text):
    lowered = text.lower()
    leaked = [canary for canary in CANARIES if canary.lower() in lowered]
    assert leaked == [], f"{url} shows {leaked}"


def fetch(client, url):
    response = client.get(url)
    assert response.status_code in (200, 400, 404), f"{url} answered {response.status_code}"
    return response


def test_no_canary_on_any_public_url(client, canary_world):
    pages = [
        reverse("recommendations:dashboard"),
        reverse("recommendations:dashboard") + "?as_of=2025-12-31",
        reverse("recommendations:report"),
        reverse("recommendations:report") + "?from=2024-01-01&to=2025-12-31",
        reverse("recommendations:report_csv") + "?from=2024-01-01&to=2025-12-31",
        reverse("recommendations:area_list"),
        reverse("recommendations:workshop_list"),
        reverse("recommendations:body_list"),
        reverse("recommendations:updates_feed"),
        reverse("robots_txt"),
        reverse("sitemap"),
        *(reverse("sitemap_section", args=[section]) for section in SITEMAPS),
        *(area.get_absolute_url() for area in canary_world["areas"]),
        *(workshop.get_absolute_url() for workshop in canary_world["workshops"]),
        *(
            org.get_absolute_url()
            for org in Organisation.objects.filter(recommendations__is_published=True).distinct()
        ),
        *(r.get_absolute_url() for r in Recommendation.objects.published()),
        *(
            reverse("recommendations:updates_feed") + f"?area={area.slug}"
            for area in canary_world["areas"]
        ),
        # Following by email: the sign-up pages, and the feed of the followed filter.
        reverse("notifications:follow"),
        reverse("notifications:follow")
        + f"?followed=list&target=area%3D{canary_world['areas'][0].slug}",
        reverse("notifications:follow") + f"?followed=body&target={canary_world['agency'].slug}",
        reverse("notifications:follow_sent"),
        reverse("recommendations:updates_feed") + "?" + Subscription.objects.get().target,
        # The open data: its page, the package and every file in it.
        *(reverse(f"opendata:{name}") for name in OPEN_DATA_NAMES),
    ]
    for query in list_queries(canary_world):
        pages.append(reverse("recommendations:recommendation_list") + query)
        pages.append(reverse("recommendations:recommendation_csv") + query)
        pages.append(reverse("recommendations:recommendation_xlsx") + query)
        pages.append(canary_world["areas"][0].get_absolute_url() + query)
        pages.append(canary_world["agency"].get_absolute_url() + query)
        pages.append(reverse("recommendations:deadlines_ics") + query)
    not_found = [
        reverse("recommendations:recommendation_detail", args=[DRAFT_CODE]),
        reverse("recommendations:recommendation_detail", args=["AJ-0000-000"]),
        reverse("recommendations:area_detail", args=["no-such-area"]),
        reverse("recommendations:workshop_detail", args=["no-such-meeting"]),
        canary_world["attendee_org"].get_absolute_url(),
        canary_world["draft_org"].get_absolute_url(),
        "/no-such-page/",
    ]
    seen = set()
    workbooks = 0
    for url in pages + not_found:
        seen.add(url)
        response = fetch(client, url)
        assert_no_canary(url, text_of(response))
        if url in not_found:
            assert response.status_code == 404, url
        if response.get("Content-Type") == XLSX:
            # The workbook was really read: its header and its second sheet are there.
            assert "latest public update" in body_of(response), url
            assert "Recommendations in this file" in body_of(response), url
            workbooks += 1
    assert workbooks >= len(list_queries(canary_world)) - 3  # all but the refused (bad filters)

    # Then every link those pages offer (one step further), as a visitor would follow them.
    followed = 0
    for url in list(seen):
        response = client.get(url)
        if response.get("Content-Type", "").startswith("text/html"):
            for link in set(_links(response.content.decode())):
                if link not in seen:
                    seen.add(link)
                    followed += 1
                    assert_no_canary(link, text_of(fetch(client, link)))
    assert followed > 20  # the crawl really went somewhere


def _links(html):
    for href in re.findall(r'href="([^"]+)"', html):
        href = href.replace("&amp;", "&")
        parts = urlsplit(href)
        if not parts.netloc and href.startswith("/") and not href.startswith(("/admin", "/static")):
            yield href


@pytest.mark.parametrize(
    "typed",
    [
        PERSON,
        "Quillfeather",
        EMAIL,
        ATTENDING_PERSON,
        PERSON_NOTE,
        MEETING_NOTE,
        UPDATE_NOTE,
        DRAFT_CODE,
        DRAFT_TITLE,
        DRAFT_SUMMARY,
        ATTENDEE_ORG,
    ],
)
def test_searching_for_a_canary_finds_nothing_and_shows_nothing(client, canary_world, typed):
    query = "?" + urlencode({"q": typed})
    listing = client.get(reverse("recommendations:recommendation_list") + query)
    assert listing.status_code == 200
    assert listing.context["listing"].paginator.count == 0
    assert_no_canary(query, without_echo(text_of(listing), typed))

    export = client.get(reverse("recommendations:recommendation_csv") + query)
    assert export.status_code == 200
    assert len(csv_rows(export)) == 1  # the header row only
    assert_no_canary(query, without_echo(text_of(export), typed))

    for url in (
        reverse("recommendations:updates_feed") + query,
        canary_world["areas"][0].get_absolute_url() + query,
    ):
        assert_no_canary(url, without_echo(text_of(client.get(url)), typed))


def test_filtering_by_an_organisation_shows_what_it_was_addressed_not_what_it_attended(
    client, canary_world
):
    # The agency's member attended the Canberra meeting; the agency is addressed by both
    # published recommendations, one raised in Tokyo. The result is exactly what it was
    # addressed, whatever meetings its people attended.
    response = client.get(
        reverse("recommendations:recommendation_list") + f"?body={canary_world['agency'].slug}"
    )
    shown = {r.code for r in response.context["listing"].page}
    assert shown == {canary_world["addressed"].code, canary_world["raised_in_tokyo"].code}


def test_an_organisation_that_only_attended_is_no_filter_choice_and_its_slug_is_ignored(
    client, canary_world
):
    everything = client.get(reverse("recommendations:recommendation_list"))
    offered = {
        value
        for value, _ in everything.context["listing"].filterset.filters["body"].extra["choices"]
    }
    assert offered == {canary_world["agency"].slug}
    for org in ("attendee_org", "draft_org"):
        response = client.get(
            reverse("recommendations:recommendation_list") + f"?body={canary_world[org].slug}"
        )
        # Ignored like any unknown value: the same results as no filter at all.
        assert (
            response.context["listing"].paginator.count
            == everything.context["listing"].paginator.count
        )
        assert canary_world[org].name not in response.content.decode()
        export = client.get(
            reverse("recommendations:recommendation_csv") + f"?body={canary_world[org].slug}"
        )
        assert len(csv_rows(export)) == 1 + everything.context["listing"].paginator.count
