"""Responsible-body pages: who recommendations are addressed to, and how far each has got.

Only organisations a published recommendation is addressed to have a page; one that
only attended a meeting, or is addressed only by a draft, is never shown.
"""

import datetime

import pytest
from django.urls import reverse

from recommendations.choices import Country, Status, completion_share
from recommendations.models import Recommendation
from recommendations.public import listing
from recommendations.reporting import trend_steps
from recommendations.services import record_status_update
from tests.factories import (
    make_organisation,
    make_participant,
    make_recommendation,
    make_workshop,
)

pytestmark = pytest.mark.django_db

BODIES = reverse("recommendations:body_list")
PAST_DAY = datetime.date(2025, 6, 1)

# The list page's queries, whatever the number of bodies or recommendations:
#  1 the organisations a published recommendation is addressed to (EXISTS), by name
#  2 every body's counts: one GROUP BY over their published recommendations by body,
#    status, target passed and target slipped (the slips a subquery on the audit trail)
BODY_LIST_QUERIES = 2
# The detail page's queries, whatever the number of recommendations or page size:
#  1     the organisation by slug, among those a published recommendation is addressed to
#  2-10  the list component with the body fixed (see tests/public/test_listing.py):
#        2-4 vocabularies (areas, meetings, bodies), 5 column facets and total,
#        6 facet counts by area, meeting and body in one statement, 7 the page of
#        results, 8-10 prefetch of its areas, bodies and meetings
#  11    the body's counts by status, target passed and slipped (GROUP BY)
#  12-14 the monthly trend from the kept steps: the audit position, the position the
#        steps were brought up to, the body's steps
BODY_DETAIL_QUERIES = 14


def body_url(slug):
    return reverse("recommendations:body_detail", args=[slug])


def list_url(query):
    return reverse("recommendations:recommendation_list") + query


@pytest.fixture
def bodies(db):
    """Two public bodies, one that only attended a meeting and one addressed only by a draft.

    Alpha Agency, today: AA-1 implemented (in progress until 2025-09-01, target moved
    earlier: no slip), AA-2 implemented (also addressed to Beta Bureau), AA-3 not started
    with its target moved later (one slip), AA-5 proposed and overdue (raised 2025-08-01).
    On 2025-06-01: AA-1 in progress and overdue, AA-2 implemented, AA-3 not started, AA-5
    not yet raised, no slip yet (the slip is recorded today).
    Beta Bureau: AA-2 implemented, BB-4 partially implemented with no target date.
    """
    alpha = make_organisation(
        name="Alpha Agency",
        name_ja="アルファ庁",
        short_name="AA",
        slug="alpha",
        country=Country.AUSTRALIA,
    )
    beta = make_organisation(name="Beta Bureau", slug="beta", country=Country.JAPAN)
    attendee = make_organisation(name="Gamma Attendance-Only Institute", slug="gamma")
    draft_only = make_organisation(name="Delta Draft-Addressee Office", slug="delta")
    meeting = make_workshop()
    make_participant(workshop=meeting, name="Ichiro Attendee", organisation=attendee)
    make_participant(workshop=meeting, name="Jane Attendee", organisation=alpha)

    r1 = make_recommendation(
        code="AA-2025-001",
        bodies=[alpha],
        target_date=datetime.date(2025, 12, 31),
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2025, 3, 1),
    )
    r1.target_date = datetime.date(2025, 5, 1)  # moved earlier: not a slip
    r1.save()
    record_status_update(
        recommendation=r1, status=Status.IMPLEMENTED, as_of=datetime.date(2025, 9, 1)
    )
    r2 = make_recommendation(
        code="AA-2025-002",
        bodies=[alpha, beta],
        target_date=datetime.date(2025, 1, 1),
        status=Status.IMPLEMENTED,
        as_of=datetime.date(2025, 4, 1),
    )
    r3 = make_recommendation(
        code="AA-2025-003",
        bodies=[alpha],
        target_date=datetime.date(2026, 1, 1),
        status=Status.NOT_STARTED,
        as_of=datetime.date(2025, 5, 1),
    )
    r3.target_date = datetime.date(2099, 12, 31)  # moved later while published: a slip
    r3.save()
    r4 = make_recommendation(
        code="BB-2025-004",
        bodies=[beta],
        target_date=None,
        status=Status.PARTIALLY_IMPLEMENTED,
        as_of=datetime.date(2025, 2, 1),
    )
    r5 = make_recommendation(
        code="AA-2025-005",
        bodies=[alpha],
        target_date=datetime.date(2025, 10, 1),
        status=Status.PROPOSED,
        as_of=datetime.date(2025, 8, 1),
    )
    draft = make_recommendation(
        code="ZZ-2099-001",
        title="Draft never to be counted",
        bodies=[alpha, draft_only],
        target_date=datetime.date(2025, 1, 1),
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2025, 3, 1),
        is_published=False,
    )
    return {
        "alpha": alpha,
        "beta": beta,
        "attendee": attendee,
        "draft_only": draft_only,
        "r1": r1,
        "r2": r2,
        "r3": r3,
        "r4": r4,
        "r5": r5,
        "draft": draft,
    }


def rows_of(response):
    return {row.key: row for row in response.context["by_body"]}


def shown_codes(response):
    return [r.code for r in response.context["listing"].page.object_list]


# -- the list of bodies ---------------------------------------------------------------------


def test_list_shows_only_bodies_published_recommendations_are_addressed_to(client, bodies):
    response = client.get(BODIES)
    assert response.status_code == 200
    assert list(rows_of(response)) == ["alpha", "beta"]  # by name
    html = response.content.decode()
    assert '<a href="/bodies/alpha/">Alpha Agency</a>' in html
    assert '<a href="/bodies/beta/">Beta Bureau</a>' in html
    for hidden in ("Gamma Attendance-Only Institute", "Delta Draft-Addressee Office", "Attendee"):
        assert hidden not in html
    assert "/bodies/gamma/" not in html and "/bodies/delta/" not in html


@pytest.mark.parametrize("slug", ["gamma", "delta", "no-such-body"])
def test_a_body_with_no_published_recommendation_has_no_page(client, bodies, slug):
    assert client.get(body_url(slug)).status_code == 404
    assert client.get("/ja" + body_url(slug)).status_code == 404


def test_a_body_addressed_only_by_drafts_appears_once_one_is_published(client, bodies):
    make_recommendation(bodies=[bodies["draft_only"]], status=Status.PROPOSED)
    assert "delta" in rows_of(client.get(BODIES))
    assert client.get(body_url("delta")).status_code == 200


def test_list_counts_completion_overdue_and_slips(client, bodies):
    rows = rows_of(client.get(BODIES))
    alpha, beta = rows["alpha"], rows["beta"]
    assert alpha.total == 4
    assert alpha.counts == {
        Status.PROPOSED: 1,
        Status.NOT_STARTED: 1,
        Status.IN_PROGRESS: 0,
        Status.PARTIALLY_IMPLEMENTED: 0,
        Status.IMPLEMENTED: 2,
        Status.NOT_ACCEPTED: 0,
    }
    assert alpha.share == completion_share(alpha.counts) == 50.0
    assert alpha.overdue == 1  # AA-5: target passed, still proposed
    assert alpha.slipped == 1  # AA-3 only: AA-1's target moved earlier
    assert (beta.total, beta.share, beta.overdue, beta.slipped) == (2, 75.0, 0, 0)
    # The same as the list finds, body by body.
    for slug, row in rows.items():
        addressed = Recommendation.objects.published().filter(responsible_bodies__slug=slug)
        assert row.counts == addressed.status_counts()
        assert row.overdue == addressed.overdue().count()
        assert row.slipped == addressed.slipped().count()


def test_list_numbers_link_to_the_list_filtered_to_the_body(client, bodies):
    html = client.get(BODIES).content.decode()
    assert '<td><a href="/recommendations/?body=alpha">4</a></td>' in html
    assert "<td>50.0%</td>" in html
    assert '<a href="/recommendations/?body=alpha&amp;overdue=1">1</a>' in html
    assert '<a href="/recommendations/?body=alpha&amp;slipped=1">1</a>' in html
    assert '<td class="text">AA</td>' in html
    assert "body=beta&amp;overdue" not in html  # a zero is not a link
    # Each link leads to as many recommendations as it says.
    for query, expected in [
        ("?body=alpha", 4),
        ("?body=alpha&overdue=1", 1),
        ("?body=alpha&slipped=1", 1),
        ("?body=beta", 2),
    ]:
        assert client.get(list_url(query)).context["listing"].paginator.count == expected


def test_list_with_no_body_says_so(client, db):
    response = client.get(BODIES)
    assert response.status_code == 200
    assert "No published recommendation has been addressed to a body yet." in (
        response.content.decode()
    )
    assert "<table" not in response.content.decode()


def test_navigation_marks_the_bodies_section(client, bodies):
    for url in (BODIES, body_url("alpha")):
        html = client.get(url).content.decode()
        assert '<a href="/bodies/" aria-current="page">Responsible bodies</a>' in html


# -- one body's page ------------------------------------------------------------------------


def test_detail_breakdown_and_only_the_bodys_recommendations(client, bodies):
    response = client.get(body_url("alpha"))
    assert response.status_code == 200
    progress = response.context["progress"]
    assert progress.total == 4
    assert progress.counts[Status.IMPLEMENTED] == 2
    assert (progress.share, progress.overdue, progress.slipped) == (50.0, 1, 1)
    assert shown_codes(response) == ["AA-2025-001", "AA-2025-002", "AA-2025-003", "AA-2025-005"]
    html = response.content.decode()
    assert "<h1>Alpha Agency</h1>" in html
    assert '<progress id="body-share" class="share" max="100" value="50.0">' in html
    # Status segments and counts narrow this page, not the global list.
    assert 'href="/bodies/alpha/?status=implemented"' in html
    assert '<a href="/bodies/alpha/?overdue=1">' in html
    assert '<a href="/bodies/alpha/?slipped=1">' in html
    assert '<form id="filters" method="get" action="/bodies/alpha/">' in html
    # The body is decided by the path: no body checkboxes.
    assert 'name="body"' not in html
    assert "Draft never to be counted" not in html
    assert "Attendee" not in html
    # The trend chart and its table of figures.
    assert response.context["trend"]
    assert 'id="trend-share-alpha-title"' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?status=implemented", ["AA-2025-001", "AA-2025-002"]),
        ("?overdue=1", ["AA-2025-005"]),
        ("?slipped=1", ["AA-2025-003"]),
        ("?sort=-code", ["AA-2025-005", "AA-2025-003", "AA-2025-002", "AA-2025-001"]),
        ("?q=AA-2025-00", ["AA-2025-001", "AA-2025-002", "AA-2025-003", "AA-2025-005"]),
        # A body in the address is ignored: the path decides.
        ("?body=beta", ["AA-2025-001", "AA-2025-002", "AA-2025-003", "AA-2025-005"]),
    ],
)
def test_detail_filters(client, bodies, query, expected):
    response = client.get(body_url("alpha") + query)
    assert response.status_code == 200
    assert shown_codes(response) == expected
    # The summary figures stay those of the whole body.
    assert response.context["progress"].total == 4


def test_detail_as_it_stood_on_a_past_day(client, bodies):
    response = client.get(body_url("alpha") + f"?as_of={PAST_DAY.isoformat()}")
    assert response.status_code == 200
    progress = response.context["progress"]
    # AA-1's implemented update is dated after the day: it was in progress then. AA-5 was
    # not raised yet, and AA-3's slip was recorded later.
    assert progress.counts == {
        Status.PROPOSED: 0,
        Status.NOT_STARTED: 1,
        Status.IN_PROGRESS: 1,
        Status.PARTIALLY_IMPLEMENTED: 0,
        Status.IMPLEMENTED: 1,
        Status.NOT_ACCEPTED: 0,
    }
    assert progress.share == completion_share(progress.counts) == 41.7
    assert progress.overdue == 1  # AA-1: target 2025-05-01 passed, in progress then
    assert progress.slipped == 0
    statuses = {r.code: r.status for r in response.context["listing"].page.object_list}
    assert statuses == {
        "AA-2025-001": Status.IN_PROGRESS,
        "AA-2025-002": Status.IMPLEMENTED,
        "AA-2025-003": Status.NOT_STARTED,
    }
    html = response.content.decode()
    assert 'class="as-of-banner"' in html
    assert '<a class="no-print" href="/bodies/alpha/">' in html
    # Narrowing links keep the day.
    assert 'href="/bodies/alpha/?as_of=2025-06-01&amp;status=in_progress"' in html
    assert '<a href="/bodies/alpha/?as_of=2025-06-01&amp;overdue=1">' in html
    # The trend ends on that day.
    assert response.context["trend"].last.day == PAST_DAY
    assert response.context["trend"].last.counts == progress.counts


def test_detail_as_of_with_a_status_filter_counts_the_status_then(client, bodies):
    response = client.get(body_url("alpha") + "?as_of=2025-06-01&status=implemented")
    assert shown_codes(response) == ["AA-2025-002"]


@pytest.mark.parametrize("as_of", ["2025-13-45", "yesterday", "2999-01-01", "1900-01-01"])
def test_detail_with_an_unusable_as_of_says_so_and_shows_today(client, bodies, as_of):
    response = client.get(body_url("alpha") + f"?as_of={as_of}")
    assert response.status_code == 200
    assert response.context["listing"].day is None
    assert response.context["listing"].notices
    html = response.content.decode()
    assert "Showing today&#x27;s figures." in html or "Showing today's figures." in html
    assert 'class="as-of-banner"' not in html
    assert response.context["progress"].total == 4


# -- links from the other pages -------------------------------------------------------------


def test_list_rows_and_recommendation_pages_link_the_bodies(client, bodies):
    html = client.get(list_url("")).content.decode()
    assert '<a href="/bodies/alpha/">Alpha Agency</a>; <a href="/bodies/beta/">Beta Bureau</a>' in (
        html
    )
    detail = client.get(bodies["r2"].get_absolute_url()).content.decode()
    assert '<a href="/bodies/alpha/">Alpha Agency</a>; <a href="/bodies/beta/">Beta Bureau</a>' in (
        detail
    )


def test_a_drafts_preview_names_its_bodies_without_linking_them(client, bodies, officer):
    # A body addressed only by drafts has no public page: the preview must not link a 404.
    client.force_login(officer)
    preview = reverse("admin:recommendations_recommendation_preview", args=[bodies["draft"].pk])
    page = client.get(preview).content.decode()
    assert "Delta Draft-Addressee Office" in page
    assert "/bodies/delta/" not in page


def test_organisation_url(bodies):
    assert bodies["alpha"].get_absolute_url() == "/bodies/alpha/"


# -- Japanese -------------------------------------------------------------------------------


def test_japanese_list_shows_japanese_names(client, bodies):
    response = client.get("/ja" + BODIES)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="/ja/bodies/alpha/">アルファ庁</a>' in html
    assert "Alpha Agency" not in html
    # No Japanese name: the English one, marked as English for screen readers.
    assert '<a href="/ja/bodies/beta/"><span lang="en">Beta Bureau</span></a>' in html
    assert '<a href="/ja/recommendations/?body=alpha">4</a>' in html


def test_japanese_detail(client, bodies):
    response = client.get("/ja" + body_url("alpha"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>アルファ庁</h1>" in html
    assert '<form id="filters" method="get" action="/ja/bodies/alpha/">' in html


# -- a fixed number of queries --------------------------------------------------------------


def make_bodies(count, per_body=2):
    """`count` bodies, each addressed by `per_body` published recommendations."""
    statuses = list(Status)
    made = []
    for n in range(count):
        body = make_organisation()
        made.append(body)
        for m in range(per_body):
            recommendation = make_recommendation(
                bodies=[body, made[0]],
                target_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=40 * m),
                status=statuses[(n + m) % len(statuses)],
            )
            if m:
                recommendation.target_date += datetime.timedelta(days=365)
                recommendation.save()
    return made


@pytest.mark.parametrize("count", [2, 25])
def test_list_query_count(client, db, django_assert_num_queries, count):
    make_bodies(count)
    with django_assert_num_queries(BODY_LIST_QUERIES):
        response = client.get(BODIES)
    assert len(response.context["by_body"]) == count


@pytest.mark.parametrize("count", [2, 25])
@pytest.mark.parametrize("page_size", [10, 25])
@pytest.mark.parametrize("query", ["", "?as_of=2025-08-01", "?status=in_progress&overdue=1"])
def test_detail_query_count(
    client, db, django_assert_num_queries, monkeypatch, count, page_size, query
):
    made = make_bodies(count, per_body=3)
    monkeypatch.setattr(listing, "PAGE_SIZE", page_size)
    trend_steps.sync()  # up to date with the last write, as after any earlier page view
    with django_assert_num_queries(BODY_DETAIL_QUERIES):
        response = client.get(made[0].get_absolute_url() + query)
    assert response.status_code == 200
