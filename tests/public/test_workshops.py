"""Workshop pages: public facts and published recommendations, never who attended."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import (
    DRAFT_CODE,
    DRAFT_TITLE,
    SECRET_EMAIL,
    SECRET_PARTICIPANT,
    SECRET_WORKSHOP_NOTE,
    make_recommendation,
    make_tracker,
    make_workshop,
)

pytestmark = pytest.mark.django_db

WORKSHOPS = reverse("recommendations:workshop_list")
# 1 the meetings with their hosts and a COUNT of published recommendations (JOIN, GROUP BY)
WORKSHOP_LIST_QUERIES = 1
# 1 the meeting with its host and count, 2 its published recommendations,
# 3-5 prefetch of their policy areas, responsible bodies and meetings
WORKSHOP_DETAIL_QUERIES = 5


def workshop_url(slug):
    return reverse("recommendations:workshop_detail", args=[slug])


def test_workshop_list(client, public_site):
    response = client.get(WORKSHOPS)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="/workshops/canberra-2025/">Canberra workshop</a>' in html
    assert "Private consultation" in html
    counts = {w.slug: w.published_count for w in response.context["workshops"]}
    # Canberra: 001, 002, 005 published; the draft raised there is not counted.
    assert counts == {"canberra-2025": 3, "tokyo-2025": 4}


def test_workshop_detail(client, public_site):
    response = client.get(workshop_url("canberra-2025"))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Canberra workshop",
        "Public summary of the Canberra meeting.",
        "Department of Foreign Affairs and Trade",
        "10 Mar 2025",
        "11 Mar 2025",
        "Canberra, Australia",
        "AJ-2025-001",
        "AJ-2025-005",
    ):
        assert text in html, text
    for secret in (SECRET_WORKSHOP_NOTE, SECRET_PARTICIPANT, SECRET_EMAIL, DRAFT_CODE, DRAFT_TITLE):
        assert secret not in html
    assert "Participant " not in html


def test_workshop_without_published_recommendations(client, public_site):
    make_recommendation(workshops=public_site["workshops"][:1], is_published=False)
    response = client.get(workshop_url("tokyo-2025"))
    assert response.status_code == 200


def test_unknown_workshop_is_not_found(client, public_site):
    assert client.get(workshop_url("nowhere")).status_code == 404


@pytest.mark.parametrize("count", [3, 60])
def test_query_counts(client, db, django_assert_num_queries, count):
    recs = make_tracker(count)
    slug = recs[0].workshops.first().slug
    with django_assert_num_queries(WORKSHOP_LIST_QUERIES):
        client.get(WORKSHOPS)
    with django_assert_num_queries(WORKSHOP_DETAIL_QUERIES):
        client.get(workshop_url(slug))


def test_a_prolific_meeting_shows_a_preview_and_links_to_the_list(client, db, monkeypatch):
    from recommendations.public import views

    monkeypatch.setattr(views, "WORKSHOP_PREVIEW", 5)
    recs = make_tracker(12)
    workshop = recs[0].workshops.first()
    response = client.get(workshop_url(workshop.slug))
    html = response.content.decode()
    assert len(response.context["recommendations"]) == 5
    assert "Showing the first 5 of 6." in html
    assert f'href="/recommendations/?workshop={workshop.slug}"' in html


def test_workshops_are_listed_newest_first_whatever_the_order_they_were_recorded(client, db):
    for day, title in [(3, "Middle"), (1, "Oldest"), (5, "Newest")]:
        make_workshop(title=title, start_date=datetime.date(2025, 1, day))
    html = client.get(reverse("recommendations:workshop_list")).content.decode()
    assert html.index("Newest") < html.index("Middle") < html.index("Oldest")
