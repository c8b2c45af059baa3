"""Malformed query strings on every list-like URL: never a server error, never NUL in SQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

MARKUP = "%3Cscript%3Ealert(1)%3C%2Fscript%3E"
LONG = "x" * 5000

BAD_QUERIES = [
    "area=no-such-area",
    "status=finished",
    "workshop=nowhere&body=nobody&lead=nz&priority=urgent",
    "overdue=2",
    "sort=sideways",
    "page=0",
    "page=-1",
    "page=abc",
    "page=99999",
    "page=1e999999",
    "page=" + "9" * 5000,
    f"q={LONG}",
    "q=%00",
    "q=grid%00power",
    "area=%00&status=%00&workshop=%00&lead=%00&body=%00&priority=%00&overdue=%00&sort=%00&page=%00",
    f"area={MARKUP}&status={MARKUP}&q={MARKUP}&sort={MARKUP}&page={MARKUP}",
    f"status={LONG}&area={LONG}",
    "%00=%00",
    "area&status&page",
]

LIST_LIKE = [
    reverse("recommendations:recommendation_list"),
    reverse("recommendations:area_detail", args=["critical-minerals"]),
    reverse("recommendations:updates_feed"),
    reverse("recommendations:dashboard"),
    reverse("recommendations:area_list"),
    reverse("recommendations:workshop_list"),
]


@pytest.mark.parametrize("path", LIST_LIKE)
@pytest.mark.parametrize("query", BAD_QUERIES)
def test_never_a_server_error(client, public_site, path, query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{path}?{query}")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "\x00" not in body
    for captured in queries.captured_queries:
        assert "\x00" not in captured["sql"]


@pytest.mark.parametrize(
    "path",
    [
        reverse("recommendations:recommendation_list"),
        reverse("recommendations:area_detail", args=["energy-security"]),
    ],
)
def test_problems_are_reported_on_the_page(client, public_site, path):
    response = client.get(f"{path}?status=finished&page=abc&q={LONG}&sort={MARKUP}")
    html = response.content.decode()
    assert 'class="notice"' in html
    assert "Unknown status ignored: finished." in html
    assert "The page value was not understood" in html
    assert "longer than 200 characters" in html
    # The known part of the view still works.
    assert '<strong id="result-count">' in html


def test_markup_in_a_value_is_escaped_in_the_notice(client, public_site):
    html = client.get(f"/recommendations/?status={MARKUP}").content.decode()
    assert "&lt;script&gt;" in html


def test_past_the_end_on_the_area_page(client, public_site):
    response = client.get(
        reverse("recommendations:area_detail", args=["ai-governance"]) + "?page=50"
    )
    assert response.status_code == 200
    assert "There is no page 50" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/recommendations/%00/",
        "/recommendations/AJ-2025-001%00/",
        "/areas/%00/",
        "/workshops/%3Cb%3E/",
        "/recommendations/" + "A" * 5000 + "/",
    ],
)
def test_bad_path_parts_are_not_found(client, public_site, path):
    assert client.get(path).status_code == 404
