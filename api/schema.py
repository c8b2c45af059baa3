"""The OpenAPI document covers this API only, in either language's addresses."""

import re

API_PATH = re.compile(r"^(/ja)?/api/v1/")


def only_this_api(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: leave out any other DRF view of the project."""
    return [endpoint for endpoint in endpoints if API_PATH.match(endpoint[0])]
