"""The tracker's WSGI application for tests/tracker/test_middleware.py, with every URL and
view imported as each gunicorn worker boots.

Django imports the URLconf on the first request, and with a deadline of one second that
request can run out of time on a busy machine while still importing (leaving modules half
imported for every later request): imported here, the deadline times only the requests.
"""

from django.urls import get_resolver

from tracker.wsgi import application

get_resolver().url_patterns  # noqa: B018 - imports every view module now

__all__ = ["application"]
