"""One recommendation's page: facts, text and its public timeline; drafts are not found."""

import datetime

import pytest
from django.urls import reverse

from recommendations.choices import Status
from recommendations.services import record_status_update
from tests.factories import SECRET_UPDATE_NOTE, make_recommendation

pytestmark = pytest.mark.django_db

# 1 the published recommendation by code
# 2-4 prefetch of its policy areas, responsible bodies and meetings
# 5 its status updates, newest first (private_note deferred, never loaded)
# 6 its target-date slips from the audit trail
DETAIL_QUERIES = 6


def url(code):
    return reverse("recommendations:recommendation_detail", args=[code])


def test_shows_everything_public(client, public_site):
    rec = public_site["published"][0]
    response = client.get(url(rec.code))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        rec.code,
        rec.title,
        rec.text,
        "Critical minerals",
        "Department of Foreign Affairs and Trade",
        "Australia",
        "High",
        "30 Jun 2025",
        "Overdue",
        "Canberra workshop",
        "Earlier public update.",
        'href="https://example.gov.au/evidence-1"',
        '<a href="/workshops/canberra-2025/">',
    ):
        assert text in html, text
    assert SECRET_UPDATE_NOTE not in html


def test_timeline_is_newest_first_with_anchors(client, public_site):
    rec = public_site["published"][0]
    record_status_update(
        recommendation=rec, status=Status.IMPLEMENTED, as_of=datetime.date(2025, 12, 1)
    )
    response = client.get(url(rec.code))
    timeline = response.context["recommendation"].timeline
    assert [u.as_of for u in timeline] == sorted((u.as_of for u in timeline), reverse=True)
    assert timeline[0].status == Status.IMPLEMENTED
    assert f'id="update-{timeline[0].pk}"' in response.content.decode()
    # Implemented: no longer overdue, although the target date has passed.
    assert "overdue-marker" not in response.content.decode()


def test_rationale_shown_when_present(client, db):
    rec = make_recommendation(rationale="Because supply is concentrated.")
    assert "Because supply is concentrated." in client.get(url(rec.code)).content.decode()


def test_draft_and_unknown_codes_are_not_found(client, public_site):
    assert client.get(url(public_site["draft"].code)).status_code == 404
    assert client.get(url("AJ-0000-000")).status_code == 404
    assert client.get(url("<b>x")).status_code == 404


def test_query_count(client, public_site, django_assert_num_queries):
    with django_assert_num_queries(DETAIL_QUERIES):
        client.get(url(public_site["published"][0].code))


def test_query_count_does_not_grow_with_updates(client, public_site, django_assert_num_queries):
    rec = public_site["published"][1]
    for day in range(1, 21):
        record_status_update(
            recommendation=rec, status=Status.IN_PROGRESS, as_of=datetime.date(2026, 1, day)
        )
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(url(rec.code))
    assert len(response.context["recommendation"].timeline) == 21


def test_only_web_addresses_become_evidence_links(client, db):
    from recommendations.models import StatusUpdate
    from tests.factories import make_recommendation

    recommendation = make_recommendation(code="AJ-2025-321", status="in_progress")
    # Written around the validators (raw ORM), as a restore or a script might.
    StatusUpdate.objects.filter(recommendation=recommendation).update(
        evidence_urls="javascript:alert(1)\nJAVASCRIPT:alert(2)\ndata:text/html,<b>x</b>\n"
        "https://example.org/ok\nHTTP://example.org/upper"
    )
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert 'href="https://example.org/ok"' in page
    assert 'href="HTTP://example.org/upper"' in page
    assert "javascript:" not in page.lower()
    assert "data:text/html" not in page
