"""The tracker's URLs and a page that outlives the request deadline, writing a row first
(which must not survive)."""

import time

from django.db import transaction
from django.http import HttpResponse
from django.urls import path

from tracker.urls import urlpatterns as tracker_urlpatterns


def slow(request):
    from recommendations.models import PolicyArea

    with transaction.atomic():
        PolicyArea.objects.create(name="Half-written", slug="half-written")
        time.sleep(5)
    return HttpResponse("finished")


urlpatterns = [path("slow/", slow), *tracker_urlpatterns]
