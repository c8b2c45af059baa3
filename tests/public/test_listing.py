"""The recommendation list page: filters, facets, chips, sorting, paging and the CSV link."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from recommendations.choices import Status
from recommendations.models import Recommendation
from recommendations.public import listing
from tests.factories import make_tracker

pytestmark = pytest.mark.django_db

LIST = reverse("recommendations:recommendation_list")

# The list page's queries, whatever the data size or page size:
#  1-3  the FilterSet's vocabularies: policy areas, meetings, responsible bodies
#  4    one pass counting every status, lead, priority, overdue and slipped choice and
#       the total (GROUP BY the combination); the paginator reuses the total
#  5    facet counts over the relations: area, meeting, body, in one statement (a
#       GROUP BY each, UNION ALL, over the matching rows computed once in a WITH)
#  6    the page of results
#  7-9  prefetch of the page's policy areas, responsible bodies and meetings
LIST_QUERIES = 9


def shown_codes(response):
    return [r.code for r in response.context["listing"].page.object_list]


def test_lists_published_recommendations_with_their_facts(client, public_site):
    response = client.get(LIST)
    assert response.status_code == 200
    assert shown_codes(response) == list(
        Recommendation.objects.published().order_by("code").values_list("code", flat=True)
    )
    html = response.content.decode()
    assert '<strong id="result-count">7</strong>' in html
    assert '<form id="filters" method="get"' in html
    rec = public_site["published"][0]
    assert rec.get_absolute_url() in html
    assert "Department of Foreign Affairs and Trade" in html
    assert "Overdue" in html  # AJ-2025-001's target date has passed


@pytest.mark.parametrize(
    "query",
    [
        "status=implemented",
        "area=critical-minerals&status=in_progress&status=partially_implemented",
        "lead=jp&priority=low",
        "body=meti&workshop=tokyo-2025",
        "overdue=1&sort=target",
        "q=minerals&sort=priority",
    ],
)
def test_page_shows_exactly_the_filtersets_results(client, public_site, query):
    from django.http import QueryDict

    from recommendations.public.filters import RecommendationFilter

    response = client.get(f"{LIST}?{query}")
    expected = RecommendationFilter(
        QueryDict(query), queryset=Recommendation.objects.published()
    ).qs
    assert shown_codes(response) == [r.code for r in expected]
    assert f'<strong id="result-count">{expected.count()}</strong>' in response.content.decode()


def test_checked_boxes_and_facet_counts_are_rendered(client, public_site):
    html = client.get(f"{LIST}?area=energy-security&status=implemented").content.decode()
    assert 'name="status" value="implemented" checked' in html
    assert 'name="area" value="energy-security" checked' in html
    # Within energy security: 002 and 003 implemented, 004 proposed.
    assert 'Implemented <span class="count">(2)</span>' in html
    assert 'Proposed <span class="count">(1)</span>' in html
    # Among implemented ones: 002 is in critical minerals too.
    assert 'Critical minerals <span class="count">(1)</span>' in html


def test_chips_remove_one_value_each_and_clear_all(client, public_site):
    response = client.get(f"{LIST}?status=implemented&status=proposed&lead=jp&sort=-code&page=1")
    chips = {(c["name"], c["label"]): c["url"] for c in response.context["listing"].chips}
    remove_implemented = parse_qs(urlsplit(chips[("Status", "Implemented")]).query)
    assert remove_implemented == {"status": ["proposed"], "lead": ["jp"], "sort": ["-code"]}
    remove_lead = parse_qs(urlsplit(chips[("Lead side", "Japan")]).query)
    assert remove_lead == {"status": ["implemented", "proposed"], "sort": ["-code"]}
    html = response.content.decode()
    assert f'<a class="chip-clear" href="{LIST}">' in html


def test_search_chip_and_overdue_chip(client, public_site):
    response = client.get(f"{LIST}?q=minerals&overdue=1")
    chips = {c["name"]: c["url"] for c in response.context["listing"].chips}
    assert chips["Search"] == f"{LIST}?overdue=1"
    assert chips["Overdue"] == f"{LIST}?q=minerals"


def test_csv_link_carries_the_query_without_page(client, public_site):
    response = client.get(f"{LIST}?status=implemented&lead=jp&page=1&sort=-code")
    url = response.context["listing"].csv_url
    assert url.startswith(reverse("recommendations:recommendation_csv") + "?")
    assert parse_qs(urlsplit(url).query) == {
        "status": ["implemented"],
        "lead": ["jp"],
        "sort": ["-code"],
    }
    assert "Download CSV" in response.content.decode()


def test_pagination_keeps_filters_and_sort(client, db):
    make_tracker(60)
    response = client.get(f"{LIST}?lead=au&lead=jp&sort=-code")
    page = response.context["listing"]
    matching = Recommendation.objects.published().filter(lead__in=["au", "jp"]).count()
    assert matching == 40
    assert page.paginator.num_pages == 2
    next_query = parse_qs(urlsplit(page.next_url).query)
    assert next_query == {"lead": ["au", "jp"], "sort": ["-code"], "page": ["2"]}
    second = client.get(page.next_url)
    everything = list(
        Recommendation.objects.published()
        .filter(lead__in=["au", "jp"])
        .order_by("-code")
        .values_list("code", flat=True)
    )
    assert shown_codes(response) + shown_codes(second) == everything
    assert parse_qs(urlsplit(second.context["listing"].previous_url).query)["page"] == ["1"]
    html = second.content.decode()
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2</a>' in html


def test_sort_change_keeps_the_filters(client, public_site):
    response = client.get(f"{LIST}?status=implemented&sort=priority")
    html = response.content.decode()
    assert '<option value="priority" selected>' in html
    assert shown_codes(response) == list(
        Recommendation.objects.published()
        .filter(status=Status.IMPLEMENTED)
        .with_priority_rank()
        .order_by("priority_rank", "code")
        .values_list("code", flat=True)
    )


def test_page_past_the_end_shows_the_last_page_with_a_notice(client, db):
    make_tracker(30)
    response = client.get(f"{LIST}?page=9")
    assert response.status_code == 200
    assert response.context["listing"].page.number == 2
    assert "There is no page 9" in response.content.decode()


def test_empty_result_offers_to_clear(client, public_site):
    response = client.get(f"{LIST}?q=nothing-matches-this")
    html = response.content.decode()
    assert '<strong id="result-count">0</strong>' in html
    assert "No published recommendation matches these filters." in html


@pytest.mark.parametrize("count", [3, 60])
@pytest.mark.parametrize("page_size", [10, 25, 50])
def test_query_count_does_not_grow_with_data_or_page_size(
    client, db, django_assert_num_queries, monkeypatch, count, page_size
):
    make_tracker(count)
    monkeypatch.setattr(listing, "PAGE_SIZE", page_size)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(f"{LIST}?sort=updated")
    assert len(shown_codes(response)) == min(count, page_size)


def test_query_count_with_every_filter_set(client, public_site, django_assert_num_queries):
    query = "area=critical-minerals&status=in_progress&lead=au&priority=high&workshop=canberra-2025&body=dfat&overdue=1&q=minerals&sort=priority"
    # Three more with a search, its matching keys then reused by every query of the page
    # (RecommendationQuerySet.search_condition): own text and bodies' names; the recommendations
    # still unmatched, up to a limit; their summaries (or all summaries, past the limit).
    with django_assert_num_queries(LIST_QUERIES + 3):
        response = client.get(f"{LIST}?{query}")
    assert shown_codes(response) == ["AJ-2025-001"]
