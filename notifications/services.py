"""Every change to who gets what: signing up, confirming, unsubscribing."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import BaseUserManager
from django.db import IntegrityError, transaction
from django.utils import timezone

from recommendations.models import Organisation

from . import messages
from .models import FREQUENCY_PERIOD, Message, MessageKind, Subscription
from .outbox import queue


def normalise_email(email):
    # The domain is case-insensitive; the local part, strictly, is not.
    return BaseUserManager.normalize_email(email.strip())


def sign_up(*, email, followed, target, language, frequency, now=None):
    """Ask `email` to confirm following `target`; the caller says the same either way.

    A confirmed subscription is left as it is and nothing is sent: whoever typed the
    address learns nothing about it. An unconfirmed one takes the new choices and gets a
    fresh confirmation, at most NOTIFICATIONS_CONFIRMATIONS_PER_DAY a day per address.
    """
    now = now or timezone.now()
    email = normalise_email(email)
    try:
        with transaction.atomic():
            subscription, created = Subscription.objects.select_for_update().get_or_create(
                email=email,
                followed=followed,
                target=target,
                defaults={"language": language, "frequency": frequency},
            )
            if subscription.is_confirmed:
                return
            if not created:
                subscription.language, subscription.frequency = language, frequency
                subscription.created_at = now  # the week to confirm starts again
                subscription.save(update_fields=["language", "frequency", "created_at"])
            recent = Message.objects.filter(
                kind=MessageKind.CONFIRMATION,
                recipient=email,
                queued_at__gte=now - timedelta(days=1),
            ).count()
            if recent >= settings.NOTIFICATIONS_CONFIRMATIONS_PER_DAY:
                return
            queue(
                key=f"confirmation:{subscription.pk}:{now.isoformat()}",
                kind=MessageKind.CONFIRMATION,
                recipient=email,
                subscription=subscription,
                draft=messages.confirmation(subscription),
            )
    except IntegrityError:
        # The same address signed up for the same thing at the same moment elsewhere:
        # that request sends the confirmation.
        return


@transaction.atomic
def confirm(*, subscription, now=None):
    """Start the digests: the first covers updates recorded from this moment on."""
    if subscription.is_confirmed:
        return
    now = now or timezone.now()
    subscription.confirmed_at = subscription.covered_until = now
    subscription.next_digest_at = now + FREQUENCY_PERIOD[subscription.frequency]
    subscription.save(update_fields=["confirmed_at", "covered_until", "next_digest_at"])


def unsubscribe(*, subscription):
    """Forget the subscription at once: the address, and every message queued or sent to it."""
    subscription.delete()


@transaction.atomic
def stop_body_reminders(*, organisation, email):
    """Clear a body's reminder address, if it is still `email` (the link's address)."""
    organisation = Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    if organisation and organisation.reminder_email.lower() == email.lower():
        organisation.reminder_email = ""
        organisation.save(update_fields=["reminder_email"])
        return True
    return False


def forget_stale(*, now):
    """Delete sign-ups never confirmed in time, and sent messages after 90 days."""
    expired, _ = Subscription.objects.expired_sign_ups(now).delete()
    Message.objects.filter(sent_at__lt=now - timedelta(days=90)).delete()
    Message.objects.filter(given_up_at__lt=now - timedelta(days=90)).delete()
    return expired


def try_given_up_again(*, messages):
    """Put the given-up ones among `messages` back in the queue, attempts counted afresh;
    returns how many. One UPDATE: all of them or none."""
    return messages.filter(sent_at__isnull=True, given_up_at__isnull=False).update(
        given_up_at=None, attempts=0
    )
