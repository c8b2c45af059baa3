"""The notifications' multi-row writes that the admin calls (notifications/services.py)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Message, MessageKind
from notifications.services import try_given_up_again

pytestmark = pytest.mark.django_db


def queued(key, **fields):
    return Message.objects.create(
        key=key,
        kind=MessageKind.REMINDER,
        recipient=f"{key}@example.org",
        subject="Reminder",
        body_text="Text",
        **fields,
    )


def test_only_given_up_messages_go_back_in_the_queue_with_their_attempts_reset():
    now = timezone.now()
    given_up = queued("given-up", attempts=5, given_up_at=now, last_error="550 refused")
    waiting = queued("waiting", attempts=2, last_error="timed out")
    sent = queued("sent", attempts=1, sent_at=now, given_up_at=now)

    count = try_given_up_again(messages=Message.objects.all())

    assert count == 1
    given_up.refresh_from_db()
    assert (given_up.given_up_at, given_up.attempts) == (None, 0)
    # The error stays for the secretariat to read until the next attempt replaces it.
    assert given_up.last_error == "550 refused"
    waiting.refresh_from_db()
    assert waiting.attempts == 2
    sent.refresh_from_db()
    assert sent.given_up_at == now


def test_the_admin_action_calls_it_for_the_selected_messages(superuser_client):
    now = timezone.now()
    chosen = queued("chosen", attempts=5, given_up_at=now)
    other = queued("other", attempts=5, given_up_at=now)

    response = superuser_client.post(
        reverse("admin:notifications_message_changelist"),
        {"action": "try_again", "_selected_action": [chosen.pk]},
        follow=True,
    )

    assert "1 messages will be tried again." in response.content.decode()
    chosen.refresh_from_db()
    other.refresh_from_db()
    assert chosen.given_up_at is None
    assert other.given_up_at == now
