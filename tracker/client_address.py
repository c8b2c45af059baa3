"""The address a request really came from, for sign-in throttling (django-axes) and logs.

Directly connected (the default, TRUSTED_PROXY_COUNT=0), it is REMOTE_ADDR and any
X-Forwarded-For header is ignored, since a client can write what it likes there. Behind
N proxies that each append the address they received from to X-Forwarded-For, the client
is the Nth entry from the right: entries further left were written by the client itself
and are never trusted.
"""

from django.conf import settings


def client_address(request):
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        # Fewer hops than configured proxies: not a request that came through them all.
        return remote
    return forwarded[-proxies]
