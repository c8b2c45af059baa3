"""The tracker as it stood on a past date (`as_of`): list, facets, dashboard, area page, CSV."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from recommendations.choices import Lead, Status
from recommendations.models import Recommendation, StatusUpdate
from recommendations.services import record_status_update
from tests.factories import make_area, make_recommendation

pytestmark = pytest.mark.django_db

LIST = reverse("recommendations:recommendation_list")
CSV = reverse("recommendations:recommendation_csv")
DASHBOARD = reverse("recommendations:dashboard")
JUNE_30 = datetime.date(2026, 6, 30)


@pytest.fixture
def history():
    """Four published recommendations and a draft, with logs that tell apart every rule.

    A  proposed 1 Mar, in progress 1 May, implemented 1 Aug  -> in progress on 30 Jun
    B  in progress 1 Mar, back to not started 1 Jun (backwards) -> not started on 30 Jun
    C  first update 1 Jul                                  -> not yet raised on 30 Jun
    D  proposed 1 Mar; an update dated 1 Jun recorded only on 10 Jul (back-dated)
       -> in progress on 30 Jun, but not on 31 May
    E  a draft, in progress since 1 Mar                   -> never shown
    """
    area = make_area(name="Critical minerals", slug="critical-minerals")
    made = {}
    for key, lead, target in (
        ("A", Lead.AUSTRALIA, datetime.date(2026, 6, 1)),
        ("B", Lead.JAPAN, datetime.date(2026, 6, 15)),
        ("C", Lead.JOINT, None),
        ("D", Lead.JOINT, datetime.date(2026, 12, 31)),
    ):
        made[key] = make_recommendation(
            code=f"AJ-2026-00{ord(key) - 64}", lead=lead, areas=[area], target_date=target
        )
    log = [
        ("A", Status.PROPOSED, datetime.date(2026, 3, 1)),
        ("A", Status.IN_PROGRESS, datetime.date(2026, 5, 1)),
        ("A", Status.IMPLEMENTED, datetime.date(2026, 8, 1)),
        ("B", Status.IN_PROGRESS, datetime.date(2026, 3, 1)),
        ("B", Status.NOT_STARTED, datetime.date(2026, 6, 1)),
        ("C", Status.PROPOSED, datetime.date(2026, 7, 1)),
        ("D", Status.PROPOSED, datetime.date(2026, 3, 1)),
    ]
    for key, status, as_of in log:
        record_status_update(recommendation=made[key], status=status, as_of=as_of)
    back_dated = record_status_update(
        recommendation=made["D"], status=Status.IN_PROGRESS, as_of=datetime.date(2026, 6, 1)
    )
    StatusUpdate.objects.filter(pk=back_dated.pk).update(
        recorded_at=timezone.make_aware(datetime.datetime(2026, 7, 10, 9))
    )
    made["E"] = make_recommendation(code="AJ-2099-999", is_published=False, areas=[area])
    record_status_update(
        recommendation=made["E"], status=Status.IN_PROGRESS, as_of=datetime.date(2026, 3, 1)
    )
    made["area"] = area
    return made


def listing_of(client, query):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    return response.context["listing"]


def shown(listing):
    return {r.code: r.status for r in listing.page.object_list}


def test_the_list_shows_each_status_as_the_log_held_it_then(client, history):
    listing = listing_of(client, "as_of=2026-06-30")
    # C was raised on 1 Jul; the draft never shows.
    assert shown(listing) == {
        "AJ-2026-001": Status.IN_PROGRESS,
        "AJ-2026-002": Status.NOT_STARTED,
        "AJ-2026-004": Status.IN_PROGRESS,
    }
    assert listing.paginator.count == 3
    html = client.get(f"{LIST}?as_of=2026-06-30").content.decode()
    assert "As it stood on 30 Jun 2026" in html
    assert f'href="{LIST}"' in html  # the way back to today


def test_a_back_dated_update_counts_from_its_as_of_date_only(client, history):
    assert shown(listing_of(client, "as_of=2026-05-31"))["AJ-2026-004"] == Status.PROPOSED
    assert shown(listing_of(client, "as_of=2026-06-01"))["AJ-2026-004"] == Status.IN_PROGRESS


def test_a_status_that_went_backwards_is_shown_as_it_was_on_each_side(client, history):
    assert shown(listing_of(client, "as_of=2026-05-31"))["AJ-2026-002"] == Status.IN_PROGRESS
    assert shown(listing_of(client, "as_of=2026-06-01"))["AJ-2026-002"] == Status.NOT_STARTED


def test_facet_counts_and_filters_use_the_status_then(client, history):
    listing = listing_of(client, "as_of=2026-06-30")
    counts = listing.facet_counts["status"]
    assert counts[Status.IN_PROGRESS] == 2
    assert counts[Status.NOT_STARTED] == 1
    assert counts[Status.IMPLEMENTED] == 0
    # Overdue judged against 30 June: A (target 1 Jun, in progress then) and B (15 Jun).
    assert listing.overdue["count"] == 2
    narrowed = listing_of(client, "as_of=2026-06-30&status=in_progress")
    assert set(shown(narrowed)) == {"AJ-2026-001", "AJ-2026-004"}
    overdue = listing_of(client, "as_of=2026-06-30&overdue=1")
    assert set(shown(overdue)) == {"AJ-2026-001", "AJ-2026-002"}
    # Today A is implemented, so it is not overdue any more.
    assert set(shown(listing_of(client, "overdue=1"))) == {"AJ-2026-002"}


def test_rows_are_marked_overdue_against_the_day_shown(client, history):
    html = client.get(f"{LIST}?as_of=2026-06-30&status=in_progress").content.decode()
    assert html.count('class="overdue-marker"') == 1  # A; D's target is later
    listing = listing_of(client, "as_of=2026-06-30")
    overdue = [r.code for r in listing.page.object_list if r.is_overdue()]
    assert overdue == ["AJ-2026-001", "AJ-2026-002"]


def test_sorting_by_latest_update_uses_the_date_then(client, history):
    listing = listing_of(client, "as_of=2026-06-30&sort=updated")
    assert [r.code for r in listing.page.object_list] == [
        "AJ-2026-002",
        "AJ-2026-004",
        "AJ-2026-001",
    ]


def test_today_is_the_current_view(client, history):
    today = timezone.localdate().isoformat()
    assert shown(listing_of(client, f"as_of={today}")) == shown(listing_of(client, ""))
    assert listing_of(client, f"as_of={today}").day is None


@pytest.mark.parametrize(
    "value, message",
    [
        ("2999-01-01", "is in the future"),
        ("1999-12-31", "Choose a date from"),
        ("30/06/2026", "Enter the date as YYYY-MM-DD"),
        ("2026-02-30", "Enter the date as YYYY-MM-DD"),
        ("x" * 500, "Enter the date as YYYY-MM-DD"),
    ],
)
def test_a_date_that_cannot_be_used_is_explained_and_today_is_shown(
    client, history, value, message
):
    for url in (LIST, DASHBOARD, history["area"].get_absolute_url()):
        response = client.get(url, {"as_of": value})
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert "Showing today" in html
        assert "as-of-banner" not in html
    refused = client.get(CSV, {"as_of": value})
    assert refused.status_code == 400
    assert message in refused.content.decode()


def test_the_csv_holds_the_tracker_as_it_stood_and_says_so_in_its_name(client, history):
    response = client.get(CSV, {"as_of": "2026-06-30"})
    assert response.status_code == 200
    assert "recommendations-all-as-of-2026-06-30.csv" in response["Content-Disposition"]
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    by_code = {row["code"]: row for row in rows}
    assert set(by_code) == {"AJ-2026-001", "AJ-2026-002", "AJ-2026-004"}
    assert by_code["AJ-2026-001"]["status"] == "In progress"
    assert by_code["AJ-2026-001"]["status as of"] == "2026-05-01"
    assert by_code["AJ-2026-001"]["overdue"] == "yes"
    assert by_code["AJ-2026-004"]["status as of"] == "2026-06-01"


def test_the_dashboard_shows_counts_and_trend_as_they_stood(client, history):
    response = client.get(DASHBOARD, {"as_of": "2026-06-30"})
    assert response.status_code == 200
    overall = response.context["overall"]
    assert overall.total == 3
    assert overall.counts[Status.IN_PROGRESS] == 2
    assert overall.overdue == 2
    trend = response.context["trend"]
    assert trend.last.day == JUNE_30
    assert [p.total for p in trend.points] == [3, 3, 3, 3]  # March to June
    html = response.content.decode()
    assert "As it stood on 30 Jun 2026" in html
    # Every link into the list keeps the date.
    assert f"{LIST}?as_of=2026-06-30" in html
    by_lead = {row.key: row for row in response.context["by_lead"]}
    assert by_lead[Lead.JAPAN].counts[Status.NOT_STARTED] == 1
    assert by_lead[Lead.JAPAN].overdue == 1


def test_the_dashboard_latest_updates_stop_at_the_date(client, history):
    response = client.get(DASHBOARD, {"as_of": "2026-06-30"})
    days = [update.as_of for update in response.context["latest_updates"]]
    assert days and max(days) <= JUNE_30
    assert all(u.recommendation.is_published for u in response.context["latest_updates"])


def test_the_area_page_shows_its_breakdown_as_it_stood(client, history):
    response = client.get(history["area"].get_absolute_url(), {"as_of": "2026-06-30"})
    assert response.status_code == 200
    progress = response.context["progress"]
    assert progress.total == 3
    assert progress.counts[Status.IN_PROGRESS] == 2
    assert "AJ-2099-999" not in response.content.decode()


def test_drafts_never_appear_whatever_the_date(client, history):
    for day in ("2026-03-01", "2026-06-30", "2026-09-30"):
        for url in (LIST, DASHBOARD, CSV, history["area"].get_absolute_url()):
            response = client.get(url, {"as_of": day})
            body = (
                b"".join(response.streaming_content) if response.streaming else response.content
            ).decode()
            assert "AJ-2099-999" not in body, (url, day)
    assert not Recommendation.objects.published().standing_on(JUNE_30).filter(code="AJ-2099-999")


def test_the_japanese_list_says_the_date_in_japanese(client, history):
    html = client.get(f"/ja{LIST}", {"as_of": "2026-06-30"}).content.decode()
    assert "2026年6月30日" in html
