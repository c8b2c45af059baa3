"""A limit on sign-ups per client address, counted in the shared database cache so that
every worker and replica counts together."""

from django.conf import settings
from django.core.cache import caches

from tracker.client_address import client_address

CACHE_ALIAS = "pages"
WINDOW_SECONDS = 60 * 60


def sign_up_allowed(request):
    """Count this sign-up; False once the client address has used up the hour's allowance."""
    cache = caches[CACHE_ALIAS]
    key = f"notifications:sign-ups:{client_address(request)}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= settings.NOTIFICATIONS_SIGN_UPS_PER_HOUR
