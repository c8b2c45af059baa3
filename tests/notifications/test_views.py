"""Following by email from the public pages: the form, sign-up, confirming, unsubscribing."""

import pytest
from django.test import Client
from django.urls import reverse

from notifications.models import Message, MessageKind, Subscription
from notifications.services import confirm
from recommendations.choices import Status
from tests.factories import make_area, make_organisation, make_recommendation

pytestmark = pytest.mark.django_db

ADDRESS = "someone@example.org"


@pytest.fixture
def site():
    area = make_area(name="Critical minerals", slug="critical-minerals")
    body = make_organisation(name="Department of Industry", slug="industry")
    published = make_recommendation(
        code="AJ-2025-001", areas=[area], bodies=[body], status=Status.IN_PROGRESS
    )
    draft = make_recommendation(code="ZZ-2099-001", areas=[area], is_published=False)
    return {"area": area, "body": body, "published": published, "draft": draft}


def post(client, **fields):
    data = {
        "email": ADDRESS,
        "followed": "area",
        "target": "critical-minerals",
        "language": "en",
        "frequency": "weekly",
        **fields,
    }
    return client.post(reverse("notifications:follow"), data)


@pytest.mark.parametrize(
    ("page", "followed", "target"),
    [
        (
            lambda s: reverse("recommendations:recommendation_list") + "?status=in_progress&page=1",
            "list",
            "status=in_progress",
        ),
        (lambda s: s["area"].get_absolute_url(), "area", "critical-minerals"),
        (lambda s: s["body"].get_absolute_url(), "body", "industry"),
        (lambda s: s["published"].get_absolute_url(), "recommendation", "AJ-2025-001"),
    ],
)
def test_each_page_offers_to_follow_what_it_shows(client, site, page, followed, target):
    html = client.get(page(site)).content.decode()
    assert 'action="/follow/"' in html
    assert f'name="followed" value="{followed}"' in html
    assert f'name="target" value="{target}"' in html


def test_japanese_pages_default_the_emails_to_japanese(client, site):
    html = client.get("/ja" + site["area"].get_absolute_url()).content.decode()
    assert 'name="language" value="ja" checked' in html


def test_sign_up_queues_one_confirmation_and_redirects(client, site):
    response = post(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("notifications:follow_sent")
    subscription = Subscription.objects.get()
    assert not subscription.is_confirmed
    [message] = Message.objects.all()
    assert message.kind == MessageKind.CONFIRMATION and message.recipient == ADDRESS
    assert subscription.token in message.body_text


def test_the_answer_is_the_same_for_a_new_and_a_subscribed_address(client, site):
    first = post(client)
    confirm(subscription=Subscription.objects.get())
    again = post(client)
    assert (first.status_code, first["Location"]) == (again.status_code, again["Location"])
    assert client.get(first["Location"]).content == client.get(again["Location"]).content
    # The confirmed subscription is untouched and gets no second confirmation.
    assert Message.objects.count() == 1
    assert Subscription.objects.get().is_confirmed


def test_a_list_is_followed_by_its_checked_filters_in_order(client, site):
    post(
        client,
        followed="list",
        target="status=in_progress&area=critical-minerals&area=nowhere&page=3&sort=-code",
    )
    assert Subscription.objects.get().target == "area=critical-minerals&status=in_progress"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "not-an-address"}, "Enter an email address like name@example.org."),
        ({"email": ""}, "Enter your email address."),
        ({"target": "no-such-area"}, "There is nothing on the public site to follow"),
        ({"followed": "recommendation", "target": "ZZ-2099-001"}, "There is nothing on the public"),
        ({"followed": "workshop"}, "Select a valid choice"),
        ({"frequency": "hourly"}, "Select a valid choice"),
    ],
)
def test_bad_sign_ups_get_a_form_error_and_nothing_is_stored(client, site, fields, message):
    response = post(client, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscription.objects.exists() and not Message.objects.exists()


def test_sign_ups_are_limited_per_client_address(client, site, settings):
    settings.NOTIFICATIONS_SIGN_UPS_PER_HOUR = 2
    assert post(client, email="a@example.org").status_code == 302
    assert post(client, email="b@example.org").status_code == 302
    response = post(client, email="c@example.org")
    assert response.status_code == 429
    assert "try again in an hour" in response.content.decode()
    assert Subscription.objects.count() == 2


def test_one_address_gets_few_confirmations_a_day(site, settings):
    settings.NOTIFICATIONS_CONFIRMATIONS_PER_DAY = 2
    for number in range(4):
        post(Client(REMOTE_ADDR=f"10.0.0.{number}"))
    assert Message.objects.filter(recipient=ADDRESS).count() == 2


def test_confirm_and_unsubscribe_pages(client, site):
    post(client)
    subscription = Subscription.objects.get()
    confirm_url = reverse("notifications:confirm", args=[subscription.token])
    page = client.get(confirm_url)
    assert page.status_code == 200 and page["Referrer-Policy"] == "no-referrer"
    assert "Critical minerals" in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    Client(enforce_csrf_checks=True).post(confirm_url)
    subscription.refresh_from_db()
    assert subscription.is_confirmed and subscription.next_digest_at

    unsubscribe_url = reverse("notifications:unsubscribe", args=[subscription.token])
    assert client.get(unsubscribe_url).status_code == 200
    assert Subscription.objects.exists()  # opening the link alone changes nothing
    assert Client(enforce_csrf_checks=True).post(unsubscribe_url).status_code == 200
    assert not Subscription.objects.exists() and not Message.objects.exists()
    # A mail client retrying the POST is told it is done; a visitor, that the link is gone.
    assert client.post(unsubscribe_url).status_code == 200
    assert client.get(unsubscribe_url).status_code == 404


@pytest.mark.parametrize(
    "name", ["notifications:confirm", "notifications:unsubscribe", "notifications:stop_reminders"]
)
def test_unknown_tokens_get_a_clear_404(client, name):
    response = client.get(reverse(name, args=["no-such-token"]))
    assert response.status_code == 404
    assert "This link no longer works" in response.content.decode()


def test_the_follow_page_explains_and_keeps_the_choice(client, site):
    response = client.get(
        reverse("notifications:follow") + "?followed=area&target=critical-minerals"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Policy area: Critical minerals" in html
    assert 'value="critical-minerals"' in html
    assert client.get(reverse("notifications:follow")).status_code == 200
    bogus = client.get(reverse("notifications:follow") + "?followed=nonsense&target=%00")
    assert bogus.status_code == 200


def test_only_the_secretariat_sees_subscribers_in_the_admin(client, site, officer, reviewer):
    post(client)
    subscription = Subscription.objects.get()
    client.force_login(officer)
    listing = client.get(reverse("admin:notifications_subscription_changelist"))
    assert listing.status_code == 200 and ADDRESS in listing.content.decode()
    page = client.get(reverse("admin:notifications_subscription_change", args=[subscription.pk]))
    assert page.status_code == 200
    client.force_login(reviewer)
    assert client.get(reverse("admin:notifications_subscription_changelist")).status_code == 403
    assert client.get(reverse("admin:notifications_message_changelist")).status_code == 403
    client.force_login(officer)
    client.post(
        reverse("admin:notifications_subscription_delete", args=[subscription.pk]), {"post": "yes"}
    )
    assert not Subscription.objects.exists()


def test_check_deploy_warns_when_emails_would_only_be_written_to_files(settings):
    from django.core.checks import run_checks

    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    assert "notifications.W001" in [m.id for m in run_checks(include_deployment_checks=True)]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert "notifications.W001" not in [m.id for m in run_checks(include_deployment_checks=True)]


def test_a_body_with_no_published_recommendation_cannot_be_followed(client, site):
    make_organisation(name="Attended only", slug="attended-only")
    response = post(client, followed="body", target="attended-only")
    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_a_followed_list_whose_area_is_gone_follows_nothing_rather_than_everything(site):
    from notifications.targets import Target

    assert Target("list", "area=critical-minerals").recommendations().count() == 1
    assert Target("list", "area=deleted-since").recommendations().count() == 0
    assert Target("area", "deleted-since").recommendations().count() == 0
    assert Target("list", "").recommendations().count() == 1  # everything, as followed
