"""Chatham House Rule, proven: planted canaries never reach an anonymous visitor.

Canary participants (names, emails, notes), private notes on meetings and updates, draft
recommendations and organisations that only attended or are addressed only by drafts are
planted; then every public URL form is fetched anonymously (pages, each filter of the
list and the export, the feed, error pages, searches for the canaries, and every link the
pages offer), and no canary may appear in any body or header.
"""

import csv
import datetime
import io
import re
from html import escape
from urllib.parse import quote, quote_plus, urlencode, urlsplit

import pytest
from django.urls import reverse

from notifications.models import Subscription
from notifications.services import confirm
from recommendations.choices import Lead, Priority, Status
from recommendations.models import Organisation, Recommendation
from recommendations.public.sitemaps import SITEMAPS
from recommendations.services import record_status_update
from tests.factories import (
    make_area,
    make_organisation,
    make_participant,
    make_recommendation,
    make_workshop,
)
from tests.workbooks import workbook_text

pytestmark = pytest.mark.django_db

PERSON = "Zephyrine Quillfeather"
EMAIL = "zq.canary7@canary-mail.example"
PERSON_NOTE = "CANARY-PARTICIPANT-NOTE prefers not to be quoted"
ATTENDING_PERSON = "Bartholomew Nightjar-Canary"
ATTENDING_EMAIL = "b.nightjar@attendee-canary.example"
MEETING_NOTE = "CANARY-MEETING-NOTE the minister's adviser spoke off the record"
UPDATE_NOTE = "CANARY-UPDATE-NOTE cabinet has not yet seen this"
DRAFT_CODE = "ZZ-2099-901"
DRAFT_TITLE = "CANARY draft title on a sensitive subject"
DRAFT_TEXT = "CANARY-DRAFT-TEXT not cleared for release"
DRAFT_SUMMARY = "CANARY-DRAFT-SUMMARY progress on an uncleared recommendation"
ATTENDEE_ORG = "Canary Attendance-Only Institute"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DRAFT_ONLY_ORG = "Canary Draft-Addressee Agency"
SUBSCRIBER_EMAIL = "follower.canary@subscriber-mail.example"
REMINDER_EMAIL = "chase-desk.canary@agency-reminders.example"

CANARIES = [
    PERSON,
    "Quillfeather",
    EMAIL,
    "canary-mail",
    PERSON_NOTE,
    ATTENDING_PERSON,
    ATTENDING_EMAIL,
    MEETING_NOTE,
    UPDATE_NOTE,
    DRAFT_CODE,
    DRAFT_TITLE,
    DRAFT_TEXT,
    DRAFT_SUMMARY,
    ATTENDEE_ORG,
    DRAFT_ONLY_ORG,
    SUBSCRIBER_EMAIL,
    "subscriber-mail",
    REMINDER_EMAIL,
    "agency-reminders",
]


@pytest.fixture
def world():
    """Published recommendations around canaries that must stay private."""
    energy, minerals = make_area(name="Energy security"), make_area(name="Critical minerals")
    agency = make_organisation(name="Department of Public Works", reminder_email=REMINDER_EMAIL)
    attendee_org = make_organisation(name=ATTENDEE_ORG, slug="canary-attendee")
    draft_org = make_organisation(name=DRAFT_ONLY_ORG, slug="canary-draft-addressee")
    canberra = make_workshop(title="Canberra workshop", private_notes=MEETING_NOTE)
    tokyo = make_workshop(
        title="Tokyo roundtable", city="Tokyo", start_date=datetime.date(2025, 5, 1)
    )
    make_participant(
        workshop=canberra, name=PERSON, email=EMAIL, notes=PERSON_NOTE, organisation=agency
    )
    make_participant(
        workshop=tokyo, name=ATTENDING_PERSON, email=ATTENDING_EMAIL, organisation=attendee_org
    )
    addressed = make_recommendation(
        areas=[energy],
        workshops=[canberra],
        bodies=[agency],
        status=Status.IN_PROGRESS,
        summary="Work has started.",
        lead=Lead.AUSTRALIA,
        priority=Priority.HIGH,
        target_date=datetime.date(2024, 1, 1),
    )
    record_status_update(
        recommendation=addressed,
        status=Status.PARTIALLY_IMPLEMENTED,
        as_of=datetime.date(2025, 9, 1),
        summary="Half done.",
        private_note=UPDATE_NOTE,
    )
    raised_in_tokyo = make_recommendation(
        areas=[minerals], workshops=[tokyo], bodies=[agency], status=Status.NOT_STARTED
    )
    draft = make_recommendation(
        code=DRAFT_CODE,
        title=DRAFT_TITLE,
        text=DRAFT_TEXT,
        rationale=DRAFT_TEXT,
        is_published=False,
        areas=[energy, minerals],
        workshops=[canberra, tokyo],
        bodies=[draft_org, agency],
        status=Status.IN_PROGRESS,
        summary=DRAFT_SUMMARY,
    )
    # Someone follows the energy list by email: their address is the secretariat's to see.
    confirm(
        subscription=Subscription.objects.create(
            email=SUBSCRIBER_EMAIL, followed="list", target=f"area={energy.slug}", language="en"
        )
    )
    return {
        "areas": [energy, minerals],
        "workshops": [canberra, tokyo],
        "agency": agency,
        "attendee_org": attendee_org,
        "draft_org": draft_org,
        "addressed": addressed,
        "raised_in_tokyo": raised_in_tokyo,
        "draft": draft,
    }


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


def list_queries(world):
    """Every filter of the list, one at a time and combined, with sorting and paging."""
    queries = [{}]
    queries += [{"area": area.slug} for area in world["areas"]]
    queries += [{"status": value} for value in Status.values]
    queries += [{"workshop": workshop.slug} for workshop in world["workshops"]]
    queries += [{"lead": value} for value in Lead.values]
    queries += [{"priority": value} for value in Priority.values]
    queries += [
        {"body": world["agency"].slug},
        {"body": world["attendee_org"].slug},
        {"body": world["draft_org"].slug},
        {"overdue": "1"},
        {"sort": "updated"},
        {"sort": "priority"},
        {"sort": "-target"},
        {"page": "2"},
        {"page": "abc"},
        {"q": "started"},
        {"slipped": "1"},
        {"as_of": "2025-12-31"},
        {"as_of": "2025-12-31", "overdue": "1", "sort": "updated"},
        {"as_of": "2999-01-01"},
        {"area": world["areas"][0].slug, "status": Status.PARTIALLY_IMPLEMENTED, "overdue": "1"},
    ]
    return [f"?{urlencode(query)}" if query else "" for query in queries]


def test_no_canary_on_any_public_url(client, world):
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
        *(area.get_absolute_url() for area in world["areas"]),
        *(workshop.get_absolute_url() for workshop in world["workshops"]),
        *(
            org.get_absolute_url()
            for org in Organisation.objects.filter(recommendations__is_published=True).distinct()
        ),
        *(r.get_absolute_url() for r in Recommendation.objects.published()),
        *(
            reverse("recommendations:updates_feed") + f"?area={area.slug}"
            for area in world["areas"]
        ),
        # Following by email: the sign-up pages, and the feed of the followed filter.
        reverse("notifications:follow"),
        reverse("notifications:follow") + f"?followed=list&target=area%3D{world['areas'][0].slug}",
        reverse("notifications:follow") + f"?followed=body&target={world['agency'].slug}",
        reverse("notifications:follow_sent"),
        reverse("recommendations:updates_feed") + "?" + Subscription.objects.get().target,
        # The open data: its page, the package and every file in it.
        *(reverse(f"opendata:{name}") for name in OPEN_DATA_NAMES),
    ]
    for query in list_queries(world):
        pages.append(reverse("recommendations:recommendation_list") + query)
        pages.append(reverse("recommendations:recommendation_csv") + query)
        pages.append(reverse("recommendations:recommendation_xlsx") + query)
        pages.append(world["areas"][0].get_absolute_url() + query)
        pages.append(world["agency"].get_absolute_url() + query)
        pages.append(reverse("recommendations:deadlines_ics") + query)
    not_found = [
        reverse("recommendations:recommendation_detail", args=[DRAFT_CODE]),
        reverse("recommendations:recommendation_detail", args=["AJ-0000-000"]),
        reverse("recommendations:area_detail", args=["no-such-area"]),
        reverse("recommendations:workshop_detail", args=["no-such-meeting"]),
        world["attendee_org"].get_absolute_url(),
        world["draft_org"].get_absolute_url(),
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
    assert workbooks >= len(list_queries(world)) - 3  # all but the refused (bad filters)

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
def test_searching_for_a_canary_finds_nothing_and_shows_nothing(client, world, typed):
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
        world["areas"][0].get_absolute_url() + query,
    ):
        assert_no_canary(url, without_echo(text_of(client.get(url)), typed))


def test_filtering_by_an_organisation_shows_what_it_was_addressed_not_what_it_attended(
    client, world
):
    # The agency's member attended the Canberra meeting; the agency is addressed by both
    # published recommendations, one raised in Tokyo. The result is exactly what it was
    # addressed, whatever meetings its people attended.
    response = client.get(
        reverse("recommendations:recommendation_list") + f"?body={world['agency'].slug}"
    )
    shown = {r.code for r in response.context["listing"].page}
    assert shown == {world["addressed"].code, world["raised_in_tokyo"].code}


def test_an_organisation_that_only_attended_is_no_filter_choice_and_its_slug_is_ignored(
    client, world
):
    everything = client.get(reverse("recommendations:recommendation_list"))
    offered = {
        value
        for value, _ in everything.context["listing"].filterset.filters["body"].extra["choices"]
    }
    assert offered == {world["agency"].slug}
    for org in ("attendee_org", "draft_org"):
        response = client.get(
            reverse("recommendations:recommendation_list") + f"?body={world[org].slug}"
        )
        # Ignored like any unknown value: the same results as no filter at all.
        assert (
            response.context["listing"].paginator.count
            == everything.context["listing"].paginator.count
        )
        assert world[org].name not in response.content.decode()
        export = client.get(
            reverse("recommendations:recommendation_csv") + f"?body={world[org].slug}"
        )
        assert len(csv_rows(export)) == 1 + everything.context["listing"].paginator.count
