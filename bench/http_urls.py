"""The site's URLs and two reference views: the framework's ceiling on this machine."""

from django.db import connection
from django.http import HttpResponse
from django.urls import path

from tracker.urls import urlpatterns as tracker_urlpatterns


def constant(request):
    return HttpResponse("ok")


def select_one(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok")


urlpatterns = [
    path("bench/constant", constant),
    path("bench/select-1", select_one),
    *tracker_urlpatterns,
]
