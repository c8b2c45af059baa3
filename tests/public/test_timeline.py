"""The public slip log: target dates moved later and statuses moved back, on the detail page,
as the `slipped` filter of the list and the CSV, and per area on the dashboard."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from recommendations.choices import Status
from recommendations.models import Recommendation
from recommendations.services import record_status_update
from tests.factories import make_area, make_recommendation

pytestmark = pytest.mark.django_db

D = datetime.date
LIST = reverse("recommendations:recommendation_list")


def edit(recommendation, recorded, **changes):
    """An edit of the recommendation recorded in the audit trail on `recorded` (a date)."""
    for name, value in changes.items():
        setattr(recommendation, name, value)
    recommendation._history_date = timezone.make_aware(
        datetime.datetime.combine(recorded, datetime.time(10))
    )
    recommendation.save()
    del recommendation._history_date


NEW_YEAR = D(2026, 1, 1)


def entered_on(*recommendations, day=NEW_YEAR):
    """Date the audit rows of their creation back to `day`, before the edits made above."""
    for recommendation in recommendations:
        recommendation.history.filter(history_type="+").update(
            history_date=timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
        )


@pytest.fixture
def slips():
    area = make_area(slug="minerals")
    moved_later = make_recommendation(
        code="AJ-2026-001", areas=[area], target_date=D(2026, 6, 30), status=Status.IN_PROGRESS
    )
    edit(moved_later, D(2026, 7, 3), target_date=D(2026, 12, 31))
    moved_earlier = make_recommendation(
        code="AJ-2026-002", areas=[area], target_date=D(2026, 12, 31)
    )
    edit(moved_earlier, D(2026, 7, 3), target_date=D(2026, 6, 30))
    # Moved while a draft, then published: nothing public happened.
    as_draft = make_recommendation(
        code="AJ-2026-003", areas=[area], is_published=False, target_date=D(2026, 3, 31)
    )
    edit(as_draft, D(2026, 2, 1), target_date=D(2026, 9, 30))
    edit(as_draft, D(2026, 2, 2), is_published=True)
    first_set = make_recommendation(code="AJ-2026-004", areas=[area])
    edit(first_set, D(2026, 5, 1), target_date=D(2026, 6, 30))
    draft = make_recommendation(
        code="AJ-2099-999", areas=[area], is_published=False, target_date=D(2026, 1, 1)
    )
    edit(draft, D(2026, 5, 1), target_date=D(2027, 1, 1))
    entered_on(moved_later, moved_earlier, as_draft, first_set, draft)
    return {"area": area, "later": moved_later, "earlier": moved_earlier}


def test_only_a_target_moved_later_while_published_is_a_slip(slips):
    assert list(Recommendation.objects.published().slipped().values_list("code", flat=True)) == [
        "AJ-2026-001"
    ]
    assert not Recommendation.objects.published().slipped(until=D(2026, 7, 2)).exists()
    assert Recommendation.objects.published().slipped(until=D(2026, 7, 3)).exists()


def test_the_detail_page_shows_the_slip_with_both_dates_and_when(client, slips):
    html = client.get(slips["later"].get_absolute_url()).content.decode()
    assert "Target date moved from 30 Jun 2026 to 31 Dec 2026 (recorded 3 Jul 2026)." in html
    for code in ("AJ-2026-002", "AJ-2026-003", "AJ-2026-004"):
        html = client.get(
            reverse("recommendations:recommendation_detail", args=[code])
        ).content.decode()
        assert "Target date moved from" not in html, code


def test_the_slip_shows_no_staff_name(client, slips, django_user_model):
    user = django_user_model.objects.create_user("officer.yamada", password="x" * 20)
    rec = slips["later"]
    rec._history_user = user
    edit(rec, D(2026, 8, 1), target_date=D(2027, 3, 31))
    html = client.get(rec.get_absolute_url()).content.decode()
    assert "Target date moved from 31 Dec 2026 to 31 Mar 2027 (recorded 1 Aug 2026)." in html
    assert "yamada" not in html


def test_a_status_that_moved_back_down_the_ladder_is_marked(client, db):
    rec = make_recommendation(status=Status.IN_PROGRESS, as_of=D(2026, 3, 1))
    record_status_update(recommendation=rec, status=Status.NOT_STARTED, as_of=D(2026, 4, 1))
    record_status_update(recommendation=rec, status=Status.NOT_ACCEPTED, as_of=D(2026, 5, 1))
    html = client.get(rec.get_absolute_url()).content.decode()
    assert html.count("Moved back from") == 1
    assert "Moved back from In progress" in html


def test_the_slipped_filter_its_count_and_chip(client, slips):
    response = client.get(LIST, {"slipped": "1"})
    listing = response.context["listing"]
    assert [r.code for r in listing.page.object_list] == ["AJ-2026-001"]
    assert client.get(LIST).context["listing"].slipped["count"] == 1
    assert "Target date moved later" in response.content.decode()
    assert listing.chips and listing.chips[0]["url"] == LIST


def test_the_csv_takes_the_slipped_filter(client, slips):
    response = client.get(reverse("recommendations:recommendation_csv"), {"slipped": "1"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "AJ-2026-001" in body and "AJ-2026-002" not in body
    assert "filtered" in response["Content-Disposition"]


def test_the_dashboard_counts_slipped_recommendations_per_area(client, slips):
    response = client.get(reverse("recommendations:dashboard"))
    (row,) = [row for row in response.context["by_area"] if row.key == "minerals"]
    assert row.slipped == 1
    assert f'{LIST}?area=minerals&amp;slipped=1">1</a>' in response.content.decode()
