"""Two officers in two browsers edit one recommendation: the second save is refused with a
message naming the first officer, and the second officer's typing is still on the page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from recommendations.models import Recommendation

from .conftest import open_page
from .site import sign_in_as_new_superuser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-browser-test-password"


def signed_in_page(new_context, site, django_user_model, username, first_name):
    page = open_page(new_context, viewport={"width": 1280, "height": 900})
    return sign_in_as_new_superuser(
        page, site, django_user_model, username, PASSWORD, first_name=first_name
    )


def test_the_second_of_two_editors_is_told_and_keeps_their_text(
    site, new_context, django_user_model
):
    recommendation = Recommendation.objects.order_by("code").first()
    change = site.url(
        reverse("admin:recommendations_recommendation_change", args=[recommendation.pk])
    )
    alice = signed_in_page(new_context, site, django_user_model, "alice", "Alice")
    bob = signed_in_page(new_context, site, django_user_model, "bob", "Bob")
    alice.goto(change)
    bob.goto(change)

    alice.fill("#id_title", "Alice's wording of the title")
    alice.click("input[name=_save]")
    alice.wait_for_url(site.url(reverse("admin:recommendations_recommendation_changelist")))

    bob.fill("#id_title", "Bob's wording of the title")
    bob.click("input[name=_save]")
    expect(bob.locator(".errorlist.nonfield")).to_contain_text("changed by Alice")
    expect(bob.locator(".errorlist.nonfield")).to_contain_text("have not been saved")
    assert bob.input_value("#id_title") == "Bob's wording of the title"
    assert Recommendation.objects.get(pk=recommendation.pk).title == "Alice's wording of the title"
