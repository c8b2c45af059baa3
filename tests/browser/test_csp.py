"""The Content-Security-Policy (no inline script or style) breaks nothing in a real browser:
no violation on the public pages or the admin, and the admin's own scripts still run."""

import pytest
from django.urls import reverse

from recommendations.models import Recommendation, Workshop

from .conftest import open_page
from .site import sign_in_as_new_superuser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-browser-test-password"

# Recorded in the page before any of its own scripts run.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture
def watched_page(new_context):
    page = open_page(new_context, viewport={"width": 1280, "height": 800})
    page.add_init_script(LISTEN)
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.console_messages = console
    return page


def violations(page):
    reported = page.evaluate("window.__cspViolations")
    logged = [text for text in page.console_messages if "Content Security Policy" in text]
    return reported + logged


def sign_in(page, site, django_user_model):
    sign_in_as_new_superuser(page, site, django_user_model, "csp-admin", PASSWORD)


def test_public_pages_load_without_a_policy_violation(site, watched_page):
    response = watched_page.goto(site.url("/"))
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    for name in [*site.pages, *site.tool_pages]:
        site.visit(watched_page, name)
        assert violations(watched_page) == [], name


def test_admin_pages_work_under_the_policy(site, watched_page, django_user_model):
    sign_in(watched_page, site, django_user_model)
    recommendation = Recommendation.objects.order_by("code").first()
    workshop = Workshop.objects.order_by("slug").first()
    pages = [
        reverse("admin:index"),
        reverse("admin:recommendations_recommendation_changelist"),
        reverse("admin:recommendations_recommendation_change", args=[recommendation.pk]),
        reverse("admin:recommendations_recommendation_history", args=[recommendation.pk]),
        reverse("admin:recommendations_recommendation_add"),
        reverse("admin:recommendations_workshop_change", args=[workshop.pk]),
        reverse("admin:recommendations_participant_changelist"),
        reverse("admin:recommendations_statusupdate_changelist"),
    ]
    for path in pages:
        response = watched_page.goto(site.url(path))
        assert response.status == 200, path
        assert violations(watched_page) == [], path

    # The admin's scripts run: typing a title fills in the slug (prepopulate.js).
    watched_page.goto(site.url(reverse("admin:recommendations_workshop_add")))
    watched_page.fill("#id_title", "Tokyo Roundtable on Minerals")
    watched_page.locator("#id_city").focus()
    assert watched_page.input_value("#id_slug") == "tokyo-roundtable-on-minerals"
    assert violations(watched_page) == []
