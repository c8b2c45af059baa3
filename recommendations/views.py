# Placeholder until the public-site work lands; every view answers 404 meanwhile.
from django.http import Http404


def _not_yet(request, **kwargs):
    raise Http404


dashboard = recommendation_list = recommendation_detail = _not_yet
area_list = area_detail = workshop_list = workshop_detail = _not_yet
