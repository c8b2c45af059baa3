"""Policy-area pages: progress roll-ups and the list component with the area fixed."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from recommendations.choices import Status, completion_share
from recommendations.models import Recommendation
from recommendations.public import listing
from recommendations.reporting import trend_steps
from tests.factories import make_tracker

pytestmark = pytest.mark.django_db

AREAS = reverse("recommendations:area_list")

# 1 the policy areas, 2 counts by area and status (GROUP BY)
AREA_LIST_QUERIES = 2
# 1 the area by slug, then the list component's 9 (see tests/public/test_listing.py),
# 11 the area's counts by status (GROUP BY), 12-14 its trend from the kept steps (the
# audit position, the position the steps were brought up to, the area's steps)
AREA_DETAIL_QUERIES = 1 + 9 + 1 + 3


def area_url(slug):
    return reverse("recommendations:area_detail", args=[slug])


def test_area_list_shows_every_area_with_progress(client, public_site):
    response = client.get(AREAS)
    assert response.status_code == 200
    html = response.content.decode()
    for area in public_site["areas"]:
        assert f'<a href="{area.get_absolute_url()}">{area.name}</a>' in html
    rows = {row.key: row for row in response.context["by_area"]}
    energy = Recommendation.objects.published().filter(policy_areas__slug="energy-security")
    assert rows["energy-security"].total == energy.count()
    assert rows["energy-security"].share == completion_share(energy.status_counts())


def test_area_page_is_the_list_with_the_area_fixed(client, public_site):
    response = client.get(area_url("critical-minerals") + "?status=in_progress&status=implemented")
    assert response.status_code == 200
    shown = [r.code for r in response.context["listing"].page.object_list]
    expected = list(
        Recommendation.objects.published()
        .filter(policy_areas__slug="critical-minerals", status__in=["in_progress", "implemented"])
        .order_by("code")
        .values_list("code", flat=True)
    )
    assert shown == expected
    html = response.content.decode()
    assert f'<strong id="result-count">{len(expected)}</strong>' in html
    assert f'<form id="filters" method="get" action="{area_url("critical-minerals")}">' in html
    # The area is decided by the path: no area checkboxes, no area chip.
    assert 'name="area"' not in html
    assert all(c["name"] != "Policy area" for c in response.context["listing"].chips)


def test_area_page_ignores_an_area_parameter(client, public_site):
    response = client.get(area_url("ai-governance") + "?area=critical-minerals")
    shown = {r.code for r in response.context["listing"].page.object_list}
    assert shown == set(
        Recommendation.objects.published()
        .filter(policy_areas__slug="ai-governance")
        .values_list("code", flat=True)
    )


def test_area_progress_and_status_links(client, public_site):
    response = client.get(area_url("critical-minerals"))
    progress = response.context["progress"]
    in_area = Recommendation.objects.published().filter(policy_areas__slug="critical-minerals")
    assert progress.total == in_area.count()
    assert progress.counts[Status.IN_PROGRESS] == in_area.filter(status="in_progress").count()
    html = response.content.decode()
    assert '<progress id="area-share" class="share" max="100"' in html
    assert 'href="/areas/critical-minerals/?status=in_progress"' in html


def test_area_page_links_feed_and_csv(client, public_site):
    response = client.get(area_url("energy-security") + "?lead=jp&page=1")
    html = response.content.decode()
    # The feed of this very view: the area and the page's own filters.
    feed = reverse("recommendations:updates_feed") + "?lead=jp&amp;area=energy-security"
    assert f'rel="alternate" type="application/atom+xml" href="{feed}"' in html
    csv = parse_qs(urlsplit(response.context["listing"].csv_url).query)
    assert csv == {"lead": ["jp"], "area": ["energy-security"]}


def test_area_pagination_stays_on_the_area_page(client, db):
    recs = make_tracker(60)
    slug = recs[0].policy_areas.first().slug
    response = client.get(area_url(slug) + "?sort=-code")
    listing_ = response.context["listing"]
    assert listing_.paginator.count == 60
    assert urlsplit(listing_.next_url).path == area_url(slug)
    assert parse_qs(urlsplit(listing_.next_url).query) == {"sort": ["-code"], "page": ["2"]}


def test_unknown_area_is_not_found(client, public_site):
    assert client.get(area_url("no-such-area")).status_code == 404


def test_area_list_query_count(client, db, django_assert_num_queries):
    make_tracker(60)
    with django_assert_num_queries(AREA_LIST_QUERIES):
        client.get(AREAS)


@pytest.mark.parametrize("count", [3, 60])
@pytest.mark.parametrize("page_size", [10, 25])
def test_area_detail_query_count(
    client, db, django_assert_num_queries, monkeypatch, count, page_size
):
    recs = make_tracker(count)
    monkeypatch.setattr(listing, "PAGE_SIZE", page_size)
    slug = recs[0].policy_areas.first().slug
    trend_steps.sync()  # up to date with the last write, as after any earlier page view
    with django_assert_num_queries(AREA_DETAIL_QUERIES):
        client.get(area_url(slug))
