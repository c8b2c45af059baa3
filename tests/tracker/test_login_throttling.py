"""Admin sign-in throttling (django-axes): a lockout after repeated failures, reset on success.

Through client.post to the admin login page, because django-axes needs the request that
client.login() does not pass to authenticate().
"""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, password, username="officer", address="192.0.2.10"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def fail(client, times, **who):
    for _ in range(times):
        response = sign_in(client, "wrong password", **who)
        assert response.status_code in (200, 429)
    return response


def test_the_settings_lock_five_failures_for_fifteen_minutes():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_four_failures_then_the_right_password_signs_in(client, officer):
    response = fail(client, 4)
    assert response.status_code == 200  # the login form again, with its error
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("admin:index")


def test_after_five_failures_even_the_right_password_is_refused(client, officer):
    fail(client, settings.AXES_FAILURE_LIMIT)
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Account locked" in page
    assert "even with the right password" in page
    assert "15 minutes" in page
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302  # still signed out


def test_the_lock_is_for_that_username_from_that_address(client, officer, django_user_model):
    django_user_model.objects.create_user("colleague", password=PASSWORD, is_staff=True)
    fail(client, settings.AXES_FAILURE_LIMIT)
    assert sign_in(client, PASSWORD, address="198.51.100.7").status_code == 302
    client.logout()
    assert sign_in(client, PASSWORD, username="colleague").status_code == 302


def test_a_successful_sign_in_resets_the_count(client, officer):
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    # The earlier failures no longer count: four more still leave the account open.
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, PASSWORD).status_code == 302


# -- behind a proxy (tracker/client_address.py) ---------------------------------------------

PROXY = "10.0.0.5"


def through_proxy(client, password, client_address, spoofed=""):
    """A sign-in through one proxy that appends the address it received from."""
    forwarded = f"{spoofed}, {client_address}" if spoofed else client_address
    return client.post(
        reverse("admin:login"),
        {"username": "officer", "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_two_clients_behind_one_proxy_are_counted_separately(client, officer, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        through_proxy(client, "wrong password", "198.51.100.7")
    # The attacker is locked out ...
    assert through_proxy(client, PASSWORD, "198.51.100.7").status_code == 429
    # ... the officer behind the same proxy is not.
    assert through_proxy(client, PASSWORD, "198.51.100.8").status_code == 302


def test_an_address_written_by_the_client_behind_the_proxy_is_not_believed(
    client, officer, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    # Each attempt claims a fresh address; the proxy appends the real one, which counts.
    for n in range(settings.AXES_FAILURE_LIMIT):
        through_proxy(client, "wrong password", "198.51.100.7", spoofed=f"203.0.113.{n}")
    assert (
        through_proxy(client, PASSWORD, "198.51.100.7", spoofed="203.0.113.99").status_code == 429
    )


def test_a_direct_client_cannot_spoof_its_address_with_a_header(client, officer):
    # The default: no proxy is trusted, so X-Forwarded-For means nothing.
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("admin:login"),
            {"username": "officer", "password": "wrong", "next": "/admin/"},
            REMOTE_ADDR="192.0.2.10",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
    assert sign_in(client, PASSWORD, address="192.0.2.10").status_code == 429


@pytest.mark.parametrize(
    ("count", "forwarded", "remote", "client_is"),
    [
        (0, "203.0.113.1", "192.0.2.10", "192.0.2.10"),
        (1, "203.0.113.1", "10.0.0.5", "203.0.113.1"),
        (1, "6.6.6.6, 203.0.113.1", "10.0.0.5", "203.0.113.1"),
        (2, "6.6.6.6, 203.0.113.1, 10.0.0.9", "10.0.0.5", "203.0.113.1"),
        (2, "203.0.113.1", "10.0.0.5", "10.0.0.5"),  # fewer hops than proxies
        (1, "", "10.0.0.5", "10.0.0.5"),
    ],
)
def test_the_client_address(rf, settings, count, forwarded, remote, client_is):
    from tracker.client_address import client_address

    settings.TRUSTED_PROXY_COUNT = count
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == client_is
