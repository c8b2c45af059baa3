"""Addresses of records, reversed once per answer: each row then only fills in its key.

A CSV of 100,000 rows, a calendar, a sitemap or a page of API results would otherwise
resolve a URL per row. The route is reversed once with a placeholder key and split
around it; the key is a code, a slug or a primary key, and is quoted by the caller where
it could need it. The CSV exports, the period report's CSV, the calendar, the open-data
files, the sitemaps and the API all build their links here.
"""

from contextlib import nullcontext

from django.urls import reverse
from django.utils.translation import override

# The query parameter naming the past day a page shows ("as it stood on"). Not to be read
# as a status update's `as_of`, the day that update took effect: in code the parameter's
# value is `day` or `day_shown`, the update's stays `as_of`.
DAY_SHOWN = "as_of"

# Keys that no route's pattern refuses: a word for <str:…> and <slug:…>, digits for <int:…>.
PLACEHOLDER = {"str": "KEYPLACEHOLDER", "int": "987654321"}


def path_around_key(route, *, kind="str", language=None):
    """(prefix, suffix) of `route`'s path around its one argument, in `language` (default:
    the active one)."""
    placeholder = PLACEHOLDER[kind]
    with override(language) if language else nullcontext():
        path = reverse(route, args=[placeholder])
    prefix, suffix = path.rsplit(placeholder, 1)
    return prefix, suffix


def origin(request):
    """scheme://host of the request, without a trailing slash."""
    return request.build_absolute_uri("/").removesuffix("/")


def absolute_around_key(request, route, *, kind="str", language=None):
    """(prefix, suffix) of `route`'s absolute address around its one argument."""
    prefix, suffix = path_around_key(route, kind=kind, language=language)
    return origin(request) + prefix, suffix


def public_link_parts(request):
    """(prefix, suffix) of a public recommendation's absolute address around its code (codes
    are URL-safe)."""
    return absolute_around_key(request, "recommendations:recommendation_detail")


def draft_link_parts(request):
    """(prefix, suffix) of a draft's admin change page around its primary key: staff
    exports link a draft there, since it has no public page."""
    return absolute_around_key(request, "admin:recommendations_recommendation_change", kind="int")


def page_link(request, route, *, language=None):
    """A function from a code or slug to the absolute address of its page."""
    prefix, suffix = absolute_around_key(request, route, language=language)
    return lambda key: f"{prefix}{key}{suffix}"
