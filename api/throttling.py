"""A limit on requests per client address, counted where every worker can see it."""

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle

from tracker.client_address import client_address


class AnonymousRateThrottle(AnonRateThrottle):
    """settings.API_ANON_RATE per client address, in the shared API_THROTTLE_CACHE.

    The rate and the cache are looked up per request rather than at import, so a changed
    setting (a test's, say) takes effect at once.
    """

    scope = "anon"

    def __init__(self):
        self.cache = caches[settings.API_THROTTLE_CACHE]
        super().__init__()

    def get_rate(self):
        return settings.API_ANON_RATE

    def get_ident(self, request):
        # Behind TRUSTED_PROXY_COUNT proxies, the address the first of them received from:
        # the same rule as sign-in throttling, so a forged X-Forwarded-For changes nothing.
        return client_address(request)
