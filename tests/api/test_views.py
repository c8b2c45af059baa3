"""The public JSON API: the HTML list's results, paging, refusals, language, conditional
requests, the shared cache, rate limiting, CORS and a constant number of queries.

The schema and the documentation are tested in tests/api/test_schema.py, the Chatham House Rule
in tests/api/test_privacy.py.
"""

import datetime
import json

import pytest
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from api import pagination
from api.freshness import data_state
from recommendations.choices import Status
from recommendations.models import Recommendation, StatusUpdate
from recommendations.page_cache import data_version
from recommendations.public.filters import RecommendationFilter
from recommendations.services import record_status_update
from tests.factories import make_area, make_organisation, make_recommendation, make_tracker

pytestmark = pytest.mark.django_db

API_LIST = reverse("api:recommendation-list")
HTML_LIST = reverse("recommendations:recommendation_list")

# Every API request pays for its rate limit and its freshness before anything else:
#  1    the client's request history from the shared throttle table
#  2-6  its update: the table's size (DatabaseCache culls past MAX_ENTRIES), then inside a
#       savepoint the row's key, its UPDATE or INSERT, and the savepoint's release
#  7    the data version and the latest write's time (one row: each audit table's highest
#       id and latest date), which the ETag, Last-Modified and cache key are made from
ANSWER = 7
# The list of recommendations, whatever the data size or page size:
#  8-10  the FilterSet's vocabularies: policy areas, meetings, responsible bodies
#  11    the total count
#  12    the page of results
#  13-15 prefetch of the page's policy areas, responsible bodies and meetings
LIST_QUERIES = ANSWER + 8
# One recommendation:
#  8     the recommendation, 9-11 its areas, bodies and meetings, 12 its status log,
#  13    its target dates moved later (the audit trail)
DETAIL_QUERIES = ANSWER + 6


def get_json(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


def codes(body):
    return [row["code"] for row in body["results"]]


def html_listing(client, query):
    response = client.get(f"{HTML_LIST}?{query}" if query else HTML_LIST)
    assert response.status_code == 200
    return response.context["listing"]


@pytest.fixture
def big_site(db):
    """make_public_site with 30 more published recommendations: two pages of the list."""
    from tests.factories import make_public_site

    return make_public_site(extra=30)


# -- the same results as the HTML list ----------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "page=2",
        "status=implemented",
        "area=critical-minerals&status=in_progress&status=partially_implemented",
        "lead=jp&priority=low",
        "body=meti&workshop=tokyo-2025",
        "overdue=1&sort=target",
        "q=minerals&sort=priority",
        "q=Public+summary+for+00",
        "sort=-target&page=2",
        "sort=-code",
        "sort=updated",
        "slipped=1",
        "as_of=2025-07-04",
        "as_of=2025-07-04&overdue=1&sort=updated",
        "as_of=2025-07-03&area=energy-security&status=implemented",
        "as_of=2025-07-06&lead=au&lead=joint&sort=priority",
    ],
)
def test_the_list_holds_the_html_lists_codes_in_its_order_with_its_count(client, big_site, query):
    listing = html_listing(client, query)
    body = get_json(client, f"{API_LIST}?{query}")
    assert codes(body) == [r.code for r in listing.page.object_list]
    assert body["count"] == listing.paginator.count
    assert body["pages"] == listing.paginator.num_pages
    assert body["page"] == listing.page.number
    assert body["page_size"] == 25
    day = listing.filterset.day
    assert body["as_of"] == (day.isoformat() if day else None)
    # Statuses and overdue as the page shows them (on a past date, as they stood then).
    shown = {r.code: (r.status, r.status_as_of, r.is_overdue()) for r in listing.page.object_list}
    for row in body["results"]:
        status, as_of, overdue = shown[row["code"]]
        assert (row["status"], row["status_as_of"], row["overdue"]) == (
            status,
            as_of.isoformat() if as_of else None,
            overdue,
        )


def test_walking_the_next_links_visits_every_result_once_in_order(client, big_site):
    query = "lead=au&lead=jp&sort=-target"
    expected = [
        r.code
        for r in RecommendationFilter(
            QueryDict(query), queryset=Recommendation.objects.published()
        ).qs
    ]
    url, seen, pages = f"{API_LIST}?{query}&page_size=7", [], []
    while url:
        body = get_json(client, url)
        seen += codes(body)
        pages.append(body)
        url = body["next"]
    assert seen == expected
    assert len(pages) == pages[0]["pages"] > 1
    assert all(page["count"] == len(expected) for page in pages)
    assert pages[0]["previous"] is None
    second = QueryDict(pages[1]["previous"].split("?", 1)[1])
    assert second.getlist("lead") == ["au", "jp"]
    assert second["sort"] == "-target"
    assert second["page"] == "1"
    assert pages[1]["previous"].startswith("http://testserver/api/v1/recommendations/?")


def test_a_record_carries_its_facts_and_addresses(client, public_site):
    body = get_json(client, f"{API_LIST}?q=AJ-2025-002")
    (row,) = body["results"]
    assert row["code"] == "AJ-2025-002"
    assert row["status"] == "implemented"
    assert row["status_label"] == "Implemented"
    assert row["lead"] == "joint"
    assert row["lead_label"] == "Joint"
    assert row["priority_label"] == "Medium"
    assert row["target_date"] == "2099-12-31"
    assert row["overdue"] is False
    assert row["url"] == "http://testserver/api/v1/recommendations/AJ-2025-002/"
    assert row["html_url"] == "http://testserver/recommendations/AJ-2025-002/"
    assert [a["slug"] for a in row["policy_areas"]] == ["critical-minerals", "energy-security"]
    assert row["policy_areas"][0] == {
        "slug": "critical-minerals",
        "name": "Critical minerals",
        "url": "http://testserver/api/v1/areas/critical-minerals/",
    }
    assert {b["slug"] for b in row["responsible_bodies"]} == {"dfat", "meti"}
    assert row["workshops"][0]["url"] == "http://testserver/api/v1/workshops/canberra-2025/"
    # Every address answers.
    assert client.get(row["html_url"]).status_code == 200
    for url in [
        row["url"],
        *(a["url"] for a in row["policy_areas"]),
        *(b["url"] for b in row["responsible_bodies"]),
        *(w["url"] for w in row["workshops"]),
    ]:
        get_json(client, url)


def test_the_detail_has_the_public_timeline_newest_first(client, public_site):
    recommendation = public_site["published"][0]  # AJ-2025-001: two updates
    recommendation.target_date = datetime.date(2026, 12, 31)
    recommendation.save()  # moved later while published: a slip
    body = get_json(client, reverse("api:recommendation-detail", args=[recommendation.code]))
    assert body["code"] == "AJ-2025-001"
    kinds = [(entry["kind"], entry["status"]) for entry in body["timeline"]]
    assert kinds == [("slip", None), ("update", "in_progress"), ("update", "not_started")]
    slip, latest, earlier = body["timeline"]
    assert slip["previous_target"] == "2025-06-30"
    assert slip["target"] == "2026-12-31"
    assert slip["date"] == timezone.localdate().isoformat()
    assert latest["summary"] == "Public summary for 001."
    assert earlier["evidence"] == ["https://example.gov.au/evidence-1"]
    assert earlier["date"] == "2025-04-01"
    assert get_json(client, earlier["url"])["summary"] == "Earlier public update."


def test_a_step_back_down_the_ladder_is_marked(client, db):
    recommendation = make_recommendation(status=Status.IN_PROGRESS, as_of=datetime.date(2025, 7, 1))
    record_status_update(
        recommendation=recommendation, status=Status.NOT_STARTED, as_of=datetime.date(2025, 8, 1)
    )
    body = get_json(client, reverse("api:recommendation-detail", args=[recommendation.code]))
    assert body["timeline"][0]["moved_back_from"] == "in_progress"
    assert body["timeline"][1]["moved_back_from"] is None


# -- the other endpoints ------------------------------------------------------------------


def test_the_index_names_every_endpoint_and_each_answers(client, public_site):
    index = get_json(client, reverse("api:index"))
    assert set(index) == {
        "recommendations",
        "policy_areas",
        "responsible_bodies",
        "workshops",
        "status_updates",
        "schema",
        "docs",
    }
    for url in index.values():
        assert client.get(url).status_code == 200, url


def test_areas_with_their_progress_as_the_area_page_counts_it(client, public_site):
    body = get_json(client, reverse("api:area-list"))
    assert [a["slug"] for a in body["results"]] == [
        "critical-minerals",
        "energy-security",
        "ai-governance",
    ]
    minerals = body["results"][0]
    # 001 in progress and overdue, 002 implemented, 006 partially implemented and overdue.
    assert minerals["progress"] == {
        "total": 3,
        "completion": 58.3,
        "overdue": 2,
        "slipped": 0,
        "by_status": {
            "proposed": 0,
            "not_started": 0,
            "in_progress": 1,
            "partially_implemented": 1,
            "implemented": 1,
            "not_accepted": 0,
        },
    }
    assert minerals["html_url"] == "http://testserver/areas/critical-minerals/"
    listed = get_json(client, minerals["recommendations_url"])
    assert listed["count"] == minerals["progress"]["total"]
    assert get_json(client, minerals["url"]) == minerals
    # On a past date, only what had been recorded by then.
    then = get_json(
        client, reverse("api:area-detail", args=["critical-minerals"]) + "?as_of=2025-07-01"
    )
    assert then["progress"]["total"] == 1
    assert then["progress"]["by_status"]["in_progress"] == 1
    assert then["recommendations_url"].endswith("?area=critical-minerals&as_of=2025-07-01")
    assert get_json(client, then["recommendations_url"])["count"] == 1


def test_bodies_are_the_public_bodies_with_their_progress(client, public_site):
    make_organisation(name="Addressed by nothing", slug="nobody")
    body = get_json(client, reverse("api:body-list"))
    assert [b["slug"] for b in body["results"]] == ["csiro", "dfat", "meti"]
    meti = body["results"][2]
    assert meti["country"] == "jp"
    assert meti["country_label"] == "Japan"
    assert meti["progress"]["total"] == 3
    assert get_json(client, meti["recommendations_url"])["count"] == 3
    get_json(client, reverse("api:body-detail", args=["nobody"]), status=404)


def test_workshops_show_public_facts_only(client, public_site):
    body = get_json(client, reverse("api:workshop-list"))
    assert [w["slug"] for w in body["results"]] == ["tokyo-2025", "canberra-2025"]
    canberra = body["results"][1]
    assert set(canberra) == {
        "slug",
        "kind",
        "kind_label",
        "title",
        "city",
        "country",
        "country_label",
        "start_date",
        "end_date",
        "host",
        "summary",
        "recommendation_count",
        "recommendations_url",
        "url",
        "html_url",
    }
    assert canberra["host"] == {"name": "Department of Foreign Affairs and Trade"}
    assert canberra["summary"] == "Public summary of the Canberra meeting."
    assert canberra["recommendation_count"] == 3  # the draft raised there is not counted
    assert get_json(client, canberra["recommendations_url"])["count"] == 3


def test_status_updates_of_published_recommendations_only(client, public_site):
    body = get_json(client, reverse("api:status-update-list"))
    published = StatusUpdate.objects.public()
    assert body["count"] == published.count() == 7
    assert [u["id"] for u in body["results"]] == list(
        published.newest_first().values_list("pk", flat=True)
    )
    draft_update = public_site["draft"].status_updates.get()
    get_json(client, reverse("api:status-update-detail", args=[draft_update.pk]), status=404)
    update = body["results"][-1]
    assert set(update) == {
        "id",
        "recommendation",
        "status",
        "status_label",
        "as_of",
        "recorded_at",
        "summary",
        "evidence",
        "url",
        "html_url",
    }
    assert update["html_url"].endswith(f"/recommendations/AJ-2025-001/#update-{update['id']}")


def test_status_updates_by_date_range_and_time_recorded_for_incremental_sync(client, public_site):
    ids = list(StatusUpdate.objects.public().order_by("as_of", "pk").values_list("pk", flat=True))
    # Recorded an hour apart, in the order of their as-of dates.
    start = timezone.make_aware(datetime.datetime(2026, 1, 5, 9, 0))
    for hour, pk in enumerate(ids):
        StatusUpdate.objects.filter(pk=pk).update(
            recorded_at=start + datetime.timedelta(hours=hour)
        )
    url = reverse("api:status-update-list")

    def ids_for(query):
        return [u["id"] for u in get_json(client, f"{url}?{query}")["results"]]

    # As of 1 Apr and 1 Jul (AJ-2025-001), 2, 3, 5, 6 and 7 Jul (004 has no update).
    assert ids_for("as_of_from=2025-07-02&as_of_to=2025-07-04&sort=as_of") == ids[2:4]
    # Since the third one was recorded, oldest first: everything from it on.
    since = (start + datetime.timedelta(hours=2)).isoformat()
    assert ids_for(f"recorded_from={since.replace('+', '%2B')}&sort=recorded") == ids[2:]
    assert ids_for("recorded_to=2026-01-05T10:00:00&sort=recorded") == ids[:2]
    assert ids_for("recommendation=AJ-2025-001&sort=as_of") == ids[:2]
    assert ids_for("status=implemented&status=not_accepted&sort=as_of") == ids[2:5]
    assert ids_for(f"recommendation={public_site['draft'].code}") == []


# -- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        (f"{API_LIST}?area=no-such-area", "area"),
        (f"{API_LIST}?status=finished", "status"),
        (f"{API_LIST}?body=nobody", "body"),
        (f"{API_LIST}?lead=nz", "lead"),
        (f"{API_LIST}?overdue=yes", "overdue"),
        (f"{API_LIST}?slipped=2", "slipped"),
        (f"{API_LIST}?q={'x' * 201}", "q"),
        (f"{API_LIST}?q=nul%00byte", "q"),
        (f"{API_LIST}?sort=colour", "sort"),
        (f"{API_LIST}?as_of=30/06/2025", "as_of"),
        (f"{API_LIST}?as_of=2999-01-01", "as_of"),
        (f"{API_LIST}?as_of=1999-12-31", "as_of"),
        (f"{API_LIST}?as_of=2025-02-30", "as_of"),
        (f"{API_LIST}?page=abc", "page"),
        (f"{API_LIST}?page=0", "page"),
        (f"{API_LIST}?page=1e999", "page"),
        (f"{API_LIST}?page=2", "page"),  # past the last page
        (f"{API_LIST}?page_size=0", "page_size"),
        (f"{API_LIST}?page_size=101", "page_size"),
        (f"{API_LIST}?page_size=ten", "page_size"),
        (f"{reverse('api:area-list')}?as_of=tomorrow", "as_of"),
        (f"{reverse('api:area-list')}?page=9", "page"),
        (f"{reverse('api:body-detail', args=['dfat'])}?as_of=2999-01-01", "as_of"),
        (f"{reverse('api:workshop-list')}?page=-1", "page"),
        (f"{reverse('api:status-update-list')}?as_of_from=1%20July", "as_of_from"),
        (f"{reverse('api:status-update-list')}?recorded_from=yesterday", "recorded_from"),
        (f"{reverse('api:status-update-list')}?status=done", "status"),
        (f"{reverse('api:status-update-list')}?sort=random", "sort"),
    ],
)
def test_an_unusable_parameter_is_refused_with_400_naming_it(client, public_site, url, parameter):
    body = get_json(client, url, status=400)
    assert body["status"] == 400
    assert body["code"] == "invalid_parameters"
    assert body["detail"]
    assert list(body["parameters"]) == [parameter]
    assert all(isinstance(message, str) and message for message in body["parameters"][parameter])


def test_a_page_past_the_end_names_the_last_page(client, public_site):
    body = get_json(client, f"{API_LIST}?page=3", status=400)
    assert body["parameters"]["page"] == ["There is no page 3: the last page is 1."]
    # The HTML list shows the last page instead, with a notice.
    assert html_listing(client, "page=3").page.number == 1


def test_every_unusable_value_is_named_at_once(client, public_site):
    body = get_json(client, f"{API_LIST}?area=nope&area=critical-minerals&as_of=soon", status=400)
    assert body["parameters"] == {
        "as_of": ["Enter the date as YYYY-MM-DD, e.g. 2026-06-30."],
        "area": ["Unknown policy area: nope."],
    }


def test_empty_values_mean_no_choice_as_on_the_html_form(client, public_site):
    body = get_json(client, f"{API_LIST}?area=&status=&as_of=&sort=&page=&q=")
    assert body["count"] == 7


def test_unknown_parameters_and_formats_are_ignored(client, public_site):
    body = get_json(client, f"{API_LIST}?format=xml&colour=blue", HTTP_ACCEPT="text/html")
    assert body["count"] == 7


@pytest.mark.parametrize(
    "url",
    [
        reverse("api:recommendation-detail", args=["AJ-0000-000"]),
        reverse("api:recommendation-detail", args=["AJ-2099-999"]),  # the draft
        "/api/v1/recommendations/nul%00byte/",
        reverse("api:area-detail", args=["no-such-area"]),
        reverse("api:body-detail", args=["no-such-body"]),
        reverse("api:workshop-detail", args=["no-such-meeting"]),
        reverse("api:status-update-detail", args=[999999]),
        "/api/v1/no-such-endpoint/",
        "/ja/api/v1/no-such-endpoint/",
    ],
)
def test_what_is_not_public_is_a_json_404_that_does_not_echo_the_address(client, public_site, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"status", "code", "detail"}
    assert (body["status"], body["code"]) == (404, "not_found")
    assert "AJ-" not in body["detail"] and "no-such" not in body["detail"]


def test_an_address_without_its_slash_is_redirected_to_it(client, public_site):
    response = client.get("/api/v1/recommendations?status=implemented")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/recommendations/?status=implemented"


# -- language -----------------------------------------------------------------------------


@pytest.fixture
def bilingual(db):
    area = make_area(name="Critical minerals", name_ja="重要鉱物", slug="critical-minerals")
    return make_recommendation(
        code="AJ-2025-100",
        title="Stockpile coordination",
        title_ja="備蓄の連携",
        text="Coordinate the reserves.",
        areas=[area],
        status=Status.IN_PROGRESS,
        summary="Officials have met.",
        summary_ja="担当者が会合した。",
    )


def test_japanese_under_ja(client, bilingual):
    response = client.get("/ja" + API_LIST)
    assert response["Content-Language"] == "ja"
    (row,) = response.json()["results"]
    assert row["title"] == "備蓄の連携"
    assert row["text"] == "Coordinate the reserves."  # no Japanese text: the English one
    assert row["status_label"] == "実施中"
    assert row["policy_areas"][0]["name"] == "重要鉱物"
    assert row["url"] == "http://testserver/ja/api/v1/recommendations/AJ-2025-100/"
    assert row["html_url"] == "http://testserver/ja/recommendations/AJ-2025-100/"
    detail = get_json(client, row["url"])
    assert detail["timeline"][0]["summary"] == "担当者が会合した。"


@pytest.mark.parametrize(
    ("accept", "language"),
    [
        ("ja", "ja"),
        ("ja-JP,ja;q=0.9,en;q=0.8", "ja"),
        ("fr, ja;q=0.5", "ja"),
        ("en-AU,en;q=0.9,ja;q=0.8", "en"),
        ("fr", "en"),
        ("*", "en"),
        ("", "en"),
    ],
)
def test_unprefixed_addresses_follow_accept_language(client, bilingual, accept, language):
    response = client.get(API_LIST, HTTP_ACCEPT_LANGUAGE=accept)
    assert response["Content-Language"] == language
    assert "Accept-Language" in response["Vary"]
    (row,) = response.json()["results"]
    assert row["title"] == {"ja": "備蓄の連携", "en": "Stockpile coordination"}[language]
    # The address stays as asked; the public page is the one in the answer's language.
    assert row["url"] == "http://testserver/api/v1/recommendations/AJ-2025-100/"
    prefix = "/ja" if language == "ja" else ""
    assert row["html_url"] == f"http://testserver{prefix}/recommendations/AJ-2025-100/"


def test_the_address_decides_under_ja_whatever_the_header(client, bilingual):
    response = client.get("/ja" + API_LIST, HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "ja"
    assert response.json()["results"][0]["title"] == "備蓄の連携"


def test_refusals_come_in_the_clients_language(client, bilingual):
    japanese = get_json(client, f"/ja{API_LIST}?as_of=soon", status=400)
    assert japanese["parameters"]["as_of"] == [
        "日付はYYYY-MM-DD形式（例：2026-06-30）で入力してください。"
    ]
    by_header = get_json(client, f"{API_LIST}?as_of=soon", status=400, HTTP_ACCEPT_LANGUAGE="ja")
    assert by_header["parameters"] == japanese["parameters"]


# -- conditional requests and the shared cache --------------------------------------------


def test_etag_and_last_modified_give_304_until_something_is_written(client, bilingual):
    first = client.get(API_LIST)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and etag.endswith('"')
    assert first["Cache-Control"] == "public, no-cache"

    again = client.get(API_LIST, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Last-Modified"] == modified
    assert "Accept-Language" in again["Vary"]
    assert client.get(API_LIST, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304

    # Another address, language or query is another answer.
    assert client.get(f"{API_LIST}?sort=-code")["ETag"] != etag
    assert client.get("/ja" + API_LIST)["ETag"] != etag
    assert client.get(API_LIST, HTTP_ACCEPT_LANGUAGE="ja")["ETag"] != etag

    record_status_update(
        recommendation=bilingual, status=Status.IMPLEMENTED, as_of=datetime.date(2025, 8, 1)
    )
    changed = client.get(API_LIST, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["results"][0]["status"] == "implemented"


def test_last_modified_is_the_latest_write_or_midnight(client, bilingual):
    response = client.get(reverse("api:recommendation-detail", args=[bilingual.code]))
    _version, written = data_state()
    midnight = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(), datetime.time.min)
    )
    assert response["Last-Modified"] == http_date(int(max(written, midnight).timestamp()))


def test_the_data_version_is_the_page_caches(db, bilingual):
    assert data_state()[0] == data_version()


def test_an_error_carries_no_etag(client, bilingual):
    response = client.get(f"{API_LIST}?as_of=soon")
    assert "ETag" not in response
    assert response.get("Cache-Control") is None


def test_the_same_address_again_is_answered_from_the_shared_cache(
    client, bilingual, page_cache, django_assert_num_queries
):
    first = client.get(API_LIST)
    # The rate limit and freshness (7), then the kept answer inside a savepoint (SAVEPOINT,
    # SELECT, RELEASE): nothing is built.
    with django_assert_num_queries(ANSWER + 3):
        again = client.get(API_LIST)
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Language"] == "en"
    # Another language is another entry.
    assert client.get(API_LIST, HTTP_ACCEPT_LANGUAGE="ja").json()["results"][0]["title"] == (
        "備蓄の連携"
    )
    bilingual.title = "Stockpile coordination, renamed"
    bilingual.save()
    assert client.get(API_LIST).json()["results"][0]["title"] == "Stockpile coordination, renamed"


def test_a_304_costs_the_rate_limit_and_one_small_query(
    client, bilingual, django_assert_num_queries
):
    etag = client.get(API_LIST)["ETag"]
    with django_assert_num_queries(ANSWER):
        assert client.get(API_LIST, HTTP_IF_NONE_MATCH=etag).status_code == 304


# -- rate limit and CORS ------------------------------------------------------------------


def test_too_many_requests_get_429_with_retry_after(client, bilingual, settings):
    settings.API_ANON_RATE = "3/min"
    for _ in range(3):
        assert client.get(API_LIST).status_code == 200
    refused = client.get(API_LIST)
    assert refused.status_code == 429
    body = refused.json()
    assert body["code"] == "throttled"
    assert body["status"] == 429
    assert 1 <= body["retry_after"] <= 60
    assert refused["Retry-After"] == str(body["retry_after"])
    assert "3/min" in body["detail"]
    # Every endpoint shares the allowance; another address has its own.
    assert client.get(reverse("api:area-list")).status_code == 429
    assert client.get(API_LIST, REMOTE_ADDR="203.0.113.9").status_code == 200


def test_the_count_is_kept_where_every_worker_sees_it(client, bilingual, settings):
    cache = caches[settings.API_THROTTLE_CACHE]
    assert isinstance(cache, DatabaseCache)
    client.get(API_LIST)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM api_throttle")
        assert cursor.fetchone()[0] == 1


def test_behind_a_proxy_each_client_is_counted_on_its_own(client, bilingual, settings):
    settings.API_ANON_RATE = "1/min"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client.get(API_LIST, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 200
    assert client.get(API_LIST, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 200
    # A client cannot buy a fresh allowance by forging the left of the header.
    forged = client.get(API_LIST, HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.1")
    assert forged.status_code == 429


def test_any_site_may_read_the_api(client, bilingual):
    response = client.get(API_LIST, HTTP_ORIGIN="https://dashboard.example.go.jp")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert set(response["Access-Control-Expose-Headers"].split(", ")) == {"ETag", "Retry-After"}
    preflight = client.options(
        API_LIST,
        HTTP_ORIGIN="https://dashboard.example.go.jp",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_nothing_but_reading(client, bilingual):
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(API_LIST, data="{}", content_type="application/json")
        assert response.status_code == 405
        assert response.json()["code"] == "method_not_allowed"
    assert Recommendation.objects.count() == 1


def test_head_answers_like_get(client, bilingual):
    response = client.head(API_LIST)
    assert response.status_code == 200
    assert response["ETag"] == client.get(API_LIST)["ETag"]


# -- queries ------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [3, 60])
@pytest.mark.parametrize("page_size", [10, 25, 50])
def test_list_queries_do_not_grow_with_data_or_page_size(
    client, db, django_assert_num_queries, count, page_size
):
    make_tracker(count)
    with django_assert_num_queries(LIST_QUERIES):
        body = get_json(client, f"{API_LIST}?sort=updated&page_size={page_size}")
    assert len(body["results"]) == min(count, page_size)


def test_list_queries_with_every_filter_and_a_past_date(
    client, public_site, django_assert_num_queries
):
    query = (
        "area=critical-minerals&status=in_progress&lead=au&priority=high&workshop=canberra-2025"
        "&body=dfat&overdue=1&q=minerals&sort=priority&as_of=2025-07-31"
    )
    # Three more with a search, its matching keys then reused (see
    # RecommendationQuerySet.search_condition).
    with django_assert_num_queries(LIST_QUERIES + 3):
        body = get_json(client, f"{API_LIST}?{query}")
    assert codes(body) == ["AJ-2025-001"]


@pytest.mark.parametrize("updates", [1, 12])
def test_detail_queries_do_not_grow_with_the_log(client, db, django_assert_num_queries, updates):
    (recommendation,) = make_tracker(1)
    for day in range(1, updates):
        record_status_update(
            recommendation=recommendation,
            status=Status.IN_PROGRESS,
            as_of=datetime.date(2025, 8, day),
        )
    with django_assert_num_queries(DETAIL_QUERIES):
        body = get_json(client, reverse("api:recommendation-detail", args=[recommendation.code]))
    assert len(body["timeline"]) == updates


@pytest.mark.parametrize(
    ("route", "args", "queries"),
    [
        # the count, the page, every listed area's or body's counts (one GROUP BY)
        ("api:area-list", [], ANSWER + 3),
        ("api:body-list", [], ANSWER + 3),
        # the record, its counts
        ("api:area-detail", ["a"], ANSWER + 2),
        ("api:body-detail", ["b"], ANSWER + 2),
        # the count, the page (host and count joined in)
        ("api:workshop-list", [], ANSWER + 2),
        ("api:workshop-detail", ["w"], ANSWER + 1),
        # the count, the page (recommendation joined in)
        ("api:status-update-list", [], ANSWER + 2),
        ("api:status-update-detail", ["u"], ANSWER + 1),
        ("api:index", [], ANSWER),
    ],
)
@pytest.mark.parametrize("count", [3, 40])
def test_every_endpoints_queries_are_pinned(
    client, db, django_assert_num_queries, route, args, queries, count
):
    recommendations = make_tracker(count)
    first = recommendations[0]
    keys = {
        "a": first.policy_areas.first().slug,
        "b": first.responsible_bodies.first().slug,
        "w": first.workshops.first().slug,
        "u": first.status_updates.first().pk,
    }
    with django_assert_num_queries(queries):
        get_json(client, reverse(route, args=[keys[a] for a in args]) + "?page_size=100")


def test_page_size_is_capped(client, db):
    assert pagination.MAX_PAGE_SIZE == 100
    make_tracker(3)
    body = get_json(client, f"{API_LIST}?page_size=100")
    assert body["page_size"] == 100


def test_the_answer_is_compact_utf8_json(client, bilingual):
    response = client.get("/ja" + API_LIST)
    assert "備蓄の連携".encode() in response.content
    assert json.loads(response.content)["count"] == 1


# -- configuration ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rate", "works"),
    [("120/min", True), ("5000/hour", True), ("2/s", True), ("lots", False), ("10/week", False)],
)
def test_the_rate_is_read_from_the_environment_and_checked(monkeypatch, rate, works):
    import runpy

    from django.core.exceptions import ImproperlyConfigured

    from tracker.settings import BASE_DIR

    monkeypatch.setenv("DJANGO_DEBUG", "1")
    monkeypatch.setenv("API_ANON_RATE", rate)
    settings_file = str(BASE_DIR / "tracker" / "settings.py")
    if works:
        assert runpy.run_path(settings_file)["API_ANON_RATE"] == rate
    else:
        with pytest.raises(ImproperlyConfigured, match="API_ANON_RATE"):
            runpy.run_path(settings_file)
