"""send_notifications end to end, through a real SMTP server on a loopback port.

Sign up → confirmation → confirm → a status update → digest → one-click unsubscribe (the
RFC 8058 POST a mail client makes); the secretariat's reminder; and the promises about
sending: twice or interrupted never sends twice, a server that is down loses nothing.
"""

import datetime
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from notifications import outbox
from notifications.models import Message, Subscription
from recommendations.choices import Country, Status
from recommendations.services import record_status_update
from tests.factories import MAILING_DRAFT_TITLE as DRAFT_TITLE
from tests.factories import make_mailing_tracker
from tests.notifications.mailserver import MailServer, body_html, body_text

# Real transactions (the outbox's claims are committed); serialized_rollback puts the
# migrations' rows back afterwards, as tests/conftest.py asks of every such test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ADDRESS = "official@agency.example"
PRIVATE_NOTE = "PRIVATE-NOTE-CANARY cabinet has not seen this"


@pytest.fixture
def mail_server(settings):
    server = MailServer().start()
    for name, value in server.settings().items():
        setattr(settings, name, value)
    settings.SITE_URL = "http://testserver"
    yield server
    server.stop()


@pytest.fixture
def mailing_tracker():
    return make_mailing_tracker()


def sign_up(client, followed="area", target="critical-minerals", **fields):
    data = {
        "email": ADDRESS,
        "followed": followed,
        "target": target,
        "language": "en",
        "frequency": "daily",
        **fields,
    }
    return client.post(reverse("notifications:follow"), data)


def send(**options):
    call_command("send_notifications", verbosity=0, **options)


def link_in(message, name):
    """The first address in the plain text leading to the named view."""
    prefix = "http://testserver" + reverse(name, args=["TOKEN"]).split("TOKEN")[0]
    return re.search(re.escape(prefix) + r"[^/\s]+/", body_text(message)).group(0)


def header_path(message, name):
    """The address in an `<…>` header such as List-Unsubscribe, as a path on this site."""
    url = re.search(r"<([^>]+)>", str(message[name])).group(1)
    return url.removeprefix("http://testserver")


def make_digest_due():
    Subscription.objects.update(next_digest_at=timezone.now() - timedelta(seconds=1))


def test_sign_up_confirm_digest_and_one_click_unsubscribe(client, mailing_tracker, mail_server):
    inbox = mail_server.inbox
    assert sign_up(client).status_code == 302
    send()
    [confirmation] = inbox.to(ADDRESS)
    assert "Confirm" in confirmation["Subject"]
    assert "Critical minerals" in body_text(confirmation)
    assert confirmation["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Opening the link shows a button; only pressing it confirms (mail scanners open links).
    confirm_url = link_in(confirmation, "notifications:confirm").removeprefix("http://testserver")
    assert client.get(confirm_url).status_code == 200
    assert not Subscription.objects.get().is_confirmed
    client.post(confirm_url)
    assert Subscription.objects.get().is_confirmed

    record_status_update(
        recommendation=mailing_tracker["followed"],
        status=Status.IN_PROGRESS,
        as_of=datetime.date.today(),
        summary="Negotiations on the stockpile have begun.",
        private_note=PRIVATE_NOTE,
    )
    record_status_update(
        recommendation=mailing_tracker["other"],
        status=Status.IN_PROGRESS,
        as_of=datetime.date.today(),
    )
    record_status_update(
        recommendation=mailing_tracker["draft"],
        status=Status.PARTIALLY_IMPLEMENTED,
        as_of=datetime.date.today(),
        summary=DRAFT_TITLE,
    )
    send()  # not due yet: a daily digest waits a day
    assert len(inbox.to(ADDRESS)) == 1
    make_digest_due()
    send()
    digest = inbox.to(ADDRESS)[-1]
    text, html = body_text(digest), body_html(digest)
    assert "1 new status update" in digest["Subject"]
    assert "AJ-2025-001" in text and "Negotiations on the stockpile have begun." in text
    assert "http://testserver/recommendations/AJ-2025-001/#update-" in text
    for leaked in ("AJ-2025-002", DRAFT_TITLE, "ZZ-2099-001", PRIVATE_NOTE):
        assert leaked not in text and leaked not in html and leaked not in digest["Subject"]
    assert "<img" not in html  # no tracking pixels, no remote images

    # Nothing new: no digest at all.
    make_digest_due()
    send()
    assert len(inbox.to(ADDRESS)) == 2

    # The mail client's one-click unsubscribe: a POST with no cookie and no CSRF token.
    unsubscribe_url = header_path(digest, "List-Unsubscribe")
    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_url, {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert not Message.objects.filter(recipient=ADDRESS).exists()


def test_japanese_subscription_gets_japanese_email(client, mailing_tracker, mail_server):
    sign_up(client, language="ja")
    send()
    [confirmation] = mail_server.inbox.to(ADDRESS)
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", confirmation["Subject"])
    assert '<html lang="ja">' in body_html(confirmation)
    assert "/ja/follow/confirm/" in body_text(confirmation)


def test_reminders_go_to_the_secretariat_with_drafts_and_to_bodies_without(
    mailing_tracker, mail_server, django_user_model, settings
):
    settings.NOTIFICATIONS_REMINDER_WEEKDAY = 0
    officer = django_user_model.objects.create_user(
        "officer", "officer@secretariat.example", "pw", is_staff=True
    )
    # get_or_create: a transactional test's flush has removed the migration's group.
    officer.groups.add(Group.objects.get_or_create(name="Secretariat")[0])
    django_user_model.objects.create_user("reviewer", "reviewer@example.org", "pw", is_staff=True)
    past = timezone.localdate() - timedelta(days=3)
    soon = timezone.localdate() + timedelta(days=10)
    mailing_tracker["followed"].target_date = past
    mailing_tracker["followed"].save()
    mailing_tracker["draft"].target_date = soon
    mailing_tracker["draft"].save()
    body = mailing_tracker["body"]
    body.reminder_email = "desk@industry.example"
    body.country = Country.JAPAN
    body.save()

    send()
    send()  # the week's reminder goes once, however often the command runs
    [staff] = mail_server.inbox.to("officer@secretariat.example")
    text = body_text(staff)
    assert "AJ-2025-001" in text and DRAFT_TITLE in text
    assert "/admin/recommendations/recommendation/" in text
    assert "1 overdue, 1 due within 30 days" in staff["Subject"]
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text)  # and in Japanese too
    assert not mail_server.inbox.to("reviewer@example.org")

    [desk] = mail_server.inbox.to("desk@industry.example")
    assert "AJ-2025-001" in body_text(desk)
    assert DRAFT_TITLE not in body_text(desk) and "ZZ-2099-001" not in body_text(desk)
    # The body's reminder can be stopped from the email, with the header's one-click POST.
    stop = header_path(desk, "List-Unsubscribe")
    assert Client(enforce_csrf_checks=True).post(stop).status_code == 200
    body.refresh_from_db()
    assert body.reminder_email == ""


def queue_confirmations(client, count):
    for number in range(count):
        sign_up(client, email=f"person{number}@example.org")
    return [f"person{number}@example.org" for number in range(count)]


def test_running_twice_sends_each_message_once(client, mailing_tracker, mail_server):
    addresses = queue_confirmations(client, 5)
    send(batch_size=2)
    send(batch_size=2)
    assert sorted(m["To"] for m in mail_server.inbox.messages) == sorted(addresses)


def test_a_run_killed_between_batches_loses_and_repeats_nothing(
    client, mailing_tracker, mail_server, monkeypatch
):
    addresses = queue_confirmations(client, 5)
    real_claim, calls = outbox._claim, []

    def claim_then_die(*args):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the process is stopped between two batches
        return real_claim(*args)

    monkeypatch.setattr(outbox, "_claim", claim_then_die)
    with pytest.raises(KeyboardInterrupt):
        send(batch_size=2)
    assert len(mail_server.inbox.messages) == 2
    monkeypatch.setattr(outbox, "_claim", real_claim)
    send(batch_size=2)
    assert sorted(m["To"] for m in mail_server.inbox.messages) == sorted(addresses)


def test_a_run_killed_mid_batch_lets_the_claim_expire(
    client, mailing_tracker, mail_server, monkeypatch
):
    addresses = queue_confirmations(client, 3)
    monkeypatch.setattr(outbox, "_email", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        send()
    monkeypatch.undo()
    send()  # still claimed by the dead run: nothing yet, nothing twice
    assert mail_server.inbox.messages == []
    Message.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))
    send()
    assert sorted(m["To"] for m in mail_server.inbox.messages) == sorted(addresses)


def test_mail_server_down_loses_nothing(client, mailing_tracker, settings):
    addresses = queue_confirmations(client, 3)
    server = MailServer()  # not started: its port refuses connections
    for name, value in server.settings().items():
        setattr(settings, name, value)
    with pytest.raises(CommandError, match="could not be reached"):
        send()
    assert Message.objects.unsent().count() == 3
    assert set(Message.objects.values_list("attempts", flat=True)) == {0}
    server.start()
    try:
        send()
    finally:
        server.stop()
    assert sorted(m["To"] for m in server.inbox.messages) == sorted(addresses)
    assert not Message.objects.unsent().exists()


def test_a_refused_address_is_retried_then_given_up(client, mailing_tracker, mail_server, settings):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 2
    queue_confirmations(client, 2)
    mail_server.inbox.refuse.add("person0@example.org")
    with pytest.raises(CommandError, match="refused 1"):
        send()
    assert [m["To"] for m in mail_server.inbox.messages] == ["person1@example.org"]
    refused = Message.objects.get(recipient="person0@example.org")
    assert refused.attempts == 1 and "550" in refused.last_error and refused.given_up_at is None
    with pytest.raises(CommandError):
        send()
    refused.refresh_from_db()
    assert refused.given_up_at is not None
    send()  # given up: no more tries, and the run is clean
    assert len(mail_server.inbox.messages) == 1


def test_unconfirmed_sign_ups_expire(client, mailing_tracker, mail_server, settings):
    sign_up(client)
    Subscription.objects.update(created_at=timezone.now() - timedelta(days=8))
    send()
    assert not Subscription.objects.exists()
