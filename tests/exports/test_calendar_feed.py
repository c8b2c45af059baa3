"""The calendar of target dates (/deadlines.ics): the list's results as RFC 5545 events,
read back with two independent parsers (icalendar and vobject)."""

import datetime
from urllib.parse import unquote

import icalendar
import pytest
import vobject
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation

from recommendations.models import Recommendation
from recommendations.public.filters import RecommendationFilter
from tests.factories import (
    CALENDAR_FUTURE,
    CALENDAR_PAST,
    CALENDAR_TRICKY_TITLE,
    DRAFT_CODE,
    DRAFT_TITLE,
    PRIVATE_NOTE_CANARY,
    SECRET_PARTICIPANT,
    make_area,
    make_bulk_recommendations,
    make_calendar_tracker,
    make_organisation,
    make_recommendation,
    make_workshop,
)

pytestmark = pytest.mark.django_db

URL = reverse("recommendations:deadlines_ics")
LIST_URL = reverse("recommendations:recommendation_list")
PAST, FUTURE = CALENDAR_PAST, CALENDAR_FUTURE
TRICKY_TITLE = CALENDAR_TRICKY_TITLE


def ics_url(query="", language="en"):
    with translation.override(language):
        url = reverse("recommendations:deadlines_ics")
    return f"{url}?{query}" if query else url


def fetch(client, query="", language="en"):
    response = client.get(ics_url(query, language))
    assert response.status_code == 200, response.content
    return response, b"".join(response.streaming_content)


def parse(body):
    """The calendar read by both parsers: (icalendar.Calendar, vobject component)."""
    calendar = icalendar.Calendar.from_ical(body)
    for component in calendar.walk():
        assert not component.errors, component.errors
    return calendar, vobject.readOne(body.decode("utf-8"))


def code_of(uid):
    # "<code>-target-date@<host>": the summary's separator is the language's own (":" or "：").
    return str(uid).split("-target-date@", 1)[0]


def events_by_code(body):
    """{code: (icalendar event, vobject event)}, both parsers agreeing on the codes."""
    calendar, vcal = parse(body)
    first = {code_of(e["UID"]): e for e in calendar.events}
    second = {code_of(e.uid.value): e for e in vcal.contents.get("vevent", [])}
    assert list(first) == list(second)
    assert len(first) == len(calendar.events)  # one event per recommendation
    return {code: (first[code], second[code]) for code in first}


def codes(body):
    return list(events_by_code(body))


@pytest.fixture
def calendar_tracker():
    return make_calendar_tracker()


def bulk_recommendations(count, **links):
    """make_bulk_recommendations without status updates, every other one with a target date."""
    return make_bulk_recommendations(
        count,
        updates=False,
        target_date=lambda i: (
            datetime.date(2026, 1, 1) + datetime.timedelta(days=i) if i % 2 else None
        ),
        **links,
    )


# -- the file ---------------------------------------------------------------------------------


def test_a_subscribable_utf8_calendar(client, calendar_tracker):
    response, body = fetch(client)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="target-dates-all.ics"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.streaming
    body.decode("utf-8")


def test_the_calendar_says_what_it_is_and_how_often_to_refresh(client, calendar_tracker):
    _response, body = fetch(client, "area=critical-minerals&overdue=1")
    lines = body.decode().split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2:] == ["END:VCALENDAR", ""]
    for line in (
        "VERSION:2.0",
        "PRODID:-//Track 1.5 Recommendations Tracker//Target dates//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
    ):
        assert line in lines
    calendar, vcal = parse(body)
    name = "Track 1.5 target dates: Critical minerals, Overdue only"
    assert vcal.contents["x-wr-calname"][0].value == name
    assert vcal.contents["name"][0].value == name
    assert str(calendar["SOURCE"]) == (
        "http://testserver/deadlines.ics?area=critical-minerals&overdue=1"
    )
    assert str(calendar["URL"]) == (
        "http://testserver/recommendations/?area=critical-minerals&overdue=1"
    )
    description = vcal.contents["x-wr-caldesc"][0].value
    assert "Policy area: Critical minerals; Overdue: Overdue only" in description
    assert str(calendar["DESCRIPTION"]) == description


def test_every_line_is_crlf_ended_and_folded_within_75_octets(client, calendar_tracker):
    _response, body = fetch(client, language="ja")
    assert body.endswith(b"\r\n")
    physical = body.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(physical) and b"\r" not in b"".join(physical)
    assert max(len(line) for line in physical) <= 75
    # The long Japanese title is folded, never in the middle of a character.
    assert sum(line.startswith(b" ") for line in physical) > 3
    for line in physical:
        line.decode("utf-8")


def test_each_event_is_an_all_day_target_date_with_status_bodies_overdue_and_link(
    client, calendar_tracker
):
    _response, body = fetch(client)
    first, second = events_by_code(body)["AJ-2025-001"]
    assert first["DTSTART"].params["VALUE"] == "DATE"
    assert first["DTSTART"].dt == PAST and second.dtstart.value == PAST
    assert first["DTEND"].dt == second.dtend.value == PAST + datetime.timedelta(days=1)
    assert first["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
    assert first["UID"] == second.uid.value == "AJ-2025-001-target-date@testserver"
    assert second.summary.value == "AJ-2025-001: Joint stockpile of critical minerals"
    assert str(first["STATUS"]) == "CONFIRMED"
    assert str(first["TRANSP"]) == "TRANSPARENT"
    link = "http://testserver/recommendations/AJ-2025-001/"
    assert str(first["URL"]) == second.url.value == link
    assert second.description.value == "\n".join(
        [
            "Status: In progress",
            "Status as of: 2025-07-01",
            "Responsible bodies: Department of Foreign Affairs and Trade; "
            "Ministry of Economy, Trade and Industry",
            "Policy areas: Critical minerals; Energy security",
            "Target date: 2020-01-01",
            "Overdue: yes",
            link,
        ]
    )
    assert str(first["DESCRIPTION"]) == second.description.value
    # The areas in their display order, each a category.
    assert second.categories.value == ["Critical minerals", "Energy security"]
    assert [str(c) for c in first["CATEGORIES"].cats] == second.categories.value

    # Implemented after its target date: past, but not overdue. No areas: no categories.
    done, _ = events_by_code(body)["AJ-2025-002"]
    assert "Overdue: no" in str(done["DESCRIPTION"])
    grid, _ = events_by_code(body)["AJ-2025-003"]
    assert "Status: Proposed" in str(grid["DESCRIPTION"])
    assert "Responsible bodies" not in str(grid["DESCRIPTION"])


def test_events_come_in_date_order(client, calendar_tracker):
    calendar, _vcal = parse(fetch(client, "sort=-code")[1])
    days = [event["DTSTART"].dt for event in calendar.events]
    assert days == sorted(days)
    assert [code_of(e["UID"]) for e in calendar.events] == [
        "AJ-2025-001",
        "AJ-2025-002",
        "AJ-2025-005",
        "AJ-2025-003",
    ]


@pytest.mark.parametrize(
    "title",
    [
        TRICKY_TITLE,
        "Commas, commas, commas",
        "Semicolons; and; more",
        "Line one\nline two\r\nline three",
        "Backslash \\ and \\\\ and \\n and \\, literal",
        "日豪経済安全保障対話における重要鉱物、エネルギー安全保障及びＡＩガバナンスに関する長期的な協力の枠組み"
        * 2,
    ],
)
def test_titles_round_trip_through_both_parsers(client, title):
    area = make_area(name="Supply chains, resilience; and \\ backslash", slug="supply-chains")
    make_recommendation(code="AJ-2025-600", title=title, areas=[area], target_date=FUTURE)
    _response, body = fetch(client)
    first, second = events_by_code(body)["AJ-2025-600"]
    # A carriage return is a line break like any other; the title's text is kept exactly.
    expected = "AJ-2025-600: " + title.replace("\r\n", "\n")
    assert str(first["SUMMARY"]) == second.summary.value == expected
    assert second.categories.value == ["Supply chains, resilience; and \\ backslash"]
    assert [str(c) for c in first["CATEGORIES"].cats] == second.categories.value


def test_control_characters_never_reach_the_file(client):
    make_recommendation(code="AJ-2025-601", title="Tab\there, bell\x07, vt\x0b", target_date=FUTURE)
    _response, body = fetch(client)
    assert b"\x07" not in body and b"\x0b" not in body
    _first, second = events_by_code(body)["AJ-2025-601"]
    assert second.summary.value == "AJ-2025-601: Tab\there, bell, vt"


def test_an_empty_calendar_is_still_a_calendar(client, calendar_tracker):
    _response, body = fetch(client, "q=nothing%0Amatches%2C%3B%20this")
    calendar, vcal = parse(body)
    assert calendar.events == [] and "vevent" not in vcal.contents
    # The search text, with its line break, comma and semicolon, named and escaped.
    assert vcal.contents["x-wr-calname"][0].value == (
        "Track 1.5 target dates: “nothing\nmatches,; this”"
    )


# -- which recommendations --------------------------------------------------------------------

FILTER_QUERIES = [
    "",
    "area=critical-minerals",
    "area=critical-minerals&area=energy-security&sort=-code",
    "status=in_progress&lead=joint",
    "status=implemented&status=not_started",
    "overdue=1",
    "slipped=1",
    "body=dfat&area=energy-security",
    "body=meti",
    "workshop=tokyo-2025&priority=high",
    "workshop=canberra-2025",
    "priority=high",
    "lead=au",
    "q=stockpile",
    "q=重要鉱物",
    "q=Bulk%201&sort=-target",
    "area=bulk-area&page=2",
    "area=critical-minerals&sort=sideways&page=x",
]


def list_page_codes(client, query):
    """Every code the list page shows for `query`, page by page, with its target date."""
    shown, page = {}, 1
    params = QueryDict(query, mutable=True)
    while True:
        params["page"] = str(page)
        listing = client.get(f"{LIST_URL}?{params.urlencode()}").context["listing"]
        shown.update({r.code: r.target_date for r in listing.page.object_list})
        if not listing.page.has_next():
            return shown
        page += 1


@pytest.mark.parametrize("query", FILTER_QUERIES)
def test_events_are_the_lists_results_that_have_a_target_date(client, calendar_tracker, query):
    bulk_recommendations(
        40,
        area=make_area(slug="bulk-area"),
        body=calendar_tracker["joint"].responsible_bodies.first(),
        workshop=make_workshop(),
    )
    on_list = list_page_codes(client, query)
    expected = sorted(code for code, target in on_list.items() if target)
    _response, body = fetch(client, query)
    assert sorted(codes(body)) == expected
    # The same rule without the page in between: the list's FilterSet, less the undated.
    filterset = RecommendationFilter(QueryDict(query), queryset=Recommendation.objects.published())
    assert expected == sorted(
        filterset.qs.filter(target_date__isnull=False).values_list("code", flat=True)
    )


def test_recommendations_without_a_target_date_are_left_out(client, calendar_tracker):
    assert "AJ-2025-004" in list_page_codes(client, "area=critical-minerals")
    assert "AJ-2025-004" not in codes(fetch(client, "area=critical-minerals")[1])


@pytest.mark.parametrize(
    "query",
    [
        "",
        "area=critical-minerals",
        "body=dfat&body=meti",
        "workshop=canberra-2025",
        "overdue=1",
        "status=in_progress",
        "priority=high&lead=joint",
        "q=undersea",
        "q=" + DRAFT_CODE,
    ],
)
@pytest.mark.parametrize("language", ["en", "ja"])
def test_never_a_draft_a_participant_or_a_private_note(client, calendar_tracker, query, language):
    _response, body = fetch(client, query, language)
    # Unfolded, and without the visitor's own search words (the calendar's name echoes them).
    text = body.decode().replace("\r\n ", "")
    if query.startswith("q="):
        text = text.replace(query[2:], "")
    for secret in (DRAFT_CODE, DRAFT_TITLE, "undersea", SECRET_PARTICIPANT, PRIVATE_NOTE_CANARY):
        assert secret not in text
    assert DRAFT_CODE not in codes(body)


# -- stable identities ------------------------------------------------------------------------


def test_uids_are_stable_between_requests_and_languages(client, calendar_tracker):
    def uids(language):
        return {
            code: (str(first["UID"]), second.uid.value)
            for code, (first, second) in events_by_code(fetch(client, "", language)[1]).items()
        }

    english, again, japanese = uids("en"), uids("en"), uids("ja")
    assert english == again == japanese
    assert len({uid for uid, _ in english.values()}) == len(english)
    for code, (first, second) in english.items():
        assert first == second == f"{code}-target-date@testserver"


def test_a_moved_target_date_keeps_its_event(client, calendar_tracker):
    before = events_by_code(fetch(client)[1])["AJ-2025-003"][0]
    grid = calendar_tracker["grid"]
    grid.target_date = datetime.date(2099, 6, 1)
    grid.save()
    after = events_by_code(fetch(client)[1])["AJ-2025-003"][0]
    assert after["UID"] == before["UID"]
    assert after["DTSTART"].dt == datetime.date(2099, 6, 1)


# -- Japanese ---------------------------------------------------------------------------------


def test_the_japanese_calendar_has_japanese_labels_titles_and_links(client, calendar_tracker):
    response, body = fetch(client, "area=critical-minerals", "ja")
    assert response["Content-Language"] == "ja"
    events = events_by_code(body)
    first, second = events["AJ-2025-001"]
    # Japanese where the record has it, English where it has not.
    assert second.summary.value == "AJ-2025-001：重要鉱物の共同備蓄"
    assert events["AJ-2025-005"][1].summary.value == f"AJ-2025-005：{TRICKY_TITLE}"
    description = second.description.value
    for japanese in (
        "実施状況",
        "実施中",
        "担当機関",
        "経済産業省",
        "目標期日",
        "期限超過",
        "はい",
    ):
        assert japanese in description
    assert "In progress" not in description
    assert second.categories.value == ["重要鉱物", "Energy security"]
    link = "http://testserver/ja/recommendations/AJ-2025-001/"
    assert str(first["URL"]) == link and description.endswith(link)
    done = events["AJ-2025-002"][1].description.value
    assert "実施済み" in done and "いいえ" in done
    calendar, _vcal = parse(body)
    assert str(calendar["SOURCE"]) == "http://testserver/ja/deadlines.ics?area=critical-minerals"
    # The words are the file's language (an ASCII name until "target-dates" is translated).
    disposition = unquote(response["Content-Disposition"])
    assert disposition.startswith("inline;") and "-critical-minerals.ics" in disposition


def test_the_language_is_settled_before_the_file_streams(client, calendar_tracker):
    """The events are written after the view has returned, when another language may be
    active in the thread: the file stays in the language of its address."""
    response = client.get(ics_url("area=critical-minerals", "ja"))
    translation.activate("en")
    body = b"".join(response.streaming_content)
    _first, second = events_by_code(body)["AJ-2025-001"]
    assert second.summary.value == "AJ-2025-001：重要鉱物の共同備蓄"
    assert second.description.value.startswith("実施状況：実施中")
    assert second.categories.value == ["重要鉱物", "Energy security"]


def test_the_japanese_calendar_has_the_same_events(client, calendar_tracker):
    assert codes(fetch(client, "overdue=1", "ja")[1]) == codes(fetch(client, "overdue=1")[1])


# -- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("q=" + "x" * 201, "longer than 200 characters"),
        ("area=%FF%FE", "Unknown policy area ignored"),
        ("area=critical-minerals&area=nonsense", "Unknown policy area ignored: nonsense"),
        ("overdue=yes", "overdue value was not understood"),
        ("status=bogus", "Unknown status ignored: bogus"),
        ("body=nobody", "Unknown responsible body ignored: nobody"),
        ("as_of=2025-13-45", "YYYY-MM-DD"),
        ("as_of=2999-01-01", "in the future"),
        ("as_of=2025-06-30", "as the tracker stood on 2025-06-30: remove as_of"),
        ("area=critical-minerals&as_of=2025-06-30", "remove as_of"),
    ],
)
def test_a_filter_that_cannot_be_applied_is_refused_like_the_csv(
    client, calendar_tracker, query, says
):
    response = client.get(ics_url(query))
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = response.content.decode()
    assert says in body and "http://testserver/recommendations/" in body
    csv = client.get(reverse("recommendations:recommendation_csv") + "?" + query)
    if "remove as_of" not in says:
        assert csv.status_code == 400


def test_the_refusal_is_in_the_addresss_language(client, calendar_tracker):
    response = client.get(ics_url("status=bogus", "ja"))
    assert response.status_code == 400
    assert "ファイルは作成していません" in response.content.decode()


@pytest.mark.parametrize("as_of", ["", "today"])
def test_as_of_today_or_empty_is_todays_calendar(client, calendar_tracker, as_of):
    day = timezone.localdate().isoformat() if as_of == "today" else ""
    assert codes(fetch(client, f"as_of={day}")[1]) == codes(fetch(client)[1])


@pytest.mark.parametrize("query", ["page=-1", "page=x", "sort=%00", "sort=sideways"])
def test_arrangement_parameters_are_ignored(client, calendar_tracker, query):
    assert codes(fetch(client, query)[1]) == codes(fetch(client)[1])


def test_head_and_no_post(client, calendar_tracker):
    assert client.head(URL).status_code == 200
    assert client.post(URL).status_code == 405


# -- cost -------------------------------------------------------------------------------------


def test_query_count_does_not_grow_with_events(client, django_assert_num_queries):
    area, body, workshop = make_area(), make_organisation(), make_workshop()
    for added, total in ((10, 10), (990, 1000)):
        bulk_recommendations(added, area=area, body=body, workshop=workshop, start=total - added)
        # The FilterSet's vocabularies (areas, workshops, bodies), then one query for the
        # rows with their bodies and areas as correlated subqueries (PostgreSQL: a
        # server-side cursor, fetched 2,000 rows at a time).
        with django_assert_num_queries(4):
            _response, ics = fetch(client, "sort=priority&area=" + area.slug)
        assert len(codes(ics)) == total // 2
        # A text search first finds its matches (RecommendationQuerySet.search_condition:
        # own text and bodies' names, the recommendations still unmatched, their
        # summaries): three queries more.
        with django_assert_num_queries(7):
            fetch(client, "q=Bulk")


# -- the list links to it ---------------------------------------------------------------------


def test_the_list_offers_the_calendar_for_its_filters_today(client, calendar_tracker):
    response = client.get(f"{LIST_URL}?area=critical-minerals&overdue=1&sort=-code&page=1")
    link = response.context["listing"].ics_url
    assert link == "/deadlines.ics?area=critical-minerals&overdue=1"
    assert f'href="{link.replace("&", "&amp;")}"' in response.content.decode()
    assert "Subscribe to target dates (calendar)" in response.content.decode()
    # On a past date the list still offers today's calendar (which a past date would refuse).
    response = client.get(f"{LIST_URL}?area=critical-minerals&as_of=2025-06-30")
    link = response.context["listing"].ics_url
    assert link == "/deadlines.ics?area=critical-minerals"
    assert client.get(link).status_code == 200


def test_an_area_page_offers_its_own_calendar(client, calendar_tracker):
    response = client.get(reverse("recommendations:area_detail", args=["energy-security"]))
    link = response.context["listing"].ics_url
    assert link == "/deadlines.ics?area=energy-security"
    assert codes(b"".join(client.get(link).streaming_content)) == ["AJ-2025-001", "AJ-2025-003"]
