"""Response headers that no installed library sets, and a deadline for every request."""

import signal
import threading

from django.conf import settings


def permissions_policy_value(policy):
    """{"camera": [], "fullscreen": ["self"]} -> 'camera=(), fullscreen=(self)'."""
    return ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in policy.items())


class PermissionsPolicyMiddleware:
    """Sends settings.PERMISSIONS_POLICY as the Permissions-Policy header on every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = permissions_policy_value(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.value:
            response.headers.setdefault("Permissions-Policy", self.value)
        return response


class RequestTookTooLong(Exception):
    """Raised inside a request that ran past settings.REQUEST_DEADLINE_SECONDS."""


class RequestDeadlineMiddleware:
    """Ends a request that runs too long with the site's own error page.

    gunicorn kills a worker whose request outlives its --timeout, and the visitor gets no
    page at all. This deadline is shorter: it raises inside the request instead, so an open
    transaction rolls back (nothing half-written) and Django answers with templates/500.html.
    It needs the request on the main thread (gunicorn's sync workers, the Dockerfile's
    command); threaded servers (runserver, gthread) leave it to their own timeouts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = getattr(settings, "REQUEST_DEADLINE_SECONDS", 0)

    def __call__(self, request):
        if not self.seconds or threading.current_thread() is not threading.main_thread():
            return self.get_response(request)
        previous = signal.signal(signal.SIGALRM, self._expired)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            return self.get_response(request)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    def _expired(self, signum, frame):
        raise RequestTookTooLong(f"request ran past its {self.seconds} s deadline")
