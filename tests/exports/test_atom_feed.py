"""The Atom feed of public status updates."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from recommendations.models import StatusUpdate
from tests.factories import DRAFT_CODE, SECRET_UPDATE_NOTE, make_tracker

pytestmark = pytest.mark.django_db

FEED = reverse("recommendations:updates_feed")
ATOM = "{http://www.w3.org/2005/Atom}"
# 1-3 the FilterSet's vocabularies (areas, meetings, bodies), 4 the 50th newest
# status_as_of among the filtered recommendations, 5 the updates since then with their
# recommendations (JOIN, narrowed by a subquery on the filtered recommendations)
FEED_QUERIES = 5


def entries(response):
    root = ET.fromstring(response.content)
    return root, root.findall(f"{ATOM}entry")


def test_feed_lists_public_updates_newest_first(client, public_site):
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root, items = entries(response)
    public = StatusUpdate.objects.public().newest_first()
    assert len(items) == public.count()
    first = public.first()
    assert items[0].find(f"{ATOM}title").text == (
        f"{first.recommendation.code}: {first.get_status_display()}"
    )
    link = items[0].find(f"{ATOM}link").get("href")
    assert link.endswith(f"{first.recommendation.get_absolute_url()}#update-{first.pk}")
    body = response.content.decode()
    assert DRAFT_CODE not in body
    assert SECRET_UPDATE_NOTE not in body
    assert "Draft update summary" not in body


def test_feed_filtered_by_area(client, public_site):
    response = client.get(f"{FEED}?area=ai-governance")
    root, items = entries(response)
    expected = StatusUpdate.objects.public().filter(
        recommendation__policy_areas__slug="ai-governance"
    )
    assert {i.find(f"{ATOM}id").text.rsplit("-", 1)[1] for i in items} == {
        str(u.pk) for u in expected
    }
    alternate = root.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate.endswith(reverse("recommendations:area_detail", args=["ai-governance"]))
    assert root.find(f"{ATOM}link[@rel='self']").get("href").endswith(f"{FEED}?area=ai-governance")


@pytest.mark.parametrize(
    "query", ["area=nowhere", "area=%00", "area=%3Cb%3E", "status=x" + "y" * 5000, "q=%00"]
)
def test_bad_parameters_are_ignored(client, public_site, query):
    response = client.get(f"{FEED}?{query}")
    assert response.status_code == 200
    _, items = entries(response)
    assert len(items) == StatusUpdate.objects.public().count()
    self_link = ET.fromstring(response.content).find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link.endswith(FEED)


@pytest.mark.parametrize("count", [3, 60])
def test_query_count(client, db, django_assert_num_queries, count):
    make_tracker(count)
    with django_assert_num_queries(FEED_QUERIES):
        client.get(FEED)


def test_feed_holds_the_newest_fifty(client, db):
    make_tracker(70)
    _, items = entries(client.get(FEED))
    expected = StatusUpdate.objects.public().newest_first()[:50]
    assert [i.find(f"{ATOM}id").text.rsplit("-", 1)[1] for i in items] == [
        str(u.pk) for u in expected
    ]


def test_the_japanese_feed_is_in_japanese(client, public_site):
    update = StatusUpdate.objects.public().newest_first().first()
    update.summary_ja = "協議を開始した。"
    update.save()

    response = client.get("/ja/updates.atom")
    root, items = entries(response)

    assert response.status_code == 200
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ja"
    assert root.find(f"{ATOM}title").text == "トラック1.5 提言：最新の進捗報告"
    first = items[0]
    assert first.find(f"{ATOM}title").text == (
        f"{update.recommendation.code}：{update.get_status_display()}"
    )
    assert "協議を開始した。" in first.find(f"{ATOM}summary").text
    assert "/ja/recommendations/" in first.find(f"{ATOM}link").get("href")


@pytest.mark.parametrize(
    "markup",
    ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "&lt;b&gt;already escaped"],
)
def test_summaries_are_plain_text_that_no_reader_renders(client, public_site, markup):
    update = StatusUpdate.objects.public().newest_first().first()
    update.summary = markup
    update.save()

    response = client.get(FEED)
    _root, items = entries(response)
    summary = items[0].find(f"{ATOM}summary")

    assert summary.get("type") == "text"
    assert summary.text == markup  # exactly what was written, shown as written
    assert "<img" not in response.content.decode()
