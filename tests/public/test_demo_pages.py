"""Every public page answers on the demo data that `make run` serves."""

import pytest
from django.core.management import get_commands
from django.urls import reverse

from recommendations.models import PolicyArea, Recommendation, Workshop

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("seed_demo" not in get_commands(), reason="no seed_demo command"),
]


def test_every_page_answers(client, demo):
    area = PolicyArea.objects.first()
    urls = [
        reverse("recommendations:dashboard"),
        reverse("recommendations:recommendation_list"),
        reverse("recommendations:recommendation_list") + f"?area={area.slug}&status=in_progress",
        reverse("recommendations:area_list"),
        reverse("recommendations:workshop_list"),
        reverse("recommendations:updates_feed"),
        reverse("recommendations:updates_feed") + f"?area={area.slug}",
    ]
    urls += [a.get_absolute_url() for a in PolicyArea.objects.all()]
    urls += [w.get_absolute_url() for w in Workshop.objects.all()]
    urls += [r.get_absolute_url() for r in Recommendation.objects.published()]
    for url in urls:
        assert client.get(url).status_code == 200, url
    for draft in Recommendation.objects.drafts():
        assert client.get(draft.get_absolute_url()).status_code == 404


def test_dashboard_totals_match_the_demo(client, demo):
    response = client.get(reverse("recommendations:dashboard"))
    assert response.context["overall"].total == Recommendation.objects.published().count()
    assert response.context["overall"].total > 0
