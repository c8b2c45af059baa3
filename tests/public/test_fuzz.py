"""Fuzzed query strings never cause a server error on a public page, the CSV or the feed.

The import files are fuzzed in tests/importer/test_fuzz.py, the admin's upload in
tests/admin/test_upload_fuzz.py, the API's query strings in tests/api/test_fuzz.py.
"""

import pytest
from hypothesis import given

from tests.fuzzing import FUZZ, query_strings

pytestmark = pytest.mark.django_db


def get_fully(client, path, query):
    response = client.get(path, QUERY_STRING=query)
    if response.streaming:
        b"".join(response.streaming_content)  # errors inside a stream count too
    return response


@pytest.mark.parametrize(
    "path",
    [
        "/recommendations/",
        "/areas/energy/",
        "/recommendations/export.csv",
        "/updates.atom",
    ],
)
def test_no_query_string_causes_a_server_error(client, fuzz_targets, path):
    @FUZZ
    @given(query=query_strings)
    def property(query):
        response = get_fully(client, path, query)
        assert response.status_code < 500, query
        assert response.status_code in (200, 400), query

    property()
