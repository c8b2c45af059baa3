# Placeholder until the CSV work lands.
from django.http import Http404


def recommendation_csv(request):
    raise Http404
