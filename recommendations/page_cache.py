"""Public pages kept ready between writes: the same address asked for again, with nothing
written in between, is answered from the page cache (a table every worker shares).

What a public page shows depends only on its address, its language, whether the browser
prefers Japanese (the one-line hint), the day (overdue moves at midnight) and the data. The
data's state is read in one cheap query: every write the tracker makes, from the admin, an
import, a command or a restore, leaves a row in an audit table (django-simple-history), so
the highest row id of each audit table changes whenever anything public can have changed.
Signed-in users are never served from the cache (they may see more than the public).
"""

import functools
import hashlib
import logging
import zlib

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from recommendations.bilingual import prefers_japanese

CACHE_ALIAS = "pages"

logger = logging.getLogger(__name__)


def _audit_tables():
    return sorted(
        model.history.model._meta.db_table
        for model in apps.get_app_config("recommendations").get_models()
        if hasattr(model, "history")
    )


def data_version():
    """A string that changes with every write to the tracker's data. One query, one row:
    each audit table's highest row id, read from its primary key's index."""
    qn = connection.ops.quote_name
    highest = ", ".join(
        f"(SELECT MAX({qn('history_id')}) FROM {qn(table)})" for table in _audit_tables()
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {highest}")  # noqa: S608 - table names from the models
        return "-".join(str(value or 0) for value in cursor.fetchone())


def _key(request):
    parts = [
        # Pages carry absolute addresses (hreflang alternates): one host's never reach another.
        request.scheme,
        request.get_host(),
        get_language(),
        "hint" if prefers_japanese(request) else "",
        timezone.localdate().isoformat(),
        data_version(),
        request.get_full_path(),
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


# A streamed answer (a calendar) is kept, compressed as it streams, when it ends under this
# compressed size (a calendar of 27,000 events: 18 MB, 2 MB compressed); a larger one
# streams every time rather than be held in a worker's memory.
STREAM_KEPT_UP_TO = 8 * 1024 * 1024


def _kept_as_it_streams(response, cache, key, timeout, chunks):
    """Relay `chunks` and keep the whole answer once it has streamed to its end."""
    packer, packed, size = zlib.compressobj(6), [], 0
    for chunk in chunks:
        if packed is not None:
            packed.append(packer.compress(bytes(chunk)))
            size += len(packed[-1])
            if size > STREAM_KEPT_UP_TO:
                packed = None
        yield chunk
    if packed is not None:
        packed.append(packer.flush())
    if packed is not None and size + len(packed[-1]) <= STREAM_KEPT_UP_TO:
        # The third item marks a compressed entry.
        entry = (b"".join(packed), list(response.items()), "zlib")
        try:
            with transaction.atomic():
                cache.set(key, entry, timeout)
        except DatabaseError:
            logger.warning("The page cache is unavailable; run manage.py migrate.")


def cached_public_page(view):
    """Serve an anonymous GET of `view` from the page cache while the data is unchanged.

    Only complete 200 responses are kept (never an error or a redirect; a stream once it
    has ended, up to STREAM_KEPT_UP_TO); headers the view set travel with the body, and the
    middleware adds its own to the cached answer as to a fresh one.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        timeout = settings.PAGE_CACHE_SECONDS
        # A session cookie may mean a signed-in user: never read the session here (that
        # would add Vary: Cookie to every public page), just leave such requests alone.
        signed_in = settings.SESSION_COOKIE_NAME in request.COOKIES
        if not timeout or request.method != "GET" or signed_in:
            return view(request, *args, **kwargs)
        cache = caches[CACHE_ALIAS]
        key = _key(request)
        try:
            # A savepoint, so a failed read cannot spoil a surrounding transaction.
            with transaction.atomic():
                kept = cache.get(key)
        except DatabaseError:
            # No cache table (migrate not run since it was added): serve the page as built.
            logger.warning("The page cache is unavailable; run manage.py migrate.")
            return view(request, *args, **kwargs)
        if kept is not None:
            content, headers, *packed = kept
            response = HttpResponse(zlib.decompress(content) if packed else content)
            for name, value in headers:
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and response.streaming:
            response.streaming_content = _kept_as_it_streams(
                response, cache, key, timeout, response.streaming_content
            )
        elif response.status_code == 200:
            if hasattr(response, "render") and callable(response.render):
                response.render()
            try:
                with transaction.atomic():
                    cache.set(key, (response.content, list(response.items())), timeout)
            except DatabaseError:
                logger.warning("The page cache is unavailable; run manage.py migrate.")
        return response

    return wrapper
