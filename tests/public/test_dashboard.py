"""The dashboard: totals, completion share, charts by area and lead with their tables."""

import pytest
from django.urls import reverse

from recommendations.choices import Status, completion_share
from recommendations.models import Recommendation
from recommendations.reporting import rollups, trend_steps
from tests.factories import make_tracker

pytestmark = pytest.mark.django_db

HOME = reverse("recommendations:dashboard")

# The dashboard's queries, whatever the data size:
#  1 counts by lead side, status and target passed (GROUP BY; overdue and totals from it)
#  2-4 the trend of every lead side (the overall is their sum), from the kept steps:
#    the audit position, the position the steps were last brought up to, the steps
#  5 the policy areas
#  6 counts by policy area, status, target passed and slipped (GROUP BY; the slips are
#    a subquery over the audit trail)
#  7 the date of the 8th newest status (index on status_as_of)
#  8 the status updates since then, newest first, with their recommendations (JOIN)
# (after the steps are up to date with the last write: bringing them up to date costs
# what the recommendations changed cost, tests/reporting/test_trend_steps.py)
DASHBOARD_QUERIES = 8


def test_headline_numbers(client, public_site):
    response = client.get(HOME)
    assert response.status_code == 200
    published = Recommendation.objects.published()
    overall = response.context["overall"]
    assert overall.total == published.count() == 7
    assert overall.share == completion_share(published.status_counts())
    html = response.content.decode()
    assert f'<span class="kpi-number">{overall.share}%</span>' in html
    overdue = published.overdue().count()
    assert overall.overdue == overdue
    assert f'href="{reverse("recommendations:recommendation_list")}?overdue=1"' in html


def test_area_chart_links_and_table(client, public_site):
    response = client.get(HOME)
    html = response.content.decode()
    minerals = next(row for row in response.context["by_area"] if row.key == "critical-minerals")
    published_in = Recommendation.objects.published().filter(policy_areas__slug="critical-minerals")
    assert minerals.total == published_in.count() == 3  # the draft is not counted
    for status in Status:
        assert minerals.counts[status] == published_in.filter(status=status).count()
    assert '<a href="/areas/critical-minerals/">Critical minerals</a>' in html
    segment_url = "/recommendations/?area=critical-minerals&amp;status=in_progress"
    assert f'href="{segment_url}"' in html
    assert "<caption>Recommendations by policy area and status</caption>" in html
    assert sum(seg.percent for seg in minerals.segments) == 100


def test_lead_chart(client, public_site):
    rows = {row.key: row for row in client.get(HOME).context["by_lead"]}
    for lead, row in rows.items():
        assert row.total == Recommendation.objects.published().filter(lead=lead).count()
    assert rows["jp"].url == "/recommendations/?lead=jp"


def test_latest_updates_are_public_ones_newest_first(client, public_site):
    updates = client.get(HOME).context["latest_updates"]
    assert updates
    assert all(u.recommendation.is_published for u in updates)
    assert [u.as_of for u in updates] == sorted((u.as_of for u in updates), reverse=True)


def test_links_to_the_feed(client, public_site):
    html = client.get(HOME).content.decode()
    feed = reverse("recommendations:updates_feed")
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html


def test_empty_tracker(client, db):
    response = client.get(HOME)
    assert response.status_code == 200
    assert response.context["overall"].total == 0


def test_segments_always_fill_the_bar():
    row = rollups.Breakdown({"proposed": 1, "in_progress": 1, "implemented": 1})
    assert [s.percent for s in row.segments] == [34, 33, 33]
    assert rollups.Breakdown(dict.fromkeys(Status.values, 0)).segments == []


@pytest.mark.parametrize("count", [3, 60])
def test_query_count_does_not_grow(client, db, django_assert_num_queries, count):
    make_tracker(count)
    trend_steps.sync()
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(HOME)
    assert response.context["overall"].total == count
