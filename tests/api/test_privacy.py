"""Chatham House Rule, proven for the API: planted canaries never reach an API client.

The canaries of tests/public/test_privacy_proven.py (participants, emails, notes, drafts, organisations
that only attended or are addressed only by drafts) are planted; then every API endpoint
is fetched in both languages with every filter of the list alone and combined, every
record's detail, the drafts' and the private organisations' addresses, searches for each
canary, the schema and the documentation, and every address the answers offer; no canary
may appear in any body or header, and no private field name in any answer.
"""

from urllib.parse import urlencode, urlsplit

import pytest
from django.urls import reverse

from recommendations.models import Organisation, Recommendation, StatusUpdate
from tests.canaries import CANARIES, DRAFT_CODE, EMAIL, PERSON, UPDATE_NOTE, list_queries

pytestmark = pytest.mark.django_db

# Names of what is never public, as a key of any answer.
PRIVATE_FIELDS = {
    "participants",
    "participant",
    "attendance",
    "attendees",
    "email",
    "notes",
    "private_notes",
    "private_note",
    "recorded_by",
    "is_published",
    "published",
    "version",
}


def text_of(response):
    headers = "\n".join(f"{name}: {value}" for name, value in response.items())
    return headers + "\n" + response.content.decode("utf-8", errors="replace")


def assert_no_canary(url, response):
    lowered = text_of(response).lower()
    leaked = [canary for canary in CANARIES if canary.lower() in lowered]
    assert leaked == [], f"{url} shows {leaked}"


def keys_of(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from keys_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from keys_of(item)


def addresses_in(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from addresses_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from addresses_in(item)
    elif isinstance(value, str) and value.startswith("http://testserver/"):
        yield value.removeprefix("http://testserver")


def fetch(client, url):
    response = client.get(url)
    assert response.status_code in (200, 400, 404), f"{url} answered {response.status_code}"
    assert_no_canary(url, response)
    if response["Content-Type"] == "application/json":
        leaked = PRIVATE_FIELDS & set(keys_of(response.json()))
        assert leaked == set(), f"{url} has {leaked}"
    return response


def api_urls(canary_world):
    recommendations = reverse("api:recommendation-list")
    updates = reverse("api:status-update-list")
    urls = [
        reverse("api:index"),
        reverse("api:area-list"),
        reverse("api:area-list") + "?as_of=2025-12-31",
        reverse("api:body-list"),
        reverse("api:body-list") + "?as_of=2025-12-31",
        reverse("api:workshop-list"),
        updates,
        updates + "?sort=recorded",
        updates + "?recorded_from=2000-01-01T00:00:00",
        updates + f"?recommendation={DRAFT_CODE}",
        updates + "?as_of_from=2000-01-01&as_of_to=2099-12-31",
        reverse("api:schema"),
        reverse("api:schema") + "?format=json",
        reverse("api:docs"),
        reverse("api:docs") + "?script=",
        *(
            reverse("api:recommendation-detail", args=[r.code])
            for r in Recommendation.objects.all()  # the draft's too: a 404
        ),
        *(reverse("api:area-detail", args=[area.slug]) for area in canary_world["areas"]),
        *(reverse("api:workshop-detail", args=[w.slug]) for w in canary_world["workshops"]),
        *(
            reverse("api:body-detail", args=[org.slug])
            for org in Organisation.objects.all()  # those that only attended too: 404s
        ),
        *(
            reverse("api:status-update-detail", args=[update.pk])
            for update in StatusUpdate.objects.all()  # the draft's too: a 404
        ),
    ]
    urls += [recommendations + query for query in list_queries(canary_world)]
    urls += [updates + f"?status={status}" for status in ("in_progress", "not_started")]
    return urls


def test_no_canary_in_any_api_answer_in_either_language(client, canary_world):
    urls = api_urls(canary_world)
    urls += ["/ja" + url for url in urls]
    seen, statuses = set(urls), set()
    followed = []
    for url in urls:
        response = fetch(client, url)
        statuses.add(response.status_code)
        if response["Content-Type"] == "application/json":
            followed += [a for a in addresses_in(response.json()) if a not in seen]
    assert statuses == {200, 400, 404}  # the crawl met answers, refusals and the unknown
    # Then every address the answers offer (the public pages included), one step further.
    for url in dict.fromkeys(followed):
        seen.add(url)
        fetch(client, url)
    assert len(followed) > 50


def test_the_draft_and_private_organisations_are_not_found(client, canary_world):
    assert client.get(reverse("api:recommendation-detail", args=[DRAFT_CODE])).status_code == 404
    for org in ("attendee_org", "draft_org"):
        url = reverse("api:body-detail", args=[canary_world[org].slug])
        assert client.get(url).status_code == 404
    bodies = client.get(reverse("api:body-list") + "?page_size=100").json()
    assert [b["slug"] for b in bodies["results"]] == [canary_world["agency"].slug]
    draft_updates = canary_world["draft"].status_updates.all()
    for update in draft_updates:
        url = reverse("api:status-update-detail", args=[update.pk])
        assert client.get(url).status_code == 404
    listed = client.get(reverse("api:status-update-list") + "?page_size=100").json()
    assert not {u["id"] for u in listed["results"]} & {u.pk for u in draft_updates}
    assert listed["count"] == StatusUpdate.objects.public().count()


def test_an_organisation_that_only_attended_is_refused_as_a_filter(client, canary_world):
    for org in ("attendee_org", "draft_org"):
        url = reverse("api:recommendation-list") + f"?body={canary_world[org].slug}"
        response = fetch(client, url)
        # Refused like any unknown value, never answered with what its people attended.
        assert response.status_code == 400
        assert list(response.json()["parameters"]) == ["body"]
    addressed = client.get(
        reverse("api:recommendation-list") + f"?body={canary_world['agency'].slug}"
    ).json()
    assert {r["code"] for r in addressed["results"]} == {
        canary_world["addressed"].code,
        canary_world["raised_in_tokyo"].code,
    }


@pytest.mark.parametrize("typed", [PERSON, EMAIL, UPDATE_NOTE, DRAFT_CODE, "CANARY"])
def test_searching_for_a_canary_finds_nothing(client, canary_world, typed):
    url = reverse("api:recommendation-list") + "?" + urlencode({"q": typed})
    response = client.get(url)
    body = response.json()
    assert body["count"] == 0
    assert body["results"] == []
    # Nothing in the answer repeats what was typed either (no link carries the query).
    assert body["next"] is None and body["previous"] is None
    assert_no_canary(url, response)


def test_the_docs_and_schema_name_no_private_field(client, canary_world):
    schema = client.get(reverse("api:schema") + "?format=json").json()
    properties = {
        name
        for component in schema["components"]["schemas"].values()
        for name in component.get("properties", {})
    }
    assert properties & PRIVATE_FIELDS == set()
    assert urlsplit(schema["paths"].popitem()[0]).path.startswith("/api/v1/")
