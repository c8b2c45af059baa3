"""API answers kept in the shared page cache (recommendations/page_cache.py's table) while
the data is unchanged: the key (freshness.py) changes with every write, with the day and
with the code, so a kept answer is never stale; PAGE_CACHE_SECONDS bounds how long one is
kept and 0 turns keeping off."""

import logging

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction

from recommendations.page_cache import CACHE_ALIAS

logger = logging.getLogger(__name__)


def kept(key):
    """The body kept under `key`, or None."""
    if not settings.PAGE_CACHE_SECONDS:
        return None
    try:
        # A savepoint, so a failed read cannot spoil a surrounding transaction.
        with transaction.atomic():
            return caches[CACHE_ALIAS].get(key)
    except DatabaseError:
        logger.warning("The page cache is unavailable; run manage.py migrate.")
        return None


def keep(key, content):
    if not settings.PAGE_CACHE_SECONDS:
        return
    try:
        with transaction.atomic():
            caches[CACHE_ALIAS].set(key, content, settings.PAGE_CACHE_SECONDS)
    except DatabaseError:
        logger.warning("The page cache is unavailable; run manage.py migrate.")
