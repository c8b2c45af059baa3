"""Hostile query strings never cause a server error in the API: each gets an answer or a
JSON refusal."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzzing import FUZZ, nasty_text, percent_encoded, query_strings

pytestmark = pytest.mark.django_db

API_PARAMETERS = [
    "area",
    "status",
    "workshop",
    "lead",
    "body",
    "priority",
    "overdue",
    "slipped",
    "q",
    "sort",
    "page",
    "page_size",
    "as_of",
    "recommendation",
    "as_of_from",
    "as_of_to",
    "recorded_from",
    "recorded_to",
    "format",
]
# Values at the edges of what a date, a time or a number can hold.
edge_values = st.sampled_from(
    [
        "0001-01-01",
        "9999-12-31",
        "0001-01-01T00:00:00",
        "9999-12-31T23:59:59",
        "9999-12-31T23:59:59-14:00",
        "0001-01-01T00:00:00+14:00",
        "2026-02-29",
        "2025-13-01T25:61:61",
        "1000001",
        "2147483648",
        "-0",
    ]
)
api_pair = st.tuples(st.sampled_from(API_PARAMETERS), st.one_of(nasty_text, edge_values)).map(
    lambda pair: f"{percent_encoded(pair[0])}={percent_encoded(pair[1])}"
)
api_query_strings = st.one_of(
    query_strings, st.lists(api_pair, min_size=1, max_size=6).map("&".join)
)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/recommendations/",
        "/ja/api/v1/recommendations/",
        "/api/v1/areas/",
        "/api/v1/bodies/agency/",
        "/api/v1/workshops/",
        "/api/v1/status-updates/",
    ],
)
def test_no_query_string_causes_a_server_error(client, fuzz_targets, path):
    @FUZZ
    @given(query=api_query_strings)
    def property(query):
        response = client.get(path, QUERY_STRING=query)
        assert response.status_code in (200, 400), query
        assert response["Content-Type"] == "application/json", query

    property()


@pytest.mark.parametrize(
    "value", ["0001-01-01T00:00:00", "9999-12-31T23:59:59", "0001-01-01T00:00:00+14:00"]
)
@pytest.mark.parametrize("name", ["recorded_from", "recorded_to"])
def test_times_at_the_ends_of_the_calendar(client, fuzz_targets, name, value):
    response = client.get("/api/v1/status-updates/", {name: value})
    assert response.status_code in (200, 400)
